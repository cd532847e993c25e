// Every run keeps its reports: npm start writes into reports/runs/<stamp>-<target>-<generation>/,
// and reports/<target>-<generation> and reports/latest are symbolic links to the newest run. A
// run never overwrites another; `npm run reports -- prune --keep N` removes the older ones.
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { requirementIds } from './coverage.ts';
import type { ScenarioResult } from './tally.ts';
import type { ShownIdentity } from '../support/protocols.ts';

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
  /** The appliance's identity as it showed it (null: the target shows none). */
  identity?: ShownIdentity | null;
  /** Each scenario's outcome; why, where it did not pass; the last screen, where it failed. */
  results: Array<{ key: string; uri: string; name: string; tags: string[]; status: string; expected?: boolean; reason?: string | null; screen?: ScenarioResult['screen'] }>;
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
 * npm start's arguments for --rerun <run folder or bundle>: the run's target, generation and
 * statement, and its failed and inconclusive scenarios (expected failures too), by location. A
 * bundle's statement is the one it holds (the file the run named may be on another machine); a
 * bundle with failures in several generations names them, to be rerun one at a time
 * (<bundle>/runs/<generation>). Throws a one-line Error when the folder is neither, or there
 * is nothing to run again.
 */
export function rerunArguments(folder: string, rest: string[]): string[] {
  const clash = contradicting(rest);
  if (clash) throw new Error(`--rerun ${folder}: the run says the target, generation, statement and scenarios; not ${clash}`);
  const failing = (r: RunRecord) => r.results.filter((x) => x.status === 'failed' || x.status === 'inconclusive');
  const runs = readRuns(folder, '--rerun').filter((r) => failing(r).length > 0);
  if (runs.length === 0) throw new Error(`--rerun ${folder}: the run had no failed or inconclusive scenario; nothing to run again`);
  if (runs.length > 1) throw new Error(`--rerun ${folder}: failures in ${runs.map((r) => r.generation).join(' and ')}; rerun one generation at a time: ${runs.map((r) => join(folder, RUNS, r.generation)).join(', ')}`);
  const record = runs[0]!;
  // "features/x.feature:12:40" is an Examples row: cucumber takes the row's line.
  const again = failing(record).map((r) => `${r.uri}:${r.key.split(':').at(-1)}`);
  const statement = bundleStatement(folder) ?? record.statement;
  return ['--target', record.target, '--generation', record.generation, ...(statement ? ['--statement', statement] : []), ...rest, ...again];
}

/** The statement a bundle holds, for the bundle or one of its runs (<bundle>/runs/<generation>). */
function bundleStatement(folder: string): string | null {
  for (const file of [join(folder, 'statement.yaml'), join(folder, '..', '..', 'statement.yaml')]) if (existsSync(file)) return resolve(file);
  return null;
}

/** A run's record from its folder (reports/latest, reports/runs/...), or an Error naming the folder. */
export function readRunRecord(folder: string, flag: string): RunRecord {
  const file = join(folder, 'run.json');
  if (!existsSync(file)) throw new Error(`${flag} ${folder}: not a run's folder (no run.json; a run's folder is reports/runs/<stamp>-<target>-<generation>, or reports/latest)`);
  return JSON.parse(readFileSync(file, 'utf8')) as RunRecord;
}

/** The runs of a run's folder (one) or of a certification bundle (one per generation), or an Error naming the folder. */
export function readRuns(folder: string, flag: string): RunRecord[] {
  if (existsSync(join(folder, 'run.json'))) return [readRunRecord(folder, flag)];
  const runs = join(folder, RUNS);
  const generations = existsSync(join(folder, 'suite.json')) && existsSync(runs) ? readdirSync(runs).filter((g) => existsSync(join(runs, g, 'run.json'))).sort() : [];
  if (generations.length === 0) throw new Error(`${flag} ${folder}: neither a run's folder (run.json) nor a certification bundle (suite.json, runs/<generation>/run.json)`);
  return generations.map((g) => readRunRecord(join(runs, g), flag));
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
