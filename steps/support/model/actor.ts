// A light stand-in for the cucumber World, for driving a target outside cucumber (the model-based
// property, the benchmark): it offers what the tasks use (target, guide, describe, act,
// recordScreens, need) and keeps a short transcript. The World itself cannot be constructed
// outside a cucumber run (world.ts registers it with cucumber when it is loaded).
import type { Generation } from '../../../fixtures/profiles.ts';
import { generationOf } from '../../../fixtures/profiles.ts';
import type { ScreenSnapshot, Target, TargetSession } from '../protocols.ts';
import { describeScreen, formatTime } from '../screens.ts';
import type { ApplianceWorld } from '../world.ts';

/** Longest transcript kept: the latest lines, where a failure happened. */
const TRANSCRIPT_LIMIT = 3000;

export class Actor {
  readonly target: Target;
  /** The session the target came from, where the strategy (reach) is used outside cucumber. */
  readonly #session: TargetSession | null;
  readonly guide: Generation;
  /** As the World's: whether the starting state was reached, and how values are entered. */
  started = false;
  entryMeans: 'arrows' | 'preferred' = 'preferred';
  readonly transcript: string[] = [];
  readonly remembered = new Map<string, string | number>();
  /** Whether every screen goes into the transcript (replays of a failure), or only the actions. */
  readonly recording: boolean;
  actionMark = 0;
  #recorded = 0;

  constructor(target: Target, options: { recording?: boolean; session?: TargetSession } = {}) {
    this.target = target;
    this.#session = options.session ?? null;
    this.guide = generationOf(target.generation);
    this.recording = options.recording ?? false;
  }

  get generation(): string {
    return this.target.generation;
  }

  get session(): TargetSession {
    if (!this.#session) throw new Error('this actor was made without its session');
    return this.#session;
  }

  get unitActivatedBy(): string | null {
    return this.#session?.statement.unit?.activatedBy ?? null;
  }

  need<K extends 'power' | 'leds' | 'ports' | 'label' | 'lab' | 'console'>(name: K): NonNullable<Target[K]> {
    const protocol = this.target[name];
    if (!protocol) throw new Error(`target ${this.target.name} has no ${name}`);
    return protocol as NonNullable<Target[K]>;
  }

  describe(screen: ScreenSnapshot): string {
    return describeScreen(screen, screen.cursor !== null && /^PROXY PASSW/.test(screen.lines[0]));
  }

  /** Writes a line (an action, a check) into the transcript, after the screens shown before it. */
  note(line: string): void {
    this.recordScreens();
    this.transcript.push(`${formatTime(this.target.time.now())}  ${line}`);
    if (this.transcript.length > TRANSCRIPT_LIMIT) this.transcript.splice(0, this.transcript.length - TRANSCRIPT_LIMIT / 2);
  }

  async act<T>(description: string, action: () => Promise<T>): Promise<T> {
    this.recordScreens();
    this.actionMark = this.target.screen.count();
    this.note(description);
    const result = await action();
    this.recordScreens();
    return result;
  }

  recordScreens(): void {
    if (!this.recording) {
      this.#recorded = this.target.screen.count();
      return;
    }
    for (const screen of this.target.screen.since(this.#recorded)) {
      this.transcript.push(`${formatTime(screen.at)}    ${this.describe(screen)}`);
    }
    this.#recorded = Math.max(this.#recorded, this.target.screen.count());
  }

  screensSinceAction(): readonly ScreenSnapshot[] {
    return this.target.screen.since(this.actionMark);
  }
}

/**
 * The actor as the tasks' parameter type. The tasks only use the members the actor has; the
 * World's private state makes the two types unrelated to the compiler, hence the one cast here.
 */
export function asWorld(actor: Actor): ApplianceWorld {
  return actor as unknown as ApplianceWorld;
}
