// Expected failures: a listed failure is reported apart and does not fail the run; a listed
// scenario that passes, or an entry that matches nothing, is a stale expectation that does; a
// malformed list is bad input (one line, exit 2). The end-to-end cases run npm start on the twin's
// smallest generation, whose scenarios all pass, so each listed one goes stale.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../fixtures/load.ts';
import type { Expectation } from '../../fixtures/expectations.ts';
import { staleExpectations, withExpectations } from './expectations.ts';
import { junitXml, outcomesHtml } from './report.ts';
import type { RunTally, ScenarioResult } from './tally.ts';

const scenario = (key: string, name: string, status: ScenarioResult['status'], tags: string[] = []): ScenarioResult => ({
  key, name, uri: key.split(':')[0]!, tags, status, reason: status === 'passed' ? null : `why ${name}`, wallMs: 1, applianceMs: 0, consoleBytes: null,
});
const tallyOf = (scenarios: ScenarioResult[]): RunTally => ({
  scenarios, passed: scenarios.filter((s) => s.status === 'passed').length, failed: scenarios.filter((s) => s.status === 'failed').length,
  notApplicable: 0, inconclusive: scenarios.filter((s) => s.status === 'inconclusive').length, informative: 0, expected: 0,
});

describe('a list of expected failures applied to a run', () => {
  const run = tallyOf([
    scenario('features/a.feature:3', 'A fails', 'failed'),
    scenario('features/a.feature:9', 'B fails', 'failed', ['@ANE-006']),
    scenario('features/b.feature:4', 'C passes', 'passed', ['@ANE-007']),
    scenario('features/b.feature:8', 'D broke', 'inconclusive'),
  ]);
  const entry = (e: Partial<Expectation>): Expectation => ({ outcome: 'failed', reason: 'known', tracking: 'FW-1', ...e });

  test('a listed failure, by scenario or by requirement, is expected: not failed, and shown apart', () => {
    const marked = withExpectations(run, '2022', [entry({ scenario: { feature: 'features/a.feature', name: 'A fails' } }), entry({ requirement: 'ANE-006', tracking: 'FW-2' })]);
    assert.equal(marked.failed, 0);
    assert.equal(marked.expected, 2);
    assert.equal(marked.inconclusive, 1, 'an unlisted inconclusive result stays');
    assert.match(junitXml('t', marked), /<skipped message="expected failed \(FW-2\): known; why B fails"\/>/);
    assert.match(junitXml('t', marked), /failures="0"/);
    assert.match(outcomesHtml('t', marked), /expected failures \(known, tracked; not failing the run\): 2/);
    assert.deepEqual(staleExpectations([{ generation: '2022', tally: marked }], [entry({ requirement: 'ANE-006' })]), []);
  });

  test('the wrong outcome, or another generation, is not expected', () => {
    assert.equal(withExpectations(run, '2022', [entry({ scenario: { feature: 'features/b.feature', name: 'D broke' } })]).inconclusive, 1);
    assert.equal(withExpectations(run, '2022', [entry({ scenario: { feature: 'features/a.feature', name: 'A fails' }, generation: '2017' })]).failed, 2);
  });

  test('an entry whose scenario passed, or that matches nothing, is stale, named', () => {
    const stale = staleExpectations([{ generation: '2022', tally: run }], [entry({ requirement: 'ANE-007' }), entry({ scenario: { feature: 'features/none.feature', name: 'Nothing' } })]);
    assert.deepEqual(stale.map((s) => s.why), ['features/b.feature:4 passed in 2022', 'matches no scenario of this run']);
    assert.match(stale[0]!.entry, /^requirement ANE-007, expected failed \(FW-1\)$/);
  });
});

describe('npm start -- --expect', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qsa-expect-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const older = readFileSync(join(projectRoot, 'features', 'troubleshooting', 'older-model-errors.feature'), 'utf8');
  // A plain scenario: an outline's rows are run under names with their values filled in.
  const firstScenario = /^\s*Scenario: (.+)$/m.exec(older)?.[1]?.trim() ?? '';
  const list = (name: string, body: string) => {
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, `name: ${name}\ndescription: a test list\nexpectations:\n${body}`);
    return file;
  };
  const start = (file: string) => spawnSync(process.execPath, [join(projectRoot, 'steps', 'cli', 'start.ts'), '--quiet', '--reports', join(dir, 'reports'), '--generation', 'older', '--expect', file], { cwd: projectRoot, encoding: 'utf8' });

  test('a listed scenario that passes fails the run as a stale expectation, naming the entry', () => {
    const result = start(list('passes', `  - scenario: { feature: features/troubleshooting/older-model-errors.feature, name: ${JSON.stringify(firstScenario)} }\n    outcome: failed\n    reason: thought broken\n    tracking: FW-9\n`));
    assert.equal(result.status, 1, result.stderr + result.stdout);
    assert.match(result.stdout, /STALE EXPECTATION features\/troubleshooting\/older-model-errors\.feature: ".+", expected failed \(FW-9\): features\/troubleshooting\/older-model-errors\.feature:\d+.* passed in older/);
  });

  test('an entry that matches no scenario fails the run', () => {
    const result = start(list('nothing', '  - requirement: NOPE-404\n    outcome: failed\n    reason: gone\n    tracking: FW-10\n'));
    assert.equal(result.status, 1, result.stderr + result.stdout);
    assert.match(result.stdout, /STALE EXPECTATION requirement NOPE-404, expected failed \(FW-10\): matches no scenario of this run/);
  });

  test('a malformed list: one line naming the file and field, exit 2, no reports written', () => {
    const reports = readdirSync(dir).includes('reports') ? readdirSync(join(dir, 'reports')).length : 0;
    const result = start(list('malformed', '  - requirement: ANE-006\n    outcome: maybe\n    reason: r\n    tracking: t\n'));
    assert.equal(result.status, 2, result.stderr + result.stdout);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.match(result.stderr, /^error: .*malformed\.yaml: expectations\[0\]\.outcome: /);
    assert.equal(readdirSync(dir).includes('reports') ? readdirSync(join(dir, 'reports')).length : 0, reports);
  });
});
