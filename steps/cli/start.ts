// npm start: runs the conformance suite against a target (the built-in twin by default), once
// per firmware generation, and writes the reports. Every input is checked before anything is
// written: a bad flag, target, generation, tag expression, profile, register or feature file
// ends the run with one line naming what and where, and exit code 2.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { loadConfiguration, loadSources, runCucumber } from '@cucumber/cucumber/api';
import parseTagExpression from '@cucumber/tag-expressions';
import { projectRoot } from '../../fixtures/load.ts';
import { listGenerations, loadGeneration } from '../../fixtures/profiles.ts';
import { listNetworks, loadNetwork } from '../../fixtures/networks.ts';
import { loadErrataRegister, loadRequirementRegister } from '../../fixtures/registers.ts';
import type { TargetStatement } from '../../fixtures/targets.ts';
import { Inconclusive } from '../support/errors.ts';
import { openTarget, statementFor } from '../support/targets/index.ts';
import { closeUnclaimed, handOver } from '../support/targets/preopened.ts';
import { ClaimContradicted, checkClaims } from '../support/targets/claims.ts';
import { pointToNewest, rerunArguments, runFolder, runStamp, writeRunRecord } from './runs.ts';
import { staleExpectations, withExpectations } from './expectations.ts';
import type { StaleExpectation } from './expectations.ts';
import type { Expectation } from '../../fixtures/expectations.ts';
import { loadExpectations } from '../../fixtures/expectations.ts';
import { outcomesHtml, writeJunit } from './report.ts';
import type { PlannedScenario } from './plan.ts';
import { formatPlan, keepProjections, makePlan, selectScenarios, shardOf } from './plan.ts';
import { loadTargetStatement } from '../../fixtures/targets.ts';
import type { RunTally } from './tally.ts';
import { Tally } from './tally.ts';
import { ensureSystemPackages, needs } from '../../fixtures/system.ts';

import { UsageError, exitCodeFor } from './usage.ts';

export { UsageError };

export interface RunRequest {
  target: string;
  /** The capability statement the run goes by (the target's, or the --statement file's). */
  statement: TargetStatement;
  /** The --statement file, handed to cucumber's workers. */
  statementFile: string | undefined;
  /** Expected failures (--expect <name or file>): reported apart; one that goes stale fails the run. */
  expectations: Expectation[];
  /** Scenarios in an order shuffled by this seed (cucumber's random order), or as written. */
  seed: number | undefined;
  /** Print the plan (scenarios, projected times, order, shards) and touch nothing. */
  plan: boolean;
  /** Run only shard k of n of the selection (balanced by projected time). */
  shard: { k: number; n: number } | null;
  /** Scenarios run at once (cucumber workers), each with its own unit. */
  parallel: number;
  stepTimeoutSeconds: number;
  generations: string[];
  tags: string | undefined;
  paths: string[];
  reportsDir: string;
  /** When the run started (runs.ts): its reports go to reports/runs/<stamp>-<target>-<generation>/. */
  stamp: string;
  /** Progress on stdout (the progress bar when stdout is a terminal). */
  progress: boolean;
}

const usage = 'usage: npm start -- [--target twin|twin-serial|twin-unit|serial:<path>|tcp:<host>:<port>] [--statement <file>] [--generation 2017|2022|older|all] [--tags <expression>] [--seed <n>|random] [--expect <name|file>] [--rerun <run folder>] [--plan] [--shard <k>/<n>] [--parallel <n>] [--reports <dir>] [--quiet] [--lab live --lab-lan <interface> [--lab-wan <interface>]] [feature paths...]';

/**
 * --lab live --lab-lan <interface> [--lab-wan <interface>]: a real unit's ports are wired to
 * these interfaces of this machine, which the live lab puts in its LAN and WAN; the run then has
 * the lab's network and cables (the platform too where the statement says the unit can use the
 * lab's). Checked here: the flags belong together, to a serial target, and name interfaces this
 * machine has.
 */
