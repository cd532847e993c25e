// A lab with three units certifies a third of the selection on each: the three shard bundles
// merge into one that verifies as one. A shard missing, or given twice, fails the merge, naming
// it, and leaves no bundle.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../fixtures/load.ts';
import { labKey, seal } from './bundle.ts';
import type { CertificationRecord } from './certify.ts';
import type { RunRecord } from './runs.ts';

const dir = mkdtempSync(join(tmpdir(), 'qsa-merge-test-'));
const env = { ...process.env, QSA_LAB_KEY_DIR: join(dir, 'keys') };
const cli = (name: string, ...args: string[]) => spawnSync(process.execPath, [join(projectRoot, 'steps', 'cli', `${name}.ts`), ...args], { cwd: projectRoot, encoding: 'utf8', env });
const shard = (k: number) => join(dir, `shard-${k}`);
after(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run certify -- --merge', () => {
  before(() => {
    const statement = join(dir, 'twin-older.yaml');
    writeFileSync(statement, readFileSync(join(projectRoot, 'fixtures', 'targets', 'twin.yaml'), 'utf8').replace(/^generations: .*$/m, 'generations: ["older"]'));
    for (const k of [1, 2, 3]) {
      const certified = cli('certify', '--target', 'twin', '--statement', statement, '--shard', `${k}/3`, '--out', shard(k));
      assert.equal(certified.status, 0, certified.stderr + certified.stdout);
    }
  });

  test('three shard bundles merge into one that verifies as one, with every scenario once', () => {
    const merged = join(dir, 'merged');
    const result = cli('certify', '--merge', shard(2), shard(1), shard(3), '--out', merged);
    assert.equal(result.status, 0, result.stderr + result.stdout);
    const run = JSON.parse(readFileSync(join(merged, 'runs', 'older', 'run.json'), 'utf8')) as RunRecord;
    const parts = [1, 2, 3].map((k) => (JSON.parse(readFileSync(join(shard(k), 'runs', 'older', 'run.json'), 'utf8')) as RunRecord).results.length);
    assert.ok(parts.every((n) => n > 0), `each shard ran some scenarios: ${parts.join(', ')}`);
    assert.equal(run.results.length, parts[0]! + parts[1]! + parts[2]!);
    assert.equal(new Set(run.results.map((r) => r.key)).size, run.results.length);
    for (const k of [1, 2, 3]) assert.ok(existsSync(join(merged, 'runs', 'older', 'shards', String(k), 'messages.ndjson')), `shard ${k}'s evidence kept`);
    const verified = cli('verify', merged);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /the bundle is intact and complete/);
    assert.equal(verified.stdout.match(/^statement: twin: not probed/gm)?.length, 3, 'each shard\'s unit, said not probed');
  });

  test('a shard whose unit was probed: its probed statement is kept under probed/<k>/, and verify names it', () => {
    // Shard 2 as a line's bundle would be: a probed statement and its record, sealed again under the lab's key.
    const probedShard = join(dir, 'shard-2-probed');
    cpSync(shard(2), probedShard, { recursive: true });
    writeFileSync(join(probedShard, 'statement.probed.yaml'), 'name: twin\nentry: typing\n');
    const file = join(probedShard, 'certification.json');
    const record = JSON.parse(readFileSync(file, 'utf8')) as CertificationRecord;
    record.statement = { declared: 'statement.yaml', probed: [{ file: 'statement.probed.yaml', unit: 'serial:/dev/ttyS1', differences: [{ field: 'entry', declared: 'arrows', probed: 'typing' }] }], notProbed: [] };
    writeFileSync(file, JSON.stringify(record));
    process.env['QSA_LAB_KEY_DIR'] = env.QSA_LAB_KEY_DIR;
    seal(probedShard, labKey().privateKey);
    const merged = join(dir, 'merged-probed');
    const result = cli('certify', '--merge', shard(1), probedShard, shard(3), '--out', merged);
    assert.equal(result.status, 0, result.stderr + result.stdout);
    assert.equal(readFileSync(join(merged, 'probed', '2', 'statement.probed.yaml'), 'utf8'), 'name: twin\nentry: typing\n');
    const verified = cli('verify', merged);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /^statement: serial:\/dev\/ttyS1: as probed \(probed\/2\/statement\.probed\.yaml\), differs from the declared statement: entry declared arrows, probed typing$/m);
    assert.equal(verified.stdout.match(/^statement: twin: not probed/gm)?.length, 2);
  });

  test('one shard alone does not verify as the whole selection', () => {
    const verified = cli('verify', shard(1));
    assert.equal(verified.status, 1, verified.stdout);
    assert.match(verified.stdout, /PROBLEM runs\/older: scenario features\/.+: selected, no result/);
  });

  for (const [what, shards, says] of [
    ['a missing shard', [1, 3], /^error: --merge: shard 2\/3: missing$/],
    ['a doubled shard', [1, 2, 2, 3], /^error: --merge: shard 2\/3: given twice \(.*shard-2, .*shard-2\)$/],
  ] as const) {
    test(`${what}: the merge fails in one line naming it, and writes no bundle`, () => {
      const out = join(dir, what.replace(/\W+/g, '-'));
      const result = cli('certify', '--merge', ...shards.map(shard), '--out', out);
      assert.equal(result.status, 2, result.stdout);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.match(result.stderr.trim(), says);
      assert.equal(existsSync(out), false);
    });
  }

  test('a folder that is not a bundle: one line naming it', () => {
    const result = cli('certify', '--merge', shard(1), join(dir, 'nowhere'), '--out', join(dir, 'never'));
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^error: --merge .*nowhere: not a certification bundle/);
  });
});
