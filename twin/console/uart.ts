// The appliance's console UART, as the guide requires it set up ("Bits per second 9600, Data
// Bits 8, Parity None, Stop Bits 2, Flow Control None"). Bytes cross the line at its rate, in
// real time: the line, not the appliance's clock, decides how fast a terminal can talk. The
// receiver has a small FIFO that the firmware empties only when it is not busy writing (its
// console writes block), so a burst such as an uploaded keystroke file overruns it and loses
// characters ("Uploading such a file will result in lost characters"). A host whose settings
// differ gets the garbage a real UART would give: the frames are re-sampled bit by bit.
import type { LineSettings } from '../../fixtures/wire.ts';

export type { LineSettings };

/** The settings the guide requires. */
export const consoleLine: LineSettings = { baud: 9600, dataBits: 8, parity: 'none', stopBits: 2 };

export function sameSettings(a: LineSettings, b: LineSettings): boolean {
  return a.baud === b.baud && a.dataBits === b.dataBits && a.parity === b.parity && a.stopBits === b.stopBits;
}

/** Bits on the wire per character: start, data, parity, stop. */
export function frameBits(s: LineSettings): number {
  return 1 + s.dataBits + (s.parity === 'none' ? 0 : 1) + s.stopBits;
}

/** Milliseconds one character takes on the line. */
export function byteTimeMs(s: LineSettings): number {
  return (frameBits(s) * 1000) / s.baud;
}

// ---------------------------------------------------------------------------------------------
// Bit level: what a receiver with `rx` settings makes of characters sent with `tx` settings.

function parityBit(value: number, bits: number, parity: 'even' | 'odd'): number {
  let ones = 0;
  for (let i = 0; i < bits; i++) ones += (value >> i) & 1;
  return parity === 'even' ? ones & 1 : (ones & 1) ^ 1;
}

/** The line level over time for back-to-back characters: 1 idle/stop, 0 start. */
function waveform(bytes: Uint8Array, s: LineSettings): number[] {
  const bits: number[] = [1, 1];
  for (const b of bytes) {
    bits.push(0);
    for (let i = 0; i < s.dataBits; i++) bits.push((b >> i) & 1);
    if (s.parity !== 'none') bits.push(parityBit(b, s.dataBits, s.parity));
    for (let i = 0; i < s.stopBits; i++) bits.push(1);
  }
  bits.push(1, 1, 1, 1);
  return bits;
}

/**
 * Re-samples the characters a sender put on the line (with its settings) the way a receiver
 * with other settings reads them: it waits for a start bit, samples each bit in its middle at
 * its own rate, and delivers what it read (a frame or parity error gives what a UART gives: the
 * bits it saw). With equal settings the bytes come through unchanged.
 */
export function resample(bytes: Uint8Array, tx: LineSettings, rx: LineSettings): Uint8Array {
  if (sameSettings(tx, rx)) return bytes;
  const wave = waveform(bytes, tx);
  const txBit = 1 / tx.baud;
  const rxBit = 1 / rx.baud;
  const end = wave.length * txBit;
  const level = (t: number) => wave[Math.min(wave.length - 1, Math.floor(t / txBit))] ?? 1;
  const out: number[] = [];
  let t = 0;
  const step = Math.min(txBit, rxBit) / 4;
  while (t < end) {
    // Hunt for a falling edge (a start bit).
    if (level(t) === 1) {
      t += step;
      continue;
    }
    let value = 0;
    for (let i = 0; i < rx.dataBits; i++) value |= level(t + (1.5 + i) * rxBit) << i;
    value &= (1 << rx.dataBits) - 1;
    const parityBits = rx.parity === 'none' ? 0 : 1;
    const parityOk = rx.parity === 'none' || level(t + (1.5 + rx.dataBits) * rxBit) === parityBit(value, rx.dataBits, rx.parity);
    let framed = true;
    for (let i = 0; i < rx.stopBits; i++) if (level(t + (1.5 + rx.dataBits + parityBits + i) * rxBit) !== 1) framed = false;
    // A framing or parity error reaches the reader as a NUL, as Linux delivers it by default.
    out.push(framed && parityOk ? value : 0);
    // Past the data, parity and first stop bit, the receiver hunts for the next start bit.
    t += (rx.dataBits + 1 + parityBits + 0.5) * rxBit;
    while (t < end && level(t) === 0) t += step;
  }
  return Uint8Array.from(out);
}

