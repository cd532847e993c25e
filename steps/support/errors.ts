// The four outcomes of a scenario, and the one shown apart. Passed and failed are cucumber's
// own; the others are thrown by steps and tasks, carried as a typed attachment (never a text
// prefix), and counted by steps/cli/tally.ts:
// - not applicable: the target lacks something the scenario needs, or the unit is not in a state
//   the scenario can use (activated when it needs the ACTIVATION CODE screen);
// - inconclusive: the lab or the environment broke (a port went silent, a state unreachable);
// - informative: a scenario that tests the twin's reading of the guide's silence, run on another
//   appliance: its result is shown, never counted as failed.

export const OUTCOME_MEDIA_TYPE = 'application/vnd.qsa.outcome+json';
/** The bytes a scenario carried (or would have carried) on the console line: { sent, received }. */
export const CONSOLE_BYTES_MEDIA_TYPE = 'application/vnd.qsa.console-bytes+json';
/** The last screen a failed or informative scenario left the unit on (a secret field masked): a ScreenSnapshot. */
export const SCREEN_MEDIA_TYPE = 'application/vnd.qsa.screen+json';
/** The appliance's identity as it showed it (ShownIdentity), attached once per process. */
export const IDENTITY_MEDIA_TYPE = 'application/vnd.qsa.identity+json';

export type OutcomeName = 'not-applicable' | 'inconclusive' | 'informative';

/** What the typed attachment carries. */
export interface OutcomeRecord {
  outcome: OutcomeName;
  reason: string;
  /** Informative only: whether the unit took the twin's reading ("agrees") or another one. */
  agrees?: boolean;
  /** Informative only: the errata whose reading the scenario tests. */
  errata?: string[];
}

/** A scenario needs something its target cannot give: reported as not applicable, not as passed. */
export class NotApplicable extends Error {
  override name = 'NotApplicable';
}

/** The lab or the environment broke, not the appliance: reported as inconclusive, never as failed. */
export class Inconclusive extends Error {
  override name = 'Inconclusive';
}

export function outcomeAttachment(record: OutcomeRecord): string {
  return JSON.stringify(record);
}

/** The strategy could not find its way on the appliance's screens (the unit is not where the guide leads). */
export class NavigationError extends Error {
  override name = 'NavigationError';
}
