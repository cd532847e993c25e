// The release gate: npm run compare between two runs lists regressions, fixes, new and removed
// scenarios and requirement changes, and exits 1 on a regression, naming the scenario.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../fixtures/load.ts';
import { runFolder, writeRunRecord } from './runs.ts';
import type { RunRecord } from './runs.ts';

const reports = mkdtempSync(join(tmpdir(), 'qsa-compare-'));
after(() => rmSync(reports, { recursive: true, force: true }));

const result = (key: string, status: string, tags: string[] = []) => ({ key, uri: key.split(':')[0]!, name: `scenario ${key}`, tags, status });
function run(stamp: string, results: RunRecord['results']): string {
  const dir = runFolder(reports, stamp, 'twin-2022');
  writeRunRecord(dir, { target: 'twin', generation: '2022', stamp, statement: null, seed: null, results });
  return dir;
}
const compare = (...args: string[]) => spawnSync(process.execPath, [join(projectRoot, 'steps', 'cli', 'compare.ts'), ...args], { encoding: 'utf8' });

const release = run('20261201T000000.000Z', [
  result('features/a.feature:3', 'passed', ['@ANE-006']), result('features/a.feature:9', 'failed'), result('features/b.feature:4', 'passed'), result('features/c.feature:1', 'passed'),
]);

test('an injected regression fails the gate, named; a fix, a new and a removed scenario and the requirement are listed', () => {
  const candidate = run('20261202T000000.000Z', [
    result('features/a.feature:3', 'failed', ['@ANE-006']), result('features/a.feature:9', 'passed'), result('features/b.feature:4', 'passed'), result('features/d.feature:7', 'not-applicable'),
  ]);
  const out = compare(release, candidate);
  assert.equal(out.status, 1, out.stderr);
  assert.match(out.stdout, /regressions: 1\n {2}features\/a\.feature:3: scenario features\/a\.feature:3: passed -> failed\n/);
  assert.match(out.stdout, /fixes: 1\n {2}features\/a\.feature:9: .*failed -> passed/);
  assert.match(out.stdout, /new: 1\n {2}features\/d\.feature:7/);
  assert.match(out.stdout, /removed: 1\n {2}features\/c\.feature:1/);
  assert.match(out.stdout, /requirements: 1\n {2}ANE-006: verified -> failed/);
});

test('the same outcomes pass the gate', () => {
  const out = compare(release, release);
  assert.equal(out.status, 0, out.stdout + out.stderr);
  assert.match(out.stdout, /regressions: 0/);
});

test('a folder that is not a run, or one run only: one line, exit 2', () => {
  for (const args of [[release], [release, join(reports, 'nowhere')]]) {
    const out = compare(...args);
    assert.equal(out.status, 2);
    assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
    assert.match(out.stderr, /^error: /);
  }
});

test('two certification bundles compare generation by generation: a regression in one generation fails the gate, named with it', () => {
  const bundle = (name: string, older: RunRecord['results'], newer: RunRecord['results']) => {
    const dir = join(reports, name);
    for (const [generation, results] of [['2017', older], ['2022', newer]] as const) {
      mkdirSync(join(dir, 'runs', generation), { recursive: true });
      writeRunRecord(join(dir, 'runs', generation), { target: 'twin', generation, stamp: name, statement: null, seed: null, results });
    }
    writeFileSync(join(dir, 'suite.json'), '{}');
    return dir;
  };
  const last = bundle('last-release', [result('features/a.feature:3', 'passed')], [result('features/a.feature:3', 'passed')]);
  const next = bundle('candidate', [result('features/a.feature:3', 'passed')], [result('features/a.feature:3', 'inconclusive')]);
  const out = compare(last, next);
  assert.equal(out.status, 1, out.stderr);
  assert.match(out.stdout, /regressions: 1\n {2}2022 features\/a\.feature:3: scenario features\/a\.feature:3: passed -> inconclusive\n/);
  const same = compare(last, last);
  assert.equal(same.status, 0, same.stdout + same.stderr);
});
