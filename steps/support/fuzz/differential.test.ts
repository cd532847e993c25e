// npm run fuzz -- --against twin: the masks and the ENTER that is held back, alone; the twin
// agrees with itself; bad input ends in one line and exit code 2; and a deviation planted in a
// copy of the 2022 profile (SYSTEM SHUTDOWN above SYSTEM REBOOT in the main menu), run by the
// unit under test alone, is found, shrunk to a short key sequence, written with both screens
// after each key, and replayed exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../../fixtures/load.ts';
import { firmwareDir, loadGeneration } from '../../../fixtures/profiles.ts';
import type { ScreenSnapshot } from '../protocols.ts';
import { actionOnEnter } from './differential.ts';
import type { DifferentialReport } from './differential.ts';
import { difference } from './masks.ts';

const cli = join(projectRoot, 'steps', 'cli', 'fuzz.ts');
const fw = loadGeneration('2022').firmware;

function fuzz(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function screen(line1: string, line2 = '', indicators: ScreenSnapshot['indicators'] = ['UP', 'DOWN', 'ENTER'], cursor: ScreenSnapshot['cursor'] = null): ScreenSnapshot {
  return { lines: [line1, line2], indicators, cursor, at: 0 };
}

/** A copy of the 2022 profile with the main menu's SYSTEM REBOOT and SYSTEM SHUTDOWN swapped: seen by keys alone. */
function plantSwappedMenu(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qsa-planted-differential-'));
  const profile = readFileSync(join(firmwareDir, '2022.yaml'), 'utf8');
  const reboot = '      - { label: "SYSTEM REBOOT", starts: reboot }\n';
  const shutdown = '      - { label: "SYSTEM SHUTDOWN", starts: shutdown }\n';
  assert.ok(profile.includes(reboot + shutdown), 'the 2022 main menu is where the test expects it');
  writeFileSync(join(dir, '2022.yaml'), profile.replace(reboot + shutdown, shutdown + reboot));
  return dir;
}

test('differential: masks hide what differs between conformant units, and only that', () => {
  const onLab = { fw, sameLab: true };
  const offLab = { fw, sameLab: false };
  // The status screen: the unit's name always; its address only where its lab is not the twin's.
  assert.equal(difference(screen('is_jdoe', '198.18.10.20     US1', ['DOWN', 'ENTER']), screen('is_scanner7', '198.18.10.20     US1', ['DOWN', 'ENTER']), onLab), null);
  assert.equal(difference(screen('is_jdoe', '198.18.10.20     US1', ['DOWN', 'ENTER']), screen('is_jdoe', '10.0.0.9     US1', ['DOWN', 'ENTER']), onLab), 'lines');
  assert.equal(difference(screen('is_jdoe', '198.18.10.20     US1', ['DOWN', 'ENTER']), screen('is_jdoe', '10.0.0.9     US1', ['DOWN', 'ENTER']), offLab), null);
  assert.equal(difference(screen('MAC 00:1a:2b:3c:4d:5e'), screen('MAC 00:1a:2b:3c:4d:ff'), onLab), null);
  // A menu item's label, the indicators and the cursor are the firmware's: compared.
  assert.equal(difference(screen('SYSTEM REBOOT'), screen('SYSTEM SHUTDOWN'), offLab), 'lines');
  assert.equal(difference(screen('SYSTEM REBOOT'), screen('SYSTEM REBOOT', '', ['DOWN', 'ENTER']), offLab), 'indicators');
  assert.equal(difference(screen('PROXY USER:', 'a', ['UP', 'DOWN', 'LEFT', 'RIGHT', 'ENTER'], { row: 1, col: 0 }), screen('PROXY USER:', 'a', ['UP', 'DOWN', 'LEFT', 'RIGHT', 'ENTER'], { row: 1, col: 1 }), offLab), 'cursor');
});

test('differential: ENTER that would start one of the guide\'s actions is held back, navigation is not', () => {
  assert.equal(actionOnEnter(screen('REALLY SHUTDOWN SYSTEM?'), fw), 'shutdown');
  assert.equal(actionOnEnter(screen('REALLY REBOOT SYSTEM?'), fw), 'reboot');
  assert.equal(actionOnEnter(screen('RENEW DHCP ON LAN'), fw), 'renew-dhcp-lan');
  assert.equal(actionOnEnter(screen('SETUP NETWORK', '', ['DOWN', 'ENTER']), fw), null);
  assert.equal(actionOnEnter(screen('SYSTEM SHUTDOWN'), fw), null);
  assert.equal(actionOnEnter(screen('is_jdoe', '198.18.10.20     US1', ['DOWN', 'ENTER']), fw), null);
});

const badInputs: Array<[string, string[], RegExp]> = [
  ['another reference than the twin', ['--target', 'twin', '--generation', '2022', '--against', 'twin-unit'], /--against twin-unit: .*--against twin/],
  ['--keys without --against', ['--target', 'twin', '--generation', '2022', '--keys', '5'], /--keys: only a differential run/],
  ['a field with --against', ['--target', 'twin', '--generation', '2022', '--against', 'twin', '--field', 'PROXY USER:'], /--field: a differential run/],
  ['a bad --keys', ['--target', 'twin', '--generation', '2022', '--against', 'twin', '--keys', '0'], /--keys 0: expected a whole number/],
];

for (const [what, args, message] of badInputs) {
  test(`differential: ${what} ends in one line and exit code 2`, () => {
    const run = fuzz(args);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.equal(run.stdout, '');
    const lines = run.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, message);
  });
}

