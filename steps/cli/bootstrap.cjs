// Runs before `npm test` on whatever Node the machine has (Debian's is 20): installs the
// project's dependencies (Node 24 among them) when they are missing or older than the lockfile,
// so that `npm test` works on a fresh clone. Plain CommonJS on purpose: no TypeScript here.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const lock = join(root, 'package-lock.json');
const stamp = join(root, 'node_modules', '.installed-lock-sha256');
const want = createHash('sha256').update(readFileSync(lock)).digest('hex');
const have = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
const node24 = join(root, 'node_modules', '.bin', 'node');

if (have !== want || !existsSync(node24)) {
  process.stdout.write('dependencies missing or out of date: npm ci\n');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`error: npm ci failed (exit ${result.status}); the tests cannot run without their dependencies\n`);
    process.exit(result.status || 1);
  }
  writeFileSync(stamp, want + '\n');
}
