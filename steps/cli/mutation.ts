// npm run mutation -- [--generation 2017|2022|all] [files...]: how much non-conformance the suite
// would catch. StrykerJS (@stryker-mutator/core with its cucumber runner; patches/ quotes the
// runner's formatter path, which cucumber 13 would split at the colon of file://) mutates the
// twin's firmware logic, and the conformance suite against the in-process twin is the test: a
// mutant no scenario fails on is a departure from the guide nobody would notice. Per-test
// coverage runs only the scenarios that reach a mutant; incremental mode reruns only what
// changed. Each generation is its own Stryker run (the generation is a world parameter, one per
// cucumber profile: mutation2017, mutation2022 in cucumber.mjs), written to
// reports/mutation/<generation>/ (HTML and JSON); with --generation all (the default) a mutant is
// killed when either generation's scenarios kill it, and the merged table is
// reports/mutation/scores.json. A mutant marked equivalent where it stands
// (// Stryker disable next-line <mutator>: <reason>) counts as ignored. Exits 1 when a file
// scores under 90% (killed, timed out or ignored, of all valid mutants).
import { globSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../fixtures/load.ts';
import { generationFilter } from './start.ts';
import { UsageError, exitCodeFor } from './usage.ts';

/** The twin's firmware logic: what the issue names as the default scope. */
export const DEFAULT_SCOPE = ['twin/appliance/**/*.ts', 'twin/console/**/*.ts', 'twin/network/**/*.ts', 'twin/cloud/api.ts', 'twin/cloud/platform.ts'];
const NOT_MUTATED = ['!**/*.test.ts'];
export const TARGET_SCORE = 90;
const GENERATIONS = ['2022', '2017'] as const;
type Generation = (typeof GENERATIONS)[number];
const usage = 'usage: npm run mutation -- [--generation 2017|2022|all] [--features <glob>] [--concurrency N] [files or globs...]';

export const mutationDir = join(projectRoot, 'reports', 'mutation');

interface Request { generations: Generation[]; mutate: string[]; concurrency: number; features: string }

export function parseMutationRequest(argv: string[]): Request {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { generation: { type: 'string', default: 'all' }, concurrency: { type: 'string', default: '2' }, features: { type: 'string', default: 'features/**/*.feature' } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; ${usage}`);
  }
  const { values, positionals } = parsed;
  const g = values.generation;
  if (g !== 'all' && !(GENERATIONS as readonly string[]).includes(g)) throw new UsageError(`--generation ${g}: the twin's suite runs 2017, 2022 or all; ${usage}`);
  if (!/^[1-9]\d?$/.test(values.concurrency)) throw new UsageError(`--concurrency ${values.concurrency}: expected a whole number from 1 to 99`);
  for (const p of positionals) {
    if (!/^twin\//.test(p)) throw new UsageError(`${p}: mutation is of the twin's firmware logic (a path or glob under twin/)`);
  }
  // A narrower test (a chapter's features) is quicker to iterate with; the score that counts is the whole suite's.
  if (!/^features\//.test(values.features)) throw new UsageError(`--features ${values.features}: a path or glob under features/`);
  if (globSync(values.features, { cwd: projectRoot }).filter((f) => f.endsWith('.feature')).length === 0 && !values.features.endsWith('/')) {
    throw new UsageError(`--features ${values.features}: selects no feature file`);
  }
  return { generations: g === 'all' ? [...GENERATIONS] : [g as Generation], mutate: positionals.length ? positionals : DEFAULT_SCOPE, concurrency: Number(values.concurrency), features: values.features };
}

/** What one mutant did, across generations. */
interface Outcome { file: string; key: string; status: string }

/** Stryker's options for one generation's run. */
function strykerOptions(generation: Generation, request: Request): Record<string, unknown> {
  const out = join(mutationDir, generation);
  return {
    testRunner: 'cucumber',
    plugins: ['@stryker-mutator/cucumber-runner'],
    cucumber: { profile: `mutation${generation}`, features: [request.features], tags: [generationFilter(generation, undefined)] },
    mutate: [...request.mutate, ...NOT_MUTATED],
    coverageAnalysis: 'perTest',
    concurrency: request.concurrency,
    incremental: true,
    incrementalFile: join(out, 'incremental.json'),
    reporters: ['html', 'json', 'progress'],
    htmlReporter: { fileName: join(out, 'index.html') },
    jsonReporter: { fileName: join(out, 'mutation.json') },
    // Node strips the types: nothing is compiled, so no checker; the twin's virtual clock makes scenarios fast.
    disableTypeChecks: '{twin,steps,fixtures}/**/*.ts',
    timeoutMS: 10_000,
    // The sandbox is a copy of the project: not of the reports (links among them), nor of the reports' temp dir.
    ignorePatterns: ['/reports'],
    tempDirName: join('reports', 'mutation', '.stryker-tmp'),
    cleanTempDir: 'always',
    logLevel: 'warn',
  };
}

/** Killed, timed out (a mutant that hangs the firmware is caught) or marked equivalent. */
const CAUGHT = new Set(['Killed', 'Timeout', 'Ignored']);
/** Mutants that never ran as firmware: not counted either way, as in Stryker's own score. */
const INVALID = new Set(['CompileError', 'RuntimeError']);

/** Per file: mutants, caught, survived (or not covered), invalid, and the score. */
export function scoresOf(outcomes: readonly Outcome[]): Array<{ file: string; mutants: number; caught: number; missed: number; invalid: number; score: number }> {
  const byFile = new Map<string, Outcome[]>();
  for (const o of outcomes) byFile.set(o.file, [...(byFile.get(o.file) ?? []), o]);
  return [...byFile].sort(([a], [b]) => a.localeCompare(b)).map(([file, list]) => {
    const caught = list.filter((o) => CAUGHT.has(o.status)).length;
    const invalid = list.filter((o) => INVALID.has(o.status)).length;
    const valid = list.length - invalid;
    return { file, mutants: list.length, caught, missed: valid - caught, invalid, score: valid === 0 ? 100 : (100 * caught) / valid };
  });
}

/** The same mutant in two generations' runs: file, place and replacement (ids are per run). */
export function mergeOutcomes(runs: ReadonlyArray<readonly Outcome[]>): Outcome[] {
  const merged = new Map<string, Outcome>();
  for (const run of runs) {
    for (const o of run) {
      const seen = merged.get(o.key);
      if (!seen || (!CAUGHT.has(seen.status) && (CAUGHT.has(o.status) || INVALID.has(seen.status)))) merged.set(o.key, o);
    }
  }
  return [...merged.values()];
}

async function runGeneration(generation: Generation, request: Request): Promise<Outcome[]> {
  const { Stryker } = await import('@stryker-mutator/core');
  mkdirSync(join(mutationDir, generation), { recursive: true });
  const results = await new Stryker(strykerOptions(generation, request)).runMutationTest();
  return results.map((r) => {
    const file = relative(projectRoot, r.fileName);
    const { start, end } = r.location;
    return { file, key: `${file}:${start.line}:${start.column}-${end.line}:${end.column} ${r.mutatorName} ${r.replacement ?? ''}`, status: r.status };
  });
}

export async function main(argv: string[]): Promise<number> {
  let request: Request;
  try {
    request = parseMutationRequest(argv);
  } catch (error) {
    const code = exitCodeFor(error);
    if (code === null) throw error;
    return code;
  }
  const started = performance.now();
  const runs: Outcome[][] = [];
  for (const generation of request.generations) {
    process.stdout.write(`mutation: ${request.mutate.join(' ')} against the ${generation} suite on the twin\n`);
    runs.push(await runGeneration(generation, request));
  }
  const scores = scoresOf(mergeOutcomes(runs));
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  mkdirSync(mutationDir, { recursive: true });
  writeFileSync(join(mutationDir, 'scores.json'), JSON.stringify({ generations: request.generations, mutate: request.mutate, minutes: Number(minutes), target: TARGET_SCORE, files: scores }, null, 2) + '\n');
  const width = Math.max(4, ...scores.map((s) => s.file.length));
  process.stdout.write(`\n${'file'.padEnd(width)}  score  mutants  caught  missed  invalid\n`);
  for (const s of scores) {
    process.stdout.write(`${s.file.padEnd(width)}  ${s.score.toFixed(1).padStart(5)}  ${String(s.mutants).padStart(7)}  ${String(s.caught).padStart(6)}  ${String(s.missed).padStart(6)}  ${String(s.invalid).padStart(7)}${s.score < TARGET_SCORE ? '  under target' : ''}\n`);
  }
  const under = scores.filter((s) => s.score < TARGET_SCORE);
  process.stdout.write(`mutation: ${scores.length} files in ${minutes} min; ${under.length === 0 ? `every file at ${TARGET_SCORE}% or more` : `${under.length} under ${TARGET_SCORE}%`}; reports in ${relative(projectRoot, mutationDir)}/\n`);
  return under.length === 0 ? 0 : 1;
}

if (import.meta.main) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: unknown) => {
    process.stderr.write(`error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  });
}
