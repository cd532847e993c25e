// A fresh World per scenario: the scenario's actor (the target it speaks to, the guide, the
// transcript, the notes), and what only cucumber has (attachments, outcomes, world parameters).
import { World, setWorldConstructor } from '@cucumber/cucumber';
import type { IWorldOptions } from '@cucumber/cucumber';
import type { Generation } from '../../fixtures/profiles.ts';
import { Actor } from './actor.ts';
import type { PortalVisit } from './browser.ts';
import { OUTCOME_MEDIA_TYPE, outcomeAttachment } from './errors.ts';
import type { OutcomeRecord } from './errors.ts';
import type { Notepad } from './notes.ts';
import type { ScreenSnapshot, Target } from './protocols.ts';
import type { Task } from './tasks/task.ts';

export interface RunParameters {
  target: string;
  generation: string;
  /** A capability statement file given with --statement (else the target's own). */
  statement?: string;
}

export { Inconclusive, NotApplicable } from './errors.ts';

export class ApplianceWorld extends World<RunParameters> {
  readonly actor: Actor;
  /**
   * The errata whose reading of the guide's silence this scenario tests, when it runs on an
   * appliance that is not the twin: its result is then informative (set by the Before hook).
   */
  informative: string[] | null = null;
  /** The outcome the scenario ended with, other than passed or failed. */
  outcome: OutcomeRecord | null = null;

  constructor(options: IWorldOptions<RunParameters>) {
    super(options);
    this.actor = new Actor({
      generation: options.parameters.generation,
      attach: ({ body, mediaType, fileName }) => this.attach(body, { mediaType, fileName }),
    });
  }

  /** Ends the scenario with an outcome other than passed or failed: attached as data, skipped in cucumber's terms. */
  endWith(record: OutcomeRecord): 'skipped' {
    this.outcome ??= record;
    this.attach(outcomeAttachment(record), OUTCOME_MEDIA_TYPE);
    return 'skipped';
  }

  // The actor's members a step body uses most, so that it reads `this.target`, not `this.actor.target`.
  get target(): Target {
    return this.actor.target;
  }

  get guide(): Generation {
    return this.actor.guide;
  }

  get notes(): Notepad {
    return this.actor.notes;
  }

  get portal(): PortalVisit {
    return this.actor.portal;
  }

  attemptsTo<T>(task: Task<T>): Promise<T> {
    return this.actor.attemptsTo(task);
  }

  describe(screen: ScreenSnapshot): string {
    return this.actor.describe(screen);
  }
}

setWorldConstructor(ApplianceWorld);
