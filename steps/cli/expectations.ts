// What a run makes of a list of expected failures (fixtures/expectations.ts): a listed scenario
// with the listed outcome is an expected failure, reported apart and not failing the run; a
// listed scenario that passed, and an entry that matched no scenario of the run, are stale
// expectations, which fail it: a gate must notice the moment a known bug is fixed but still listed.
import type { Expectation } from '../../fixtures/expectations.ts';
import { describeExpectation } from '../../fixtures/expectations.ts';
import type { RunTally, ScenarioResult } from './tally.ts';

function matches(e: Expectation, s: ScenarioResult, generation: string): boolean {
  if (e.generation !== undefined && e.generation !== generation) return false;
  if (e.scenario) return s.uri === e.scenario.feature && s.name === e.scenario.name;
  return s.tags.includes(`@${e.requirement}`);
}

/**
 * The tally with its expected failures marked: each failed or inconclusive scenario an entry
 * lists with that outcome carries the entry, and counts as expected, not as failed or inconclusive.
 */
export function withExpectations(tally: RunTally, generation: string, entries: readonly Expectation[]): RunTally {
  const scenarios = tally.scenarios.map((s) => {
    const entry = entries.find((e) => matches(e, s, generation) && e.outcome === s.status);
    return entry ? { ...s, expected: { reason: entry.reason, tracking: entry.tracking } } : s;
  });
  const unexpected = (status: string) => scenarios.filter((s) => s.status === status && !s.expected).length;
  return { ...tally, scenarios, failed: unexpected('failed'), inconclusive: unexpected('inconclusive'), expected: scenarios.filter((s) => s.expected).length };
}

export interface StaleExpectation {
  entry: string;
  why: string;
}

/** Entries that matched no scenario of the run, or matched one that passed. */
export function staleExpectations(runs: ReadonlyArray<{ generation: string; tally: RunTally }>, entries: readonly Expectation[]): StaleExpectation[] {
  const stale: StaleExpectation[] = [];
  for (const e of entries) {
    const matched = runs.flatMap((r) => r.tally.scenarios.filter((s) => matches(e, s, r.generation)).map((s) => ({ generation: r.generation, s })));
    if (matched.length === 0) stale.push({ entry: describeExpectation(e), why: 'matches no scenario of this run' });
    for (const { generation, s } of matched.filter((m) => m.s.status === 'passed')) {
      stale.push({ entry: describeExpectation(e), why: `${s.key} passed in ${generation}` });
    }
  }
  return stale;
}