function cabledTo(statement: TargetStatement, values: { target: string; lab?: string | undefined; 'lab-lan'?: string | undefined; 'lab-wan'?: string | undefined }): TargetStatement {
  const { lab, 'lab-lan': lan, 'lab-wan': wan } = values;
  if (lab === undefined) {
    if (lan !== undefined || wan !== undefined) throw new UsageError(`--lab-${lan !== undefined ? 'lan' : 'wan'}: cables a unit to a live lab; add --lab live`);
    return statement;
  }
  if (lab !== 'live') throw new UsageError(`--lab ${lab}: the lab a real unit can be cabled to is "live" (--lab live --lab-lan <interface>)`);
  if (statement.driver !== 'serial') throw new UsageError(`--lab live: target ${values.target} brings its own network; --lab live cables a real unit (--target serial:<path>)`);
  if (lan === undefined) throw new UsageError('--lab live: say which interface of this machine the unit\'s LAN port is wired to: --lab-lan <interface>');
  for (const [flag, name] of [['--lab-lan', lan], ['--lab-wan', wan]] as const) {
    if (name !== undefined && !existsSync(join('/sys/class/net', name))) throw new UsageError(`${flag} ${name}: this machine has no network interface of that name (ip link shows them)`);
  }
  if (wan !== undefined && wan === lan) throw new UsageError(`--lab-wan ${wan}: the LAN and the WAN are wired to two interfaces`);
  const capabilities = [...new Set([...statement.capabilities, 'network', 'ports'] as const)];
  return { ...statement, capabilities, lab: { kind: 'live', lan, ...(wan === undefined ? {} : { wan }) } };
}

export function parseRequest(given: string[]): RunRequest {
  const rerun = given.findIndex((a) => a === '--rerun' || a.startsWith('--rerun='));
  let argv = given;
  if (rerun >= 0) {
    const folder = given[rerun]!.includes('=') ? given[rerun]!.slice('--rerun='.length) : given[rerun + 1];
    if (!folder) throw new UsageError(`--rerun: name a run's folder (reports/latest, or reports/runs/<stamp>-<target>-<generation>); ${usage}`);
    try {
      argv = rerunArguments(folder, given.filter((_, i) => i !== rerun && (given[rerun]!.includes('=') || i !== rerun + 1)));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        target: { type: 'string', default: 'twin' },
        generation: { type: 'string', default: 'all' },
        tags: { type: 'string' },
        reports: { type: 'string', default: join(projectRoot, 'reports') },
        quiet: { type: 'boolean', default: false },
        parallel: { type: 'string' },
        statement: { type: 'string' },
        seed: { type: 'string' },
        plan: { type: 'boolean', default: false },
        shard: { type: 'string' },
        expect: { type: 'string' },
        lab: { type: 'string' },
        'lab-lan': { type: 'string' },
        'lab-wan': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; ${usage}`);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError(usage);
  const statement = cabledTo(statementFor(values.target, values.statement), values);
  const known = listGenerations();
  if (statement.driver === 'serial' && values.generation === 'all' && statement.generations.length > 1) {
    throw new UsageError(`--target ${values.target}: say which firmware generation the appliance runs: --generation ${statement.generations.join(' or ')}`);
  }
  const generations = values.generation === 'all' ? statement.generations : [values.generation];
  for (const g of generations) {
    if (!known.includes(g)) throw new UsageError(`--generation ${g}: unknown firmware profile (known: ${known.join(', ')})`);
    if (!statement.generations.includes(g)) throw new UsageError(`--generation ${g}: target ${statement.name} runs ${statement.generations.join(' or ')}`);
  }
  if (values.tags !== undefined) {
    try {
      parseTagExpression(values.tags);
    } catch (error) {
      throw new UsageError(`--tags "${values.tags}": ${(error as Error).message.split('\n')[0]}`);
    }
  }
  const parallel = values.parallel === undefined ? statement.parallel : Number(values.parallel);
  if (!Number.isInteger(parallel) || parallel < 1 || parallel > 16) throw new UsageError(`--parallel ${values.parallel}: expected a whole number from 1 to 16`);
  if (statement.units === 'one' && parallel > 1) throw new UsageError(`--parallel ${parallel}: target ${values.target} is one unit, which runs one scenario at a time`);
  let seed: number | undefined;
  if (values.seed !== undefined) {
    seed = values.seed === 'random' ? Math.floor(Math.random() * 1_000_000) : Number(values.seed);
    if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed ${values.seed}: expected a whole number or "random"`);
  }
  let shard: RunRequest['shard'] = null;
  if (values.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(values.shard);
    const [k, n] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
    if (!m || n < 1 || n > 64 || k < 1 || k > n) throw new UsageError(`--shard ${values.shard}: expected k/n with 1 <= k <= n <= 64, as 2/3`);
    shard = { k, n };
  }
  return {
    target: values.target, statement, statementFile: values.statement, expectations: values.expect === undefined ? [] : loadExpectations(values.expect).expectations, seed, plan: values.plan, shard, generations, tags: values.tags, paths: positionals,
    reportsDir: values.reports, stamp: runStamp(), progress: !values.quiet, parallel, stepTimeoutSeconds: statement.stepTimeoutSeconds,
  };
}

