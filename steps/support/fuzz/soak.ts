// The soak (npm run fuzz -- --soak <keys>): one in-process twin, driven through its own API by a
// seeded random stream of single keys, LEFT+RIGHT chords, key holds, time passing (to the next
// thing the unit does, or by a stretch), power button presses and AC pulls at random instants,
// mid-edit and mid-save among them. Checked continuously, at every change the unit announces:
// - the twin never throws;
// - a screen that takes keys shows navigation indicators, each one of the guide's five keys
//   ("Each Scanner Appliance screen displays one or more indicators in the top right corner";
//   screens that take no keys show none, ERRATA-152);
// - after every boot (after each power cut above all), the configuration the unit loaded is the
//   last one it confirmed stored before: the soak follows the commits itself, from the disk's
//   writes and the change the unit announces with them.
// Each action is drawn for what the unit is doing (taking keys, applying a change, busy, off), so
// that keys land mostly where they act and cuts often inside a change. The same seed makes the
// same run: the stream is a small PRNG of our own (fc.sample per action would cost more than the
// twin's work), and the twin is deterministic on its virtual clock.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Key } from '../../../fixtures/profiles.ts';
import { keys as guideKeys } from '../../../fixtures/profiles.ts';
import { bareLabBench } from '../targets/twin/adapter.ts';
import { fuzzReportsDir } from './run.ts';

type LabBench = ReturnType<typeof bareLabBench>;
/** The appliance the soak drives (a test plants its faults there). */
export type SoakUnit = LabBench['appliance'];

export type SoakAction =
  | { kind: 'press'; key: Key }
  | { kind: 'chord' }
  /** Pressed and held: in text fields UP and DOWN repeat (the twin's keypad model). */
  | { kind: 'hold'; key: Key; ms: number }
  /** Time runs to the next thing the unit does (one timer): the instants inside a save. */
  | { kind: 'step' }
  | { kind: 'wait'; ms: number }
  | { kind: 'power' }
  /** After `events` of the unit's events and `afterMs`, the AC cord is pulled; it is plugged back `offMs` later. */
  | { kind: 'cut'; events: number; afterMs: number; offMs: number };

export type SoakCheck = 'throws' | 'indicators' | 'stored-config';

export interface SoakViolation {
  check: SoakCheck;
  /** Keys pressed when it was seen, counting the key that showed it (`--soak keyIndex+1` reaches it again). */
  keyIndex: number;
  actionIndex: number;
  message: string;
  /** What the report file adds to the message (the two configurations of a stored-config violation). */
  details?: Record<string, unknown>;
  /** The last actions, oldest first, as "#<action index> <action>". */
  lastActions: string[];
}

export interface SoakProgress {
  keys: number;
  powerCuts: number;
  ms: number;
}

export interface SoakOptions {
  generation: string;
  keys: number;
  seed: number;
  /** Called every PROGRESS_EVERY keys. */
  onProgress?: (progress: SoakProgress) => void;
  /** A test's planted fault, put into the unit before the run (the twin's code stays as it is). */
  plant?: (unit: SoakUnit) => void;
}

export interface SoakResult {
  generation: string;
  seed: number;
  /** Keys pressed (single keys, chords and holds). */
  keys: number;
  /** Of them, pressed on a screen that takes keys. */
  keysTaken: number;
  actions: number;
  powerCuts: number;
  /** Cuts while a save had written some of its blocks and not its last. */
  cutsMidSave: number;
  /** Cuts while a field was being edited (a cursor on screen). */
  cutsMidEdit: number;
  /** Saves the unit committed. */
  saves: number;
  /** Boots completed, each followed by the stored-configuration check. */
  boots: number;
  virtualMs: number;
  /** Wall time of the drive (the unit's construction apart). */
  ms: number;
  keysPerSecond: number;
  /** FNV-1a of the action sequence: the same seed gives the same one. */
  digest: string;
  violation: SoakViolation | null;
}

const PROGRESS_EVERY = 10_000;
const KEPT_ACTIONS = 50;

/** sfc32, seeded through splitmix32: a uint32 stream, the same for the same seed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
}

const HOLD_MS = [300, 600, 1500, 4000] as const;
/** From between two keys to a poll's interval and beyond (a boot takes about two minutes). */
const WAIT_MS = [5, 20, 100, 1000, 2500, 10_000, 45_000, 180_000, 600_000] as const;
/** How long the cord stays out: plugged straight back, a second, a minute. */
const OFF_MS = [0, 1000, 60_000] as const;
/** A cut falls after up to 7 of the unit's events (each write of a save is one), or anywhere in 3 s. */
const CUT_EVENTS = 8;
const CUT_WITHIN_MS = 3000;

