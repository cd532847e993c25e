// npm start: a selection of nothing is bad input, said in one line with exit 2 before anything
// under --reports is touched: a feature path that names no file, tags or a generation that
// select no scenario.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../fixtures/load.ts';

const reports = mkdtempSync(join(tmpdir(), 'qsa-start-test-'));
writeFileSync(join(reports, 'summary-twin.txt'), 'the previous run\n');
after(() => rmSync(reports, { recursive: true, force: true }));

for (const [what, args, says] of [
  ['a feature path that names no file', ['features/none.feature'], /^error: feature path features\/none\.feature: no such file or folder$/],
  ['tags that select no scenario', ['--tags', '@no-such-tag-anywhere', 'features/appliance-ui/main-menu.feature'], /selects no scenario$/],
  ['a generation with no scenario in the path', ['--generation', 'older', 'features/appliance-ui/main-menu.feature'], /firmware older\) selects no scenario$/],
] as const) {
  test(`${what}: one line, exit 2, the previous run's reports intact`, () => {
    const result = spawnSync(process.execPath, [join(projectRoot, 'steps', 'cli', 'start.ts'), '--quiet', '--reports', reports, ...args], { cwd: projectRoot, encoding: 'utf8' });
    assert.equal(result.status, 2, result.stderr + result.stdout);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.match(result.stderr.trim(), says);
    assert.deepEqual(readdirSync(reports), ['summary-twin.txt']);
    assert.equal(readFileSync(join(reports, 'summary-twin.txt'), 'utf8'), 'the previous run\n');
  });
}
