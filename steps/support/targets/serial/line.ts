// The line to an appliance's console as the serial target reads it: bytes counted, decoded
// through the console layout into screens (every frame kept in a history for the whole session),
// logged with secrets masked, and timed: how long the unit takes to begin an answer and the
// pauses inside one, learned as it answers, decide when an answer is over.
import type { ConsoleLayout } from '../../../../fixtures/consoles.ts';
import type { FirmwareProfile } from '../../../../fixtures/profiles.ts';
import type { ScreenSnapshot } from '../../protocols.ts';
import { FieldMask, maskKeys, secretPrompts } from '../../redact.ts';
import { normalize } from '../../screens.ts';
import { ConsoleDecoder } from './decoder.ts';
import type { SerialLink } from './link.ts';
import { LinkError } from './link.ts';

type SequenceState = 'text' | 'escape' | 'csi';

/** Follows VT100 output byte by byte: ESC, then ESC [ parameters up to a final byte. */
function nextSequenceState(state: SequenceState, byte: number): SequenceState {
  if (state === 'escape') return byte === 0x5b ? 'csi' : 'text';
  if (state === 'csi') return byte >= 0x40 && byte <= 0x7e ? 'text' : 'csi';
  return byte === 0x1b ? 'escape' : 'text';
}

const HISTORY_LIMIT = 4000;

function escapeBytes(bytes: Uint8Array): string {
  return [...bytes].map((b) => (b === 0x1b ? '\\e' : b === 0x0d ? '\\r' : b === 0x0a ? '\\n' : b < 0x20 || b > 0x7e ? `\\x${b.toString(16).padStart(2, '0')}` : String.fromCharCode(b))).join('');
}

export function sameScreen(a: ScreenSnapshot | undefined, b: ScreenSnapshot): boolean {
  return a !== undefined && a.lines[0] === b.lines[0] && a.lines[1] === b.lines[1] && a.indicators.join() === b.indicators.join()
    && a.cursor?.row === b.cursor?.row && a.cursor?.col === b.cursor?.col;
}

/** The `p` quantile of recent samples (0 when there are none). */
function quantile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** Samples kept of each kind: the unit's recent behaviour, not its worst moment ever. */
const SAMPLES = 200;
/**
 * The shortest silence that ends an answer, however fast the line: two ticks of a loaded host's
 * scheduler (4 ms at 250 Hz). Below it, a process that is descheduled mid-answer (the host's
 * terminal program, a USB adapter's driver, a twin on a busy machine) splits one answer in two,
 * and a key's screen is read half-drawn (a field read one character behind at its window's edge).
 */
const QUIET_FLOOR_MS = 8;

/**
 * How a unit answers keys, learned from the line: how long it takes to begin (latency) and the
 * pauses between the chunks of one answer (gaps; a pause of 50 ms or more is the end of
 * something, not a pause inside it). A key the screen says will act is waited for up to the
 * statement's first-byte bound (it costs nothing when the unit answers at once); a key whose
 * indicator is not shown is waited for only a few times the usual latency; an answer ends after
 * a few times the usual gap.
 */
export class AnswerTiming {
  readonly firstByteMs: number;
  readonly #initialQuietMs: number;
  readonly #latencies: number[] = [];
  readonly #gaps: number[] = [];

  constructor(timing: { firstByteMs: number; quietMs: number } = { firstByteMs: 1500, quietMs: 120 }) {
    this.firstByteMs = timing.firstByteMs;
    this.#initialQuietMs = timing.quietMs;
  }

