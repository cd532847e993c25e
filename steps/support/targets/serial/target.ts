// The serial target: any appliance whose remote console answers on a serial line (a real unit
// on /dev/ttyUSB0, a terminal server on tcp:host:port, or the twin behind a pseudo-terminal).
// Keys go out as VT100 sequences, one at a time, each answered before the next (a burst would
// overrun the appliance's UART); screens are read from the VT100 stream. With a twin bench (the
// twin-serial target) time is the twin's virtual time, stepped event by event, and every key is
// acknowledged exactly (the bench says how many bytes the answer has); on real hardware the
// answer is complete when the line falls quiet.
import type { FirmwareProfile, HardwareProfile, Key } from '../../../../fixtures/profiles.ts';
import type { ApplianceTime, Capability, Console, Keypad, Lab, Ports, Screen, ScreenSnapshot, Target } from '../../protocols.ts';
import { NotApplicable } from '../../errors.ts';
import { FieldMask, maskKeys, secretPrompts } from '../../redact.ts';
import { normalize } from '../../screens.ts';
import type { BenchClient, Counts } from './control.ts';
import { ConsoleDecoder } from './decoder.ts';
import type { SerialLink } from './link.ts';
import { LinkError } from './link.ts';

const keyBytes: Record<Key, string> = { UP: '\x1b[A', DOWN: '\x1b[B', RIGHT: '\x1b[C', LEFT: '\x1b[D', ENTER: '\r' };

/** How long a real appliance may take to begin answering a key, and the quiet that ends it. */
const FIRST_BYTE_MS = 1500;
const QUIET_MS = 120;
/** No answer to one key goes on longer than this (a full screen is about 2 s at 9600 baud). */
const MAX_ANSWER_MS = 4000;
const HISTORY_LIMIT = 4000;

function escapeBytes(bytes: Uint8Array): string {
  return [...bytes].map((b) => (b === 0x1b ? '\\e' : b === 0x0d ? '\\r' : b === 0x0a ? '\\n' : b < 0x20 || b > 0x7e ? `\\x${b.toString(16).padStart(2, '0')}` : String.fromCharCode(b))).join('');
}

export interface SerialTargetOptions {
  name: string;
  generation: string;
  capabilities: ReadonlySet<Capability>;
  firmware: FirmwareProfile;
  hardware: HardwareProfile;
  link: SerialLink;
  /** The twin's bench, when the appliance is the twin (twin-serial). */
  bench?: BenchClient;
  /** Switches the unit on and wakes its console, the first time the scenario turns to it. */
  start?: () => Promise<Counts>;
}

/** Counts and decodes what the line brings; shared by the targets handed out for each scenario. */
export class SerialLine {
  readonly link: SerialLink;
  readonly decoder: ConsoleDecoder;
  sent = 0;
  received = 0;
  #lastByteAt = 0;
  readonly #waiters: Array<() => void> = [];
  /**
   * Raw bytes both ways since the scenario began: "> " to the appliance, "< " from it. While a
   * secret field (the proxy password) is on screen, what the console draws in the field and the
   * keys sent to it are masked ('*'): the log is evidence in the report, the password is not.
   */
  log: string[] = [];
  #decoding: Promise<void> = Promise.resolve();
  readonly #secretPrompts: Set<string>;
  readonly #fieldMask: FieldMask;

  constructor(link: SerialLink, firmware: FirmwareProfile, hardware: HardwareProfile) {
    this.link = link;
    this.decoder = new ConsoleDecoder(firmware.console, hardware.lcd.columns);
    this.#secretPrompts = secretPrompts(firmware);
    this.#fieldMask = new FieldMask(firmware.console.lcdRow + 1);
    link.onData((bytes) => {
      this.received += bytes.length;
      this.#lastByteAt = performance.now();
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
    });
  }

