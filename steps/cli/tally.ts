// Tallies a cucumber run from its messages: per scenario, the worst step status; skipped
// scenarios are "not applicable" (the target lacks what they need), never passed.
import type { Envelope } from '@cucumber/messages';

export interface ScenarioResult {
  name: string;
  uri: string;
  tags: string[];
  status: 'passed' | 'failed' | 'not-applicable';
  /** Why it failed or was not applicable (first failing step's message, or the attached reason). */
  reason: string | null;
  /** Wall-clock milliseconds the scenario took. */
  wallMs: number;
  /** Appliance milliseconds the scenario covered (the twin's virtual time). */
  applianceMs: number;
  /** Bytes the suite sent to and received from the appliance's console, on a serial target. */
  serialBytes: { sent: number; received: number } | null;
}

export interface RunTally {
  scenarios: ScenarioResult[];
  passed: number;
  failed: number;
  notApplicable: number;
}

const rank: Record<string, number> = { PASSED: 0, SKIPPED: 1, PENDING: 3, UNDEFINED: 3, AMBIGUOUS: 3, FAILED: 3, UNKNOWN: 3 };

/** Collects messages as they come and builds the tally at the end. */
export class Tally {
  readonly #pickles = new Map<string, { name: string; uri: string; tags: string[] }>();
  readonly #testCases = new Map<string, string>();
  readonly #started = new Map<string, { testCaseId: string; at: number; worst: string; reason: string | null; applianceMs: number; notApplicable: string | null; serialBytes: { sent: number; received: number } | null }>();
  readonly scenarios: ScenarioResult[] = [];

  onMessage = (envelope: Envelope): void => {
    if (envelope.pickle) {
      const p = envelope.pickle;
      this.#pickles.set(p.id, { name: p.name, uri: p.uri, tags: p.tags.map((t) => t.name) });
    } else if (envelope.testCase) {
      this.#testCases.set(envelope.testCase.id, envelope.testCase.pickleId);
    } else if (envelope.testCaseStarted) {
      const s = envelope.testCaseStarted;
      this.#started.set(s.id, { testCaseId: s.testCaseId, at: toMs(s.timestamp), worst: 'PASSED', reason: null, applianceMs: 0, notApplicable: null, serialBytes: null });
    } else if (envelope.testStepFinished) {
      const f = envelope.testStepFinished;
      const run = this.#started.get(f.testCaseStartedId);
      if (!run) return;
      const status = f.testStepResult.status;
      if ((rank[status] ?? 3) > (rank[run.worst] ?? 0)) {
        run.worst = status;
        if (status !== 'SKIPPED') run.reason = f.testStepResult.message?.split('\n')[0] ?? status.toLowerCase();
      }
    } else if (envelope.attachment) {
      const a = envelope.attachment;
      const run = a.testCaseStartedId ? this.#started.get(a.testCaseStartedId) : undefined;
      if (!run) return;
      if (a.mediaType === 'text/plain' && a.body.startsWith('not applicable: ')) run.notApplicable ??= a.body.slice('not applicable: '.length);
      if (a.mediaType === 'application/vnd.appliance-time+json') run.applianceMs = (JSON.parse(a.body) as { ms: number }).ms;
      if (a.mediaType === 'application/vnd.serial-bytes+json') run.serialBytes = JSON.parse(a.body) as { sent: number; received: number };
    } else if (envelope.testCaseFinished) {
      const f = envelope.testCaseFinished;
      const run = this.#started.get(f.testCaseStartedId);
      if (!run || f.willBeRetried) return;
      const pickle = this.#pickles.get(this.#testCases.get(run.testCaseId) ?? '') ?? { name: '?', uri: '?', tags: [] };
      const status = run.worst === 'PASSED' ? 'passed' : run.worst === 'SKIPPED' ? 'not-applicable' : 'failed';
      this.scenarios.push({
        ...pickle, status,
        reason: status === 'not-applicable' ? run.notApplicable ?? 'skipped' : run.reason,
        wallMs: toMs(f.timestamp) - run.at,
        applianceMs: run.applianceMs,
        serialBytes: run.serialBytes,
      });
    }
  };

  result(): RunTally {
    const count = (s: ScenarioResult['status']) => this.scenarios.filter((x) => x.status === s).length;
    return { scenarios: this.scenarios, passed: count('passed'), failed: count('failed'), notApplicable: count('not-applicable') };
  }
}

function toMs(t: { seconds: number; nanos: number }): number {
  return t.seconds * 1000 + t.nanos / 1e6;
}
