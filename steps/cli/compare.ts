// npm run compare -- <run A> <run B>: what changed from run A (the last release's) to run B (the
// candidate's), scenario by scenario and requirement by requirement: regressions (passed in A,
// failed or inconclusive in B), fixes, scenarios new in B or gone from it, and every other change
// of outcome. Exit 1 on any regression: the release gate. A run is its folder (reports/latest,
// reports/runs/<stamp>-<target>-<generation>). A bad argument is one line and exit 2.
import { readRunRecord, requirementTable } from './runs.ts';
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

export function compareRuns(a: RunRecord, b: RunRecord): Comparison {
  const before = new Map(a.results.map((r) => [r.key, r]));
  const after = new Map(b.results.map((r) => [r.key, r]));
  const c: Comparison = { regressions: [], fixes: [], added: [], removed: [], changed: [], requirements: [] };
  for (const [key, r] of after) {
    const was = before.get(key);
    const line = `${key}: ${r.name}: ${was?.status ?? 'absent'} -> ${r.status}`;
    if (!was) c.added.push(line);
    else if (was.status === r.status) continue;
    else if (was.status === 'passed' && bad(r.status)) c.regressions.push(line);
    else if (bad(was.status) && r.status === 'passed') c.fixes.push(line);
    else c.changed.push(line);
  }
  for (const [key, r] of before) if (!after.has(key)) c.removed.push(`${key}: ${r.name}: ${r.status} -> absent`);
  const reqA = requirementTable([a]);
  const reqB = requirementTable([b]);
  for (const id of [...new Set([...Object.keys(reqA), ...Object.keys(reqB)])].sort()) {
    if (reqA[id]?.outcome !== reqB[id]?.outcome) c.requirements.push(`${id}: ${reqA[id]?.outcome ?? 'absent'} -> ${reqB[id]?.outcome ?? 'absent'}`);
  }
  return c;
}

if (import.meta.main) {
  const [first, second, ...rest] = process.argv.slice(2);
  const usage = 'usage: npm run compare -- <run A> <run B> (each a run\'s folder: reports/latest, reports/runs/<stamp>-<target>-<generation>)';
  let a: RunRecord;
  let b: RunRecord;
  try {
    if (!first || !second || rest.length > 0) throw new Error(`name two runs; ${usage}`);
    a = readRunRecord(first, 'compare');
    b = readRunRecord(second, 'compare');
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const c = compareRuns(a, b);
  process.stdout.write(`${a.target} ${a.generation} (${a.stamp}) -> ${b.target} ${b.generation} (${b.stamp})\n`);
  for (const [title, lines] of [['regressions', c.regressions], ['fixes', c.fixes], ['new', c.added], ['removed', c.removed], ['other changes', c.changed], ['requirements', c.requirements]] as const) {
    process.stdout.write(`${title}: ${lines.length}\n${lines.map((l) => `  ${l}\n`).join('')}`);
  }
  process.exitCode = c.regressions.length > 0 ? 1 : 0;
}
