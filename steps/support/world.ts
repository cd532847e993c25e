// A fresh World per scenario: the target it speaks to, the generation's documented behaviour,
// and the transcript of what was done and what the screen showed (attached to the report).
import { World, setWorldConstructor } from '@cucumber/cucumber';
import type { IWorldOptions } from '@cucumber/cucumber';
import type { Generation } from '../../fixtures/profiles.ts';
import { generationOf } from '../../fixtures/profiles.ts';
import type { Capability, ScreenSnapshot, Target, TargetSession } from './protocols.ts';
import { describeScreen, formatTime, normalize } from './screens.ts';
import { NotApplicable, OUTCOME_MEDIA_TYPE, outcomeAttachment } from './errors.ts';
import type { OutcomeRecord } from './errors.ts';
import { PortalVisit } from './browser.ts';
import { secretPrompts } from './redact.ts';

export interface RunParameters {
  target: string;
  generation: string;
  /** A capability statement file given with --statement (else the target's own). */
  statement?: string;
}

export { Inconclusive, NotApplicable } from './errors.ts';

export class ApplianceWorld extends World<RunParameters> {
  #target: Target | null = null;
  #session: TargetSession | null = null;
  #guide: Generation | null = null;
  #secretPrompts: Set<string> | null = null;
  #portal: PortalVisit | null = null;
  readonly transcript: string[] = [];
  /** Index in the screen history where the latest action began. */
  actionMark = 0;
  /** Values the scenario remembers (an activation code read from the screen, a time). */
  readonly remembered = new Map<string, string | number>();
  /**
   * The errata whose reading of the guide's silence this scenario tests, when it runs on an
   * appliance that is not the twin: its result is then informative (set by the Before hook).
   */
  informative: string[] | null = null;
  /** The outcome the scenario ended with, other than passed or failed. */
  outcome: OutcomeRecord | null = null;
  /**
   * Whether the scenario has brought the unit to its starting state: later Given steps build on
   * what the scenario did since (a mode it switched to), not on the defaults.
   */
  started = false;
  /** How the scenario enters values: by the arrow keys only (@arrows: scenarios about them), or as the target prefers. */
  entryMeans: 'arrows' | 'preferred' = 'preferred';

  constructor(options: IWorldOptions<RunParameters>) {
    super(options);
  }

  get target(): Target {
    if (!this.#target) throw new Error('no target: the Before hook did not run');
    return this.#target;
  }

  set target(target: Target) {
    this.#target = target;
    // A unit that lives through the run has shown screens before this scenario: not this scenario's.
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
    const s = this.session.statement;
    if (s.units === 'fresh') return null;
    return s.unit?.activatedBy ?? null;
  }

  /** The generation's documented behaviour (its firmware profile): the suite's knowledge of the guide. */
  get guide(): Generation {
    this.#guide ??= generationOf(this.parameters.generation);
    return this.#guide;
  }

  get generation(): string {
    return this.parameters.generation;
  }

  /** The protocol for a capability, or NotApplicable when the target lacks it. */
  need<K extends 'power' | 'leds' | 'ports' | 'label' | 'lab' | 'console' | 'consolePort'>(name: K): NonNullable<Target[K]> {
    const protocol = this.target[name];
    const capability = name === 'consolePort' ? 'console-port' : name;
    if (!protocol || !this.target.capabilities.has(capability as Capability)) {
      throw new NotApplicable(`target ${this.target.name} has no ${name}`);
    }
    return protocol as NonNullable<Target[K]>;
  }

  /** Ends the scenario with an outcome other than passed or failed: attached as data, skipped in cucumber's terms. */
  endWith(record: OutcomeRecord): 'skipped' {
    this.outcome ??= record;
    this.attach(outcomeAttachment(record), OUTCOME_MEDIA_TYPE);
    return 'skipped';
  }

  /** The scenario's visit to the platform's web portal (not applicable where the lab serves none). */
  get portal(): PortalVisit {
    if (!this.target.capabilities.has('portal')) throw new NotApplicable(`target ${this.target.name} has no portal`);
    this.#portal ??= new PortalVisit(this.need('lab'));
    return this.#portal;
  }

  /** The portal visit, if the scenario made one. */
  get portalVisit(): PortalVisit | null {
    return this.#portal;
  }

  #isSecretPrompt(screen: ScreenSnapshot): boolean {
    this.#secretPrompts ??= secretPrompts(this.guide.firmware);
    return this.#secretPrompts.has(normalize(screen.lines[0]));
  }

  /** A screen as the transcript shows it: a secret field being edited (the proxy password) masked. */
  describe(screen: ScreenSnapshot): string {
    return describeScreen(screen, screen.cursor !== null && this.#isSecretPrompt(screen));
  }

  /**
   * Runs an action through the target, writing it and every screen it led to into the
   * transcript. `secret` keeps the action's own words (a password being typed) out of it.
   */
  async act<T>(description: string, action: () => Promise<T>): Promise<T> {
    this.actionMark = this.target.screen.count();
    this.transcript.push(`${formatTime(this.target.time.now())}  ${description}`);
    const result = await action();
    this.#recordSince(this.actionMark);
    return result;
  }

  #recorded = 0;

  #recordSince(mark: number): void {
    const from = Math.max(mark, this.#recorded);
    for (const screen of this.target.screen.since(from)) {
      const described = this.describe(screen);
      // A secret field's screens read the same masked: written once, not once per key press
      // (how many presses each character took would spell the secret).
      if (described === this.#lastDescribed && described.includes('•')) continue;
      this.#lastDescribed = described;
      this.transcript.push(`${formatTime(screen.at)}    ${described}`);
    }
    this.#recorded = Math.max(this.#recorded, this.target.screen.count());
  }

  #lastDescribed = '';

  /** Writes screens seen since the last action (while waiting) into the transcript. */
  recordScreens(): void {
    this.#recordSince(this.#recorded);
  }

  /** The screens shown since the latest action began. */
  screensSinceAction(): readonly ScreenSnapshot[] {
    return this.target.screen.since(this.actionMark);
  }
}

setWorldConstructor(ApplianceWorld);