// ---------------------------------------------------------------------------------------------
// Time on the line (real time: the host writes in real time).

export interface LineClock {
  now(): number;
  after(ms: number, run: () => void): void;
}

export const realLineClock: LineClock = {
  now: () => performance.now(),
  // Nothing to wait for (an unpaced line): at once, not after a timer's millisecond.
  after: (ms, run) => { if (ms <= 0) setImmediate(run); else setTimeout(run, ms); },
};

export interface UartOptions {
  clock?: LineClock;
  /** The host's line settings now (a pseudo-terminal's termios), looked at on every transfer. */
  hostSettings?: () => LineSettings | null;
  /** Counts carried over from the UART this one replaces on the same cable (a fresh unit). */
  carried?: { received: number; queued: number };
  /** Receive FIFO depth (a 16550 has 16). */
  fifoBytes?: number;
  /**
   * false: bytes take no time on the line (a pseudo-terminal has no baud rate); the settings
   * still decide what a mismatched host reads. Default true: 9600 baud, as on a real line.
   */
  paced?: boolean;
  /** Delivers bytes the appliance sent, as they come off the line. */
  deliver: (bytes: Uint8Array) => void;
  /** Hands the firmware what it read from the FIFO. */
  read: (bytes: Uint8Array) => void;
}

/** One console UART: a paced transmitter and a FIFO'd receiver, both at the line's rate. */
export class Uart {
  readonly #clock: LineClock;
  readonly #paced: boolean;
  readonly #fifoBytes: number;
  readonly #deliver: (bytes: Uint8Array) => void;
  readonly #read: (bytes: Uint8Array) => void;
  #device: LineSettings = consoleLine;
  readonly #hostSettings: () => LineSettings | null;
  #fifo: number[] = [];
  /** When the last byte from the host finishes arriving. */
  #rxLineFreeAt = 0;
  /** When the firmware's last write finishes going out (it blocks until then). */
  #txBusyUntil = 0;
  #txPending: number[] = [];
  #readScheduled = false;
  #flushScheduled = false;
  /**
   * Counters: bytes the host sent (received), characters that crossed the line into the receiver
   * (arrived: a mismatched host's bytes can arrive as more or fewer), characters the firmware read
   * or lost to overruns (read + overruns = arrived once the line is quiet); bytes queued and sent.
   */
  readonly counters = { received: 0, arrived: 0, read: 0, overruns: 0, sent: 0, queued: 0 };
  readonly #idleWaiters: Array<{ received: number; resolve: () => void }> = [];

  #closed = false;
  /** Bytes crossing the line from the host, in order, each with when it has arrived. */
  readonly #onTheLine: Array<{ byte: number; at: number }> = [];
  #arrivalScheduled = false;
  readonly #drainWaiters: Array<() => void> = [];

  constructor(options: UartOptions) {
    this.#clock = options.clock ?? realLineClock;
    this.#paced = options.paced ?? true;
    this.#fifoBytes = options.fifoBytes ?? 16;
    this.#deliver = options.deliver;
    this.#read = options.read;
    this.#hostSettings = options.hostSettings ?? (() => null);
    if (options.carried) {
      this.counters.received = options.carried.received;
      this.counters.queued = this.counters.sent = options.carried.queued;
    }
  }

