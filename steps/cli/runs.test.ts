// Runs keep their reports: each in a folder of its own under reports/runs/, the newest one behind
// reports/<target>-<generation> and reports/latest; npm run reports -- prune --keep n removes the
// older runs but never one a link leads to; a folder of the old layout is kept as a run.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../fixtures/load.ts';
import { pointToNewest, pruneRuns, runFolder, runStamp } from './runs.ts';

const made: string[] = [];
after(() => { for (const dir of made) rmSync(dir, { recursive: true, force: true }); });
const scratch = () => { const dir = mkdtempSync(join(tmpdir(), 'qsa-runs-test-')); made.push(dir); return dir; };

/** A finished run of `name` at minute `minute`, holding `text`. */
function run(reports: string, name: string, minute: number, text: string): string {
  const dir = runFolder(reports, runStamp(new Date(Date.UTC(2026, 11, 6, 4, minute))), name);
  writeFileSync(join(dir, 'index.html'), text);
  pointToNewest(reports, name, dir);
  return dir;
}

test('each run has its folder; the links lead to the newest; the older runs stay', () => {
  const reports = scratch();
  const first = run(reports, 'twin-2022', 1, 'first');
  const second = run(reports, 'twin-2022', 2, 'second');
  run(reports, 'twin-2017', 3, 'other generation');
  assert.equal(readFileSync(join(reports, 'twin-2022', 'index.html'), 'utf8'), 'second');
  assert.equal(readFileSync(join(reports, 'latest', 'index.html'), 'utf8'), 'other generation');
  assert.equal(readFileSync(join(first, 'index.html'), 'utf8'), 'first');
  assert.ok(lstatSync(join(reports, 'twin-2022')).isSymbolicLink());
  assert.equal(realpathSync(join(reports, 'twin-2022')), realpathSync(second));
});

test('a folder of the layout before runs/ is kept as a run, not overwritten', () => {
  const reports = scratch();
  mkdirSync(join(reports, 'twin-2022'));
  writeFileSync(join(reports, 'twin-2022', 'index.html'), 'before runs/');
  run(reports, 'twin-2022', 5, 'new');
  const kept = readdirSync(join(reports, 'runs')).filter((d) => d.endsWith('-twin-2022'));
  assert.equal(kept.length, 2);
  assert.ok(kept.some((d) => readFileSync(join(reports, 'runs', d, 'index.html'), 'utf8') === 'before runs/'));
});

test('prune keeps the n newest runs of each target and generation, and every run a link leads to', () => {
  const reports = scratch();
  for (const minute of [1, 2, 3, 4]) run(reports, 'twin-2022', minute, `2022 ${minute}`);
  run(reports, 'twin-2017', 0, '2017');
  run(reports, 'twin-2022', 9, 'newest 2022');
  // latest leads to the newest 2022 run; reports/twin-2017 keeps the one 2017 run.
  const { removed, kept } = pruneRuns(reports, 2);
  assert.equal(removed.length, 3, removed.join());
  assert.equal(kept.length, 3, kept.join());
  assert.equal(readFileSync(join(reports, 'twin-2017', 'index.html'), 'utf8'), '2017');
  assert.equal(readFileSync(join(reports, 'twin-2022', 'index.html'), 'utf8'), 'newest 2022');
  assert.ok(!existsSync(join(reports, 'runs', `${runStamp(new Date(Date.UTC(2026, 11, 6, 4, 1)))}-twin-2022`)));
});

for (const [what, args, says] of [
  ['no command', [], /^error: say what to do with the reports; usage/],
  ['an unknown command', ['tidy'], /^error: unknown command "tidy"; usage/],
  ['prune without --keep', ['prune'], /^error: --keep: how many runs/],
  ['--keep 0', ['prune', '--keep', '0'], /^error: --keep 0: how many runs/],
  ['an unknown flag', ['prune', '--keep', '2', '--all'], /^error: Unknown option '--all'/],
] as const) {
  test(`npm run reports with ${what}: one line, exit 2, nothing removed`, () => {
    const reports = scratch();
    run(reports, 'twin-2022', 1, 'one');
    run(reports, 'twin-2022', 2, 'two');
    const result = spawnSync(process.execPath, [join(projectRoot, 'steps', 'cli', 'reports.ts'), '--reports', reports, ...args], { encoding: 'utf8' });
    assert.equal(result.status, 2, result.stderr + result.stdout);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.match(result.stderr.trim(), says);
    assert.equal(readdirSync(join(reports, 'runs')).length, 2);
  });
}

test('npm run reports -- prune --keep 1 says what it removed', () => {
  const reports = scratch();
  run(reports, 'twin-2022', 1, 'one');
  run(reports, 'twin-2022', 2, 'two');
  const result = spawnSync(process.execPath, [join(projectRoot, 'steps', 'cli', 'reports.ts'), 'prune', '--keep', '1', '--reports', reports], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^removed \d{8}T\d{6}\.\d{3}Z-twin-2022\n1 runs removed, 1 kept/);
  assert.equal(readFileSync(join(reports, 'twin-2022', 'index.html'), 'utf8'), 'two');
});