type Draw = (next: () => number) => SoakAction;
const always = (action: SoakAction): Draw => () => action;
const pick = <T>(next: () => number, from: readonly T[]): T => from[next() % from.length]!;
const press = (key: Key) => always({ kind: 'press', key });
const hold: Draw = (next) => ({ kind: 'hold', key: pick(next, guideKeys), ms: pick(next, HOLD_MS) });
const wait: Draw = (next) => ({ kind: 'wait', ms: pick(next, WAIT_MS) });
const cut: Draw = (next) => {
  const events = next() % CUT_EVENTS;
  return { kind: 'cut', events, afterMs: next() % (events === 0 ? CUT_WITHIN_MS : 5), offMs: pick(next, OFF_MS) };
};

/** Weights out of 1024 to a table of 1024 draws. */
function tableOf(weighted: Array<[number, Draw]>): Draw[] {
  const table = weighted.flatMap(([weight, draw]) => Array.from({ length: weight }, () => draw));
  if (table.length !== 1024) throw new Error(`the soak's weights add up to ${table.length}, not 1024`);
  return table;
}

/**
 * On a screen that takes keys: keys mostly, walking towards DOWN and ENTER so that runs reach
 * deep into the procedures and confirm changes.
 */
const whenUp = tableOf([
  [250, press('DOWN')], [250, press('ENTER')], [170, press('UP')], [85, press('LEFT')], [85, press('RIGHT')],
  [20, always({ kind: 'chord' })], [30, hold], [46, always({ kind: 'step' })], [70, wait],
  [6, always({ kind: 'power' })], [12, cut],
]);
/**
 * While the unit takes no keys (booting, showing a notice, going down): time passing mostly, so
 * that the keys land where they act; keys, presses and cuts still (mid-boot among them).
 */
const whenBusy = tableOf([
  [64, press('DOWN')], [64, press('ENTER')], [48, press('UP')], [40, press('LEFT')], [40, press('RIGHT')],
  [8, always({ kind: 'chord' })], [8, hold], [300, always({ kind: 'step' })], [420, wait],
  [12, always({ kind: 'power' })], [20, cut],
]);
/** Applying a confirmed change (its message, its save, its contact): event by event, and cut often, mid-save among them. */
const whenApplying = tableOf([
  [16, press('DOWN')], [16, press('ENTER')], [16, press('UP')], [8, press('LEFT')], [8, press('RIGHT')],
  [4, always({ kind: 'chord' })], [4, hold], [720, always({ kind: 'step' })], [60, wait],
  [4, always({ kind: 'power' })], [168, cut],
]);
/** Off or halted: the power button soon, a few keys and cords pulled meanwhile. */
const whenDown = tableOf([
  [48, press('DOWN')], [48, press('ENTER')], [32, press('UP')], [24, press('LEFT')], [24, press('RIGHT')],
  [4, always({ kind: 'chord' })], [4, hold], [200, always({ kind: 'step' })], [400, wait],
  [224, always({ kind: 'power' })], [16, cut],
]);

/** What the unit is doing, as the stream draws for it. */
export type Moment = 'takes-keys' | 'applying' | 'busy' | 'down';

/** The action stream of a seed: the next action, drawn for what the unit is doing. */
export function actionStream(seed: number): (moment: Moment) => SoakAction {
  const next = prng(seed);
  const tables = { 'takes-keys': whenUp, applying: whenApplying, busy: whenBusy, down: whenDown };
  return (moment) => tables[moment][next() & 1023]!(next);
}

export function describeAction(a: SoakAction): string {
  switch (a.kind) {
    case 'press': return a.key;
    case 'chord': return 'LEFT+RIGHT';
    case 'hold': return `hold ${a.key} ${a.ms} ms`;
    case 'step': return 'to the next event';
    case 'wait': return `wait ${a.ms} ms`;
    case 'power': return 'power button';
    case 'cut': return `AC pulled after ${a.events} events and ${a.afterMs} ms, back after ${a.offMs} ms`;
  }
}

const keyCode: Record<Key, number> = { UP: 1, DOWN: 2, LEFT: 3, RIGHT: 4, ENTER: 5 };