  /** Resolves once everything the firmware wrote has gone out on the line. */
  drained(): Promise<void> {
    if (this.#txPending.length === 0 && !this.#flushScheduled) return Promise.resolve();
    return new Promise((resolve) => this.#drainWaiters.push(resolve));
  }

  /** The cable is taken over: nothing more is read or sent. */
  close(): void {
    this.#closed = true;
  }

  /** The host's line settings (a pseudo-terminal's termios, when the twin can see them). */
  get hostSettings(): LineSettings {
    return this.#hostSettings() ?? consoleLine;
  }

  byteTime(): number {
    return this.#paced ? byteTimeMs(this.#device) : 0;
  }

  /** Bytes the host wrote: they cross the line one character time apart, into the FIFO. */
  fromHost(bytes: Uint8Array): void {
    if (this.#closed) return;
    const host = this.hostSettings;
    // A mismatched host's characters can arrive as more or fewer characters than were sent.
    const arrived = resample(bytes, host, this.#device);
    this.counters.received += bytes.length;
    const now = this.#clock.now();
    const hostByte = this.#paced ? byteTimeMs(host) : 0;
    const lineFrom = Math.max(now, this.#rxLineFreeAt);
    let at = lineFrom;
    for (const b of arrived) {
      at += hostByte;
      this.#onTheLine.push({ byte: b, at });
    }
    this.#rxLineFreeAt = lineFrom + bytes.length * hostByte;
    if (arrived.length === 0) this.#settle();
    else this.#scheduleArrival();
  }

  /**
   * One timer for the byte at the head of the line, never one per byte: timers of different
   * lengths may fire out of order on a loaded host (ESC [ B was once read as "[", ESC, "B").
   */
  #scheduleArrival(): void {
    if (this.#arrivalScheduled || this.#onTheLine.length === 0) return;
    this.#arrivalScheduled = true;
    this.#clock.after(this.#onTheLine[0]!.at - this.#clock.now(), () => {
      this.#arrivalScheduled = false;
      const now = this.#clock.now();
      while (this.#onTheLine.length > 0 && this.#onTheLine[0]!.at <= now) this.#arrive(this.#onTheLine.shift()!.byte);
      this.#scheduleArrival();
    });
  }

  #arrive(byte: number): void {
    this.counters.arrived++;
    if (this.#fifo.length >= this.#fifoBytes) {
      this.counters.overruns++;
      this.#settle();
      return;
    }
    this.#fifo.push(byte);
    this.#scheduleRead();
  }

  #scheduleRead(): void {
    if (this.#readScheduled) return;
    this.#readScheduled = true;
    this.#clock.after(Math.max(0, this.#txBusyUntil - this.#clock.now()), () => {
      this.#readScheduled = false;
      // Busy writing: the firmware reads only once its output has gone.
      if (this.#clock.now() < this.#txBusyUntil) return this.#scheduleRead();
      const bytes = Uint8Array.from(this.#fifo.splice(0));
      this.counters.read += bytes.length;
      this.#read(bytes);
      this.#settle();
    });
  }

  /** Bytes the firmware writes: they go out at the line's rate; the firmware is busy meanwhile. */
  toHost(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    const now = this.#clock.now();
    const start = Math.max(now, this.#txBusyUntil);
    this.#txBusyUntil = start + bytes.length * this.byteTime();
    this.counters.queued += bytes.length;
    this.#txPending.push(...resample(bytes, this.#device, this.hostSettings));
    this.#scheduleFlush();
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    const now = this.#clock.now();
    // Deliver in slices of two characters (2.3 ms of line time at 9600 baud), as a UART's
    // reads see them: a reader can tell the end of an answer from a pause inside it.
    const slice = this.#paced ? Math.max(2, Math.floor(2 / this.byteTime())) : this.#txPending.length;
    const count = Math.min(slice, this.#txPending.length);
    const due = this.#txBusyUntil - (this.#txPending.length - count) * this.byteTime();
    this.#clock.after(Math.max(0, due - now), () => {
      this.#flushScheduled = false;
      // Unpaced, everything written by now goes out in one write: an answer drawn by several
      // writes in one turn must not reach the host in pieces with a timer's turn between them.
      const chunk = Uint8Array.from(this.#txPending.splice(0, this.#paced ? count : this.#txPending.length));
      this.counters.sent += chunk.length;
      if (!this.#closed) this.#deliver(chunk);
      if (this.#txPending.length > 0) this.#scheduleFlush();
      else {
        this.#settle();
        for (const resolve of this.#drainWaiters.splice(0)) resolve();
      }
    });
  }

  /** Nothing on the line either way: every byte sent has arrived and been read (or lost), and all output has gone. */
  get idle(): boolean {
    return this.#onTheLine.length === 0 && this.#fifo.length === 0 && !this.#readScheduled && this.#txPending.length === 0 && !this.#flushScheduled;
  }

  /** Resolves once the firmware has dealt with `received` host bytes and its output is queued. */
  settled(received: number): Promise<void> {
    return new Promise((resolve) => {
      this.#idleWaiters.push({ received, resolve });
      this.#settle();
    });
  }

  #settle(): void {
    for (let i = this.#idleWaiters.length - 1; i >= 0; i--) {
      const w = this.#idleWaiters[i]!;
      if (this.counters.received >= w.received && this.#onTheLine.length === 0 && this.#fifo.length === 0 && !this.#readScheduled) {
        this.#idleWaiters.splice(i, 1);
        w.resolve();
      }
    }
  }
}
