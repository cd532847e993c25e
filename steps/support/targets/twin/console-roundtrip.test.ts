// The remote console's picture, both ways: what twin/console/vt100.ts draws for a VT100 and what
// the suite's decoder (steps/support/targets/serial/decoder.ts, a headless xterm) reads back must
// be the LCD exactly: its two lines, its indicators and its cursor. Screens come from random key
// sequences on a twin bench of each generation; differential updates (what the console sends)
// must leave the terminal showing what a full redraw shows.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Key } from '../../../../fixtures/profiles.ts';
import { LabBench } from '../../../../twin/lab-bench.ts';
import type { ConsoleFrame } from '../../../../twin/console/vt100.ts';
import { TERMINAL, Vt100Renderer } from '../../../../twin/console/vt100.ts';
import type { LcdScreen } from '../../../../twin/appliance/lcd.ts';
import { consolesDir, loadConsoleLayout } from '../../../../fixtures/consoles.ts';
import { listYamlNames } from '../../../../fixtures/load.ts';
import { ConsoleDecoder } from '../serial/decoder.ts';

const generations = ['2017', '2022'] as const;
// Every layout the twin can draw: boxed (partial updates, glyphs) and plain (full repaints, words).
const layouts = listYamlNames(consolesDir).map((name) => loadConsoleLayout(name));
const keyOrder: readonly Key[] = ['UP', 'DOWN', 'LEFT', 'RIGHT', 'ENTER'];

type Action =
  | { kind: 'key'; key: Key }
  | { kind: 'type'; char: string }
  | { kind: 'chord' }
  | { kind: 'wait'; ms: number }
  | { kind: 'power' };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...keyOrder).map((key): Action => ({ kind: 'key', key })) },
  { weight: 4, arbitrary: fc.constantFrom('A', 'Z', 'q', '0', '7', '9', '.', '-', '_', ' ', '@').map((char): Action => ({ kind: 'type', char })) },
  { weight: 1, arbitrary: fc.constant<Action>({ kind: 'chord' }) },
  { weight: 2, arbitrary: fc.constantFrom(0, 500, 2_000, 10_000, 60_000, 200_000).map((ms): Action => ({ kind: 'wait', ms })) },
  { weight: 1, arbitrary: fc.constant<Action>({ kind: 'power' }) },
);

/** Where a sequence starts: the status screen, a menu, or inside a field (a random walk rarely gets that deep). */
const start = fc.constantFrom<Key[]>(
  [],
  ['DOWN'],
  ['DOWN', 'ENTER'],
  ['DOWN', 'ENTER', 'DOWN', 'ENTER'],
  ['DOWN', 'ENTER', 'DOWN', 'DOWN', 'ENTER', 'ENTER'],
  ['DOWN', 'ENTER', 'DOWN', 'DOWN', 'DOWN', 'ENTER', 'ENTER'],
).map((keys) => keys.map((key): Action => ({ kind: 'key', key })));

/** The LCD as the decoder reports it: trailing blanks dropped, indicators in key order. */
function expected(screen: LcdScreen) {
  return {
    lines: [screen.lines[0].trimEnd(), screen.lines[1].trimEnd()],
    indicators: keyOrder.filter((k) => screen.indicators.includes(k)),
    cursor: screen.cursor,
  };
}

function decoded(decoder: ConsoleDecoder) {
  const s = decoder.snapshot(0);
  return { lines: s.lines, indicators: s.indicators, cursor: s.cursor };
}

async function apply(bench: LabBench, a: Action): Promise<void> {
  const unit = bench.appliance;
  switch (a.kind) {
    case 'key': unit.press(a.key); break;
    case 'type': unit.typeCharacter(a.char); break;
    case 'chord': unit.chordLeftRight(); break;
    case 'wait': await bench.virtual.advance(a.ms); break;
    case 'power': unit.pressPowerButton(); break;
  }
}

