// The boundary rule: step code reaches the appliance only through target protocols, so nothing
// under steps/ may import twin/, except the twin target adapter; the twin itself reads fixtures/.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import { projectRoot } from '../fixtures/load.ts';

const eslint = new ESLint({ cwd: projectRoot });

async function lint(code: string, filePath: string): Promise<ESLint.LintResult> {
  const [result] = await eslint.lintText(code, { filePath });
  assert.ok(result, `a result for ${filePath}`);
  return result;
}

function boundaryErrors(result: ESLint.LintResult) {
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2);
}

/**
 * A relative path to a twin/ module, `up` directories up. Built, not written out: this file's own
 * source holds no import of twin/ for a scan of the boundary to mistake for one.
 */
const twinModule = (up: number, module: string) => `${'../'.repeat(up)}${['twin', module].join('/')}`;

const importClock = (path: string) => `import { VirtualClock } from '${path}';\nexport const clock = new VirtualClock();\n`;

describe('the twin boundary', () => {
  test('a step definition importing twin/ is an error', async () => {
    const result = await lint(importClock(twinModule(2, 'clock.ts')), 'steps/definitions/power.steps.ts');
    const errors = boundaryErrors(result);
    assert.equal(errors.length, 1, JSON.stringify(result.messages));
    assert.match(errors[0]!.message, /only through target protocols/);
    assert.equal(errors[0]!.line, 1);
  });

  test('any file under steps/ outside the twin adapter is held to it, whatever the depth', async () => {
    for (const [path, file] of [
      [twinModule(1, 'clock.ts'), 'steps/support/world.ts'],
      [twinModule(2, 'appliance/appliance.ts'), 'steps/support/tasks/navigation.ts'],
      [twinModule(3, 'clock.ts'), 'steps/support/targets/serial/driver.ts'],
      [twinModule(2, 'clock.ts'), 'steps/cli/start.ts'],
    ] as const) {
      const result = await lint(importClock(path), file);
      assert.equal(boundaryErrors(result).length, 1, `${file} importing ${path}: ${JSON.stringify(result.messages)}`);
    }
  });

  test('type-only imports of twin/ are refused too', async () => {
    const code = `import type { Clock } from '${twinModule(2, 'clock.ts')}';\nexport type C = Clock;\n`;
    const result = await lint(code, 'steps/definitions/time.steps.ts');
    assert.equal(boundaryErrors(result).length, 1, JSON.stringify(result.messages));
  });

  test('the twin target adapter may import twin/', async () => {
    for (const path of [twinModule(4, 'clock.ts'), twinModule(2, 'clock.ts')]) {
      const result = await lint(importClock(path), 'steps/support/targets/twin/adapter.ts');
      assert.deepEqual(boundaryErrors(result), [], path);
      assert.equal(result.errorCount, 0, JSON.stringify(result.messages));
    }
  });

  test('twin/ code may import fixtures/', async () => {
    const code = "import { keys } from '../../fixtures/profiles.ts';\nexport const first = keys[0];\n";
    const result = await lint(code, 'twin/appliance/keys.ts');
    assert.equal(result.errorCount, 0, JSON.stringify(result.messages));
  });

  test('steps may import fixtures/ (only twin/ is fenced off)', async () => {
    const code = "import { keys } from '../../fixtures/profiles.ts';\nexport const first = keys[0];\n";
    const result = await lint(code, 'steps/definitions/keys.steps.ts');
    assert.equal(result.errorCount, 0, JSON.stringify(result.messages));
  });
});