/** The action as a number for the digest (kind, key, times). */
function actionCode(a: SoakAction): number {
  switch (a.kind) {
    case 'press': return keyCode[a.key];
    case 'chord': return 6;
    case 'hold': return 7 + keyCode[a.key] * 8 + a.ms * 64;
    case 'step': return 8;
    case 'wait': return 9 + a.ms * 16;
    case 'power': return 10;
    case 'cut': return 11 + a.events * 16 + a.afterMs * 128 + a.offMs * 524_288;
  }
}

const documented: ReadonlySet<string> = new Set(guideKeys);

/** Where two JSON values differ, as dotted paths (two levels deep: "lan.ipv4", "proxy"). */
function differences(a: unknown, b: unknown, path = '', depth = 2): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const objects = depth > 0 && typeof a === 'object' && a !== null && typeof b === 'object' && b !== null;
  if (!objects) return [path || '(the whole)'];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k, depth - 1));
}

/** Stops the drive at the first violation found. */
class Stop extends Error {}

/** One soak run: the unit, the stream, what has been seen, and the checks. */
class Soak {
  readonly #bench: LabBench;
  readonly #unit: SoakUnit;
  readonly #options: SoakOptions;
  readonly #kept: Array<{ index: number; action: SoakAction }> = [];
  #violation: SoakViolation | null = null;
  #keys = 0;
  #keysTaken = 0;
  #actions = 0;
  #digest = 0x811c9dc5;
  #powerCuts = 0;
  #cutsMidSave = 0;
  #cutsMidEdit = 0;
  #saves = 0;
  #boots = 0;
  /** A block reached the disk in the timer callback now running (reset before each). */
  #wrote = false;
  /** Blocks written since the last commit: a save is under way. */
  #uncommittedWrites = 0;
  /** The configuration last committed to the store, as JSON. */
  #confirmed: string;
  #booting = false;

  constructor(options: SoakOptions) {
    this.#options = options;
    this.#bench = bareLabBench(options.generation);
    this.#unit = this.#bench.appliance;
    this.#bench.activate(this.#unit.identity.activationCode, 'jdoe');
    options.plant?.(this.#unit);
    // The store is empty: the first boot takes the unit's initial configuration.
    this.#confirmed = JSON.stringify(this.#unit.config);
    this.#tapDisk();
    this.#unit.subscribe(() => this.#observe());
  }

  /** The disk's writes are the store's events: a commit is a write followed, in the same callback, by the change it announces. */
  #tapDisk(): void {
    const disk = this.#unit.disk;
    const write = disk.write.bind(disk);
    disk.write = (block, data, torn) => {
      write(block, data, torn);
      this.#wrote = true;
      this.#uncommittedWrites++;
    };
  }

