// Fuzzing the twin's front panel (issue 3): any sequence of keys (UP, DOWN, LEFT, RIGHT, ENTER,
// LEFT+RIGHT together, holds), characters typed on the remote console, clock advances and
// power-button presses, on both generations:
// - nothing throws;
// - a screen with no indicators takes no keys: pressing any key (or typing) changes nothing
//   until time passes ("Screens that offer no navigation option ... show no indicator and ignore
//   every key", ERRATA-152);
// - a screen with indicators acts on exactly the indicated keys: an indicated key changes what
//   the appliance shows or stores (where the guide asks for two Up presses to quit, the second
//   does, ERRATA-019), a key not indicated changes nothing;
// - every screen fits the 2x20 LCD: nothing of its text is cut off (the same screen laid out on
//   a much wider LCD shows no more words), the first line leaves room for the indicators, the
//   cursor is on the display.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Generation, Key } from '../../fixtures/profiles.ts';
import { keys } from '../../fixtures/profiles.ts';
import type { VirtualClock } from '../clock.ts';
import { LabBench } from '../lab-bench.ts';
import { loadFirmware } from './firmware.ts';
import type { Appliance } from './appliance.ts';
import type { LcdScreen } from './lcd.ts';

const generations = ['2017', '2022'] as const;
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
const MAX_ACTIONS = Number(process.env['FUZZ_ACTIONS'] ?? 300);

type Action =
  | { kind: 'press'; key: Key }
  | { kind: 'chord' }
  | { kind: 'hold'; key: Key; ms: number }
  | { kind: 'type'; char: string }
  | { kind: 'wait'; ms: number }
  | { kind: 'power' };

const keyArb = fc.constantFrom(...keys);
/** Characters a VT100 keyboard sends: letters, digits, the specials, space, and a few others. */
const charArb = fc.constantFrom(...'aZ09_-.@\\/|~!?#$%^&*+=(){}[]<>;:"`, \tÄ€');
/** Keys weighted towards DOWN and ENTER, so that walks reach deep into the menus and procedures. */
const walkKeyArb: fc.Arbitrary<Key> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('DOWN' as const) },
  { weight: 3, arbitrary: fc.constant('ENTER' as const) },
  { weight: 2, arbitrary: fc.constant('UP' as const) },
  { weight: 1, arbitrary: fc.constant('LEFT' as const) },
  { weight: 1, arbitrary: fc.constant('RIGHT' as const) },
);
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 60, arbitrary: walkKeyArb.map((key) => ({ kind: 'press' as const, key })) },
  { weight: 3, arbitrary: fc.constant({ kind: 'chord' as const }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('hold' as const), key: keyArb, ms: fc.constantFrom(200, 600, 1500, 4000) }) },
  { weight: 8, arbitrary: charArb.map((char) => ({ kind: 'type' as const, char })) },
  { weight: 10, arbitrary: fc.constantFrom(50, 1000, 2500, 10_000, 45_000, 180_000, 600_000).map((ms) => ({ kind: 'wait' as const, ms })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'power' as const }) },
);

interface Rig {
  clock: VirtualClock;
  appliance: Appliance;
  generation: Generation;
}

/** A twin with its own copy of the profiles, so the LCD can be widened for a moment (see `fits`). */
function rig(name: string, activated: boolean): Rig {
  const generation = structuredClone(loadFirmware(name));
  const bench = new LabBench({ generation });
  const { appliance } = bench;
  const clock = bench.virtual;
  if (activated) bench.activate(appliance.identity.activationCode, 'jdoe');
  return { clock, appliance, generation };
}

/** Everything a key could change: the screen, what is lit, the phase, the stored configuration, the status. */
function state(a: Appliance): string {
  return JSON.stringify({ screen: a.screen(), leds: a.leds, phase: a.phase, config: a.config, status: a.status });
}

const words = (lines: readonly string[]) => lines.join(' ').split(/\s+/).filter((w) => w !== '');

/** The screen on the real LCD, checked against the same screen on a 400-column one. */
function fits(r: Rig, history: string[]): void {
  const lcd = r.generation.hardware.lcd;
  const screen = r.appliance.screen();
  const where = () => `screen ${JSON.stringify(screen)} after ${history.slice(-12).join(', ')}`;
  assert.equal(screen.lines.length, lcd.lines, where());
  assert.ok(screen.indicators.length <= 5 && new Set(screen.indicators).size === screen.indicators.length, `indicators: ${where()}`);
  assert.ok(screen.indicators.every((k) => (keys as readonly string[]).includes(k)), `indicators: ${where()}`);
  assert.ok(screen.lines[0].length + screen.indicators.length <= lcd.columns, `first line and indicators over ${lcd.columns} columns: ${where()}`);
  assert.ok(screen.lines[1].length <= lcd.columns, `second line over ${lcd.columns} columns: ${where()}`);
  if (screen.cursor) {
    assert.ok(screen.cursor.row >= 0 && screen.cursor.row < lcd.lines && screen.cursor.col >= 0 && screen.cursor.col < lcd.columns, `cursor off the LCD: ${where()}`);
  }
  const columns = lcd.columns;
  let wide: LcdScreen;
  try {
    lcd.columns = 400;
    wide = r.appliance.screen();
  } finally {
    lcd.columns = columns;
  }
  if (wide.lines[1] !== '') {
    // A text above a field or value: neither may lose characters to the LCD's width.
    assert.equal(screen.lines[0], wide.lines[0], `the first line is cut off: ${where()}`);
    assert.deepEqual(words([screen.lines[1]]), words([wide.lines[1]]), `the second line is cut off: ${where()}`);
  } else {
    assert.deepEqual(words(screen.lines), words(wide.lines), `the text does not fit two lines: ${where()}`);
  }
}

