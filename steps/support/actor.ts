// The one who uses the appliance: every task takes an actor, whether a cucumber scenario drives it
// (the World holds one) or code outside cucumber does (the model-based property, the probe, the
// statement's claims). It holds the target, the guide of its generation, the transcript of what
// was done and shown (secrets masked by the profile), the scenario's notes, and the stops of
// every resource opened for it.
import type { Generation } from '../../fixtures/profiles.ts';
import { generationOf } from '../../fixtures/profiles.ts';
import { PortalVisit } from './browser.ts';
import { NotApplicable } from './errors.ts';
import { Notepad } from './notes.ts';
import type { Capability, ScreenSnapshot, Target, TargetSession } from './protocols.ts';
import { secretPrompts } from './redact.ts';
import { describeScreen, formatTime, normalize } from './screens.ts';
import type { Task } from './tasks/task.ts';

export interface Evidence {
  body: string;
  mediaType: string;
  fileName: string;
}

export interface ActorOptions {
  generation: string;
  target?: Target;
  /** The run's session (the strategy asks it whether the one unit was given up on). */
  session?: TargetSession;
  /** Whether every screen goes into the transcript, or only the actions (long model runs). */
  recording?: boolean;
  /** Most transcript lines kept: past it the oldest half goes, the latest (where a failure happened) stays. */
  transcriptLimit?: number;
  /** Where evidence goes (the report); without it, nowhere. */
  attach?: (evidence: Evidence) => void;
}

/** The protocols beyond the keypad and the screen, which a target may lack (the lab's: fixtures/lab-protocols.ts). */
export type Protocol = 'power' | 'leds' | 'ports' | 'label' | 'console' | 'consolePort' | 'network' | 'platform' | 'fleet' | 'stock' | 'faults';

export class Actor {
  #target: Target | null = null;
  #session: TargetSession | null;
  readonly guide: Generation;
  readonly generation: string;
  readonly #recording: boolean;
  readonly #transcriptLimit: number;
  readonly #attach: (evidence: Evidence) => void;
  readonly #secretPrompts: Set<string>;
  readonly #stops: Array<() => Promise<void> | void> = [];
  #portal: PortalVisit | null = null;
  readonly transcript: string[] = [];
  readonly notes = new Notepad();
  /**
   * Whether the scenario has brought the unit to its starting state: later Given steps build on
   * what the scenario did since (a mode it switched to), not on the defaults.
   */
  started = false;
  /** How values are entered: by the arrow keys only (@arrows: scenarios about them), or as the target prefers. */
  entryMeans: 'arrows' | 'preferred' = 'preferred';
  /** Index in the screen history where the latest action began. */
  actionMark = 0;
  #recorded = 0;
  #lastDescribed = '';

  constructor(options: ActorOptions) {
    this.generation = options.generation;
    this.guide = generationOf(options.generation);
    this.#session = options.session ?? null;
    this.#recording = options.recording ?? true;
    this.#transcriptLimit = options.transcriptLimit ?? Infinity;
    this.#attach = options.attach ?? (() => undefined);
    this.#secretPrompts = secretPrompts(this.guide.firmware);
    if (options.target) this.target = options.target;
  }

  /** An actor on a target of its own, outside cucumber. */
  static using(target: Target, options: Omit<ActorOptions, 'generation' | 'target'> = {}): Actor {
    return new Actor({ ...options, generation: target.generation, target });
  }