/**
 * Scenarios written for another generation only do not run against this one; a generation whose
 * profile has `scope: tagged` (the older model, documented only by its errors) runs only its own.
 */
/** A target's name as a file name: serial:/dev/ttyUSB0 -> serial-dev-ttyUSB0. */
export function reportName(target: string): string {
  return target.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-|-$/g, '');
}

export function generationFilter(generation: string, userTags: string | undefined): string {
  const parts = loadGeneration(generation).firmware.scope === 'tagged'
    ? [`@fw-${generation}`]
    : listGenerations().filter((g) => g !== generation).map((o) => `not (@fw-${o} and not @fw-${generation})`);
  if (userTags) parts.unshift(`(${userTags})`);
  return parts.join(' and ');
}

/**
 * Opens the target before anything runs: a missing, busy, silent or garbling port, a twin that
 * does not start, or a unit that contradicts its statement fails here, in one line. The session
 * opened is the one the run uses (a second wake-up would press ENTER on the unit again).
 */
export async function preflight(request: RunRequest): Promise<void> {
  const statement = request.statement;
  // The portal's scenarios need a browser: Debian's Chromium, installed here when missing.
  if (statement.capabilities.includes('portal') && !process.env['QSA_CHROMIUM']) {
    const { missing, note } = ensureSystemPackages([needs.chromium], { quiet: true });
    if (missing.length > 0) throw new UsageError(`Chromium is missing and could not be installed (${note}); the portal scenarios need it: apt-get install -y chromium, or set QSA_CHROMIUM`);
  }
  if (statement.driver === 'twin-serial' || statement.driver === 'twin-unit' || statement.driver === 'twin-live') {
    const { missing, note } = ensureSystemPackages([needs.socat], { quiet: true });
    if (missing.length > 0 && statement.driver !== 'twin-unit') throw new UsageError(`socat is missing and could not be installed (${note}): apt-get install -y socat`);
  }
  if (statement.driver === 'twin') return;
  const generation = request.generations[0]!;
  let session;
  try {
    session = await openTarget(request.target, generation, statement);
  } catch (error) {
    if (error instanceof Inconclusive) throw new UsageError(error.message);
    throw error;
  }
  if (statement.units === 'one') {
    try {
      await checkClaims(session, statement);
    } catch (error) {
      await session.close();
      // A wrong statement is bad input; a unit the suite cannot bring to its status screen is not.
      if (error instanceof ClaimContradicted) throw new UsageError(`${request.target}: ${error.message}`);
      throw new Inconclusive(`${request.target}: the unit's claims could not be read: ${(error as Error).message}`);
    }
    handOver(request.target, generation, session);
  } else {
    await session.close();
  }
}

