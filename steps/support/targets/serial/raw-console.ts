// The probe's terminal before any layout is known: the whole 80x24 grid, the cursor, and how long
// the unit takes to answer (learned here, as no statement says it yet).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import xterm from '@xterm/headless';
import type { Key } from '../../../../fixtures/profiles.ts';
import type { SerialLink } from './link.ts';
import { pictureFile, redraw, WAKE_MS } from './session.ts';
import { vt100KeyBytes } from '../../../../fixtures/wire.ts';

/** The unit is reachable but cannot be probed (no cursor, no generation, a layout that cannot be told). */
export class ProbeError extends Error {
  override name = 'ProbeError';
}

/** Silence that ends an answer while the layout is unknown: generous, the probe runs once. */
const RAW_QUIET_MS = 200;
/** A latency above this was no answer to the key (something the unit did by itself). */
const LATENCY_CAP_MS = WAKE_MS;

export const COLS = 80;
export const ROWS = 24;

export interface Cursor { row: number; col: number; visible: boolean }

export class RawConsole {
  readonly link: SerialLink;
  readonly #terminal: InstanceType<typeof xterm.Terminal>;
  #cursorVisible = true;
  #decoding: Promise<void> = Promise.resolve();
  #waiters: Array<() => void> = [];
  #lastByteAt = 0;
  #arrivals: number[] = [];
  /** Once the suite's own line reads the link, this terminal stops listening. */
  live = true;
  received = 0;
  /** The first bytes of the line, for telling a VT100 from garbage. */
  readonly firstBytes: number[] = [];
  readonly latencies: number[] = [];
  readonly gaps: number[] = [];

  constructor(link: SerialLink) {
    this.link = link;
    this.#terminal = new xterm.Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true, logLevel: 'off' });
    // DECTCEM (CSI ? 25 h / l): xterm keeps the cursor's visibility private, so watch it.
    const watch = (visible: boolean) => (params: (number | number[])[]) => {
      if (params.some((p) => p === 25)) this.#cursorVisible = visible;
      return false;
    };
    this.#terminal.parser.registerCsiHandler({ prefix: '?', final: 'h' }, watch(true));
    this.#terminal.parser.registerCsiHandler({ prefix: '?', final: 'l' }, watch(false));
    link.onData((bytes) => this.#arrived(bytes));
  }

  #arrived(bytes: Uint8Array): void {
    if (!this.live) return;
    const now = performance.now();
    this.received += bytes.length;
    this.#lastByteAt = now;
    this.#arrivals.push(now);
    if (this.firstBytes.length < 4096) this.firstBytes.push(...bytes.slice(0, 4096 - this.firstBytes.length));
    this.#decoding = this.#decoding.then(() => new Promise<void>((resolve) => this.#terminal.write(bytes, resolve)));
    for (const w of this.#waiters.splice(0)) w();
  }

  /**
   * Puts back the picture kept from the last run on this line (an awake console sends only what
   * changed); the rows it shows, or null when there is none.
   */
  async restorePicture(): Promise<string[] | null> {
    const saved = pictureFile(this.link);
    if (!existsSync(saved)) return null;
    try {
      const rows = JSON.parse(readFileSync(saved, 'utf8')) as unknown;
      if (!Array.isArray(rows) || !rows.every((r) => typeof r === 'string')) return null;
      this.#decoding = this.#decoding.then(() => new Promise<void>((resolve) => this.#terminal.write(redraw(rows as string[]), resolve)));
      await this.#decoding;
      return this.rows();
    } catch {
      // A picture that cannot be read is no picture.
      return null;
    }
  }

  /** Keeps this terminal's picture for the next run on the line, as `wake()` expects it. */
  keepPicture(): void {
    if (this.received === 0) return;
    try {
      const file = pictureFile(this.link);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(this.rows().map((r) => r.trimEnd())));
    } catch {
      // Only a convenience for the next run.
    }
  }

  #nextBytes(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, ms));
      this.#waiters.push(() => { clearTimeout(timer); resolve(); });
    });
  }

  /**
   * The silence that ends an answer: RAW_QUIET_MS until a few answers have been seen, then a
   * margin over the longest pause inside one (a probe of thirty keys should not take minutes).
   */
  get quietMs(): number {
    if (this.latencies.length < 3) return RAW_QUIET_MS;
    return Math.min(RAW_QUIET_MS, Math.max(60, 3 * Math.max(0, ...this.gaps) + 30));
  }

  /** Waits until the line has been quiet (at most `maxMs`) and the terminal took it all in. */
  async settle(maxMs = 10_000): Promise<void> {
    const start = performance.now();
    for (;;) {
      const silent = performance.now() - this.#lastByteAt;
      const quiet = this.quietMs;
      if (silent >= quiet || performance.now() - start >= maxMs) break;
      await this.#nextBytes(quiet - silent);
    }
    await this.#decoding;
  }

  /** Waits for bytes after `before` for at most `ms`; whether any came. */
  async #bytesAfter(before: number, ms: number): Promise<boolean> {
    const start = performance.now();
    while (this.received === before) {
      const left = ms - (performance.now() - start);
      if (left <= 0) return false;
      await this.#nextBytes(left);
    }
    return true;
  }

  /**
   * Sends a key (or a character) and waits for its whole answer. The answer's latency and the
   * pauses inside it are kept when `measure` (not for the wake, whose answer may be a boot).
   */
  async send(text: string, firstByteMs = WAKE_MS, measure = true): Promise<boolean> {
    await this.settle();
    const before = this.received;
    this.#arrivals = [];
    const sentAt = performance.now();
    await this.link.write(Buffer.from(text, 'latin1'));
    if (!(await this.#bytesAfter(before, firstByteMs))) return false;
    await this.settle();
    const arrivals = this.#arrivals;
    const latency = arrivals[0]! - sentAt;
    if (latency < LATENCY_CAP_MS) this.latencies.push(latency);
    if (measure) for (let i = 1; i < arrivals.length; i++) this.gaps.push(arrivals[i]! - arrivals[i - 1]!);
    return true;
  }

  press(key: Key, firstByteMs = WAKE_MS): Promise<boolean> {
    return this.send(vt100KeyBytes[key], firstByteMs);
  }

  /** Waits (for at most `ms`) for the unit to send something by itself, then for it to finish. */
  async change(ms: number): Promise<boolean> {
    await this.settle();
    const came = await this.#bytesAfter(this.received, ms);
    await this.settle();
    return came;
  }

  /** The 24 rows, 80 characters each. */
  rows(): string[] {
    const buffer = this.#terminal.buffer.active;
    return Array.from({ length: ROWS }, (_, y) => (buffer.getLine(y)?.translateToString(false) ?? '').padEnd(COLS).slice(0, COLS));
  }

  /** The terminal's cursor, 1-based. */
  cursor(): Cursor {
    const buffer = this.#terminal.buffer.active;
    return { row: buffer.cursorY + 1, col: buffer.cursorX + 1, visible: this.#cursorVisible };
  }

  /** The bytes that put this terminal's picture, cursor included, on a fresh terminal. */
  picture(): string {
    const c = this.cursor();
    return redraw(this.rows()) + `\x1b[${c.row};${c.col}H` + (c.visible ? '\x1b[?25h' : '');
  }

  dispose(): void {
    this.live = false;
    this.#terminal.dispose();
  }
}
