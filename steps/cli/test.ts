// npm test: every check, in order: system packages the later stages need (installed when
// missing), lint, types, unit and property tests, and the conformance suite against each target
// that runs here. Each stage's counts go to reports/test-summary.json, which .ci/run reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../fixtures/load.ts';

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

function timed(stage: string, body: () => Omit<StageResult, 'stage' | 'seconds'>): StageResult {
  process.stdout.write(`\n=== ${stage}\n`);
  const started = performance.now();
  const outcome = body();
  const result = { stage, ...outcome, seconds: Math.round((performance.now() - started) / 100) / 10 };
  process.stdout.write(`=== ${stage}: ${result.passed} passed, ${result.failed} failed (${result.seconds} s)${result.note ? ` — ${result.note}` : ''}\n`);
  return result;
}

/** Debian packages a stage needs, installed with apt-get when a command is missing (CI runs as root). */
function ensurePackages(needs: Array<{ command: string; packages: string[] }>): StageResult {
  return timed('system packages', () => {
    const missing = needs.filter((n) => spawnSync('sh', ['-c', `command -v ${n.command}`]).status !== 0);
    if (missing.length === 0) return { passed: needs.length, failed: 0, note: needs.length ? 'all present' : 'none needed' };
    const packages = [...new Set(missing.flatMap((m) => m.packages))];
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    const update = run('apt-get', ['update', '-qq'], env);
    const install = update === 0 ? run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], env) : update;
    const still = missing.filter((n) => spawnSync('sh', ['-c', `command -v ${n.command}`]).status !== 0);
    return { passed: needs.length - still.length, failed: still.length, note: install === 0 ? `installed ${packages.join(' ')}` : `apt-get failed for ${packages.join(' ')}` };
  });
}

function lint(): StageResult {
  return timed('lint', () => {
    const status = run(node, [bin('eslint'), '.']);
    return { passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 };
  });
}

function types(): StageResult {
  return timed('types', () => {
    const status = run(node, [bin('tsc'), '-p', '.']);
    return { passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 };
  });
}

/** Counts test cases and failures in a JUnit file written by node --test. */
function countJunit(file: string): { passed: number; failed: number } {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const xml = readFileSync(file, 'utf8');
  const cases = xml.match(/<testcase\b[^>]*?(\/>|>[\s\S]*?<\/testcase>)/g) ?? [];
  let failed = 0;
  let passed = 0;
  for (const c of cases) {
    if (/<failure\b/.test(c)) failed++;
    else if (!/<skipped\b/.test(c)) passed++;
  }
  return { passed, failed };
}

function unit(): StageResult {
  return timed('unit and property tests', () => {
    mkdirSync(reports, { recursive: true });
    const junit = join(reports, 'unit-junit.xml');
    const status = run(node, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=junit', `--test-reporter-destination=${junit}`,
      'twin/**/*.test.ts', 'steps/**/*.test.ts', 'fixtures/**/*.test.ts']);
    const counts = countJunit(junit);
    // A crash outside any test still fails the stage.
    return status !== 0 && counts.failed === 0 ? { ...counts, failed: 1, note: `node --test exited ${status}` } : counts;
  });
}

function suite(target: string): StageResult {
  return timed(`conformance suite against ${target}`, () => {
    const status = run(node, [join(projectRoot, 'steps', 'cli', 'start.ts'), '--target', target]);
    const file = join(reports, `summary-${target}.json`);
    if (!existsSync(file)) return { passed: 0, failed: 1, note: `no summary (exit ${status})` };
    const runs = JSON.parse(readFileSync(file, 'utf8')) as Array<{ passed: number; failed: number; notApplicable: number }>;
    const passed = runs.reduce((s, r) => s + r.passed, 0);
    const failed = runs.reduce((s, r) => s + r.failed, 0) + (status !== 0 && runs.every((r) => r.failed === 0) ? 1 : 0);
    const na = runs.reduce((s, r) => s + r.notApplicable, 0);
    return { passed, failed, note: `${na} not applicable` };
  });
}

/** A report over the suite's last run that must find nothing missing (screen texts, documented errors). */
function gate(stage: string, script: string): StageResult {
  return timed(stage, () => {
    const status = run(node, [join(projectRoot, 'steps', 'cli', script)]);
    return { passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 };
  });
}

function main(): number {
  const stages: StageResult[] = [];
  stages.push(ensurePackages([]));
  stages.push(lint());
  stages.push(types());
  stages.push(unit());
  stages.push(suite('twin'));
  stages.push(gate('every screen text in a passing scenario', 'screen-coverage.ts'));
  stages.push(gate('every documented error produced by a passing scenario', 'error-report.ts'));
  const passed = stages.reduce((s, r) => s + r.passed, 0);
  const failed = stages.reduce((s, r) => s + r.failed, 0);
  mkdirSync(reports, { recursive: true });
  writeFileSync(join(reports, 'test-summary.json'), JSON.stringify({ passed, failed, stages }, null, 2) + '\n');
  process.stdout.write('\n' + stages.map((s) => `${s.failed ? 'FAIL' : 'ok  '} ${s.stage}: ${s.passed} passed, ${s.failed} failed`).join('\n') + '\n');
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main();
