// Every run keeps its reports: npm start writes into reports/runs/<stamp>-<target>-<generation>/,
// and reports/<target>-<generation> and reports/latest are symbolic links to the newest run. A
// run never overwrites another; `npm run reports -- prune --keep N` removes the older ones.
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { requirementIds } from './coverage.ts';

const RUNS = 'runs';
/** 20261206T041941.123Z: sorts as time does. */
const STAMP = /^(\d{8}T\d{6}\.\d{3}Z)-(.+)$/;

/** A run's stamp: when it started, in UTC, to the millisecond. */
export function runStamp(at = new Date()): string {
  return at.toISOString().replace(/[-:]/g, '');
}

/** The folder of one run of one generation (made). */
export function runFolder(reportsDir: string, stamp: string, name: string): string {
  const dir = join(reportsDir, RUNS, `${stamp}-${name}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Points `link` at `target` (a relative symbolic link, replaced atomically). A real folder where
 * the link goes (the layout before runs/) is kept as a run of its own, stamped with its time.
 */
export function pointTo(link: string, target: string): void {
  if (existsSync(link) && !lstatSync(link).isSymbolicLink()) {
    const kept = join(dirname(link), RUNS, `${runStamp(statSync(link).mtime)}-${basename(link)}`);
    mkdirSync(dirname(kept), { recursive: true });
    renameSync(link, kept);
  }
  const temporary = `${link}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  symlinkSync(relative(dirname(link), target), temporary);
  renameSync(temporary, link);
}

/** After a run of `name` (target-generation) into `dir`: reports/<name> and reports/latest lead to it. */
export function pointToNewest(reportsDir: string, name: string, dir: string): void {
  pointTo(join(reportsDir, name), dir);
  pointTo(join(reportsDir, 'latest'), dir);
}

export interface Pruned {
  removed: string[];
  kept: string[];
}

/**
 * Keeps the `keep` newest runs of each target and generation, and every run a link leads to;
 * removes the rest.
 */
export function pruneRuns(reportsDir: string, keep: number): Pruned {
  const runs = join(reportsDir, RUNS);
  if (!existsSync(runs)) return { removed: [], kept: [] };
  const pointed = new Set(readdirSync(reportsDir)
    .map((entry) => join(reportsDir, entry))
    .filter((path) => lstatSync(path).isSymbolicLink())
    .map((path) => resolve(dirname(path), readlinkSync(path))));
  const byName = new Map<string, string[]>();
  for (const entry of readdirSync(runs).sort().reverse()) {
    const match = STAMP.exec(entry);
    if (!match) continue;
    const list = byName.get(match[2]!) ?? [];
    list.push(entry);
    byName.set(match[2]!, list);
  }
  const pruned: Pruned = { removed: [], kept: [] };
  for (const entries of byName.values()) {
    for (const [i, entry] of entries.entries()) {
      const path = join(runs, entry);
      if (i < keep || pointed.has(resolve(path))) pruned.kept.push(entry);
      else {
        rmSync(path, { recursive: true, force: true });
        pruned.removed.push(entry);
      }
    }
  }
  return pruned;
}

/** What a run folder's run.json keeps: enough to run its failures again (--rerun). */
export interface RunRecord {
  target: string;
  generation: string;
  stamp: string;
  /** The capability statement file the run used (absolute), if one was given. */
  statement: string | null;
  seed: number | null;
  /** Wall time of the run, and the appliance time its scenarios covered (the twin's virtual time; wall time on a unit). */
  wallMs?: number;
  applianceMs?: number;
  results: Array<{ key: string; uri: string; name: string; tags: string[]; status: string; expected?: boolean }>;
}

export function writeRunRecord(dir: string, record: RunRecord): void {
  writeFileSync(join(dir, 'run.json'), JSON.stringify(record, null, 2) + '\n');
}

/** npm start's flags that take no value; every other flag takes the argument after it (unless written --flag=value). */
const SWITCHES = new Set(['--quiet', '--plan', '--help']);

/** The first of `args` that would say what the run says: a target, generation or statement flag, or a feature path. */
function contradicting(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-')) return a;
    if (['--target', '--generation', '--statement'].includes(a.split('=')[0]!)) return a.split('=')[0];
    if (!a.includes('=') && !SWITCHES.has(a)) i++;
  }
  return undefined;
}

/**
 * npm start's arguments for --rerun <run folder>: the run's target, generation and statement,
 * and its failed and inconclusive scenarios (expected failures too), by location. Throws a
 * one-line Error when the folder is not a run's or there is nothing to run again.
 */
export function rerunArguments(folder: string, rest: string[]): string[] {
  const record = readRunRecord(folder, '--rerun');
  const clash = contradicting(rest);
  if (clash) throw new Error(`--rerun ${folder}: the run says the target, generation, statement and scenarios; not ${clash}`);
  // "features/x.feature:12:40" is an Examples row: cucumber takes the row's line.
  const again = record.results.filter((r) => r.status === 'failed' || r.status === 'inconclusive').map((r) => `${r.uri}:${r.key.split(':').at(-1)}`);
  if (again.length === 0) throw new Error(`--rerun ${folder}: the run had no failed or inconclusive scenario; nothing to run again`);
  return ['--target', record.target, '--generation', record.generation, ...(record.statement ? ['--statement', record.statement] : []), ...rest, ...again];
}

/** A run's record from its folder (reports/latest, reports/runs/...), or an Error naming the folder. */
export function readRunRecord(folder: string, flag: string): RunRecord {
  const file = join(folder, 'run.json');
  if (!existsSync(file)) throw new Error(`${flag} ${folder}: not a run's folder (no run.json; a run's folder is reports/runs/<stamp>-<target>-<generation>, or reports/latest)`);
  return JSON.parse(readFileSync(file, 'utf8')) as RunRecord;
}

export type RequirementTable = Record<string, { outcome: string; scenarios: Array<{ generation: string; key: string; status: string }> }>;

/**
 * Each requirement of the runs with its scenarios and its verdict, the worst of theirs: failed,
 * then inconclusive, then verified (passed); not applicable when none ran.
 */
export function requirementTable(runs: readonly RunRecord[]): RequirementTable {
  const table: RequirementTable = {};
  for (const run of runs) {
    for (const r of run.results) {
      for (const id of requirementIds(r.tags)) (table[id] ??= { outcome: '', scenarios: [] }).scenarios.push({ generation: run.generation, key: r.key, status: r.status });
    }
  }
  for (const entry of Object.values(table)) {
    const statuses = entry.scenarios.map((s) => s.status);
    entry.outcome = statuses.includes('failed') ? 'failed' : statuses.includes('inconclusive') ? 'inconclusive' : statuses.includes('passed') ? 'verified' : 'not applicable';
  }
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
}
