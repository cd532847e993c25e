// npm run compare -- <A> <B>: what changed from A (the last release's) to B (the candidate's),
// scenario by scenario and requirement by requirement: regressions (passed in A, failed or
// inconclusive in B), fixes, scenarios new in B or gone from it, and every other change of
// outcome. Each of A and B is a run's folder (reports/latest, reports/runs/<stamp>-<target>-
// <generation>) or a certification bundle (npm run certify: one run per generation, compared
// generation by generation). Exit 1 on any regression: the release gate. A bad argument is one
// line and exit 2.
import { readRuns, requirementTable } from './runs.ts';
import type { RunRecord } from './runs.ts';

export interface Comparison {
  regressions: string[];
  fixes: string[];
  added: string[];
  removed: string[];
  changed: string[];
  requirements: string[];
}

const bad = (status: string) => status === 'failed' || status === 'inconclusive';

/** Scenario changes from `a` to `b`, each line prefixed with `prefix` (the generation, when several are compared). */
function compareScenarios(a: RunRecord['results'], b: RunRecord['results'], c: Comparison, prefix = ''): void {
  const before = new Map(a.map((r) => [r.key, r]));
  const after = new Map(b.map((r) => [r.key, r]));
  for (const [key, r] of after) {
    const was = before.get(key);
    const line = `${prefix}${key}: ${r.name}: ${was?.status ?? 'absent'} -> ${r.status}`;
    if (!was) c.added.push(line);
    else if (was.status === r.status) continue;
    else if (was.status === 'passed' && bad(r.status)) c.regressions.push(line);
    else if (bad(was.status) && r.status === 'passed') c.fixes.push(line);
    else c.changed.push(line);
  }
  for (const [key, r] of before) if (!after.has(key)) c.removed.push(`${prefix}${key}: ${r.name}: ${r.status} -> absent`);
}

/**
 * Compares two sets of runs: two single runs directly (whatever their generations), otherwise
 * generation by generation (a generation only one side ran is all new, or all removed).
 */
export function compareRuns(a: readonly RunRecord[], b: readonly RunRecord[]): Comparison {
  const c: Comparison = { regressions: [], fixes: [], added: [], removed: [], changed: [], requirements: [] };
  if (a.length === 1 && b.length === 1) compareScenarios(a[0]!.results, b[0]!.results, c);
  else {
    for (const generation of [...new Set([...a, ...b].map((r) => r.generation))].sort()) {
      const results = (runs: readonly RunRecord[]) => runs.find((r) => r.generation === generation)?.results ?? [];
      compareScenarios(results(a), results(b), c, `${generation} `);
    }
  }
  const reqA = requirementTable(a);
  const reqB = requirementTable(b);
  for (const id of [...new Set([...Object.keys(reqA), ...Object.keys(reqB)])].sort()) {
    if (reqA[id]?.outcome !== reqB[id]?.outcome) c.requirements.push(`${id}: ${reqA[id]?.outcome ?? 'absent'} -> ${reqB[id]?.outcome ?? 'absent'}`);
  }
  return c;
}

const describeRuns = (runs: readonly RunRecord[]) => `${runs[0]!.target} ${runs.map((r) => `${r.generation} (${r.stamp})`).join(', ')}`;

if (import.meta.main) {
  const [first, second, ...rest] = process.argv.slice(2);
  const usage = 'usage: npm run compare -- <A> <B> (each a run\'s folder, as reports/latest or reports/runs/<stamp>-<target>-<generation>, or a certification bundle)';
  let a: RunRecord[];
  let b: RunRecord[];
  try {
    if (!first || !second || rest.length > 0) throw new Error(`name two runs or bundles; ${usage}`);
    a = readRuns(first, 'compare');
    b = readRuns(second, 'compare');
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const c = compareRuns(a, b);
  process.stdout.write(`${describeRuns(a)} -> ${describeRuns(b)}\n`);
  for (const [title, lines] of [['regressions', c.regressions], ['fixes', c.fixes], ['new', c.added], ['removed', c.removed], ['other changes', c.changed], ['requirements', c.requirements]] as const) {
    process.stdout.write(`${title}: ${lines.length}\n${lines.map((l) => `  ${l}\n`).join('')}`);
  }
  process.exitCode = c.regressions.length > 0 ? 1 : 0;
}
