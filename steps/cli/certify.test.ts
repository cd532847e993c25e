// A certification bundle of the twin (its smallest generation, so that the test is quick): it
// verifies; one changed byte, one scenario removed (and the bundle signed again, as a lab that
// left it out would), one result edited, or the wrong key each fail verify, naming the file or
// the scenario. The lab's key is made on first use where QSA_LAB_KEY_DIR says.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../fixtures/load.ts';
import { labKey, seal } from './bundle.ts';
import type { RunRecord } from './runs.ts';

const dir = mkdtempSync(join(tmpdir(), 'qsa-certify-test-'));
const keys = join(dir, 'keys');
const bundle = join(dir, 'bundle');
// The lab's key, made by the first certify, and read by this process too to sign a changed copy.
process.env['QSA_LAB_KEY_DIR'] = keys;
const env = { ...process.env };
const cli = (name: string, ...args: string[]) => spawnSync(process.execPath, [join(projectRoot, 'steps', 'cli', `${name}.ts`), ...args], { cwd: projectRoot, encoding: 'utf8', env });
after(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the bundle, changed by `change`. */
function tampered(name: string, change: (copy: string) => void): string {
  const copy = join(dir, name);
  cpSync(bundle, copy, { recursive: true });
  change(copy);
  return copy;
}

describe('npm run certify and npm run verify', () => {
  before(() => {
    const statement = join(dir, 'twin-older.yaml');
    writeFileSync(statement, readFileSync(join(projectRoot, 'fixtures', 'targets', 'twin.yaml'), 'utf8').replace(/^generations: .*$/m, 'generations: ["older"]'));
    const certified = cli('certify', '--target', 'twin', '--statement', statement, '--out', bundle);
    assert.equal(certified.status, 0, certified.stderr + certified.stdout);
  });

  test('the bundle verifies: signature, hashes, the suite\'s commit, every selected scenario', () => {
    const verified = cli('verify', bundle);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /checked against the key in the bundle/);
    assert.match(verified.stdout, /older: \d+ passed, 0 failed/);
    // The twin is no line: the bundle says it was not probed, and why.
    assert.match(verified.stdout, /^statement: twin: not probed: the probe reads a unit on a line/m);
    assert.match(verified.stdout, /the bundle is intact and complete/);
  });

  test('the bundle names the appliance as it showed itself, and has a certificate page', () => {
    const identity = JSON.parse(readFileSync(join(bundle, 'identity.json'), 'utf8')) as { shown: Record<string, { mac: string; model: string; serialNumber: string }> };
    assert.match(identity.shown['older']!.mac, /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i);
    assert.ok(identity.shown['older']!.model.length > 0 && /^\d+$/.test(identity.shown['older']!.serialNumber), JSON.stringify(identity));
    const page = readFileSync(join(bundle, 'index.html'), 'utf8');
    assert.match(page, new RegExp(identity.shown['older']!.mac));
    assert.match(page, /<h2[^>]*>Guide chapters<\/h2>/);
  });

  const cases: Array<[string, (copy: string) => void, RegExp, string[]?]> = [
    ['one changed byte', (c) => {
      const file = join(c, 'runs', 'older', 'index.html');
      const bytes = readFileSync(file);
      bytes[100] = bytes[100]! ^ 1;
      writeFileSync(file, bytes);
    }, /PROBLEM runs\/older\/index\.html: changed since it was signed/],
    ['a scenario removed, signed again', (c) => {
      const file = join(c, 'runs', 'older', 'run.json');
      const run = JSON.parse(readFileSync(file, 'utf8')) as RunRecord;
      run.results.shift();
      writeFileSync(file, JSON.stringify(run));
      seal(c, labKey().privateKey);
    }, /PROBLEM runs\/older: scenario features\/.+: selected, no result/],
    ['a result edited', (c) => {
      const file = join(c, 'runs', 'older', 'run.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"status": "passed"', '"status": "failed"'));
    }, /PROBLEM runs\/older\/run\.json: changed since it was signed/],
    ['another lab\'s key', () => undefined, /PROBLEM manifest\.sig: the signature does not match manifest\.json under this key/, ['--key', 'other']],
  ];
  for (const [what, change, says, extra] of cases) {
    test(`${what}: verify fails, naming it`, () => {
      const copy = tampered(what.replace(/\W+/g, '-'), change);
      const args = extra?.[1] === 'other' ? ['--key', (() => {
        const file = join(dir, 'other.pub');
        writeFileSync(file, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
        return file;
      })()] : [];
      const verified = cli('verify', copy, ...args);
      assert.equal(verified.status, 1, verified.stdout + verified.stderr);
      assert.match(verified.stdout, says);
    });
  }

  test('bad input: no --out, an --out that is not empty, no such bundle: one line, exit 2', () => {
    for (const [name, args] of [['certify', ['--target', 'twin', '--statement', join(projectRoot, 'fixtures', 'targets', 'twin.yaml')]], ['certify', ['--target', 'twin', '--statement', join(projectRoot, 'fixtures', 'targets', 'twin.yaml'), '--out', bundle]], ['verify', [join(dir, 'nowhere')]]] as const) {
      const result = cli(name, ...args);
      assert.equal(result.status, 2, result.stderr);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    }
  });
});
