import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { calibrate, calibrationMarkdown } from './calibration.ts';

const run = (generation: string, results: Array<[string, string]>, reasons: Record<string, string> = {}) => ({
  generation,
  results: results.map(([key, status]) => ({ key, uri: key.split(':')[0], name: `scenario ${key}`, status })),
  failures: results.filter(([, s]) => s === 'failed').map(([key]) => ({ key, uri: '', name: '', reason: reasons[key] })),
  inconclusiveScenarios: [],
  notApplicableScenarios: results.filter(([, s]) => s === 'not-applicable').map(([key]) => ({ key, uri: '', name: '', reason: reasons[key] })),
});

test('calibration compares the scenarios both ran, names each disagreement with both reports, and lists what the live lab did not realize', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qsa-calibration-'));
  try {
    const twin = join(dir, 'twin.json');
    const live = join(dir, 'live.json');
    writeFileSync(twin, JSON.stringify([run('2022', [['a.feature:1', 'passed'], ['a.feature:2', 'passed'], ['a.feature:3', 'passed'], ['a.feature:4', 'passed']])]));
    writeFileSync(live, JSON.stringify([run('2022', [['a.feature:1', 'passed'], ['a.feature:2', 'failed'], ['a.feature:3', 'not-applicable']], {
      'a.feature:2': 'the screen shows [Timeout was | reached (28)]', 'a.feature:3': 'the live lab cannot realize VLANs',
    })]));
    const c = calibrate(twin, live);
    assert.deepEqual(c.compared.map((r) => r.key), ['a.feature:1', 'a.feature:2']);
    assert.deepEqual(c.disagreements.map((r) => [r.key, r.twin.status, r.live.status]), [['a.feature:2', 'passed', 'failed']]);
    assert.deepEqual(c.notRealized.map((r) => r.key), ['a.feature:3']);
    const text = calibrationMarkdown(c);
    assert.match(text, /2 scenarios run by both, 1 disagreements; 1 not realized/);
    assert.match(text, /twin-live: failed: the screen shows \[Timeout was \\?\| reached \(28\)\]/);
    assert.match(text, /the live lab cannot realize VLANs/);
    writeFileSync(live, JSON.stringify([run('2017', [['a.feature:1', 'passed']])]));
    assert.throws(() => calibrate(twin, live), /no run of firmware 2017/);
    assert.throws(() => calibrate(join(dir, 'none.json'), live), /no summary/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