function describeAction(a: Action): string {
  switch (a.kind) {
    case 'press': return a.key;
    case 'chord': return 'LEFT+RIGHT';
    case 'hold': return `hold ${a.key} ${a.ms} ms`;
    case 'type': return `type ${JSON.stringify(a.char)}`;
    case 'wait': return `wait ${a.ms} ms`;
    case 'power': return 'power button';
  }
}

/** One key's immediate effect, against the indicators of the screen it was pressed on. */
function checkKey(r: Rig, key: Key, press: () => void, history: string[]): void {
  const before = state(r.appliance);
  const screen = r.appliance.screen();
  press();
  const after = state(r.appliance);
  const where = `${key} on ${JSON.stringify(screen)} after ${history.slice(-12).join(', ')}`;
  if (screen.indicators.length === 0) {
    assert.equal(after, before, `a screen with no indicators took a key: ${where}`);
  } else if (!screen.indicators.includes(key)) {
    assert.equal(after, before, `a key not indicated acted: ${where}`);
  } else if (after === before) {
    // "press the Up arrow two times to quit": the first press leaves the prompt on screen.
    assert.equal(key, 'UP', `an indicated key did nothing: ${where}`);
    r.appliance.press(key);
    history.push(key);
    assert.notEqual(state(r.appliance), before, `an indicated UP did nothing, pressed twice: ${where}`);
  }
}

async function run(r: Rig, actions: readonly Action[]): Promise<void> {
  const a = r.appliance;
  const history: string[] = [];
  a.pressPowerButton();
  assert.ok(await r.clock.runUntil(() => a.acceptsKeys, 10 * 60_000), 'the appliance boots');
  fits(r, history);
  for (const action of actions) {
    history.push(describeAction(action));
    switch (action.kind) {
      case 'press':
        checkKey(r, action.key, () => a.press(action.key), history);
        break;
      case 'hold':
        // The press itself acts at once; repeats (text fields only, ERRATA-039) come with time.
        checkKey(r, action.key, () => a.hold(action.key, action.ms), history);
        await r.clock.advance(action.ms);
        break;
      case 'chord': {
        const before = state(a);
        const screen = a.screen();
        a.chordLeftRight();
        if (screen.indicators.length === 0) assert.equal(state(a), before, `a screen with no indicators took LEFT+RIGHT: ${JSON.stringify(screen)}`);
        break;
      }
      case 'type': {
        const before = state(a);
        const screen = a.screen();
        a.typeCharacter(action.char);
        // Characters go into the field on screen; where there is no cursor there is no field to type in.
        if (screen.indicators.length === 0 || !screen.cursor) {
          assert.equal(state(a), before, `a typed character acted on ${JSON.stringify(screen)} after ${history.slice(-12).join(', ')}`);
        }
        break;
      }
      case 'wait':
        await r.clock.advance(action.ms);
        break;
      case 'power':
        a.pressPowerButton();
        break;
    }
    fits(r, history);
  }
}

for (const generation of generations) {
  describe(`${generation} front panel fuzzing`, () => {
    test(`any keys, typing, waits and power presses: nothing throws, indicators tell the keys that act, screens fit 2x20 (${RUNS} runs of up to ${MAX_ACTIONS} actions)`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.boolean(), fc.array(actionArb, { maxLength: MAX_ACTIONS }), async (activated, actions) => {
          await run(rig(generation, activated), actions);
        }),
        { numRuns: RUNS },
      );
    });

    test('long key sequences in the menus and fields, without waits', async () => {
      // Mostly keys, so the runs go deep into the procedures (fields, confirmations, choices).
      const keysOnly = fc.array(fc.oneof(
        { weight: 20, arbitrary: walkKeyArb.map((key) => ({ kind: 'press' as const, key })) },
        { weight: 1, arbitrary: fc.constantFrom(50, 2500, 45_000).map((ms) => ({ kind: 'wait' as const, ms })) },
      ), { minLength: 200, maxLength: 1000 });
      await fc.assert(
        fc.asyncProperty(keysOnly, async (actions) => {
          await run(rig(generation, true), actions);
        }),
        { numRuns: Math.max(10, Math.round(RUNS / 3)) },
      );
    });
  });
}
