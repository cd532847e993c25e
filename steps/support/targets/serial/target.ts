// The serial target: any appliance whose remote console answers on a serial line (a real unit
// on /dev/ttyUSB0, a terminal server on tcp:host:port, the twin behind a pseudo-terminal). Keys
// go out as VT100 sequences, one at a time, each answered before the next (a burst would overrun
// the appliance's UART); screens are read from the VT100 stream through the console layout the
// capability statement declares.
//
// Two kinds of time. With a twin bench (twin-serial) time is the twin's virtual time, stepped
// event by event, and every key is acknowledged exactly (the bench says how many bytes the
// answer has). Everywhere else (hardware, and twin-unit, which is the twin presented as
// hardware) there is only the line: an answer is complete when the line falls quiet, and what
// "quiet" means is learned from the unit as it answers; appliance time is wall time times the
// statement's time scale.
import type { ConsoleLayout } from '../../../../fixtures/consoles.ts';
import type { FirmwareProfile, Key } from '../../../../fixtures/profiles.ts';
import { generationOf } from '../../../../fixtures/profiles.ts';
import { answers, recognize, storedByEnter } from '../../recognize.ts';
import type { TargetStatement } from '../../../../fixtures/targets.ts';
import type { ApplianceTime, Capability, Console, Keypad, Lab, Ports, Screen, ScreenSnapshot, Target, UnitNotes } from '../../protocols.ts';
import { CONSOLE_BYTES_MEDIA_TYPE, NotApplicable } from '../../errors.ts';
import { FieldMask, maskKeys, secretPrompts } from '../../redact.ts';
import { normalize } from '../../screens.ts';
import type { BenchClient, Counts } from './control.ts';
import { ConsoleDecoder } from './decoder.ts';
import type { SerialLink } from './link.ts';
import { LinkError } from './link.ts';

export const keyBytes: Record<Key, string> = { UP: '\x1b[A', DOWN: '\x1b[B', RIGHT: '\x1b[C', LEFT: '\x1b[D', ENTER: '\r' };

const HISTORY_LIMIT = 4000;

function escapeBytes(bytes: Uint8Array): string {
  return [...bytes].map((b) => (b === 0x1b ? '\\e' : b === 0x0d ? '\\r' : b === 0x0a ? '\\n' : b < 0x20 || b > 0x7e ? `\\x${b.toString(16).padStart(2, '0')}` : String.fromCharCode(b))).join('');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function sameScreen(a: ScreenSnapshot | undefined, b: ScreenSnapshot): boolean {
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
    return Math.min(this.#initialQuietMs, Math.max(3, 3 * quantile(this.#gaps, 0.95) + 2, 1.5 * Math.max(0, ...this.#gaps)));
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
      const quiet = Math.max(quietAtLeast, this.timing.quietMs);
      if (silent >= quiet || performance.now() - start >= maxMs) break;
      await this.#nextBytes(quiet - silent);
    }
    await this.decoded();
  }
}

export interface SerialTargetOptions {
  name: string;
  generation: string;
  capabilities: ReadonlySet<Capability>;
  statement: TargetStatement;
  /** The twin's bench, when the appliance is the twin (twin-serial). */
  bench?: BenchClient;
  /** Switches the unit on and wakes its console, the first time the scenario turns to it. */
  start?: () => Promise<Counts>;
  /** One unit for the run: what the suite learns of it as it drives it (a change stored, a reset). */
  unit?: UnitNotes;
}

export class SerialTarget implements Target {
  readonly name: string;
  readonly generation: string;
  readonly capabilities: ReadonlySet<Capability>;
  readonly entry: TargetStatement['entry'];
  readonly #firmware: FirmwareProfile;
  readonly #unit: UnitNotes | undefined;
  readonly #line: SerialLine;
  readonly #bench: BenchClient | undefined;
  #start: (() => Promise<Counts>) | undefined;
  /** Appliance time: the bench's virtual time, or wall time scaled on a line alone. */
  #now = 0;
  readonly #scale: number;
  readonly #startedAt = performance.now();
  readonly #offset: number;
  readonly #sentAtStart: number;
  readonly #receivedAtStart: number;
  readonly #stopFrames: () => void;

