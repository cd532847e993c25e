// Tallies a cucumber run from its messages: per scenario, its outcome. Passed and failed come
// from the steps' statuses; not applicable, inconclusive and informative from the typed outcome
// a step or hook attached (steps/support/errors.ts). A skipped scenario without one is a fault
// of the suite, counted as failed: nothing is passed or excused by accident.
import { existsSync, readFileSync } from 'node:fs';
import type { Envelope, GherkinDocument, Pickle } from '@cucumber/messages';
import { CONSOLE_BYTES_MEDIA_TYPE, IDENTITY_MEDIA_TYPE, OUTCOME_MEDIA_TYPE, SCREEN_MEDIA_TYPE } from '../support/errors.ts';
import type { OutcomeRecord } from '../support/errors.ts';
import type { ScreenSnapshot, ShownIdentity } from '../support/protocols.ts';

export const outcomes = ['passed', 'failed', 'not-applicable', 'inconclusive', 'informative'] as const;
export type Outcome = (typeof outcomes)[number];

export interface ScenarioResult {
  /** "features/x.feature:12", or "features/x.feature:12:40" for an Examples row (scenario, row). */
  key: string;
  name: string;
  uri: string;
  tags: string[];
  status: Outcome;
  /** Why it failed, was not applicable, inconclusive or informative (the first failing step's message, or the attached reason). */
  reason: string | null;
  /** Informative scenarios: whether the unit took the twin's reading of the guide's silence, and which errata. */
  informative?: { agrees: boolean; errata: string[] };
  /** A failure or inconclusive result an expectation list names (--expect): reported apart, not failing the run. */
  expected?: { reason: string; tracking: string };
  /** Wall-clock milliseconds the scenario took. */
  wallMs: number;
  /** Appliance milliseconds the scenario covered (the twin's virtual time). */
  applianceMs: number;
  /** Bytes the suite sent to and received from the appliance's console (on the in-process twin: those a console would have carried). */
  consoleBytes: { sent: number; received: number; bootMs?: number } | null;
  /** The last screen a failed or informative scenario left the unit on (a secret field masked). */
  screen?: Omit<ScreenSnapshot, 'at'>;
}

export interface RunTally {
  scenarios: ScenarioResult[];
  passed: number;
  /** Failed, and not expected. */
  failed: number;
  notApplicable: number;
  /** Inconclusive, and not expected. */
  inconclusive: number;
  informative: number;
  /** Failed or inconclusive as an expectation list says (steps/cli/expectations.ts). */
  expected: number;
  /** The appliance's identity as it showed it, where the target shows one. */
  identity?: ShownIdentity;
}

const rank: Record<string, number> = { PASSED: 0, SKIPPED: 1, PENDING: 3, UNDEFINED: 3, AMBIGUOUS: 3, FAILED: 3, UNKNOWN: 3 };

/** Collects messages as they come and builds the tally at the end. */
export class Tally {
  readonly #pickles = new Map<string, { key: string; name: string; uri: string; tags: string[] }>();
  readonly #lines = new Map<string, Map<string, number>>();
  readonly #testCases = new Map<string, string>();
  readonly #started = new Map<string, { testCaseId: string; at: number; worst: string; reason: string | null; applianceMs: number; outcome: OutcomeRecord | null; consoleBytes: { sent: number; received: number; bootMs?: number } | null; screen?: Omit<ScreenSnapshot, 'at'> }>();
  readonly scenarios: ScenarioResult[] = [];
  /** The appliance's identity as the run's first scenario with a target showed it. */
  identity: ShownIdentity | null = null;