for (const layout of layouts) for (const generation of generations) {
  describe(`the console picture round trip (${generation}, ${layout.name} layout)`, () => {
    test('property: every screen of a random key sequence reads back as the LCD; differential updates = full redraws', async () => {
      const shapes = new Set<string>();
      await fc.assert(fc.asyncProperty(start, fc.array(action, { minLength: 1, maxLength: 40 }), async (prefix, rest) => {
        const actions = [...prefix, ...rest];
        const bench = new LabBench({ generation });
        const unit = bench.appliance;
        unit.pressPowerButton();
        assert.ok(await bench.waitUntil(() => unit.acceptsKeys, 10 * 60_000));
        const frame = (): ConsoleFrame => ({ mac: unit.identity.lanMac, screen: unit.screen(), awake: true });
        // The console's way: one full picture when woken, then only what changed, at every change.
        const diff = new Vt100Renderer(layout);
        const diffTerminal = new ConsoleDecoder(layout);
        let written = diffTerminal.write(Buffer.from(diff.full(frame()), 'latin1'));
        const unsubscribe = unit.subscribe(() => {
          const bytes = diff.update(frame());
          if (bytes !== '') {
            const previous = written;
            written = previous.then(() => diffTerminal.write(Buffer.from(bytes, 'latin1')));
          }
        });
        // A full redraw every time, on a terminal of its own.
        const full = new Vt100Renderer(layout);
        const fullTerminal = new ConsoleDecoder(layout);
        try {
          for (const [i, a] of [{ kind: 'wait', ms: 0 } as Action, ...actions].entries()) {
            await apply(bench, a);
            await written;
            const screen = unit.screen();
            const where = `after action ${i} ${JSON.stringify(a)} (phase ${unit.phase}, screen ${JSON.stringify(screen)})`;
            assert.deepEqual(decoded(diffTerminal), expected(screen), `differential: ${where}`);
            assert.equal(diffTerminal.mac(), unit.identity.lanMac, where);
            await fullTerminal.write(Buffer.from(full.full(frame()), 'latin1'));
            assert.deepEqual(decoded(fullTerminal), expected(screen), `full redraw: ${where}`);
            assert.deepEqual(diffTerminal.rows(), fullTerminal.rows(), `the terminal pictures differ ${where}`);
            // Nothing changed since the last update: nothing to send.
            assert.equal(diff.update(frame()), '', where);
            shapes.add(`${screen.indicators.length}:${screen.cursor ? 'cursor' : 'none'}:${screen.lines[1] === '' ? 1 : 2}`);
          }
        } finally {
          unsubscribe();
        }
      }), { numRuns: 30 });
      // The runs met screens with and without a cursor, one and two lines.
      assert.ok([...shapes].some((s) => s.includes('cursor')), [...shapes].join(' '));
      assert.ok([...shapes].some((s) => s.endsWith(':2')) && [...shapes].some((s) => s.endsWith(':1')), [...shapes].join(' '));
    });

    test('a console asleep draws nothing; the decoder reads no screen and no MAC address', async () => {
      const bench = new LabBench({ generation });
      const renderer = new Vt100Renderer(layout);
      const frame: ConsoleFrame = { mac: bench.appliance.identity.lanMac, screen: { lines: ['SETUP NETWORK', ''], indicators: ['DOWN', 'ENTER'], cursor: null }, awake: false };
      assert.deepEqual(renderer.rows(frame), Array.from({ length: TERMINAL.rows }, () => ' '.repeat(TERMINAL.columns)));
      const terminal = new ConsoleDecoder(layout);
      await terminal.write(Buffer.from(renderer.full(frame), 'latin1'));
      assert.equal(terminal.drawn(), false);
      assert.equal(terminal.mac(), null);
      assert.deepEqual(terminal.snapshot(0), { lines: ['', ''], indicators: [], cursor: null, at: 0 });
    });

    test('hand-picked screens: a full LCD line, every indicator, the cursor on either line and at both ends', async () => {
      const bench = new LabBench({ generation });
      const w = bench.appliance.generation.hardware.lcd.columns;
      const screens: LcdScreen[] = [
        { lines: ['X'.repeat(w), 'Y'.repeat(w)], indicators: [], cursor: null },
        { lines: ['REALLY REBOOT', 'SYSTEM?'], indicators: ['UP', 'ENTER'], cursor: null },
        { lines: ['A'.repeat(w - 5), ''], indicators: ['UP', 'DOWN', 'LEFT', 'RIGHT', 'ENTER'], cursor: null },
        { lines: ['VLAN 0-4094', '0000'], indicators: ['UP', 'DOWN', 'RIGHT', 'ENTER'], cursor: { row: 1, col: 0 } },
        { lines: ['PROXY HOST', 'H'.repeat(w)], indicators: ['UP', 'DOWN', 'LEFT', 'ENTER'], cursor: { row: 1, col: w - 1 } },
        { lines: ['  leading', '     spaces'], indicators: ['DOWN'], cursor: { row: 0, col: 2 } },
        { lines: ['', ''], indicators: [], cursor: null },
        { lines: ['VLAN 0-4094', '0000'], indicators: ['UP', 'DOWN', 'RIGHT', 'ENTER'], cursor: { row: 1, col: 3 } },
      ];
      const diff = new Vt100Renderer(layout);
      const terminal = new ConsoleDecoder(layout);
      const mac = bench.appliance.identity.lanMac;
      await terminal.write(Buffer.from(diff.full({ mac, screen: screens[0]!, awake: true }), 'latin1'));
      // Every screen after every other: the differential update from any screen to any screen.
      for (const from of screens) {
        for (const to of screens) {
          await terminal.write(Buffer.from(diff.update({ mac, screen: from, awake: true }), 'latin1'));
          await terminal.write(Buffer.from(diff.update({ mac, screen: to, awake: true }), 'latin1'));
          assert.deepEqual(decoded(terminal), expected(to), `${JSON.stringify(from)} -> ${JSON.stringify(to)}`);
          const fresh = new ConsoleDecoder(layout);
          await fresh.write(Buffer.from(new Vt100Renderer(layout).full({ mac, screen: to, awake: true }), 'latin1'));
          assert.deepEqual(terminal.rows(), fresh.rows(), `${JSON.stringify(from)} -> ${JSON.stringify(to)}`);
        }
      }
    });
  });
}
