// The boundary rules: step code reaches the appliance only through target protocols, so nothing
// under steps/ may import twin/, except the twin target adapter; the twin itself reads fixtures/.
// Inside the twin, the network and the platform may not import the appliance's modules.
// And step definitions and model commands act only through tasks: no keypad, screen, protocol
// (need) or Playwright locator of their own, and no action described on the spot (act).
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

/** A relative path to a twin/appliance/ module from `up` directories up inside twin/, built for the same reason. */
const applianceModule = (up: number, module: string) => `${'../'.repeat(up)}${['appliance', module].join('/')}`;

describe('the appliance boundary', () => {
  test('the network importing the appliance\'s configuration is an error', async () => {
    const code = `import { effectiveLan } from '${applianceModule(1, 'config.ts')}';\nexport const lan = effectiveLan;\n`;
    const result = await lint(code, 'twin/network/path.ts');
    const errors = boundaryErrors(result);
    assert.equal(errors.length, 1, JSON.stringify(result.messages));
    assert.match(errors[0]!.message, /twin\/network\/interface\.ts/);
    assert.equal(errors[0]!.line, 1);
  });

  test('anything under twin/cloud/, at any depth, type-only imports too', async () => {
    for (const [path, file] of [
      [applianceModule(1, 'identity.ts'), 'twin/cloud/platform.ts'],
      [applianceModule(2, 'identity.ts'), 'twin/cloud/portal/appliances.ts'],
      [`../../${['twin', 'appliance', 'identity.ts'].join('/')}`, 'twin/cloud/records.ts'],
    ] as const) {
      const code = `import type { Identity } from '${path}';\nexport type I = Identity;\n`;
      const result = await lint(code, file);
      assert.equal(boundaryErrors(result).length, 1, `${file} importing ${path}: ${JSON.stringify(result.messages)}`);
    }
  });

  test('the network may import its own interface and the lab\'s spec; the appliance may import the network', async () => {
    const network = "import type { Attachment } from './interface.ts';\nimport type { NetworkSpec } from '../../fixtures/networks.ts';\nexport type A = [Attachment, NetworkSpec];\n";
    const appliance = "import type { Network } from '../network/interface.ts';\nimport type { ConfigResponse } from '../cloud/api.ts';\nexport type N = [Network, ConfigResponse];\n";
    for (const [code, file] of [[network, 'twin/network/model.ts'], [appliance, 'twin/appliance/appliance.ts']] as const) {
      const result = await lint(code, file);
      assert.deepEqual(boundaryErrors(result), [], file);
      assert.equal(result.errorCount, 0, JSON.stringify(result.messages));
    }
  });
});

function throughTasksErrors(result: ESLint.LintResult) {
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax' && m.severity === 2 && /only through tasks/.test(m.message));
}

describe('steps and model commands act only through tasks', () => {
  const interactions = {
    'a key pressed on the target': "export async function f(world: { target: { keypad: { press(k: string): Promise<void> } } }) {\n  await world.target.keypad.press('ENTER');\n}\n",
    'the target\'s screen read': 'export async function f(world: { target: { screen: { read(): Promise<unknown> } } }) {\n  return world.target.screen.read();\n}\n',
    'a Playwright getByRole': "export async function f(page: { getByRole(r: string): { click(): Promise<void> } }) {\n  await page.getByRole('button').click();\n}\n",
    'a Playwright getByLabel': "export async function f(page: { getByLabel(r: string): { fill(v: string): Promise<void> } }) {\n  await page.getByLabel('Port').fill('514');\n}\n",
    'a Playwright locator': "export async function f(page: { locator(s: string): { count(): Promise<number> } }) {\n  return page.locator('form').count();\n}\n",
    'a protocol taken with this.need': "export async function f(this: { need(p: string): { pressButton(): Promise<void> } }) {\n  await this.need('power').pressButton();\n}\n",
    'a lab protocol taken with actor.need': "export async function f(actor: { need(p: string): { platform(): Promise<unknown> } }) {\n  return actor.need('platform').platform();\n}\n",
    'an action described on the spot with act': "export async function f(world: { act(d: string, a: () => Promise<void>): Promise<void> }) {\n  await world.act('press ENTER', async () => undefined);\n}\n",
  } as const;

  for (const [what, code] of Object.entries(interactions)) {
    test(`${what} in a step definition or a model command is an error`, async () => {
      for (const file of ['steps/definitions/screen.steps.ts', 'steps/support/model/commands.ts']) {
        const result = await lint(code, file);
        assert.equal(throughTasksErrors(result).length, 1, `${file}: ${JSON.stringify(result.messages)}`);
        assert.equal(throughTasksErrors(result)[0]!.line, 2);
      }
    });
  }

  test('a task performed with attemptsTo is not, nor a scenario note taken with notes.need', async () => {
    const code = [
      "import { Press } from '../support/tasks/panel.ts';",
      "import type { Actor } from '../support/actor.ts';",
      "export async function f(actor: Actor) {",
      "  await actor.attemptsTo(Press('ENTER'));",
      "  return actor.notes.need({ name: 'code' } as never, 'read it first');",
      '}',
      '',
    ].join('\n');
    for (const file of ['steps/definitions/keypad.steps.ts', 'steps/support/model/commands.ts']) {
      const result = await lint(code, file);
      assert.equal(result.errorCount, 0, `${file}: ${JSON.stringify(result.messages)}`);
    }
  });

  test('need() and act() inside a task are not', async () => {
    for (const what of ['a protocol taken with this.need', 'an action described on the spot with act'] as const) {
      const result = await lint(interactions[what], 'steps/support/tasks/power.ts');
      assert.equal(result.errorCount, 0, `${what}: ${JSON.stringify(result.messages)}`);
    }
  });

  test('a task call is not, and neither is the same interaction inside a task', async () => {
    const call = "import { readScreen } from '../support/tasks/panel.ts';\nexport const f = (actor: Parameters<typeof readScreen>[0]) => readScreen(actor);\n";
    const result = await lint(call, 'steps/definitions/screen.steps.ts');
    assert.equal(result.errorCount, 0, JSON.stringify(result.messages));
    const inTask = await lint(interactions['the target\'s screen read'], 'steps/support/tasks/panel.ts');
    assert.equal(inTask.errorCount, 0, JSON.stringify(inTask.messages));
  });

  test('those files are still held to erasable syntax (the later block keeps the earlier selectors)', async () => {
    const result = await lint('export enum Mode { A }\n', 'steps/definitions/screen.steps.ts');
    assert.ok(result.messages.some((m) => m.ruleId === 'no-restricted-syntax' && /no enums/.test(m.message)), JSON.stringify(result.messages));
  });
});