test('--rerun runs a run\'s failed and inconclusive scenarios again, on its target and generation; a folder with nothing to rerun, or flags that contradict it, is one line and exit 2', () => {
  const reports = scratch();
  const older = readFileSync(join(projectRoot, 'features', 'troubleshooting', 'older-model-errors.feature'), 'utf8').split('\n');
  const line = older.findIndex((l) => /^\s*Scenario:/.test(l)) + 1;
  const uri = 'features/troubleshooting/older-model-errors.feature';
  const earlier = runFolder(reports, runStamp(new Date(Date.UTC(2026, 11, 6, 3, 0))), 'twin-older');
  const record = (status: string) => writeFileSync(join(earlier, 'run.json'), JSON.stringify({
    target: 'twin', generation: 'older', stamp: 'x', statement: null, seed: null,
    results: [{ key: `${uri}:${line}`, uri, name: 'n', tags: [], status }, { key: `${uri}:${line + 100}`, uri, name: 'other', tags: [], status: 'passed' }],
  }));
  const start = (...args: string[]) => spawnSync(process.execPath, [join(projectRoot, 'steps', 'cli', 'start.ts'), '--quiet', '--reports', reports, ...args], { cwd: projectRoot, encoding: 'utf8' });
  record('failed');
  const again = start('--rerun', earlier);
  assert.equal(again.status, 0, again.stderr + again.stdout);
  const rerun = JSON.parse(readFileSync(join(reports, 'latest', 'run.json'), 'utf8')) as { target: string; generation: string; results: Array<{ key: string }> };
  assert.deepEqual([rerun.target, rerun.generation, rerun.results.map((r) => r.key)], ['twin', 'older', [`${uri}:${line}`]]);
  for (const [args, says] of [
    [['--rerun', earlier, '--target', 'twin-serial'], /^error: --rerun .*: the run says the target, generation, statement and scenarios; not --target$/],
    [['--rerun', join(reports, 'nowhere')], /^error: --rerun .*nowhere: neither a run's folder \(run\.json\) nor a certification bundle/],
  ] as const) {
    const bad = start(...args);
    assert.equal(bad.status, 2, bad.stderr);
    assert.equal(bad.stderr.trim().split('\n').length, 1, bad.stderr);
    assert.match(bad.stderr.trim(), says);
  }
  record('passed');
  const nothing = start('--rerun', earlier);
  assert.equal(nothing.status, 2);
  assert.match(nothing.stderr.trim(), /nothing to run again$/);
});

test('--rerun of a certification bundle: its failures, on its target, with the statement it holds; failures in two generations are rerun one generation at a time', () => {
  const reports = scratch();
  const bundle = join(scratch(), 'bundle');
  const uri = 'features/troubleshooting/older-model-errors.feature';
  const line = readFileSync(join(projectRoot, uri), 'utf8').split('\n').findIndex((l) => /^\s*Scenario:/.test(l)) + 1;
  const generationRun = (generation: string, status: string) => {
    mkdirSync(join(bundle, 'runs', generation), { recursive: true });
    // The statement the run named was on the certifying machine: the bundle's own is used.
    writeFileSync(join(bundle, 'runs', generation, 'run.json'), JSON.stringify({
      target: 'twin', generation, stamp: 'x', statement: '/elsewhere/lab.yaml', seed: null, results: [{ key: `${uri}:${line}`, uri, name: 'n', tags: [], status }],
    }));
  };
  mkdirSync(bundle);
  writeFileSync(join(bundle, 'suite.json'), '{}');
  writeFileSync(join(bundle, 'statement.yaml'), readFileSync(join(projectRoot, 'fixtures', 'targets', 'twin.yaml'), 'utf8').replace(/^name: .*$/m, 'name: from-the-bundle'));
  generationRun('older', 'inconclusive');
  generationRun('2022', 'passed');
  const start = (...args: string[]) => spawnSync(process.execPath, [join(projectRoot, 'steps', 'cli', 'start.ts'), '--quiet', '--reports', reports, ...args], { cwd: projectRoot, encoding: 'utf8' });
  const again = start('--rerun', bundle);
  assert.equal(again.status, 0, again.stderr + again.stdout);
  const rerun = JSON.parse(readFileSync(join(reports, 'latest', 'run.json'), 'utf8')) as { generation: string; statement: string; results: Array<{ key: string }> };
  assert.deepEqual([rerun.generation, rerun.statement, rerun.results.map((r) => r.key)], ['older', realpathSync(join(bundle, 'statement.yaml')), [`${uri}:${line}`]]);
  generationRun('2022', 'failed');
  const two = start('--rerun', bundle);
  assert.equal(two.status, 2, two.stdout);
  assert.match(two.stderr.trim(), /^error: --rerun .*bundle: failures in 2022 and older; rerun one generation at a time: .*bundle\/runs\/2022, .*bundle\/runs\/older$/);
});