  /** Whether the terminal shows a secret field's prompt (its entry is on the next row). */
  #secretShown(): boolean {
    return this.#secretPrompts.has(normalize(this.decoder.snapshot(0).lines[0]));
  }

  async send(text: string): Promise<void> {
    const bytes = Buffer.from(text, 'latin1');
    this.log.push(`> ${escapeBytes(this.#secretShown() ? maskKeys(bytes) : bytes)}`);
    this.sent += bytes.length;
    await this.link.write(bytes);
  }

  /** Resolves once the terminal has taken in every byte received so far. */
  decoded(): Promise<void> {
    return this.#decoding;
  }

  /** Waits until `count` bytes in all have come in. */
  async receive(count: number, timeoutMs = 15_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.received < count) {
      const left = deadline - performance.now();
      if (left <= 0) throw new LinkError(`${this.link.name}: the console sent ${this.received} of the ${count} bytes expected within ${timeoutMs / 1000} s`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
    await this.decoded();
  }

  /**
   * Real hardware: waits for an answer to begin (or not) and for the line to fall quiet, for at
   * most `maxMs` in all (a port that never stops sending is not waited for forever).
   */
  async quiet(firstByteMs = FIRST_BYTE_MS, quietMs = QUIET_MS, maxMs = MAX_ANSWER_MS): Promise<void> {
    const before = this.received;
    const start = performance.now();
    while (this.received === before && performance.now() - start < firstByteMs) await new Promise((r) => setTimeout(r, 5));
    while (this.received > before && performance.now() - this.#lastByteAt < quietMs && performance.now() - start < maxMs) await new Promise((r) => setTimeout(r, 5));
    await this.decoded();
  }
}

export class SerialTarget implements Target {
  readonly name: string;
  readonly generation: string;
  readonly capabilities: ReadonlySet<Capability>;
  readonly #line: SerialLine;
  readonly #bench: BenchClient | undefined;
  #start: (() => Promise<Counts>) | undefined;
  readonly #history: ScreenSnapshot[] = [];
  #dropped = 0;
  /** Appliance time: the bench's virtual time, or wall time on hardware. */
  #now = 0;
  readonly #startedAt = performance.now();
  readonly #sentAtStart: number;
  readonly #receivedAtStart: number;

  constructor(options: SerialTargetOptions, line: SerialLine, now = 0) {
    this.name = options.name;
    this.generation = options.generation;
    this.capabilities = options.capabilities;
    this.#line = line;
    this.#bench = options.bench;
    this.#start = options.start;
    this.#sentAtStart = line.sent;
    this.#receivedAtStart = line.received;
    this.#now = now;
    this.#record();
  }

  /** Before anything reaches the appliance: the unit switched on and its console woken, once. */
  async #started(): Promise<void> {
    const start = this.#start;
    if (!start) return;
    this.#start = undefined;
    await this.#settle(await start());
  }

  #time(): number {
    return this.#bench ? this.#now : performance.now() - this.#startedAt;
  }

  #record(): ScreenSnapshot {
    const screen = this.#line.decoder.snapshot(this.#time());
    const last = this.#history[this.#history.length - 1];
    if (!last || last.lines[0] !== screen.lines[0] || last.lines[1] !== screen.lines[1] || last.indicators.join() !== screen.indicators.join()
      || last.cursor?.row !== screen.cursor?.row || last.cursor?.col !== screen.cursor?.col) {
      this.#history.push(screen);
      if (this.#history.length > HISTORY_LIMIT) {
        const drop = this.#history.length - HISTORY_LIMIT / 2;
        this.#history.splice(0, drop);
        this.#dropped += drop;
      }
    }
    return screen;
  }

  /** After the bench moved time or took keys: wait for every byte the console queued. */
  async #settle(counts: Counts): Promise<void> {
    this.#now = counts.now;
    await this.#line.receive(counts.queued);
    this.#record();
  }

  async #sendAndSettle(text: string): Promise<void> {
    await this.#started();
    await this.#line.send(text);
    if (this.#bench) await this.#settle(await this.#bench.call<Counts>('sync', { received: this.#line.sent }));
    else {
      await this.#line.quiet();
      this.#record();
    }
  }

  readonly keypad: Keypad = {
    press: (key) => this.#sendAndSettle(keyBytes[key]),
    chordLeftRight: async () => {
      throw new NotApplicable(`target ${this.name}: LEFT and RIGHT together is the front panel keypad's (a terminal sends one key at a time)`);
    },
    hold: async () => {
      throw new NotApplicable(`target ${this.name}: holding a key is the front panel keypad's (a terminal repeats keys its own way)`);
    },
  };

  readonly console: Console = {
    type: async (text) => {
      for (const ch of text) await this.#sendAndSettle(ch);
    },
  };

  readonly screen: Screen = {
    read: async () => {
      await this.#started();
      await this.#line.decoded();
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
      const deadline = performance.now() + timeoutMs;
      while (performance.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
        const now = await this.screen.read();
        if (accept(now)) return now;
      }
      return null;
    },
    count: () => this.#dropped + this.#history.length,
    since: (mark) => this.#history.slice(Math.max(0, mark - this.#dropped)),
  };

  readonly time: ApplianceTime = {
    now: () => this.#time(),
    wait: async (ms) => {
      await this.#started();
      if (this.#bench) await this.#settle(await this.#bench.call<Counts>('advance', { ms }));
      else {
        await new Promise((r) => setTimeout(r, ms));
        await this.screen.read();
      }
    },
    waitUntil: async (check, timeoutMs) => {
      await this.#started();
      if (!this.#bench) {
        const deadline = performance.now() + timeoutMs;
        while (performance.now() < deadline) {
          if (await check()) return true;
          await new Promise((r) => setTimeout(r, 50));
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
      { fileName: 'serial-bytes.json', mediaType: 'application/vnd.serial-bytes+json', body: JSON.stringify(counts) },
    ];
  }

  async stop(): Promise<void> {
    this.#line.log = [];
  }
}