  /** At every change the unit announces: commits, boots, and the screen's indicators. */
  #observe(): void {
    const unit = this.#unit;
    const phase = unit.phase;
    if (this.#wrote) {
      this.#wrote = false;
      // The filesystem's clean flag, written as a boot mounts it or a shutdown ends: no save. A
      // save commits while the unit is up, applying a change, or going down (a link setting's
      // save finishes before the power button's shutdown does).
      const flag = phase === 'booting' || phase === 'halted' || phase === 'off';
      this.#uncommittedWrites = 0;
      if (!flag) {
        this.#saves++;
        this.#confirmed = JSON.stringify(unit.config);
      }
    }
    if (phase === 'booting') this.#booting = true;
    else if (this.#booting && phase === 'running') {
      this.#booting = false;
      this.#boots++;
      const loaded = JSON.stringify(unit.config);
      if (loaded !== this.#confirmed) {
        const stored = JSON.parse(this.#confirmed) as unknown;
        this.#fail('stored-config', `after boot ${this.#boots} (${this.#powerCuts} power cuts so far) the unit runs another configuration than the last it stored (they differ at ${differences(stored, unit.config).join(', ')})`,
          { stored, loaded: unit.config });
      }
    }
    if (unit.acceptsKeys) {
      const { indicators, lines } = unit.screen();
      if (indicators.length === 0 || !indicators.every((k) => documented.has(k))) {
        this.#fail('indicators', `the screen ${JSON.stringify(lines)} takes keys and shows the indicators [${indicators.join(', ')}]`);
      }
    }
  }

  #fail(check: SoakCheck, message: string, details?: Record<string, unknown>): void {
    this.#violation ??= {
      check, keyIndex: this.#keys, actionIndex: this.#actions - 1, message, ...(details ? { details } : {}),
      lastActions: this.#kept.map(({ index, action }) => `#${index} ${describeAction(action)}`),
    };
  }

  /** Fires the due timers one by one up to `ms` from now, each with the disk's flag cleared first. */
  async #pass(ms: number): Promise<void> {
    const clock = this.#bench.virtual;
    const until = clock.now() + ms;
    for (;;) {
      this.#wrote = false;
      if (!(await clock.step(until))) break;
      if (this.#violation) throw new Stop();
    }
    await clock.advance(until - clock.now());
  }

  /** The next thing the unit does, at its instant. */
  async #step(): Promise<void> {
    this.#wrote = false;
    await this.#bench.virtual.step();
    if (this.#violation) throw new Stop();
  }

  async #act(a: SoakAction): Promise<void> {
    const unit = this.#unit;
    this.#wrote = false;
    switch (a.kind) {
      case 'press':
      case 'chord':
      case 'hold':
        this.#keys++;
        if (unit.acceptsKeys) this.#keysTaken++;
        if (a.kind === 'press') unit.press(a.key);
        else if (a.kind === 'chord') unit.chordLeftRight();
        else {
          unit.hold(a.key, a.ms);
          await this.#pass(a.ms);
        }
        return;
      case 'step':
        return this.#step();
      case 'wait':
        return this.#pass(a.ms);
      case 'power':
        unit.pressPowerButton();
        return;
      case 'cut':
        for (let i = 0; i < a.events; i++) await this.#step();
        await this.#pass(a.afterMs);
        if (unit.phase !== 'off' && unit.phase !== 'halted') {
          this.#powerCuts++;
          if (this.#uncommittedWrites > 0) this.#cutsMidSave++;
          if (unit.acceptsKeys && unit.screen().cursor) this.#cutsMidEdit++;
        }
        unit.unplugAc();
        // Whatever a save had written is what the store holds now: the next commit starts afresh.
        this.#uncommittedWrites = 0;
        await this.#pass(a.offMs);
        unit.plugAc();
        return;
    }
  }

  #moment(): Moment {
    const { phase } = this.#unit;
    if (this.#unit.acceptsKeys) return 'takes-keys';
    if (phase === 'applying') return 'applying';
    return phase === 'off' || phase === 'halted' ? 'down' : 'busy';
  }

  #keep(action: SoakAction): void {
    if (this.#kept.length === KEPT_ACTIONS) this.#kept.shift();
    this.#kept.push({ index: this.#actions, action });
  }

  async run(): Promise<SoakResult> {
    const { keys, seed, onProgress } = this.#options;
    const draw = actionStream(seed);
    const started = performance.now();
    let reportAt = PROGRESS_EVERY;
    try {
      this.#unit.pressPowerButton();
      while (this.#keys < keys && !this.#violation) {
        const action = draw(this.#moment());
        this.#keep(action);
        this.#actions++;
        this.#digest = Math.imul(this.#digest ^ actionCode(action), 0x01000193) >>> 0;
        await this.#act(action);
        if (this.#keys >= reportAt) {
          reportAt += PROGRESS_EVERY;
          onProgress?.({ keys: this.#keys, powerCuts: this.#powerCuts, ms: performance.now() - started });
        }
      }
    } catch (error) {
      if (!(error instanceof Stop)) this.#fail('throws', `the twin threw: ${(error as Error).stack ?? String(error)}`);
    }
    const ms = performance.now() - started;
    return {
      generation: this.#options.generation, seed, keys: this.#keys, keysTaken: this.#keysTaken, actions: this.#actions,
      powerCuts: this.#powerCuts, cutsMidSave: this.#cutsMidSave, cutsMidEdit: this.#cutsMidEdit, saves: this.#saves, boots: this.#boots,
      virtualMs: this.#bench.clock.now(), ms, keysPerSecond: this.#keys / (ms / 1000),
      digest: this.#digest.toString(16).padStart(8, '0'), violation: this.#violation,
    };
  }
}

/** Drives one twin of `generation` for `keys` keys from the stream of `seed`, checking as it goes. */
export function soak(options: SoakOptions): Promise<SoakResult> {
  return new Soak(options).run();
}

/** A violation written for its user: reports/fuzz/soak-<seed>.json (or under `dir`). */
export function writeSoakReport(result: SoakResult, dir = fuzzReportsDir): string {
  const v = result.violation!;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `soak-${result.seed}.json`);
  const report = {
    generation: result.generation, seed: result.seed, check: v.check, keyIndex: v.keyIndex, actionIndex: v.actionIndex,
    message: v.message, ...v.details, lastActions: v.lastActions,
    again: `npm run fuzz -- --soak ${v.keyIndex + 1} --generation ${result.generation} --seed ${result.seed}`,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
