// The strategy from any screen (design principle 13), as a property: on one unit that lives
// through the test (the twin in a process of its own, reached only through its console at
// forty times real time, as twin-unit is), a random walk of keys and typed characters leaves
// the unit anywhere (a menu, a confirmation, a field with any cursor position, insert/delete
// mode, a refused entry, a message), and then the strategy brings it to each named state: the
// status screen, the main menu, a prompt deep in a procedure, the status screen again. It must
// get there every time, and no stored value may change on the way: the twin writes its stored
// configuration to a file, which the test (not the suite) compares.
//
// STRATEGY_RUNS (default 12) walks per generation; STRATEGY_SEED fixes the seed.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Key } from '../../fixtures/profiles.ts';
import { loadTargetStatement, validateStatement } from '../../fixtures/targets.ts';
import { Actor } from './actor.ts';
import type { TargetSession } from './protocols.ts';
import { shows } from './screens.ts';
import { reach } from './strategy.ts';
import { openTarget } from './targets/index.ts';
import { startTwin } from './targets/serial/session.ts';
import { openMainMenu, openPrompt, waitForInput } from './tasks/navigation.ts';

const runs = Number(process.env['STRATEGY_RUNS'] || 12);
const seed = process.env['STRATEGY_SEED'] ? Number(process.env['STRATEGY_SEED']) : undefined;
const dir = mkdtempSync(join(tmpdir(), 'qsa-strategy-'));
after(() => rmSync(dir, { recursive: true, force: true }));

type Step = { key: Key } | { char: string };

const keyOrder: readonly Key[] = ['UP', 'DOWN', 'LEFT', 'RIGHT', 'ENTER'];
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...keyOrder).map((key): Step => ({ key })) },
  { weight: 2, arbitrary: fc.constantFrom('0', '7', '9', 'A', 'z', '.', '-', ' ', ':').map((char): Step => ({ char })) },
);

/** Where a walk starts: the status screen, a menu, or deep in a procedure (a random walk rarely gets there). */
const start = fc.constantFrom<Key[]>(
  [],
  ['DOWN', 'ENTER'],
  ['DOWN', 'ENTER', 'DOWN', 'ENTER'],
  ['DOWN', 'ENTER', 'DOWN', 'DOWN', 'ENTER', 'ENTER'],
  ['DOWN', 'ENTER', 'DOWN', 'DOWN', 'DOWN', 'ENTER', 'ENTER', 'ENTER'],
  ['DOWN', 'ENTER', 'DOWN', 'DOWN', 'DOWN', 'ENTER', 'ENTER', 'ENTER', 'ENTER', 'ENTER', 'ENTER'],
).map((keys) => keys.map((key): Step => ({ key })));

function readConfig(file: string): { mode: string } & Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as { mode: string } & Record<string, unknown>;
}

for (const generation of ['2017', '2022'] as const) {
  describe(`the strategy brings a unit left anywhere back, changing no stored value (${generation})`, () => {
    test(`property: ${runs} random walks, each followed by reach() for every state`, { timeout: 600_000 }, async () => {
      const pty = join(dir, `console-${generation}`);
      const configFile = join(dir, `config-${generation}.json`);
      const { child } = await startTwin(['--generation', generation, '--console', 'pty', '--console-path', pty, '--on', '--activated-by', 'jdoe',
        '--speed', '40', '--line', 'unpaced', '--config-out', configFile], 'console: ', 'strategy test');
      let session: TargetSession | null = null;
      try {
        // twin-unit's statement, for a unit this test started itself on a serial path.
        const { twin: _twin, ...rest } = loadTargetStatement('twin-unit-unpaced');
        const statement = validateStatement({ ...rest, name: 'strategy-test', driver: 'serial' }, 'the strategy test');
        session = await openTarget(`serial:${pty}`, generation, statement);
        const opened = session;
        const shutdown = 'REALLY SHUTDOWN SYSTEM?';
        let walked = 0;
        await fc.assert(fc.asyncProperty(start, fc.array(step, { minLength: 1, maxLength: 25 }), async (prefix, rest) => {
          const target = await opened.forScenario();
          const actor = Actor.using(target, { session: opened });
          try {
            await reach(actor, 'booted', { mode: 'any' });
            for (const s of [...prefix, ...rest]) {
              // Shutting down leaves a unit no console can switch on again: the walk steps around it.
              if ('key' in s && s.key === 'ENTER' && shows(await target.screen.read(), shutdown)) continue;
              if ('key' in s) await target.keypad.press(s.key);
              else await target.console!.type(s.char);
            }
            walked++;
            // What the walk itself stored is stored: the comparison starts once its changes are applied.
            await waitForInput(actor);
            const before = readConfig(configFile);
            const prompt = before.mode === 'ipv6-only' ? 'IPv6 DNS1' : 'LAN DNS2';
            const states: Array<[string, () => Promise<unknown>]> = [
              ['the status screen', () => reach(actor, 'booted', { mode: 'any' })],
              ['the main menu', () => openMainMenu(actor)],
              [`the ${prompt} prompt`, () => openPrompt(actor, prompt)],
              ['the status screen again', () => reach(actor, 'booted', { mode: 'any' })],
            ];
            for (const [name, go] of states) {
              await go();
              assert.deepEqual(readConfig(configFile), before, `reaching ${name} changed a stored value`);
            }
          } finally {
            await target.stop();
          }
        }), { numRuns: runs, ...(seed === undefined ? {} : { seed }), endOnFailure: true });
        assert.ok(walked >= runs, `${walked} walks ran`);
        assert.ok(existsSync(configFile), 'the twin wrote its configuration');
      } finally {
        await session?.close();
        child.kill();
      }
    });
  });
}