/** Fails, in one line, on any malformed profile, register or feature file. */
export async function checkInputs(request: RunRequest): Promise<void> {
  for (const g of request.generations) loadGeneration(g);
  for (const network of listNetworks()) loadNetwork(network);
  const register = loadRequirementRegister();
  loadErrataRegister(undefined, register.sections);
  // A path that names nothing is a typo, not an empty run: said before any report is touched.
  for (const path of request.paths) {
    const file = path.replace(/(:\d+)+$/, '');
    if (!/[*?[]/.test(file) && !existsSync(resolve(projectRoot, file))) throw new UsageError(`feature path ${path}: no such file or folder`);
  }
  const { runConfiguration } = await loadConfiguration({ file: 'cucumber.mjs', provided: { paths: request.paths.length ? request.paths : ['features/**/*.feature'] } }, { cwd: projectRoot });
  const sources = await loadSources(runConfiguration.sources, { cwd: projectRoot });
  const first = sources.errors[0];
  if (first) throw new UsageError(`${first.uri}:${first.location.line}: ${first.message.split('\n')[0]}`);
  const selected = request.generations.reduce((n, generation) => {
    const { runnable, notApplicable } = selectScenarios({ paths: request.paths, tags: generationFilter(generation, request.tags), capabilities: new Set(request.statement.capabilities) });
    return n + runnable.length + notApplicable.length;
  }, 0);
  if (sources.plan.length === 0 || selected === 0) throw new UsageError(`the selection (${request.paths.join(' ') || 'all features'}${request.tags ? `, tags ${request.tags}` : ''}, firmware ${request.generations.join(', ')}) selects no scenario`);
}

export interface RunOutcome {
  generation: string;
  dir: string;
  tally: RunTally;
  wallMs: number;
}

/**
 * The step definitions loaded by the first run. ES modules load once per process, so later runs
 * (the other generation) must reuse them rather than import them again.
 */
let supportLibrary: Awaited<ReturnType<typeof runCucumber>>['support'] | undefined;

/**
 * One cucumber run against `target` with firmware `generation`; reports go to a folder of the
 * run's own, which reports/<target>-<generation> and reports/latest then lead to.
 */
export async function runGeneration(request: RunRequest, generation: string): Promise<RunOutcome> {
  const name = `${reportName(request.target)}-${generation}`;
  const dir = runFolder(request.reportsDir, request.stamp, name);
  const tally = new Tally();
  const progress = request.progress ? [process.stdout.isTTY ? 'progress-bar' : 'progress'] : [];
  const { runConfiguration } = await loadConfiguration({
    file: 'cucumber.mjs',
    provided: {
      paths: request.paths.length ? request.paths : ['features/**/*.feature'],
      tags: generationFilter(generation, request.tags),
      worldParameters: { target: request.target, generation, ...(request.statementFile ? { statement: request.statementFile } : {}) },
      format: [...progress, `html:${join(dir, 'cucumber.html')}`, `message:${join(dir, 'messages.ndjson')}`],
      parallel: request.parallel > 1 ? request.parallel : 0,
      ...(request.seed === undefined ? {} : { order: `random:${request.seed}` }),
    },
  }, { cwd: projectRoot });
  const started = performance.now();
  // Workers inherit the environment: the step timeout is the target's.
  process.env['QSA_STEP_TIMEOUT_MS'] = String(request.stepTimeoutSeconds * 1000);
  const run = { ...runConfiguration, support: supportLibrary ?? runConfiguration.support };
  // Cucumber falls back to its progress formatter on stdout when none is given: quiet means a sink.
  const stdout = request.progress ? process.stdout : new Writable({ write: (_chunk, _encoding, done) => done() });
  const result = await runCucumber(run, { cwd: projectRoot, stdout, stderr: process.stderr }, tally.onMessage);
  supportLibrary ??= result.support;
  const outcome = { generation, dir, tally: withExpectations(tally.result(), generation, request.expectations), wallMs: performance.now() - started };
  // The twin's virtual time and console bytes are what a plan projects for hardware.
  if (request.statement.driver === 'twin') keepProjections(generation, outcome.tally);
  const title = `${request.target} ${generation}`;
  writeJunit(join(dir, 'junit.xml'), `${request.target}-${generation}`, outcome.tally);
  writeFileSync(join(dir, 'index.html'), outcomesHtml(`${title}${request.seed === undefined ? '' : ` (seed ${request.seed})`}`, outcome.tally));
  writeRunRecord(dir, {
    target: request.target, generation, stamp: request.stamp, statement: request.statementFile ? resolve(request.statementFile) : null, seed: request.seed ?? null,
    wallMs: Math.round(outcome.wallMs), applianceMs: Math.round(outcome.tally.scenarios.reduce((sum, s) => sum + s.applianceMs, 0)),
    identity: outcome.tally.identity ?? null,
    results: outcome.tally.scenarios.map((s) => ({
      key: s.key, uri: s.uri, name: s.name, tags: s.tags, status: s.status, ...(s.expected ? { expected: true } : {}),
      ...(s.status === 'passed' ? {} : { reason: s.reason }), ...(s.screen ? { screen: s.screen } : {}),
    })),
  });
  pointToNewest(request.reportsDir, name, dir);
  return outcome;
}

function hours(ms: number): string {
  // Rounded to the minute first, so that 2 h 59.6 min reads 3 h 0 min, not 2 h 60 min.
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h ${m} min` : `${m} min`;
}

const staleLine = (x: StaleExpectation) => `  STALE EXPECTATION ${x.entry}: ${x.why}`;

export function summaryLine(target: string, o: RunOutcome): string {
  const { passed, failed, notApplicable, inconclusive, informative, scenarios } = o.tally;
  const appliance = scenarios.reduce((sum, s) => sum + s.applianceMs, 0);
  const expected = o.tally.expected > 0 ? `, ${o.tally.expected} expected failures` : '';
  return `${target} ${o.generation}: ${passed} passed, ${failed} failed${expected}, ${notApplicable} not applicable, ${inconclusive} inconclusive, ${informative} informative `
    + `(${(o.wallMs / 1000).toFixed(1)} s; ${hours(appliance)} of appliance time)`;
}

export function writeSummary(request: RunRequest, outcomes: RunOutcome[], stale: StaleExpectation[] = []): void {
  const listed = (o: RunOutcome, status: string) => o.tally.scenarios.filter((s) => s.status === status)
    .map((s) => ({ key: s.key, name: s.name, uri: s.uri, reason: s.reason, ...(s.informative ? { informative: s.informative } : {}) }));
  const summary = outcomes.map((o) => ({
    target: request.target, generation: o.generation, ...(request.seed === undefined ? {} : { seed: request.seed }),
    passed: o.tally.passed, failed: o.tally.failed, notApplicable: o.tally.notApplicable, inconclusive: o.tally.inconclusive, informative: o.tally.informative,
    expected: o.tally.expected, staleExpectations: stale,
    wallMs: Math.round(o.wallMs),
    failures: listed(o, 'failed'),
    inconclusiveScenarios: listed(o, 'inconclusive'),
    informativeScenarios: listed(o, 'informative'),
    notApplicableScenarios: listed(o, 'not-applicable'),
    expectedFailures: o.tally.scenarios.filter((x) => x.expected).map((x) => ({ key: x.key, name: x.name, uri: x.uri, status: x.status, reason: x.reason, ...x.expected })),
    results: o.tally.scenarios.map((s) => ({ key: s.key, uri: s.uri, name: s.name, status: s.status })),
  }));
  mkdirSync(request.reportsDir, { recursive: true });
  writeFileSync(join(request.reportsDir, `summary-${reportName(request.target)}.json`), JSON.stringify(summary, null, 2) + '\n');
  writeFileSync(join(request.reportsDir, `summary-${reportName(request.target)}.txt`), [...outcomes.map((o) => summaryLine(request.target, o)), ...stale.map(staleLine)].join('\n') + '\n');
}

/**
 * The plan of a generation's selection on the request's target: its runnable scenarios in the
 * order for one unit, with projections (missing ones made by running them on the in-process twin).
 */
async function planOf(request: RunRequest, generation: string): Promise<{ plan: PlannedScenario[]; notApplicable: number }> {
  const { runnable, notApplicable } = selectScenarios({ paths: request.paths, tags: generationFilter(generation, request.tags), capabilities: new Set(request.statement.capabilities) });
  if (runnable.length === 0) throw new UsageError(`the selection (${request.paths.join(' ') || 'all features'}${request.tags ? `, tags ${request.tags}` : ''}) has no scenario target ${request.target} can run for firmware ${generation}`);
  const twin = loadTargetStatement('twin');
  const project = async (paths: string[], reportsDir: string) => (await runGeneration({
    ...request, target: 'twin', statement: twin, statementFile: undefined, expectations: [], seed: undefined, plan: false, shard: null,
    paths, reportsDir, progress: false, parallel: 1, stepTimeoutSeconds: twin.stepTimeoutSeconds,
  }, generation)).tally;
  return { plan: await makePlan(generation, runnable, project), notApplicable: notApplicable.length };
}

export async function main(argv: string[]): Promise<number> {
  let request: RunRequest;
  const shardPaths = new Map<string, string[]>();
  try {
    request = parseRequest(argv);
    await checkInputs(request);
    if (request.plan || request.shard) {
      for (const generation of request.generations) {
        const { plan, notApplicable } = await planOf(request, generation);
        if (request.plan) process.stdout.write(formatPlan(request.target, generation, plan, notApplicable, request.shard?.n ?? 1));
        if (request.shard) {
          const mine = shardOf(plan, request.shard.k, request.shard.n);
          if (mine.length === 0) throw new UsageError(`--shard ${request.shard.k}/${request.shard.n}: no scenario of firmware ${generation} falls to this shard`);
          shardPaths.set(generation, mine.map((s) => `${s.uri}:${s.line}`));
        }
      }
      if (request.plan) return 0;
    }
    await preflight(request);
  } catch (error) {
    const code = exitCodeFor(error);
    if (code === null) throw error;
    return code;
  }
  if (request.seed !== undefined) process.stdout.write(`scenarios in an order shuffled by --seed ${request.seed}\n`);
  const outcomes: RunOutcome[] = [];
  try {
    for (const generation of request.generations) {
      outcomes.push(await runGeneration({ ...request, paths: shardPaths.get(generation) ?? request.paths }, generation));
      writeSummary(request, outcomes);
    }
  } finally {
    await closeUnclaimed();
  }
  const stale = staleExpectations(outcomes, request.expectations);
  if (request.expectations.length > 0) writeSummary(request, outcomes, stale);
  process.stdout.write('\n' + outcomes.map((o) => summaryLine(request.target, o)).join('\n') + '\n');
  for (const o of outcomes) {
    for (const s of o.tally.scenarios.filter((x) => x.status === 'failed' && !x.expected)) process.stdout.write(`  FAILED ${o.generation} ${s.key}: ${s.name}: ${s.reason}\n`);
    for (const s of o.tally.scenarios.filter((x) => x.status === 'inconclusive' && !x.expected)) process.stdout.write(`  INCONCLUSIVE ${o.generation} ${s.key}: ${s.name}: ${s.reason}\n`);
    for (const s of o.tally.scenarios.filter((x) => x.expected)) process.stdout.write(`  EXPECTED ${s.status.toUpperCase()} ${o.generation} ${s.key}: ${s.name} (${s.expected!.tracking})\n`);
  }
  for (const x of stale) process.stdout.write(`${staleLine(x)}\n`);
  if (request.seed !== undefined) process.stdout.write(`seed: ${request.seed} (run again in the same order with --seed ${request.seed})\n`);
  process.stdout.write(`reports: ${outcomes.map((o) => join(o.dir, 'index.html')).join(', ')}\n`);
  // 1: the appliance departs from the guide; 3: nothing failed, but the lab broke somewhere.
  if (outcomes.some((o) => o.tally.failed > 0) || stale.length > 0) return 1;
  return outcomes.some((o) => o.tally.inconclusive > 0) ? 3 : 0;
}

if (import.meta.main) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: unknown) => {
    process.stderr.write(`error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  });
}
