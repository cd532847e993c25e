// The twin's only source of time. Everything the guides time (a two-minute boot, a shutdown
// within 60 seconds, polling) is a timer on an injected clock, so that tests run a whole boot in
// microseconds while `npm run twin` runs it at wall-clock speed.
//
// A small scheduler of our own rather than @sinonjs/fake-timers: its async stepping yields to the
// real event loop between timers (a real millisecond each), which would make a boot cost more
// than the whole scenario budget. Here an async timer callback is simply awaited.

export type TimerCallback = () => void | Promise<void>;

export interface TimerHandle {
  readonly at: number;
}

export interface Clock {
  /** Milliseconds since the twin's epoch. */
  now(): number;
  setTimer(delayMs: number, callback: TimerCallback): TimerHandle;
  cancel(handle: TimerHandle): void;
}

interface Timer extends TimerHandle {
  readonly seq: number;
  readonly callback: TimerCallback;
  cancelled: boolean;
}

/** A clock that only moves when told to, firing timers in time order (FIFO among equal times). */
export class VirtualClock implements Clock {
  #now: number;
  #seq = 0;
  #queue: Timer[] = [];
  #running: Promise<void> = Promise.resolve();

  constructor(start = 0) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimer(delayMs: number, callback: TimerCallback): TimerHandle {
    if (!Number.isFinite(delayMs) || delayMs < 0) throw new RangeError(`timer delay must be a non-negative number, got ${delayMs}`);
    const timer: Timer = { at: this.#now + delayMs, seq: this.#seq++, callback, cancelled: false };
    // Binary insertion keeps the queue ordered by (at, seq).
    let lo = 0;
    let hi = this.#queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = this.#queue[mid]!;
      if (other.at < timer.at || (other.at === timer.at && other.seq < timer.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.#queue.splice(lo, 0, timer);
    return timer;
  }

  cancel(handle: TimerHandle): void {
    const timer = handle as Timer;
    if (timer.cancelled) return;
    timer.cancelled = true;
    const index = this.#queue.indexOf(timer);
    if (index >= 0) this.#queue.splice(index, 1);
  }

  /** When the next timer is due, or undefined when nothing is scheduled. */
  nextEventAt(): number | undefined {
    return this.#queue[0]?.at;
  }

  pending(): number {
    return this.#queue.length;
  }

  /** Fires the next due timer (moving time to it) if it is due no later than `limit`. */
  async step(limit = Number.POSITIVE_INFINITY): Promise<boolean> {
    await this.#running;
    const next = this.#queue[0];
    if (!next || next.at > limit) return false;
    this.#queue.shift();
    this.#now = Math.max(this.#now, next.at);
    const result = next.callback();
    if (result instanceof Promise) {
      this.#running = result.then(() => undefined, () => undefined);
      await result;
    }
    return true;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    if (ms < 0) throw new RangeError('cannot move a clock backwards');
    const target = this.#now + ms;
    while (await this.step(target)) { /* fire each due timer in order */ }
    this.#now = Math.max(this.#now, target);
  }

  /**
   * Moves time forward event by event until `done()` holds, for at most `maxMs`.
   * Returns whether the condition was met; time ends at the event that met it, or at the limit.
   */
  async runUntil(done: () => boolean, maxMs: number): Promise<boolean> {
    const limit = this.#now + maxMs;
    if (done()) return true;
    while (await this.step(limit)) {
      if (done()) return true;
    }
    this.#now = Math.max(this.#now, limit);
    return done();
  }
}

/** Wall-clock time for interactive use; `speed` > 1 makes the appliance faster than life. */
export class RealTimeClock implements Clock {
  readonly #start = performance.now();
  readonly #speed: number;
  readonly #handles = new Map<TimerHandle, NodeJS.Timeout>();

  constructor(speed = 1) {
    if (!(speed > 0)) throw new RangeError('clock speed must be positive');
    this.#speed = speed;
  }

  now(): number {
    return (performance.now() - this.#start) * this.#speed;
  }

  setTimer(delayMs: number, callback: TimerCallback): TimerHandle {
    const handle: TimerHandle = { at: this.now() + delayMs };
    const timeout = setTimeout(() => {
      this.#handles.delete(handle);
      void callback();
    }, delayMs / this.#speed);
    this.#handles.set(handle, timeout);
    return handle;
  }

  cancel(handle: TimerHandle): void {
    const timeout = this.#handles.get(handle);
    if (timeout) clearTimeout(timeout);
    this.#handles.delete(handle);
  }

  /** Stops every pending timer, so a process can exit. */
  dispose(): void {
    for (const timeout of this.#handles.values()) clearTimeout(timeout);
    this.#handles.clear();
  }
}
