// npm test: every check, in order: system packages the later stages need (installed when
// missing), lint, types, the conformance suite against the twin and its gates, unit and property
// tests, the live lab (its image built meanwhile), and the conformance suite against each other
// target that runs here. Each stage's counts go to reports/test-summary.json, which .ci/run reads.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, globSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { run as runTests } from 'node:test';
import { spec } from 'node:test/reporters';
import { projectRoot } from '../../fixtures/load.ts';
import type { SystemNeed } from '../../fixtures/system.ts';
import { ensureSystemPackages, needs } from '../../fixtures/system.ts';
import { liveLabSelection, writeCalibration } from './calibration.ts';

interface StageResult {
  stage: string;
  passed: number;
  failed: number;
  seconds: number;
  note?: string;
}

const reports = join(projectRoot, 'reports');
const node = process.execPath;
const bin = (name: string) => join(projectRoot, 'node_modules', '.bin', name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

async function timed(stage: string, body: () => Omit<StageResult, 'stage' | 'seconds'> | Promise<Omit<StageResult, 'stage' | 'seconds'>>): Promise<StageResult> {
  process.stdout.write(`\n=== ${stage}\n`);
  const started = performance.now();
  const outcome = await body();
  return ended({ stage, ...outcome, seconds: Math.round((performance.now() - started) / 100) / 10 });
}

/** Prints a stage's result line and hands it back. */
function ended(result: StageResult): StageResult {
  process.stdout.write(`=== ${result.stage}: ${result.passed} passed, ${result.failed} failed (${result.seconds} s)${result.note ? ` — ${result.note}` : ''}\n`);
  return result;
}

/** Debian packages the later stages need, installed with apt-get when a command is missing (CI runs as root). */
async function ensurePackages(wanted: SystemNeed[]): Promise<StageResult> {
  return timed('system packages', () => {
    const { missing, note } = ensureSystemPackages(wanted);
    return { passed: wanted.length - missing.length, failed: missing.length, note };
  });
}

async function lint(): Promise<StageResult> {
  return timed('lint', () => {
    const status = run(node, [bin('eslint'), '.']);
    return { passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 };
  });
}

async function types(): Promise<StageResult> {
  return timed('types', () => {
    const status = run(node, [bin('tsc'), '-p', '.']);
    return { passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 };
  });
}

/**
 * node:test's own runner over `files`, `concurrency` files at a time. Leaf tests are counted from
 * its events; a file that crashes outside any test is reported by the runner as a failed test of
 * its own (the JUnit text is not parsed).
 */
async function testFiles(stage: string, files: string[], concurrency: number): Promise<StageResult> {
  return timed(stage, async () => {
    let passed = 0;
    let failed = 0;
    const stream = runTests({ cwd: projectRoot, concurrency, files });
    // A skipped or todo test passes in node:test's terms; here it is not counted as passed.
    stream.on('test:pass', (event) => { if (event.details.type !== 'suite' && !event.skip && !event.todo) passed++; });
    stream.on('test:fail', (event) => { if (event.details.type !== 'suite') failed++; });
    const printed = stream.compose(spec);
    printed.pipe(process.stdout, { end: false });
    await finished(printed);
    return { passed, failed };
  });
}

/**
 * The live lab's tests create and remove podman bridges on the host, and Chromium aborts a page
 * load on any host network change (ERR_NETWORK_CHANGED): they run on their own, after the rest.
 */
const liveLabTests = (file: string) => file.startsWith('steps/support/lab/live/');
const unitTestFiles = () => globSync(['twin/**/*.test.ts', 'steps/**/*.test.ts', 'fixtures/**/*.test.ts'], { cwd: projectRoot }).sort();

/** Unit and property tests, two files at a time (most of them wait on processes and lines, not on a core). */
const unit = () => testFiles('unit and property tests', unitTestFiles().filter((f) => !liveLabTests(f)), 2);
const liveLab = () => testFiles('live lab (real DHCP, DNS, proxy, firewall, syslog and platform in containers)', unitTestFiles().filter(liveLabTests), 1);

interface SuiteRun {
  target: string;
  args?: string[];
  label?: string;
  /** Where its reports and summary go (reports/ by default): a run beside another needs its own. */
  reportsDir?: string;
}

const labelOf = (r: SuiteRun) => r.label ?? `conformance suite against ${r.target}`;
const summaryOf = (r: SuiteRun) => join(r.reportsDir ?? reports, `summary-${r.target.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-|-$/g, '')}.json`);

/** npm start for `r`, its output shown as it comes or kept until it ends (a run beside another must not interleave). */
function startSuite(r: SuiteRun, show: boolean): Promise<{ status: number; output: string }> {
  rmSync(summaryOf(r), { force: true });
  const args = [join(projectRoot, 'steps', 'cli', 'start.ts'), '--target', r.target, ...(r.reportsDir ? ['--reports', r.reportsDir] : []), ...(r.args ?? [])];
  const child = spawn(node, args, { cwd: projectRoot, stdio: show ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  return new Promise((resolve) => {
    child.once('error', (error) => resolve({ status: 1, output: `${output}${error.message}\n` }));
    child.once('close', (code) => resolve({ status: code ?? 1, output }));
  });
}

/** A run's counts from its summary: informative scenarios pass, inconclusive ones fail the stage. */
function suiteCounts(r: SuiteRun, status: number): Omit<StageResult, 'stage' | 'seconds'> {
  const file = summaryOf(r);
  if (!existsSync(file)) return { passed: 0, failed: 1, note: `no summary (exit ${status})` };
  type Run = { passed: number; failed: number; notApplicable: number; inconclusive: number; informative: number };
  const runs = JSON.parse(readFileSync(file, 'utf8')) as Run[];
  const sum = (k: keyof Run) => runs.reduce((s, x) => s + x[k], 0);
  const failed = sum('failed') + sum('inconclusive');
  return {
    passed: sum('passed') + sum('informative'),
    failed: failed + (status !== 0 && failed === 0 ? 1 : 0),
    note: `${sum('notApplicable')} not applicable, ${sum('informative')} informative, ${sum('inconclusive')} inconclusive`,
  };
}

async function suite(target: string, args: string[] = [], label?: string): Promise<StageResult> {
  const r: SuiteRun = { target, args, ...(label ? { label } : {}) };
  return timed(labelOf(r), async () => suiteCounts(r, (await startSuite(r, true)).status));
}

/**
 * Two runs side by side, each on a unit of its own that mostly waits on its line (measured: the
 * one-unit runs of 2022 and 2017 take 325 s and 188 s apart, 336 s together): the first's output
 * as it comes, the second's after it.
 */
async function sideBySide(first: SuiteRun, second: SuiteRun): Promise<StageResult[]> {
  const started = performance.now();
  const aside = startSuite(second, false).then((ended) => ({ ...ended, seconds: Math.round((performance.now() - started) / 100) / 10 }));
  const one = await timed(labelOf(first), async () => suiteCounts(first, (await startSuite(first, true)).status));
  const { status, output, seconds } = await aside;
  process.stdout.write(`\n=== ${labelOf(second)} (beside the stage before)\n${output}`);
  return [one, ended({ stage: labelOf(second), ...suiteCounts(second, status), seconds })];
}

/**
 * A unit the suite did not start, as a lab has one: the twin in its own process drawing a layout
 * (plain: no frame, indicators as words, full repaints; or its own boxed one). npm run probe finds
 * the layout and writes a statement; a run with that statement must pass.
 */
async function probedRun(generation: string, layout: string, seed: number, paths: string[] = []): Promise<StageResult[]> {
  // A fixed place, so that each run's reports replace the last ones rather than pile up.
  const dir = join(tmpdir(), `qsa-probed-${layout}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pty = join(dir, 'console');
  const statement = join(dir, 'statement.yaml');
  const twin = spawn(node, [join(projectRoot, 'twin', 'main.ts'), '--generation', generation, '--console', 'pty', '--console-path', pty, '--on', '--activated-by', 'jdoe',
    '--speed', '40', '--line', 'unpaced', '--console-layout', layout], { cwd: projectRoot, stdio: 'ignore' });
  try {
    const probe = await timed(`npm run probe on a ${generation} unit drawing the ${layout} layout`, () => {
      for (let i = 0; i < 150 && !existsSync(pty); i++) spawnSync('sleep', ['0.1']);
      const status = run(node, [join(projectRoot, 'steps', 'cli', 'probe.ts'), '--target', `serial:${pty}`, '--out', statement]);
      const written = existsSync(statement) ? readFileSync(statement, 'utf8') : '';
      const found = status === 0 && written.includes(`"${generation}"`) && written.includes(layout === 'plain' ? 'words' : 'glyphs');
      if (found) {
        // What a probe cannot know and the lab does: this lab's network takes the factory settings.
        const declared = parseYaml(written) as { unit?: Record<string, unknown> };
        declared.unit = { ...declared.unit, factorySettingsOnline: true };
        writeFileSync(statement, stringifyYaml(declared));
      }
      return { passed: found ? 1 : 0, failed: found ? 0 : 1, note: found ? `statement in ${statement}` : `probe exit ${status}` };
    });
    if (probe.failed) return [probe];
    const selection = paths.length ? `, ${paths.join(' ')}` : '';
    return [probe, await suite(`serial:${pty}`, ['--statement', statement, '--generation', generation, '--seed', String(seed), ...paths], `conformance suite with the probed statement (${layout} layout, ${generation}, seed ${seed}${selection})`)];
  } finally {
    twin.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A command that must find nothing wrong: a report over the suite's last run (screen texts, documented errors, secrets), a bounded fuzz. */
async function gate(stage: string, script: string, args: string[] = []): Promise<StageResult> {
  return timed(stage, () => {
    const status = run(node, [join(projectRoot, 'steps', 'cli', script), ...args]);
    return { passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 };
  });
}

/**
 * The same suite through a pseudo-terminal must give the same results as in-process: every
 * scenario that ran on both (not "not applicable" on either) passed or failed alike.
 */
async function sameResults(a: string, b: string): Promise<StageResult> {
  return timed(`${b} gives the results of ${a}`, () => {
    type Run = { generation: string; results: Array<{ uri: string; name: string; status: string }> };
    const load = (t: string): Run[] | null => {
      const file = join(reports, `summary-${t}.json`);
      return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Run[]) : null;
    };
    const left = load(a);
    const right = load(b);
    if (!left || !right) return { passed: 0, failed: 1, note: 'a run left no summary' };
    let compared = 0;
    const differences: string[] = [];
    for (const run of right) {
      const other = left.find((r) => r.generation === run.generation);
      if (!other) { differences.push(`${run.generation}: no ${a} run`); continue; }
      // Scenario Outline rows share a name: compare the sequences of each (uri, name).
      const key = (r: { uri: string; name: string }) => `${r.uri}\u0000${r.name}`;
      const theirs = new Map<string, string[]>();
      for (const r of other.results) theirs.set(key(r), [...(theirs.get(key(r)) ?? []), r.status]);
      const seen = new Map<string, number>();
      for (const r of run.results) {
        const i = seen.get(key(r)) ?? 0;
        seen.set(key(r), i + 1);
        const status = theirs.get(key(r))?.[i];
        if (r.status === 'not-applicable' || status === 'not-applicable') continue;
        compared++;
        if (status !== r.status) differences.push(`${run.generation} ${r.uri}: ${r.name}: ${a} ${status ?? 'absent'}, ${b} ${r.status}`);
      }
    }
    for (const d of differences.slice(0, 20)) process.stdout.write(`  differs: ${d}\n`);
    return { passed: differences.length === 0 ? 1 : 0, failed: differences.length === 0 ? 0 : 1, note: `${compared} scenarios compared` };
  });
}

/** twin-live must agree with twin on every scenario both ran (reports/lab-calibration.md says where not). */
async function labCalibration(): Promise<StageResult> {
  return timed('lab calibration: twin-live gives the results of twin', () => {
    try {
      const c = writeCalibration(join(reports, 'summary-twin.json'), join(reports, 'summary-twin-live.json'), join(reports, 'lab-calibration.md'));
      for (const d of c.disagreements.slice(0, 20)) process.stdout.write(`  differs: ${d.generation} ${d.key}: ${d.name}: twin ${d.twin.status}, twin-live ${d.live.status}\n`);
      const ok = c.disagreements.length === 0 && c.compared.length > 0;
      return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, note: `${c.compared.length} scenarios compared, ${c.disagreements.length} disagreements (reports/lab-calibration.md)` };
    } catch (error) {
      return { passed: 0, failed: 1, note: (error as Error).message };
    }
  });
}

/**
 * The live lab's image, built from Debian packages in the background while the first stages run
 * (minutes on a fresh machine, mostly download); its log goes to reports/lab-build.log. The
 * live lab's stage waits for it here.
 */
function startLabImageBuild(): () => Promise<StageResult> {
  mkdirSync(reports, { recursive: true });
  const logFile = join(reports, 'lab-build.log');
  const log = openSync(logFile, 'w');
  const child = spawn(node, [join(projectRoot, 'steps', 'cli', 'lab.ts'), 'build'], { cwd: projectRoot, stdio: ['ignore', log, log] });
  const exited = new Promise<number>((resolve) => {
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
  return () => timed('live lab image (npm run lab -- build)', async () => {
    const code = await exited;
    closeSync(log);
    const lines = readFileSync(logFile, 'utf8').trim().split('\n');
    process.stdout.write(lines.slice(-3).map((l) => `${l}\n`).join(''));
    return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, note: lines.at(-1) };
  });
}

async function main(): Promise<number> {
  const started = performance.now();
  const stages: StageResult[] = [];
  // socat makes the pseudo-terminals of twin-serial; picocom and tmux let a test attach to the
  // twin's console as a person would; Chromium is the portal's browser.
  // podman, runc and mmdebstrap are the live lab's engine and image builder.
  stages.push(await ensurePackages([needs.socat, needs.picocom, needs.tmux, needs.chromium, needs.podman, needs.runc, needs.mmdebstrap]));
  const labImage = startLabImageBuild();
  stages.push(await lint());
  stages.push(await types());
  stages.push(await suite('twin'));
  stages.push(await gate('no secret in reports', 'secrets-gate.ts'));
  stages.push(await gate('every screen text in a passing scenario', 'screen-coverage.ts'));
  stages.push(await gate('every documented error produced by a passing scenario', 'error-report.ts'));
  stages.push(await unit());
  // Every input field of both editions, a few generated values each (npm run fuzz -- --runs 200 is the thorough run).
  for (const generation of ['2022', '2017']) stages.push(await gate(`bounded fuzz of every ${generation} input field on the twin`, 'fuzz.ts', ['--target', 'twin', '--generation', generation, '--runs', '8', '--seed', '11']));
  stages.push(await gate('soak of the twin: 100,000 random keys, chords, holds and power cuts', 'fuzz.ts', ['--soak', '100000', '--seed', '11']));
  stages.push(await labImage());
  stages.push(await liveLab());
  // The twin on real services, on the part of the network chapter the live lab realizes, and its
  // outcomes against the modeled network's (the twin's run above).
  stages.push(await suite('twin-live', ['--seed', '11', ...liveLabSelection()], 'conformance suite against twin-live (2017 and 2022, fixtures/live-lab-selection.txt, seed 11)'));
  stages.push(await labCalibration());
  // 2017's NETWORK ERR 14 needs the ACTIVATION CODE screen, which twin-live's activated unit cannot show.
  stages.push(await suite('twin-live-new', ['--generation', '2017', 'features/troubleshooting/network-errors-2017.feature:362'], 'conformance suite against twin-live-new (a unit not yet activated: 2017 NETWORK ERR 14)'));
  // The serial path on an unpaced line: the same pseudo-terminals, console and decoder, bounded by
  // the processor rather than 9600 baud (the paced line is npm start's and npm run bench's).
  stages.push(await suite('twin-serial-unpaced'));
  stages.push(await gate('no secret in reports (after twin-serial-unpaced)', 'secrets-gate.ts'));
  stages.push(await sameResults('twin', 'twin-serial-unpaced'));
  // One unit for the whole run, reached as hardware is: a fixed order, then one nobody chose.
  const randomSeed = Math.floor(Math.random() * 1_000_000);
  process.stdout.write(`\ntwin-unit 2017 runs in an order shuffled by seed ${randomSeed} (run it again: npm start -- --target twin-unit-unpaced --generation 2017 --seed ${randomSeed})\n`);
  stages.push(...await sideBySide(
    { target: 'twin-unit-unpaced', args: ['--generation', '2022', '--seed', '11'], label: 'conformance suite against twin-unit (one unit, 2022, seed 11)' },
    { target: 'twin-unit-unpaced', args: ['--generation', '2017', '--seed', String(randomSeed)], label: `conformance suite against twin-unit (one unit, 2017, seed ${randomSeed})`, reportsDir: join(reports, 'one-unit-2017') },
  ));
  // The plain layout read through the chapters where the layout matters most: menus, fields,
  // messages and error screens (the whole 2022 selection runs on twin-unit above).
  stages.push(...await probedRun('2022', 'plain', 7, ['features/quick-start', 'features/appliance-ui/main-menu.feature', 'features/appliance-ui/navigation-indicators.feature', 'features/appliance-ui/entering-information/lan-netmask.feature', 'features/troubleshooting/appliance-network-errors.feature']));
  // The twin's own layout probed too, on the navigation chapter (the plain run above covers the rest).
  stages.push(...await probedRun('2017', 'boxed', 3, ['features/appliance-ui/main-menu.feature', 'features/appliance-ui/navigation-indicators.feature']));
  stages.push(await gate('no secret in reports (after the one-unit runs)', 'secrets-gate.ts'));
  const passed = stages.reduce((s, r) => s + r.passed, 0);
  const failed = stages.reduce((s, r) => s + r.failed, 0);
  mkdirSync(reports, { recursive: true });
  writeFileSync(join(reports, 'test-summary.json'), JSON.stringify({ passed, failed, stages }, null, 2) + '\n');
  // Each stage's time, and the whole: what fast feedback is measured against.
  process.stdout.write('\n' + stages.map((s) => `${s.failed ? 'FAIL' : 'ok  '} ${s.stage}: ${s.passed} passed, ${s.failed} failed (${s.seconds} s)`).join('\n') + '\n');
  process.stdout.write(`npm test took ${Math.round((performance.now() - started) / 1000)} s\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