  onMessage = (envelope: Envelope): void => {
    if (envelope.gherkinDocument?.uri) {
      this.#lines.set(envelope.gherkinDocument.uri, nodeLines(envelope.gherkinDocument));
    } else if (envelope.pickle) {
      const p = envelope.pickle;
      this.#pickles.set(p.id, { key: scenarioKey(p, this.#lines.get(p.uri) ?? new Map()), name: p.name, uri: p.uri, tags: p.tags.map((t) => t.name) });
    } else if (envelope.testCase) {
      this.#testCases.set(envelope.testCase.id, envelope.testCase.pickleId);
    } else if (envelope.testCaseStarted) {
      const s = envelope.testCaseStarted;
      this.#started.set(s.id, { testCaseId: s.testCaseId, at: toMs(s.timestamp), worst: 'PASSED', reason: null, applianceMs: 0, outcome: null, consoleBytes: null });
    } else if (envelope.testStepFinished) {
      const f = envelope.testStepFinished;
      const run = this.#started.get(f.testCaseStartedId);
      if (!run) return;
      const status = f.testStepResult.status;
      if ((rank[status] ?? 3) > (rank[run.worst] ?? 0)) {
        run.worst = status;
        // The exception's own message: Node's assertion stack (the result's message) opens with "AssertionError [ERR_ASSERTION]" and a diff, not the message.
        if (status !== 'SKIPPED') run.reason = (f.testStepResult.exception?.message ?? f.testStepResult.message)?.split('\n')[0] ?? status.toLowerCase();
      }
    } else if (envelope.attachment) {
      const a = envelope.attachment;
      const run = a.testCaseStartedId ? this.#started.get(a.testCaseStartedId) : undefined;
      if (!run) return;
      if (a.mediaType === OUTCOME_MEDIA_TYPE) {
        const record = JSON.parse(a.body) as OutcomeRecord;
        // The first outcome decides; an informative scenario that passed says so last.
        if (!run.outcome || (run.outcome.outcome === 'informative' && record.outcome !== 'informative')) run.outcome = record;
      }
      if (a.mediaType === 'application/vnd.appliance-time+json') run.applianceMs = (JSON.parse(a.body) as { ms: number }).ms;
      if (a.mediaType === CONSOLE_BYTES_MEDIA_TYPE) run.consoleBytes = JSON.parse(a.body) as { sent: number; received: number; bootMs?: number };
      if (a.mediaType === SCREEN_MEDIA_TYPE) {
        const { lines, indicators, cursor } = JSON.parse(a.body) as ScreenSnapshot;
        run.screen = { lines, indicators, cursor };
      }
      if (a.mediaType === IDENTITY_MEDIA_TYPE) this.identity ??= JSON.parse(a.body) as ShownIdentity;
    } else if (envelope.testCaseFinished) {
      const f = envelope.testCaseFinished;
      const run = this.#started.get(f.testCaseStartedId);
      if (!run || f.willBeRetried) return;
      const pickle = this.#pickles.get(this.#testCases.get(run.testCaseId) ?? '') ?? { key: '?', name: '?', uri: '?', tags: [] };
      const { status, reason, informative } = outcomeOf(run.worst, run.reason, run.outcome);
      this.scenarios.push({
        ...pickle, status, reason,
        ...(informative ? { informative } : {}),
        wallMs: toMs(f.timestamp) - run.at,
        applianceMs: run.applianceMs,
        consoleBytes: run.consoleBytes,
        ...(run.screen ? { screen: run.screen } : {}),
      });
    }
  };

  result(): RunTally {
    const count = (s: Outcome) => this.scenarios.filter((x) => x.status === s).length;
    return {
      scenarios: this.scenarios, passed: count('passed'), failed: count('failed'), notApplicable: count('not-applicable'),
      inconclusive: count('inconclusive'), informative: count('informative'), expected: 0,
      ...(this.identity ? { identity: this.identity } : {}),
    };
  }
}

/** A scenario's outcome from its worst step status and the outcome a step attached. */
export function outcomeOf(worst: string, reason: string | null, record: OutcomeRecord | null): Pick<ScenarioResult, 'status' | 'reason' | 'informative'> {
  if (worst !== 'PASSED' && worst !== 'SKIPPED') return { status: 'failed', reason };
  if (record?.outcome === 'informative') {
    return { status: 'informative', reason: record.reason, informative: { agrees: record.agrees ?? false, errata: record.errata ?? [] } };
  }
  if (record) return { status: record.outcome, reason: record.reason };
  if (worst === 'SKIPPED') return { status: 'failed', reason: 'skipped with no outcome given (a fault of the suite)' };
  return { status: 'passed', reason: null };
}

function toMs(t: { seconds: number; nanos: number }): number {
  return t.seconds * 1000 + t.nanos / 1e6;
}

/** Line of every scenario and Examples row of a document, by AST node id. */
export function nodeLines(document: GherkinDocument): Map<string, number> {
  const lines = new Map<string, number>();
  const walk = (children: NonNullable<GherkinDocument['feature']>['children']) => {
    for (const child of children) {
      if (child.scenario) {
        lines.set(child.scenario.id, child.scenario.location.line);
        for (const examples of child.scenario.examples) for (const row of examples.tableBody) lines.set(row.id, row.location.line);
      }
      if (child.rule) walk(child.rule.children);
    }
  };
  if (document.feature) walk(document.feature.children);
  return lines;
}

/** A scenario's key: its file and the lines of its scenario and Examples row. */
export function scenarioKey(pickle: Pickle, lines: Map<string, number>): string {
  const at = pickle.astNodeIds.map((id) => lines.get(id)).filter((l): l is number => l !== undefined);
  return `${pickle.uri}:${at.join(':')}`;
}

/** The tally of a run already written (its messages.ndjson), or null when there is none. */
export function readTally(messagesFile: string): RunTally | null {
  if (!existsSync(messagesFile)) return null;
  const tally = new Tally();
  for (const text of readFileSync(messagesFile, 'utf8').split('\n')) {
    if (text.trim() !== '') tally.onMessage(JSON.parse(text) as Envelope);
  }
  return tally.result();
}