test('differential: the twin agrees with itself on 30 random sequences', () => {
  const run = fuzz(['--target', 'twin', '--generation', '2022', '--against', 'twin', '--runs', '30', '--keys', '25', '--seed', '31']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /^differential: twin and the in-process twin agree on 30 runs of up to 25 steps/);
});

test('differential: the in-process twin keeps the guide\'s profiles when the unit runs a planted one', () => {
  const planted = plantSwappedMenu();
  const seed = '5';
  const file = join(projectRoot, 'reports', 'fuzz', `differential-${seed}.json`);
  try {
    const run = fuzz(['--target', 'twin', '--generation', '2022', '--against', 'twin', '--runs', '30', '--keys', '10', '--seed', seed], { QSA_TWIN_FIRMWARE_DIR: planted });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /DIFFERS .*unit "SYSTEM SHUTDOWN".*twin "SYSTEM REBOOT"/);
  } finally {
    rmSync(file, { force: true });
    rmSync(planted, { recursive: true, force: true });
  }
});

test('differential: a menu order planted in twin-unit is found, shrunk, written with both screens, and replayed', () => {
  const planted = plantSwappedMenu();
  const env = { QSA_TWIN_FIRMWARE_DIR: planted };
  const seed = '4243';
  const file = join(projectRoot, 'reports', 'fuzz', `differential-${seed}.json`);
  rmSync(file, { force: true });
  try {
    const run = fuzz(['--target', 'twin-unit', '--generation', '2022', '--against', 'twin', '--runs', '30', '--keys', '10', '--seed', seed], env);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 1, run.stdout);
    assert.match(lines[0]!, /^differential: twin-unit DIFFERS .*unit "SYSTEM SHUTDOWN".*twin "SYSTEM REBOOT".*differential-4243\.json/);
    assert.ok(existsSync(file), `${file} written`);
    const report = JSON.parse(readFileSync(file, 'utf8')) as DifferentialReport;
    assert.equal(report.seed, Number(seed));
    assert.match(report.path, /^\d+(:\d+)*$/);
    assert.ok(report.steps.length <= 3, `shrunk to a short sequence: ${report.steps.join(' ')}`);
    assert.equal(report.differsAt, report.steps.length, 'the last step of the shrunk sequence shows the difference');
    assert.deepEqual(report.screens.map((s) => s.step), ['start', ...report.steps]);
    assert.deepEqual(report.screens.at(-1)!.unit.lines, ['SYSTEM SHUTDOWN', '']);
    assert.deepEqual(report.screens.at(-1)!.twin.lines, ['SYSTEM REBOOT', '']);

    const replay = fuzz(['--replay', file], env);
    assert.equal(replay.code, 1, replay.stdout + replay.stderr);
    assert.match(replay.stdout, new RegExp(`DIFFERS from the in-process twin after ${report.steps.length} step\\(s\\): ${report.steps.join(' ')}:`));
  } finally {
    rmSync(file, { force: true });
    rmSync(planted, { recursive: true, force: true });
  }
});
