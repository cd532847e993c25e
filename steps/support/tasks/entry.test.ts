// Entering and reading fields over a line whose answers come late: the twin, read through wrappers
// that hand back the screen from before the latest key (what loaded hosts gave CI). Reading a
// whole field reads every position twice, so that a stale reading is noticed and the field read
// again; every arrow and typed character in a field waits for its answer to show.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Key, ScreenSnapshot, Target } from '../protocols.ts';
import { Actor } from '../actor.ts';
import { openTarget } from '../targets/index.ts';
import { reach } from '../strategy.ts';
import { openPrompt } from './navigation.ts';
import { EnterAt } from './procedure.ts';
import { ReadWholeField, ScrollField, fillField } from './entry.ts';
import { readScreen } from './panel.ts';

const VALUE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** `inner` with some of its members replaced; the rest as they are (methods bound to it). */
function overriding<T extends object>(inner: T, overrides: Record<string, unknown>): T {
  return new Proxy(inner, {
    get(target, property) {
      if (typeof property === 'string' && property in overrides) return overrides[property];
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The target, but its `stale`th screen read (counted from when armed) is the one before it. */
function withOneStaleRead(target: Target, stale: number): { target: Target; arm: () => void } {
  let reads = -1;
  let previous: ScreenSnapshot | null = null;
  const read = async () => {
    const fresh = await target.screen.read();
    const given = reads >= 0 && ++reads === stale && previous ? previous : fresh;
    previous = fresh;
    return given;
  };
  return { target: overriding(target, { screen: overriding(target.screen, { read }) }), arm: () => { reads = 0; } };
}

/**
 * The target, but while armed the two reads after each RIGHT (or each typed character, on a target
 * that then takes typing) hand back the screen from before it: a unit that answers later than the
 * line's learned bound, so that a read, and the read after it, both come before the answer.
 * Waiting for a change sees the answer.
 */
function withLateAnswers(target: Target, after: 'RIGHT' | 'typed'): { target: Target; armed: { on: boolean } } {
  const armed = { on: false };
  let stale: ScreenSnapshot | null = null;
  let staleReads = 0;
  const late = async (act: () => Promise<void>, when: boolean) => {
    stale = armed.on && when ? await target.screen.read() : null;
    staleReads = stale ? 2 : 0;
    await act();
  };
  const screen = overriding(target.screen, {
    read: async () => {
      const fresh = await target.screen.read();
      if (!armed.on || staleReads === 0 || !stale) return fresh;
      staleReads--;
      return stale;
    },
    waitFor: (...args: Parameters<Target['screen']['waitFor']>) => { staleReads = 0; return target.screen.waitFor(...args); },
  });
  const keypad = overriding(target.keypad, { press: (key: Key) => late(() => target.keypad.press(key), after === 'RIGHT' && key === 'RIGHT') });
  const typing = after === 'typed' ? { entry: 'typing', console: overriding(target.console!, { type: (text: string) => late(() => target.console!.type(text), true) }) } : {};
  return { target: overriding(target, { screen, keypad, ...typing }), armed };
}

describe('reading a whole field', () => {
  // The cursor at the end (after RIGHT, as DOM-003 leaves it) and in the middle; the stale read
  // on the way to the first position, on the way to the end, and on the way back.
  for (const [cursorAt, stale] of [[32, 5], [32, 40], [10, 3], [10, 45], [10, 60]] as const) {
    test(`2022 WINS DOMAIN, cursor at ${cursorAt}, read ${stale} stale: the field is read right`, async () => {
      const session = await openTarget('twin', '2022');
      try {
        const { target, arm } = withOneStaleRead(await session.forScenario(), stale);
        const actor = Actor.using(target, { session });
        await reach(actor, 'name-and-ip');
        await openPrompt(actor, 'WINS DOMAIN');
        await actor.attemptsTo(EnterAt('WINS DOMAIN', VALUE));
        for (let i = 0; i < 40; i++) await target.keypad.press('LEFT');
        for (let i = 1; i < cursorAt; i++) await target.keypad.press('RIGHT');
        arm();
        assert.equal((await actor.attemptsTo(ReadWholeField())).trimEnd(), VALUE);
      } finally {
        await session.close();
      }
    });
  }
});

describe('scrolling a value into a field', () => {
  // CI: "2001:db8:3c4d:15:0:d234:3eee::" went in as "...3ee::": after RIGHT the screen read still
  // showed the cursor on the "e" before, so the next "e" seemed in place and was never scrolled in.
  test('2022 WINS DOMAIN, every read after RIGHT stale: repeated characters all go in', async () => {
    const session = await openTarget('twin', '2022');
    try {
      const { target, armed } = withLateAnswers(await session.forScenario(), 'RIGHT');
      const actor = Actor.using(target, { session });
      await reach(actor, 'name-and-ip');
      await openPrompt(actor, 'WINS DOMAIN');
      const value = 'EEE.DDDD.AA';
      armed.on = true;
      await actor.attemptsTo(ScrollField('WINS DOMAIN', value));
      armed.on = false;
      assert.equal((await actor.attemptsTo(ReadWholeField())).trimEnd(), value);
    } finally {
      await session.close();
    }
  });
});

describe('typing a value into a field', () => {
  // twin-live: LAN IP ADDR held 198.018.010.020; the "1" typed over the "1" was answered late, the
  // cursor taken to stay, RIGHT pressed, and 198.18.10.255 went in as 199.801.801.025.
  test('2017 LAN IP ADDR, the first character already in place, every answer late: the value goes in', async () => {
    const session = await openTarget('twin', '2017');
    try {
      const { target, armed } = withLateAnswers(await session.forScenario(), 'typed');
      const actor = Actor.using(target, { session });
      await reach(actor, 'name-and-ip');
      await openPrompt(actor, 'LAN IP ADDR');
      assert.match((await readScreen(actor)).lines[1], /^1/);
      armed.on = true;
      await fillField(actor, 'LAN IP ADDR', '198.18.10.255');
      armed.on = false;
      assert.equal((await readScreen(actor)).lines[1].trim(), '198.018.010.255');
    } finally {
      await session.close();
    }
  });
});
