// npm run lab: bad input is one line and exit 2, before anything touches the engine; a machine
// without a container engine gets one line naming what to install.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../fixtures/load.ts';

const lab = (args: string[], env: NodeJS.ProcessEnv = process.env) => spawnSync(process.execPath, [join(projectRoot, 'steps', 'cli', 'lab.ts'), ...args], { encoding: 'utf8', env });

for (const [args, says] of [
  [[], /say what to do/],
  [['bogus'], /unknown command "bogus"/],
  [['build', '--flag'], /Unknown option '--flag'/],
  [['status', 'extra'], /unexpected "extra"/],
] as const) {
  test(`npm run lab -- ${args.join(' ') || '(nothing)'}: one line, exit 2`, () => {
    const result = lab([...args]);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, says);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  });
}

test('no container engine on PATH: one line naming what to install, exit 3', () => {
  // A PATH with a shell and nothing else: podman, runc and mmdebstrap are all missing. Not root
  // would install them, so the run says so instead (LAB_NO_INSTALL).
  const bin = mkdtempSync(join(tmpdir(), 'qsa-no-engine-'));
  try {
    symlinkSync('/bin/sh', join(bin, 'sh'));
    const result = lab(['status'], { ...process.env, PATH: bin, QSA_LAB_NO_INSTALL: '1' });
    assert.equal(result.status, 3, result.stderr);
    assert.match(result.stderr, /podman, runc, mmdebstrap missing \(as root: apt-get install -y podman runc mmdebstrap\)/);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});