  constructor(options: SerialTargetOptions, line: SerialLine, now = 0) {
    this.name = options.name;
    this.generation = options.generation;
    this.capabilities = options.capabilities;
    this.entry = options.statement.entry;
    this.#firmware = generationOf(options.generation).firmware;
    this.#unit = options.unit;
    this.#line = line;
    this.#bench = options.bench;
    this.#start = options.start;
    this.#scale = options.statement.timeScale;
    this.#sentAtStart = line.sent;
    this.#receivedAtStart = line.received;
    this.#now = now;
    this.#offset = now;
    this.#record();
    // On a line alone, every frame goes into the history (a message that moves on by itself).
    this.#stopFrames = this.#bench ? () => {} : line.onFrame(() => this.#record());
  }

  /** Before anything reaches the appliance: the unit switched on and its console woken, once. */
  async #started(): Promise<void> {
    const start = this.#start;
    if (!start) return;
    this.#start = undefined;
    await this.#settle(await start());
  }

  #time(): number {
    return this.#bench ? this.#now : this.#offset + (performance.now() - this.#startedAt) * this.#scale;
  }

  /** Real milliseconds for `ms` of appliance time. */
  #real(ms: number): number {
    return ms / this.#scale;
  }

  #record(): ScreenSnapshot {
    return this.#line.record(this.#time());
  }

  /** After the bench moved time or took keys: wait for every byte the console queued. */
  async #settle(counts: Counts): Promise<void> {
    this.#now = counts.now;
    await this.#line.receive(counts.queued);
    this.#record();
  }

  /**
   * Sends one key (or typed character) and waits for its answer. With a bench, exactly; on a
   * line alone, up to the first-byte bound when the screen shows the key acts, or only the
   * learned silence when its indicator is not shown (nothing is expected).
   */
  async #sendAndSettle(text: string, expectsAnswer: boolean): Promise<void> {
    await this.#started();
    await this.#line.settle();
    await this.#line.send(text, expectsAnswer);
    if (this.#bench) {
      await this.#settle(await this.#bench.call<Counts>('sync', { received: this.#line.sent }));
      return;
    }
    const timing = this.#line.timing;
    const started = performance.now();
    const answered = await this.#line.answer(expectsAnswer ? timing.firstByteMs : timing.silenceMs);
    // A key the screen said would act and that got no answer: evidence of a slow or silent unit.
    if (expectsAnswer && !answered) this.#line.log.push(`! no answer within ${Math.round(performance.now() - started)} ms (${timing.describe()})`);
    await this.#whole();
    this.#record();
  }

  /**
   * A screen no text of the guide matches is most often one half drawn (the line paused longer
   * than usual inside an answer): a longer silence is waited for before it is believed.
   */
  async #whole(): Promise<void> {
    if (recognize(this.#line.decoder.snapshot(0), this.#firmware).kind !== 'unknown') return;
    const timing = this.#line.timing;
    await this.#line.settle(timing.firstByteMs, Math.min(timing.firstByteMs, 150));
  }

  async #pressKey(key: Key): Promise<void> {
    const screen = this.#line.decoder.snapshot(0);
    if (key === 'ENTER' && this.#unit) {
      const stored = storedByEnter(screen, this.#firmware);
      if (stored.kind !== 'nothing') this.#unit.factory = stored.kind === 'reset';
    }
    await this.#sendAndSettle(keyBytes[key], answers(screen, key, this.#firmware));
  }

  readonly keypad: Keypad = {
    press: (key) => this.#pressKey(key),
    chordLeftRight: async () => {
      throw new NotApplicable(`target ${this.name}: LEFT and RIGHT together is the front panel keypad's (a terminal sends one key at a time)`);
    },
    hold: async () => {
      throw new NotApplicable(`target ${this.name}: holding a key is the front panel keypad's (a terminal repeats keys its own way)`);
    },
  };

  readonly console: Console = {
    type: async (text) => {
      // A typed character may change nothing that shows (the same character again, at the last
      // position): it is listened for as a key that does nothing is, which a prompt answer
      // still ends early.
      for (const ch of text) await this.#sendAndSettle(ch, false);
    },
  };

  readonly screen: Screen = {
    read: async () => {
      await this.#started();
      if (this.#bench) {
        await this.#line.decoded();
        return this.#record();
      }
      await this.#line.settle();
      await this.#whole();
      return this.#record();
    },
    waitFor: async (accept, timeoutMs) => {
      const screen = await this.screen.read();
      if (accept(screen)) return screen;
      if (this.#bench) {
        const deadline = this.#now + timeoutMs;
        for (;;) {
          const r = await this.#bench.call<Counts & { stepped: boolean }>('step', { limit: deadline });
          await this.#settle(r);
          const now = this.#record();
          if (accept(now)) return now;
          if (!r.stepped) break;
        }
        await this.#settle(await this.#bench.call<Counts>('advance', { ms: Math.max(0, deadline - this.#now) }));
        const last = this.#record();
        return accept(last) ? last : null;
      }
      // Every frame is looked at, so that a screen shown only for a moment is not missed.
      const mark = this.screen.count();
      const deadline = performance.now() + this.#real(timeoutMs);
      while (performance.now() < deadline) {
        const seen = this.screen.since(mark).find(accept);
        if (seen) {
          await this.#line.settle();
          return seen;
        }
        await sleep(Math.min(20, Math.max(1, deadline - performance.now())));
        await this.#line.decoded();
      }
      const last = await this.screen.read();
      return accept(last) ? last : this.screen.since(mark).find(accept) ?? null;
    },
    count: () => this.#line.count(),
    since: (mark) => this.#line.since(mark),
  };

  readonly time: ApplianceTime = {
    now: () => this.#time(),
    wait: async (ms) => {
      await this.#started();
      if (this.#bench) await this.#settle(await this.#bench.call<Counts>('advance', { ms }));
      else {
        await sleep(this.#real(ms));
        await this.screen.read();
      }
    },
    waitUntil: async (check, timeoutMs) => {
      await this.#started();
      if (!this.#bench) {
        const deadline = performance.now() + this.#real(timeoutMs);
        while (performance.now() < deadline) {
          if (await check()) return true;
          await sleep(Math.min(50, Math.max(1, this.#real(1000))));
        }
        return check();
      }
      const deadline = this.#now + timeoutMs;
      for (;;) {
        if (await check()) return true;
        const r = await this.#bench.call<Counts & { stepped: boolean }>('step', { limit: deadline });
        await this.#settle(r);
        if (!r.stepped) break;
      }
      await this.#settle(await this.#bench.call<Counts>('advance', { ms: Math.max(0, deadline - this.#now) }));
      return check();
    },
  };

  get lab(): Lab | undefined {
    const bench = this.#bench;
    if (!bench) return undefined;
    const settled = async <T>(result: Promise<T>) => {
      const value = await result;
      await this.#settle(await bench.call<Counts>('now'));
      return value;
    };
    return {
      activate: (code, username) => settled(bench.call('activate', { code, username })),
      platform: () => bench.call('platform'),
      activationCodeHolders: (code) => bench.call('activationCodeHolders', { code }),
      launch: (job, durationMs, options) => settled(bench.call('launch', { job, durationMs, ...(options ?? {}) })),
      network: () => bench.call('network'),
      setNetwork: (spec) => settled(bench.call('setNetwork', { spec })),
      failPlatform: (failure) => settled(bench.call('failPlatform', { ...failure })),
      injectStorageFault: (fault) => settled(bench.call('injectStorageFault', { fault })),
      portal: () => bench.call('portal'),
      usePod: (pod) => settled(bench.call('usePod', { pod })),
      setSubscriptionFeature: (feature, on) => settled(bench.call('setSubscriptionFeature', { feature, on })),
      scanTraffic: () => bench.call('scanTraffic'),
      platformRequests: () => bench.call('platformRequests'),
      attachService: (service, endpoint) => settled(bench.call('attachService', { service, endpoint })),
      addAppliance: (options) => settled(bench.call('addAppliance', { ...options })),
      connectInbound: (to) => bench.call('connectInbound', { ...to }),
    };
  }

  get ports(): Ports | undefined {
    const bench = this.#bench;
    if (!bench) return undefined;
    return {
      plug: async (port) => { await bench.call('cable', { port, plugged: true }); },
      unplug: async (port) => { await bench.call('cable', { port, plugged: false }); },
    };
  }

  /** The raw bytes of the scenario, both ways, and their counts, for the report. */
  evidence(): Array<{ fileName: string; mediaType: string; body: string }> {
    const counts = { sent: this.#line.sent - this.#sentAtStart, received: this.#line.received - this.#receivedAtStart };
    return [
      { fileName: 'serial.log', mediaType: 'text/plain', body: this.#line.log.join('\n') },
      { fileName: 'console-bytes.json', mediaType: CONSOLE_BYTES_MEDIA_TYPE, body: JSON.stringify(counts) },
    ];
  }

  async stop(): Promise<void> {
    this.#stopFrames();
    this.#line.log = [];
  }
}