  get target(): Target {
    if (!this.#target) throw new Error('no target: the Before hook did not run');
    return this.#target;
  }

  set target(target: Target) {
    this.#target = target;
    // A unit that lives through the run has shown screens before this actor: not this actor's.
    this.#recorded = target.screen.count();
    this.actionMark = this.#recorded;
  }

  get hasTarget(): boolean {
    return this.#target !== null;
  }

  /** The run's session: its statement, and whether its one unit was given up on. */
  get session(): TargetSession {
    if (!this.#session) throw new Error('no session: the Before hook did not run');
    return this.#session;
  }

  set session(session: TargetSession) {
    this.#session = session;
  }

  /**
   * Who activated the run's one unit, as its statement declares (null where each scenario gets
   * a unit of its own, or nobody is named): a scenario that needs a unit activated by someone
   * else is not applicable on it.
   */
  get unitActivatedBy(): string | null {
    const s = this.#session?.statement;
    if (!s || s.units === 'fresh') return null;
    return s.unit?.activatedBy ?? null;
  }

  /** Whether the run's one unit is activated, as its statement declares (false where each scenario gets a unit of its own). */
  get unitActivated(): boolean {
    const s = this.#session?.statement;
    return s?.units === 'one' && s.unit?.activated === true;
  }

  /** The protocol for a capability, or NotApplicable when the target lacks it. */
  need<K extends Protocol>(name: K): NonNullable<Target[K]> {
    const protocol = this.target[name];
    const capability = name === 'consolePort' ? 'console-port' : name;
    if (!protocol || !this.target.capabilities.has(capability as Capability)) {
      throw new NotApplicable(`target ${this.target.name} has no ${name}`);
    }
    return protocol as NonNullable<Target[K]>;
  }

  /** The visit to the platform's web portal (not applicable where the lab serves none), closed at the stop. */
  get portal(): PortalVisit {
    if (!this.target.capabilities.has('portal')) throw new NotApplicable(`target ${this.target.name} has no portal`);
    if (!this.#portal) {
      const visit = new PortalVisit(this.need('platform'));
      this.#portal = visit;
      this.onStop(() => visit.close());
    }
    return this.#portal;
  }

  /** The portal visit, if one was made. */
  get portalVisit(): PortalVisit | null {
    return this.#portal;
  }

  /** Registers how to end a resource opened for this actor; `stop` ends them, the latest first. */
  onStop(stop: () => Promise<void> | void): void {
    this.#stops.push(stop);
  }

  /** Ends every resource, the latest opened first; each is ended even when another fails. */
  async stop(): Promise<void> {
    const failures: unknown[] = [];
    while (this.#stops.length > 0) {
      try {
        await this.#stops.pop()!();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw failures[0];
  }

  /** Puts evidence into the report. */
  attach(evidence: Evidence): void {
    this.#attach(evidence);
  }

  /** Whether what is entered at `prompt` is secret (the proxy password), by the profile. */
  isSecretPrompt(prompt: string): boolean {
    return this.#secretPrompts.has(normalize(prompt));
  }

  /** A screen as the transcript shows it: a secret field being edited (the proxy password) masked. */
  describe(screen: ScreenSnapshot): string {
    return describeScreen(screen, screen.cursor !== null && this.isSecretPrompt(screen.lines[0]));
  }

  /** Writes a line (an action, a check) into the transcript, after the screens shown before it. */
  note(line: string): void {
    this.recordScreens();
    this.#write(`${formatTime(this.target.time.now())}  ${line}`);
  }

  /**
   * Performs a task through the target, writing its description and every screen it led to into
   * the transcript; hands back what the task found. The description is all the transcript says
   * of the task: a password being typed is described, never spelled.
   */
  async attemptsTo<T>(task: Task<T>): Promise<T> {
    this.recordScreens();
    this.actionMark = this.target.screen.count();
    this.#write(`${formatTime(this.target.time.now())}  ${task.description}`);
    const result = await task.performAs(this);
    this.recordScreens();
    return result;
  }

  /** Writes screens seen since the last recorded (while waiting) into the transcript. */
  recordScreens(): void {
    const count = this.target.screen.count();
    if (this.#recording) {
      for (const screen of this.target.screen.since(this.#recorded)) {
        const described = this.describe(screen);
        // A secret field's screens read the same masked: written once, not once per key press
        // (how many presses each character took would spell the secret).
        if (described === this.#lastDescribed && described.includes('•')) continue;
        this.#lastDescribed = described;
        this.#write(`${formatTime(screen.at)}    ${described}`);
      }
    }
    this.#recorded = Math.max(this.#recorded, count);
  }

  /** The screens shown since the latest action began. */
  screensSinceAction(): readonly ScreenSnapshot[] {
    return this.target.screen.since(this.actionMark);
  }

  #write(line: string): void {
    this.transcript.push(line);
    if (this.transcript.length > this.#transcriptLimit) this.transcript.splice(0, this.transcript.length - this.#transcriptLimit / 2);
  }
}
