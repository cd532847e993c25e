// npm run fuzz, end to end on the in-process twin: bad input ends in one line and exit code 2
// before anything runs; a sound field passes; a deviation planted in a copy of the 2022 profile
// (PROXY USER takes "!", which the guide does not list) is found, shrunk to a short value,
// written with its seed and path, and replayed exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../fixtures/load.ts';
import { firmwareDir } from '../../fixtures/profiles.ts';

const cli = join(projectRoot, 'steps', 'cli', 'fuzz.ts');

function fuzz(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const badInputs: Array<[string, string[], RegExp]> = [
  ['an unknown target', ['--target', 'nope', '--generation', '2022'], /unknown target "nope" \(known: .*twin/],
  ['an unknown field, listing the known prompts', ['--target', 'twin', '--generation', '2022', '--field', 'NO SUCH'], /--field "NO SUCH": .*known: "VLAN 0-4094".*"PROXY USER:"/],
  ['a bad --runs', ['--target', 'twin', '--generation', '2022', '--runs', '0'], /--runs 0: expected a whole number/],
  ['a missing replay file', ['--replay', join(tmpdir(), 'no-such-fuzz-failure.json')], /--replay .*no-such-fuzz-failure\.json: no such file/],
  ['a generation the target does not run', ['--target', 'twin-unit', '--generation', 'older'], /--generation older: target twin-unit runs/],
];

for (const [what, args, message] of badInputs) {
  test(`fuzz: ${what} ends in one line and exit code 2`, () => {
    const run = fuzz(args);
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stdout, '');
    const lines = run.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, message);
  });
}

test('fuzz: a field of the twin passes 20 tries', () => {
  const run = fuzz(['--target', 'twin', '--generation', '2022', '--field', 'PROXY USER:', '--runs', '20']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /^PROXY USER:: passed 20 tries/m);
});

test('fuzz: a character the guide forbids, planted in the twin\'s profile, is found, shrunk, written and replayed', () => {
  const planted = mkdtempSync(join(tmpdir(), 'qsa-planted-'));
  const profile = readFileSync(join(firmwareDir, '2022.yaml'), 'utf8');
  const userAlphabet = '    alphabet: [a-z, A-Z, 0-9, _, "-", "\\\\", ., "@"]\n    maxLength: 32';
  assert.ok(profile.includes(userAlphabet), 'the 2022 profile\'s PROXY USER alphabet is where the test expects it');
  writeFileSync(join(planted, '2022.yaml'), profile.replace(userAlphabet, userAlphabet.replace('"@"]', '"@", "!"]')));
  const env = { QSA_TWIN_FIRMWARE_DIR: planted };
  const seed = '4242';
  const file = join(projectRoot, 'reports', 'fuzz', `proxy-user-${seed}.json`);
  rmSync(file, { force: true });
  try {
    const run = fuzz(['--target', 'twin', '--generation', '2022', '--field', 'PROXY USER:', '--runs', '200', '--seed', seed], env);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /PROXY USER:: FAILED .*"!"/);
    assert.ok(existsSync(file), `${file} written`);
    const failure = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(failure.seed, Number(seed));
    assert.match(failure.path, /^\d+(:\d+)*$/);
    assert.ok('replayPath' in failure);
    assert.equal(failure.case.kind, 'text');
    assert.ok(failure.case.text.includes('!') && failure.case.text.length <= 2, `shrunk to a short value: ${JSON.stringify(failure.case.text)}`);
    assert.ok(failure.transcript.some((l: string) => l.includes('PROXY USER:')), 'the transcript of the shrunk try');

    const replay = fuzz(['--replay', file], env);
    assert.equal(replay.code, 1, replay.stdout + replay.stderr);
    assert.match(replay.stdout, new RegExp(`FAILED .*${failure.described.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    // The same try on the twin as the guide has it passes: the replay runs that one value, exactly.
    const sound = fuzz(['--replay', file]);
    assert.equal(sound.code, 0, sound.stdout + sound.stderr);
  } finally {
    rmSync(file, { force: true });
    rmSync(planted, { recursive: true, force: true });
  }
});

const modelBadInputs: Array<[string, string[], RegExp]> = [
  ['a generation the procedures are not modelled for', ['--model', '--target', 'twin', '--generation', 'older'], /--generation older: the configuration procedures are modelled for 2017 and 2022/],
  ['--commands without --model', ['--target', 'twin', '--generation', '2022', '--commands', '5'], /--commands: only a model-based run \(--model\) takes it/],
  ['--model with a field', ['--model', '--target', 'twin', '--generation', '2022', '--field', 'VLAN 0-4094'], /--field: a model-based run drives configuration procedures, not one field/],
];
for (const [what, args, message] of modelBadInputs) {
  test(`fuzz --model: ${what} ends in one line and exit code 2`, () => {
    const run = fuzz(args);
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, message);
  });
}

test('fuzz --model on twin-unit (no power button): each run starts from the unit as it stands, reset the documented way', { timeout: 180_000 }, () => {
  const run = fuzz(['--model', '--target', 'twin-unit', '--generation', '2022', '--runs', '2', '--commands', '4', '--seed', '7']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /^model: passed 2 runs, \d+ procedures carried out/m);
});

test('fuzz --model: a menu label planted in the twin\'s profile is found, shrunk, written and replayed', () => {
  const planted = mkdtempSync(join(tmpdir(), 'qsa-planted-model-'));
  const profile = readFileSync(join(firmwareDir, '2022.yaml'), 'utf8');
  const label = '{ label: "DISABLE PROXY", when: [proxy-enabled]';
  assert.ok(profile.includes(label), 'the 2022 profile\'s DISABLE PROXY item is where the test expects it');
  writeFileSync(join(planted, '2022.yaml'), profile.replace(label, label.replace('DISABLE PROXY', 'DISABLE PROXI')));
  const env = { QSA_TWIN_FIRMWARE_DIR: planted };
  const file = join(projectRoot, 'reports', 'fuzz', 'model-2022-seed99.json');
  rmSync(file, { force: true });
  try {
    const run = fuzz(['--model', '--target', 'twin', '--generation', '2022', '--runs', '30', '--commands', '10', '--seed', '99'], env);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /^model: FAILED after \d+ runs/m);
    assert.ok(existsSync(file), `${file} written`);
    const failure = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual([failure.kind, failure.target, failure.seed], ['model', 'twin', 99]);
    assert.match(failure.commands, /^(Enable|Change)Proxy/, 'the shrunk sequence enables the proxy, where the label shows');
    assert.ok((failure.commands.match(/(^|,)[A-Z][A-Za-z]*/g) ?? []).length <= 3, `shrunk to a short sequence: ${failure.commands}`);
    assert.equal(failure.replay, `npm run fuzz -- --replay ${join('reports', 'fuzz', 'model-2022-seed99.json')}`);
    const replay = fuzz(['--replay', file], env);
    assert.equal(replay.code, 1, replay.stdout + replay.stderr);
    // The same sequence on the twin as the guide has it passes: the replay runs that one sequence.
    const sound = fuzz(['--replay', file]);
    assert.equal(sound.code, 0, sound.stdout + sound.stderr);
    assert.match(sound.stdout, /replaying a failure/);
  } finally {
    rmSync(file, { force: true });
    rmSync(planted, { recursive: true, force: true });
  }
});
