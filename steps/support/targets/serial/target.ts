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
import type { FirmwareProfile, Key } from '../../../../fixtures/profiles.ts';
import { generationOf } from '../../../../fixtures/profiles.ts';
import { answers, recognize, storedByEnter } from '../../recognize.ts';
import { macIn } from '../../screens.ts';
import type { TargetStatement } from '../../../../fixtures/targets.ts';
import type { ApplianceTime, Capability, Console, Faults, Fleet, Keypad, Leds, Network, Platform, Ports, Power, Screen, ScreenSnapshot, ShownIdentity, Target, UnitNotes } from '../../protocols.ts';
import { faultsTable, fleetTable, networkTable, platformTable, portsTable } from '../../../../fixtures/lab-protocols.ts';
import { client } from '../../../../fixtures/method-tables.ts';
import { CONSOLE_BYTES_MEDIA_TYPE, NotApplicable } from '../../errors.ts';
import type { LabBenchClient, Counts } from './control.ts';
import type { SerialLine } from './line.ts';
import { sameScreen } from './line.ts';
import { vt100KeyBytes } from '../../../../fixtures/wire.ts';

/** The lab's protocols a twin's bench serves (all but a stock of units). */
export interface BenchLab { network: Network; platform: Platform; fleet: Fleet; faults: Faults; ports: Ports }

/** What a lab and a bench around one unit provide: the lab's protocols, managed power and a view of the lights. */
export type UnitSurroundings = Partial<BenchLab & { power: Power; leds: Leds }>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface SerialTargetOptions {
  name: string;
  generation: string;
  capabilities: ReadonlySet<Capability>;
  statement: TargetStatement;
  /** The twin's bench, when the appliance is the twin (twin-serial). */
  bench?: LabBenchClient;
  /** Switches the unit on and wakes its console, the first time the scenario turns to it. */
  start?: () => Promise<Counts>;
  /** One unit for the run: what the suite learns of it as it drives it (a change stored, a reset). */
  unit?: UnitNotes;
  /** The lab's protocols around a unit without a twin's bench (the live lab), those it provides. */
  lab?: UnitSurroundings;
}

export class SerialTarget implements Target {
  readonly name: string;
  readonly generation: string;
  readonly capabilities: ReadonlySet<Capability>;
  readonly entry: TargetStatement['entry'];
  readonly #firmware: FirmwareProfile;
  readonly #fieldWindow: number;
  readonly #unit: UnitNotes | undefined;
  readonly #line: SerialLine;
  readonly #bench: LabBenchClient | undefined;
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
    const { firmware, hardware } = generationOf(options.generation);
    this.#firmware = firmware;
    this.#fieldWindow = hardware.lcd.fieldWindow;
    this.#unit = options.unit;
    this.#line = line;
    this.#bench = options.bench;
    this.#lab = options.bench ? this.#labClients(options.bench) : options.lab;
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
    if (this.#bench) {
      // The bench says exactly how many bytes the answer has: nothing to wait for but them.
      await this.#line.send(text, expectsAnswer);
      await this.#settle(await this.#bench.call<Counts>('sync', { received: this.#line.sent }));
      return;
    }
    await this.#line.settle();
    await this.#line.send(text, expectsAnswer);
    const timing = this.#line.timing;
    const started = performance.now();
    const before = this.#line.decoder.snapshot(0);
    const answered = await this.#line.answer(expectsAnswer ? timing.firstByteMs : timing.silenceMs);
    // A key the screen said would act and that got no answer: evidence of a slow or silent unit.
    if (expectsAnswer && !answered) this.#line.log.push(`! no answer within ${Math.round(performance.now() - started)} ms (${timing.describe()})`);
    // An answer begun that changed nothing yet was cut by a pause longer than usual: the rest comes.
    if (expectsAnswer && answered && sameScreen(before, this.#line.decoder.snapshot(0))) await this.#line.settle(timing.firstByteMs, Math.min(timing.firstByteMs, 150));
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
      if (stored.kind === 'reset') this.#unit.mode = stored.mode ?? this.#unit.mode;
    }
    await this.#sendAndSettle(vt100KeyBytes[key], answers(screen, key, this.#firmware, this.#fieldWindow));
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

  /**
   * The lab's protocols, as clients of the bench's control socket generated from their tables:
   * after a call that changes the lab, what the console said about it has arrived before the
   * call returns. None on a line alone.
   */
  readonly #lab: UnitSurroundings | undefined;

  #labClients(bench: LabBenchClient): BenchLab {
    const call = (op: string, args: unknown[]) => bench.call<unknown>(op, args);
    const changed = async () => this.#settle(await bench.call<Counts>('now'));
    return {
      network: client(networkTable, call, changed),
      platform: client(platformTable, call, changed),
      fleet: client(fleetTable, call, changed),
      faults: client(faultsTable, call, changed),
      ports: client(portsTable, call, changed),
    };
  }

  get network(): Network | undefined { return this.#lab?.network; }
  get platform(): Platform | undefined { return this.#lab?.platform; }
  get fleet(): Fleet | undefined { return this.#lab?.fleet; }
  get faults(): Faults | undefined { return this.#lab?.faults; }
  get ports(): Ports | undefined { return this.#lab?.ports; }
  get power(): Power | undefined {
    const power = this.#lab?.power;
    if (!power) return undefined;
    // The unit answers the power button (and AC coming back) on its console as it answers a key:
    // the screen is read after that answer has come, not before.
    const answered = async (act: Promise<void>): Promise<void> => {
      await act;
      await this.#line.answer(this.#line.timing.firstByteMs);
      this.#record();
    };
    return { ...power, pressButton: () => answered(power.pressButton()), plugAc: () => answered(power.plugAc()) };
  }
  get leds(): Leds | undefined { return this.#lab?.leds; }

  /** The MAC address the remote console shows; a console shows neither model nor serial number (they are on the label). */
  async identity(): Promise<ShownIdentity> {
    return { mac: macIn(this.#line.decoder.rows()), model: null, serialNumber: null, how: 'MAC address as the remote console shows it; model and serial number are on the label, which a console does not show' };
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