  #note(samples: number[], ms: number): void {
    samples.push(ms);
    if (samples.length > SAMPLES) samples.shift();
  }

  noteLatency(ms: number): void {
    this.#note(this.#latencies, ms);
  }

  noteGap(ms: number): void {
    if (ms < 50) this.#note(this.#gaps, ms);
  }

  /** The silence that ends an answer: a margin over the usual pause inside one. */
  get quietMs(): number {
    if (this.#latencies.length < 5) return this.#initialQuietMs;
    return Math.min(this.#initialQuietMs, Math.max(QUIET_FLOOR_MS, 3 * quantile(this.#gaps, 0.95) + 2, 1.2 * quantile(this.#gaps, 0.995)));
  }

  /** How long to listen after a key the screen says does nothing. */
  get silenceMs(): number {
    if (this.#latencies.length < 5) return this.firstByteMs;
    return Math.min(this.firstByteMs, Math.max(20, 3 * quantile(this.#latencies, 0.95) + this.quietMs));
  }

  /** The slowest latency among recent answers (0 before any). */
  get slowestLatencyMs(): number {
    return Math.max(0, ...this.#latencies);
  }

  /** The longest pause inside recent answers (0 before any). */
  get longestGapMs(): number {
    return Math.max(0, ...this.#gaps);
  }

  describe(): string {
    return `latency ${quantile(this.#latencies, 0.5).toFixed(1)} ms (95%: ${quantile(this.#latencies, 0.95).toFixed(1)} ms), pauses inside an answer up to ${quantile(this.#gaps, 0.95).toFixed(1)} ms, quiet ${this.quietMs.toFixed(0)} ms, over ${this.#latencies.length} answers`;
  }
}

/** Counts and decodes what the line brings; shared by the targets handed out for each scenario. */
export class SerialLine {
  readonly link: SerialLink;
  readonly decoder: ConsoleDecoder;
  readonly timing: AnswerTiming;
  sent = 0;
  received = 0;
  #lastByteAt = 0;
  /** Where the bytes so far leave the VT100 stream: in text, or inside an escape sequence. */
  #sequence: SequenceState = 'text';
  /**
   * While the answer to a key is awaited: when the key went out, whether bytes came since, and
   * whether an answer was sure to come (only those teach the timing: bytes after a key that does
   * nothing are the unit's own, a message moving on).
   */
  #awaiting: { sentAt: number; begun: boolean; sure: boolean; receivedBefore: number } | null = null;
  readonly #waiters: Array<() => void> = [];
  readonly #frameListeners: Array<() => void> = [];
  #frameTimer: NodeJS.Timeout | null = null;
  /**
   * Raw bytes both ways since the scenario began: "> " to the appliance, "< " from it. While a
   * secret field (the proxy password) is on screen, what the console draws in the field and the
   * keys sent to it are masked ('*'): the log is evidence in the report, the password is not.
   */
  log: string[] = [];
  /**
   * The screens the unit showed, in order, for the whole session (one unit: what it showed before
   * this scenario is still what it showed). The last few thousand are kept.
   */
  readonly #history: ScreenSnapshot[] = [];
  #dropped = 0;
  #decoding: Promise<void> = Promise.resolve();
  readonly #secretPrompts: Set<string>;
  readonly #fieldMask: FieldMask;

  constructor(link: SerialLink, firmware: FirmwareProfile, layout: ConsoleLayout, timing?: AnswerTiming) {
    this.link = link;
    this.decoder = new ConsoleDecoder(layout);
    this.timing = timing ?? new AnswerTiming();
    this.#secretPrompts = secretPrompts(firmware);
    this.#fieldMask = new FieldMask(layout.lines[1].row);
    link.onData((bytes) => this.#arrived(bytes));
  }

  #arrived(bytes: Uint8Array): void {
    const now = performance.now();
    // Only an answer awaited teaches the timing: a message that moves on by itself is no answer.
    const awaiting = this.#awaiting;
    if (awaiting?.sure && !awaiting.begun) this.timing.noteLatency(now - awaiting.sentAt);
    else if (awaiting?.sure) this.timing.noteGap(now - this.#lastByteAt);
    if (awaiting) awaiting.begun = true;
    this.received += bytes.length;
    this.#lastByteAt = now;
    for (const b of bytes) this.#sequence = nextSequenceState(this.#sequence, b);
    // Until the terminal has taken the bytes in, the field's row stays masked; then it is
    // masked only if a secret field was on screen before or after them.
    const log = this.log;
    const masked = this.#fieldMask.mask(bytes);
    const slot = log.push(`< ${escapeBytes(masked)}`) - 1;
    this.#decoding = this.#decoding.then(async () => {
      const before = this.#secretShown();
      await this.decoder.write(bytes);
      if (!before && !this.#secretShown()) log[slot] = `< ${escapeBytes(bytes)}`;
    });
    for (const w of this.#waiters.splice(0)) w();
    // A frame is what the terminal shows once the line pauses: transient screens (a message
    // that moves on by itself) are kept in the history, half-drawn ones are not.
    if (this.#frameTimer) clearTimeout(this.#frameTimer);
    this.#frameTimer = setTimeout(() => {
      this.#frameTimer = null;
      void this.#decoding.then(() => { for (const l of this.#frameListeners) l(); });
    }, Math.max(5, this.timing.quietMs / 2));
  }

  /** Adds the screen shown now (at appliance time `at`) to the history, unless it is the last one again. */
  record(at: number): ScreenSnapshot {
    const screen = this.decoder.snapshot(at);
    if (!sameScreen(this.#history[this.#history.length - 1], screen)) {
      this.#history.push(screen);
      if (this.#history.length > HISTORY_LIMIT) {
        const drop = this.#history.length - HISTORY_LIMIT / 2;
        this.#history.splice(0, drop);
        this.#dropped += drop;
      }
    }
    return screen;
  }

  /** How many distinct screens have been recorded (a mark for `since`). */
  count(): number {
    return this.#dropped + this.#history.length;
  }

  since(mark: number): ScreenSnapshot[] {
    return this.#history.slice(Math.max(0, mark - this.#dropped));
  }

  /** Hears of every frame (the screen after the line paused). */
  onFrame(listener: () => void): () => void {
    this.#frameListeners.push(listener);
    return () => {
      const i = this.#frameListeners.indexOf(listener);
      if (i >= 0) this.#frameListeners.splice(i, 1);
    };
  }

  /** Whether the terminal shows a secret field's prompt (its entry is on the next row). */
  #secretShown(): boolean {
    return this.#secretPrompts.has(normalize(this.decoder.snapshot(0).lines[0]));
  }

  /** Sends bytes; `sure`: an answer is sure to come (the answer's timing then teaches the line's). */
  async send(text: string, sure = false): Promise<void> {
    const bytes = Buffer.from(text, 'latin1');
    this.log.push(`> ${escapeBytes(this.#secretShown() ? maskKeys(bytes) : bytes)}`);
    this.sent += bytes.length;
    this.#awaiting = { sentAt: performance.now(), begun: false, sure, receivedBefore: this.received };
    await this.link.write(bytes);
  }

  /** Resolves once the terminal has taken in every byte received so far. */
  decoded(): Promise<void> {
    return this.#decoding;
  }

  #nextBytes(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, ms));
      this.#waiters.push(() => { clearTimeout(timer); resolve(); });
    });
  }

  /** Waits until `count` bytes in all have come in (a bench says how many to expect). */
  async receive(count: number, timeoutMs = 15_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.received < count) {
      const left = deadline - performance.now();
      if (left <= 0) throw new LinkError(`${this.link.name}: the console sent ${this.received} of the ${count} bytes expected within ${timeoutMs / 1000} s`);
      await this.#nextBytes(left);
    }
    await this.decoded();
  }

  /**
   * After a key: waits for its answer to begin (for at most `firstByteMs`) and for the line to
   * fall quiet, for at most `maxMs` in all (a port that never stops sending is not waited for
   * forever). Returns whether anything came.
   */
  async answer(firstByteMs: number, maxMs = Math.max(4000, firstByteMs * 2)): Promise<boolean> {
    // The answer may have come while the key was still being written (a pseudo-terminal is fast).
    const before = this.#awaiting?.receivedBefore ?? this.received;
    const start = performance.now();
    try {
      while (this.received === before && performance.now() - start < firstByteMs) await this.#nextBytes(firstByteMs - (performance.now() - start));
      await this.settle(maxMs - (performance.now() - start));
    } finally {
      this.#awaiting = null;
    }
    return this.received > before;
  }

  /** Waits until no byte has come for the quiet time (at most `maxMs`), and the terminal has taken everything in. */
  async settle(maxMs = 4000, quietAtLeast = 0): Promise<void> {
    const start = performance.now();
    for (;;) {
      const silent = performance.now() - this.#lastByteAt;
      // An escape sequence cut off is an answer not over, however long the pause.
      const quiet = Math.max(quietAtLeast, this.timing.quietMs, this.#sequence === 'text' ? 0 : this.timing.firstByteMs);
      if (silent >= quiet || performance.now() - start >= maxMs) break;
      await this.#nextBytes(quiet - silent);
    }
    await this.decoded();
  }
}

