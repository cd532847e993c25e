// The twin's clocks: the virtual clock the suite runs on and the wall clock of `npm run twin`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RealTimeClock, VirtualClock } from './clock.ts';

describe('VirtualClock', () => {
  test('time only moves when told to', async () => {
    const clock = new VirtualClock(1000);
    assert.equal(clock.now(), 1000);
    let fired = false;
    clock.setTimer(0, () => { fired = true; });
    assert.equal(fired, false, 'a zero-delay timer waits for the clock to move');
    assert.equal(clock.now(), 1000);
    await clock.advance(0);
    assert.equal(fired, true);
    assert.equal(clock.now(), 1000);
  });

  test('property: timers fire in time order, FIFO among equal times, each at its own time', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 40 }), async (delays) => {
      const clock = new VirtualClock();
      const fired: Array<{ i: number; at: number }> = [];
      delays.forEach((d, i) => clock.setTimer(d, () => { fired.push({ i, at: clock.now() }); }));
      assert.equal(clock.pending(), delays.length);
      await clock.advance(100);
      const expected = delays.map((d, i) => ({ i, at: d })).sort((a, b) => a.at - b.at || a.i - b.i);
      assert.deepEqual(fired, expected);
      assert.equal(clock.now(), 100);
      assert.equal(clock.pending(), 0);
    }), { numRuns: 200 });
  });

  test('advance fires what falls due on the way (the limit included) and nothing later', async () => {
    const clock = new VirtualClock();
    const fired: number[] = [];
    for (const d of [10, 20, 30]) clock.setTimer(d, () => { fired.push(d); });
    await clock.advance(20);
    assert.deepEqual(fired, [10, 20]);
    assert.equal(clock.now(), 20);
    assert.equal(clock.nextEventAt(), 30);
    await clock.advance(9);
    assert.deepEqual(fired, [10, 20]);
    assert.equal(clock.now(), 29);
    await clock.advance(1);
    assert.deepEqual(fired, [10, 20, 30]);
    assert.equal(clock.nextEventAt(), undefined);
    await assert.rejects(clock.advance(-1), RangeError);
  });

  test('timers set by a timer fire within the same advance when they fall due', async () => {
    const clock = new VirtualClock();
    const fired: Array<[string, number]> = [];
    clock.setTimer(10, () => {
      fired.push(['a', clock.now()]);
      clock.setTimer(5, () => { fired.push(['b', clock.now()]); });
      clock.setTimer(50, () => { fired.push(['c', clock.now()]); });
    });
    await clock.advance(30);
    assert.deepEqual(fired, [['a', 10], ['b', 15]]);
    assert.equal(clock.pending(), 1);
  });

  test('a timer is relative to the time it is set', async () => {
    const clock = new VirtualClock();
    await clock.advance(100);
    const handle = clock.setTimer(25, () => {});
    assert.equal(handle.at, 125);
    assert.throws(() => clock.setTimer(-1, () => {}), RangeError);
    assert.throws(() => clock.setTimer(Number.NaN, () => {}), RangeError);
  });

  test('a cancelled timer never fires; cancelling twice is harmless', async () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    const a = clock.setTimer(10, () => { fired.push('a'); });
    clock.setTimer(10, () => { fired.push('b'); });
    clock.cancel(a);
    clock.cancel(a);
    assert.equal(clock.pending(), 1);
    await clock.advance(20);
    assert.deepEqual(fired, ['b']);
  });

  test('a timer may cancel a later one', async () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    const later = clock.setTimer(20, () => { fired.push('later'); });
    clock.setTimer(10, () => { fired.push('first'); clock.cancel(later); });
    await clock.advance(30);
    assert.deepEqual(fired, ['first']);
  });

  test('an async callback is awaited before the next timer fires', async () => {
    const clock = new VirtualClock();
    const log: string[] = [];
    clock.setTimer(10, async () => {
      log.push('a start');
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.resolve();
      log.push('a end');
    });
    clock.setTimer(10, () => { log.push('b'); });
    await clock.advance(10);
    assert.deepEqual(log, ['a start', 'a end', 'b']);
  });

  test('a rejected async callback does not stop the clock for later timers', async () => {
    const clock = new VirtualClock();
    const log: string[] = [];
    clock.setTimer(1, async () => { throw new Error('boom'); });
    clock.setTimer(2, () => { log.push('b'); });
    await assert.rejects(clock.advance(5), /boom/);
    await clock.advance(5);
    assert.deepEqual(log, ['b']);
  });

  test('step fires one timer, no later than its limit', async () => {
    const clock = new VirtualClock();
    const fired: number[] = [];
    clock.setTimer(10, () => { fired.push(10); });
    clock.setTimer(20, () => { fired.push(20); });
    assert.equal(await clock.step(5), false);
    assert.equal(clock.now(), 0);
    assert.equal(await clock.step(), true);
    assert.deepEqual(fired, [10]);
    assert.equal(clock.now(), 10);
    assert.equal(await clock.step(), true);
    assert.equal(await clock.step(), false);
    assert.deepEqual(fired, [10, 20]);
  });

  test('runUntil stops at the event that meets the condition', async () => {
    const clock = new VirtualClock();
    let n = 0;
    for (const d of [10, 20, 30, 40]) clock.setTimer(d, () => { n++; });
    assert.equal(await clock.runUntil(() => n >= 2, 1000), true);
    assert.equal(clock.now(), 20);
    assert.equal(clock.pending(), 2);
  });

  test('runUntil returns at once when the condition already holds', async () => {
    const clock = new VirtualClock();
    clock.setTimer(10, () => {});
    assert.equal(await clock.runUntil(() => true, 1000), true);
    assert.equal(clock.now(), 0);
    assert.equal(clock.pending(), 1);
  });

  test('runUntil gives up at the limit, with time moved to the limit and later timers left', async () => {
    const clock = new VirtualClock();
    let n = 0;
    clock.setTimer(10, () => { n++; });
    clock.setTimer(500, () => { n++; });
    assert.equal(await clock.runUntil(() => n >= 2, 100), false);
    assert.equal(clock.now(), 100);
    assert.equal(n, 1);
    assert.equal(clock.pending(), 1);
  });
});

describe('RealTimeClock', () => {
  test('time moves with the wall clock and a short timer fires', async () => {
    const clock = new RealTimeClock();
    const start = clock.now();
    const firedAt = await new Promise<number>((resolve) => {
      clock.setTimer(20, () => resolve(clock.now()));
    });
    assert.ok(firedAt - start >= 15, `fired after ${firedAt - start} ms`);
    clock.dispose();
  });

  test('speed makes the clock faster than life', async () => {
    const clock = new RealTimeClock(100);
    const wallStart = performance.now();
    const start = clock.now();
    await new Promise<void>((resolve) => clock.setTimer(1000, () => resolve()));
    const wall = performance.now() - wallStart;
    assert.ok(clock.now() - start >= 900, `virtual ${clock.now() - start} ms`);
    assert.ok(wall < 500, `a 1 s timer at speed 100 took ${wall} ms`);
    clock.dispose();
    assert.throws(() => new RealTimeClock(0), RangeError);
  });

  test('a cancelled timer does not fire; dispose stops the rest', async () => {
    const clock = new RealTimeClock();
    const fired: string[] = [];
    const a = clock.setTimer(10, () => { fired.push('a'); });
    clock.setTimer(10, () => { fired.push('b'); });
    clock.setTimer(10_000, () => { fired.push('late'); });
    clock.cancel(a);
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.deepEqual(fired, ['b']);
    clock.dispose();
  });
});
