// npm start: a selection of nothing is bad input, said in one line with exit 2 before anything
// under --reports is touched: a feature path that names no file, tags or a generation that
// select no scenario; --lab flags that do not cable a real unit to the live lab; and twin-live on
// a machine with no container engine.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../fixtures/load.ts';
import { chromiumPath } from '../support/browser.ts';

const reports = mkdtempSync(join(tmpdir(), 'qsa-start-test-'));
writeFileSync(join(reports, 'summary-twin.txt'), 'the previous run\n');
after(() => rmSync(reports, { recursive: true, force: true }));

for (const [what, args, says] of [
  ['a feature path that names no file', ['features/none.feature'], /^error: feature path features\/none\.feature: no such file or folder$/],
  ['tags that select no scenario', ['--tags', '@no-such-tag-anywhere', 'features/appliance-ui/main-menu.feature'], /selects no scenario$/],
  ['a generation with no scenario in the path', ['--generation', 'older', 'features/appliance-ui/main-menu.feature'], /firmware older\) selects no scenario$/],
  // A real unit cabled to the live lab: the flags belong together, to a serial target, and name this machine's interfaces.
  ['--lab other than live', ['--target', 'serial:/dev/null', '--generation', '2022', '--lab', 'model', '--lab-lan', 'lo'], /^error: --lab model: the lab a real unit can be cabled to is "live"/],
  ['--lab live without --lab-lan', ['--target', 'serial:/dev/null', '--generation', '2022', '--lab', 'live'], /^error: --lab live: say which interface of this machine the unit's LAN port is wired to: --lab-lan <interface>$/],
  ['--lab-lan without --lab live', ['--target', 'serial:/dev/null', '--generation', '2022', '--lab-lan', 'lo'], /^error: --lab-lan: cables a unit to a live lab; add --lab live$/],
  ['--lab live on a twin target', ['--target', 'twin-unit', '--generation', '2022', '--lab', 'live', '--lab-lan', 'lo'], /^error: --lab live: target twin-unit brings its own network/],
  ['--lab-lan naming no interface', ['--target', 'serial:/dev/null', '--generation', '2022', '--lab', 'live', '--lab-lan', 'qsa-no-such0'], /^error: --lab-lan qsa-no-such0: this machine has no network interface of that name/],
  ['the LAN and the WAN on one interface', ['--target', 'serial:/dev/null', '--generation', '2022', '--lab', 'live', '--lab-lan', 'lo', '--lab-wan', 'lo'], /^error: --lab-wan lo: the LAN and the WAN are wired to two interfaces$/],
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

test('twin-live on a machine without a container engine: one line naming what to install, exit 2, the previous run\'s reports intact', () => {
  // A PATH with node, sh and socat but no podman, runc or mmdebstrap; QSA_LAB_NO_INSTALL says rather than installs.
  const bin = mkdtempSync(join(tmpdir(), 'qsa-no-engine-'));
  try {
    for (const command of ['sh', 'socat']) {
      const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
      assert.ok(found, `${command} is needed for this test`);
      symlinkSync(found, join(bin, command));
    }
    symlinkSync(process.execPath, join(bin, 'node'));
    const result = spawnSync(process.execPath, [join(projectRoot, 'steps', 'cli', 'start.ts'), '--quiet', '--reports', reports, '--target', 'twin-live', '--generation', '2022', 'features/network/dhcp.feature'], {
      // The browser (twin-live has the portal) is where it is: the engine is what this test takes away.
      cwd: projectRoot, encoding: 'utf8', env: { ...process.env, PATH: bin, QSA_LAB_NO_INSTALL: '1', QSA_CHROMIUM: chromiumPath },
    });
    assert.equal(result.status, 2, result.stderr + result.stdout);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.match(result.stderr.trim(), /^error: twin-live: the live lab needs a container engine: podman, runc, mmdebstrap missing \(as root: apt-get install -y podman runc mmdebstrap\)$/);
    assert.deepEqual(readdirSync(reports), ['summary-twin.txt']);
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});

test('two runs of the same target and generation both keep their reports; reports/<target>-<generation> and reports/latest lead to the second', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qsa-two-runs-'));
  try {
    const once = () => spawnSync(process.execPath, [join(projectRoot, 'steps', 'cli', 'start.ts'), '--quiet', '--reports', dir, '--generation', 'older'], { cwd: projectRoot, encoding: 'utf8' });
    for (let i = 0; i < 2; i++) assert.equal(once().status, 0);
    const runs = readdirSync(join(dir, 'runs')).sort();
    assert.equal(runs.length, 2, runs.join());
    assert.ok(runs.every((r) => /^\d{8}T\d{6}\.\d{3}Z-twin-older$/.test(r)), runs.join());
    for (const r of runs) assert.match(readFileSync(join(dir, 'runs', r, 'index.html'), 'utf8'), /twin older/);
    for (const link of ['twin-older', 'latest']) assert.equal(realpathSync(join(dir, link)), realpathSync(join(dir, 'runs', runs[1]!)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
