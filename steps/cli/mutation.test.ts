// npm run mutation's own arithmetic and input checks (the Stryker run itself is its own command,
// not part of npm test): a mutant caught in either generation is caught; killed, timed out and
// equivalent (ignored) mutants count, compile and runtime errors count neither way; bad input is
// one line and exit code 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeOutcomes, parseMutationRequest, scoresOf, DEFAULT_SCOPE } from './mutation.ts';
import { UsageError } from './usage.ts';

const at = (file: string, n: number, status: string) => ({ file, key: `${file}:${n}:1-${n}:5 StringLiteral ""`, status });

test('a mutant is caught when either generation\'s scenarios catch it', () => {
  const merged = mergeOutcomes([
    [at('twin/a.ts', 1, 'Survived'), at('twin/a.ts', 2, 'Killed'), at('twin/a.ts', 3, 'NoCoverage'), at('twin/a.ts', 4, 'RuntimeError')],
    [at('twin/a.ts', 1, 'Killed'), at('twin/a.ts', 2, 'Survived'), at('twin/a.ts', 3, 'Survived'), at('twin/a.ts', 4, 'Survived')],
  ]);
  assert.deepEqual(merged.map((o) => o.status), ['Killed', 'Killed', 'NoCoverage', 'Survived']);
});

test('the score per file: killed, timed out and ignored of all valid mutants', () => {
  const scores = scoresOf([
    at('twin/a.ts', 1, 'Killed'), at('twin/a.ts', 2, 'Timeout'), at('twin/a.ts', 3, 'Ignored'), at('twin/a.ts', 4, 'Survived'),
    at('twin/a.ts', 5, 'CompileError'), at('twin/b.ts', 1, 'NoCoverage'),
  ]);
  assert.deepEqual(scores, [
    { file: 'twin/a.ts', mutants: 5, caught: 3, missed: 1, invalid: 1, score: 75 },
    { file: 'twin/b.ts', mutants: 1, caught: 0, missed: 1, invalid: 0, score: 0 },
  ]);
});

test('the default scope is the twin\'s firmware logic, both generations', () => {
  const request = parseMutationRequest([]);
  assert.deepEqual(request.mutate, DEFAULT_SCOPE);
  assert.deepEqual(request.generations, ['2022', '2017']);
  assert.equal(request.features, 'features/**/*.feature');
});

for (const [what, argv, says] of [
  ['a generation the twin does not run the suite in', ['--generation', 'older'], /--generation older: the twin's suite runs 2017, 2022 or all/],
  ['a file outside the twin', ['steps/support/world.ts'], /steps\/support\/world\.ts: mutation is of the twin's firmware logic/],
  ['features that select nothing', ['--features', 'features/none/*.feature'], /--features features\/none\/\*\.feature: selects no feature file/],
  ['a bad flag', ['--nope'], /Unknown option '--nope'/],
] as const) {
  test(`bad input: ${what}`, () => {
    assert.throws(() => parseMutationRequest([...argv]), (e: Error) => e instanceof UsageError && says.test(e.message) && !e.message.includes('\n'));
  });
}
