// Reading a whole field over a line that sometimes hands back an answer half drawn: the twin's
// screen, read through a wrapper that, once, returns the screen from before the latest key (what a
// loaded host gave CI: "ABCDEFGHIJKLMNOPQRSTUVWXXZ012345" for a field holding ...XYZ...). Every
// position must be read twice, so that the stale reading is noticed and the field read again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Key, ScreenSnapshot, Target } from '../protocols.ts';
import { Actor } from '../actor.ts';
import { openTarget } from '../targets/index.ts';
import { reach } from '../strategy.ts';
import { openPrompt } from './navigation.ts';
import { EnterAt } from './procedure.ts';
import { ReadWholeField, ScrollField } from './entry.ts';

const VALUE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The target, but its `stale`th screen read (counted from when armed) is the one before it. */
function withOneStaleRead(target: Target, stale: number): { target: Target; arm: () => void } {
  let reads = -1;
  let previous: ScreenSnapshot | null = null;
  const screen = new Proxy(target.screen, {
    get(inner, property) {
      const value = Reflect.get(inner, property, inner);
      if (property !== 'read') return typeof value === 'function' ? value.bind(inner) : value;
      return async () => {
        const fresh = await inner.read();
        const given = reads >= 0 && ++reads === stale && previous ? previous : fresh;
        previous = fresh;
        return given;
      };
    },
  });
  const wrapped = new Proxy(target, {
    get(inner, property) {
      if (property === 'screen') return screen;
      const value = Reflect.get(inner, property, inner);
      return typeof value === 'function' ? value.bind(inner) : value;
    },
  });
  return { target: wrapped, arm: () => { reads = 0; } };
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

/**
 * The target, but while armed the two reads after RIGHT hand back the screen from before the key:
 * a unit that answers later than the line's learned bound, so that a read, and the read after it,
 * both come before the answer. Waiting for a change sees the answer.
 */
function staleAfterRight(target: Target): { target: Target; armed: { on: boolean } } {
  const armed = { on: false };
  let lastBeforeRight: ScreenSnapshot | null = null;
  let staleReads = 0;
  const keypad = new Proxy(target.keypad, {
    get(inner, property) {
      const value = Reflect.get(inner, property, inner);
      if (property !== 'press') return typeof value === 'function' ? value.bind(inner) : value;
      return async (key: Key) => {
        lastBeforeRight = armed.on && key === 'RIGHT' ? await target.screen.read() : null;
        staleReads = lastBeforeRight ? 2 : 0;
        await inner.press(key);
      };
    },
  });
  const screen = new Proxy(target.screen, {
    get(inner, property) {
      const value = Reflect.get(inner, property, inner);
      if (property === 'waitFor') return (...args: Parameters<Target['screen']['waitFor']>) => { staleReads = 0; return inner.waitFor(...args); };
      if (property !== 'read') return typeof value === 'function' ? value.bind(inner) : value;
      return async () => {
        const fresh = await inner.read();
        if (staleReads === 0 || !lastBeforeRight) return fresh;
        staleReads--;
        return lastBeforeRight;
      };
    },
  });
  const wrapped = new Proxy(target, {
    get(inner, property) {
      if (property === 'screen') return screen;
      if (property === 'keypad') return keypad;
      const value = Reflect.get(inner, property, inner);
      return typeof value === 'function' ? value.bind(inner) : value;
    },
  });
  return { target: wrapped, armed };
}

describe('scrolling a value into a field', () => {
  // CI: "2001:db8:3c4d:15:0:d234:3eee::" went in as "...3ee::": after RIGHT the screen read still
  // showed the cursor on the "e" before, so the next "e" seemed in place and was never scrolled in.
  test('2022 WINS DOMAIN, every read after RIGHT stale: repeated characters all go in', async () => {
    const session = await openTarget('twin', '2022');
    try {
      const { target, armed } = staleAfterRight(await session.forScenario());
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
