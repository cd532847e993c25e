// The soak (npm run fuzz -- --soak): 20,000 keys pass on every generation, with power cuts
// mid-edit and mid-save among them; the same seed makes the same run; and each check catches a
// fault planted in the unit (a store wiped by a power cut, indicators gone from the fields, a
// key that throws), so that a check taken out fails this test.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../../fixtures/load.ts';
import { parseSoakRequest, UsageError } from '../../cli/fuzz.ts';
import type { Moment, SoakOptions, SoakResult, SoakUnit } from './soak.ts';
import { actionStream, soak, writeSoakReport } from './soak.ts';

const SEED = 20_240_613;

function passed(r: SoakResult): void {
  assert.equal(r.violation, null, r.violation ? `${r.violation.check}: ${r.violation.message}\n${r.violation.lastActions.join('\n')}` : '');
}

describe('soak: 20,000 keys on each generation', () => {
  for (const generation of ['2017', '2022', 'older']) {
    test(`${generation}: nothing throws, every screen that takes keys shows indicators, every boot runs the last stored configuration`, async () => {
      const r = await soak({ generation, keys: 20_000, seed: SEED });
      passed(r);
      assert.equal(r.keys, 20_000);
      assert.ok(r.keysTaken > r.keys / 2, `${r.keysTaken} keys landed where keys act`);
      assert.ok(r.saves > 50, `${r.saves} saves committed`);
      assert.ok(r.powerCuts > 100 && r.cutsMidEdit > 0 && r.cutsMidSave > 0, `cuts: ${r.powerCuts}, ${r.cutsMidEdit} mid-edit, ${r.cutsMidSave} mid-save`);
      assert.ok(r.boots > r.powerCuts / 2, `${r.boots} boots checked`);
      assert.ok(r.keysPerSecond > 0);
    });
  }
});

test('soak: the same seed makes the same run; another seed another', async () => {
  const moments: Moment[] = ['takes-keys', 'applying', 'busy', 'down'];
  const draw = (seed: number) => {
    const next = actionStream(seed);
    return Array.from({ length: 2000 }, (_, i) => next(moments[i % moments.length]!));
  };
  assert.deepEqual(draw(SEED), draw(SEED));
  assert.notDeepEqual(draw(SEED), draw(SEED + 1));
  const runs = await Promise.all([SEED, SEED, SEED + 1].map((seed) => soak({ generation: '2022', keys: 5000, seed })));
  const [a, b, c] = runs.map(({ ms: _ms, keysPerSecond: _rate, ...rest }) => rest);
  assert.deepEqual(a, b);
  assert.notEqual(a!.digest, c!.digest);
});

/** The 2022 soak of the first test, with a fault planted in its unit. */
const planted = (plant: NonNullable<SoakOptions['plant']>) => soak({ generation: '2022', keys: 20_000, seed: SEED, plant });

describe('soak: planted faults are caught', () => {
  test('a power cut that wipes the store: the boot after it runs another configuration than the last stored', async () => {
    const r = await planted((unit: SoakUnit) => {
      const unplug = unit.unplugAc.bind(unit);
      unit.unplugAc = () => {
        unplug();
        for (let block = 0; block < unit.disk.blockCount; block++) unit.disk.write(block, new Uint8Array(512));
      };
    });
    assert.equal(r.violation?.check, 'stored-config', JSON.stringify(r.violation));
    assert.ok(r.keys < 20_000, 'the soak stops at the violation');
    assert.match(r.violation.message, /another configuration than the last it stored \(they differ at [a-z]/);

    const dir = mkdtempSync(join(tmpdir(), 'qsa-soak-'));
    try {
      const report = JSON.parse(readFileSync(writeSoakReport(r, dir), 'utf8')) as Record<string, unknown>;
      assert.equal(report['seed'], SEED);
      assert.equal(report['check'], 'stored-config');
      assert.equal(report['keyIndex'], r.violation.keyIndex);
      assert.equal((report['lastActions'] as string[]).length, 50);
      assert.notDeepEqual(report['stored'], report['loaded']);
      assert.match(String(report['again']), new RegExp(`--soak ${r.violation.keyIndex + 1} --generation 2022 --seed ${SEED}$`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a field shown without its indicators', async () => {
    const r = await planted((unit) => {
      const screen = unit.screen.bind(unit);
      unit.screen = () => {
        const shown = screen();
        return shown.cursor ? { ...shown, indicators: [] } : shown;
      };
    });
    assert.equal(r.violation?.check, 'indicators', JSON.stringify(r.violation));
    assert.match(r.violation.message, /takes keys and shows the indicators \[\]/);
  });

  test('a key that throws', async () => {
    const r = await planted((unit) => {
      let chords = 0;
      const chord = unit.chordLeftRight.bind(unit);
      unit.chordLeftRight = () => {
        if (++chords === 40) throw new Error('planted');
        chord();
      };
    });
    assert.equal(r.violation?.check, 'throws', JSON.stringify(r.violation));
    assert.match(r.violation.message, /the twin threw: Error: planted/);
    assert.match(r.violation.lastActions.at(-1)!, /LEFT\+RIGHT$/);
  });
});

describe('soak: its flags', () => {
  test('defaults: generation 2022, a new seed each time', () => {
    const r = parseSoakRequest(['--soak', '1000'])!;
    assert.equal(r.generation, '2022');
    assert.equal(r.keys, 1000);
    assert.ok(Number.isInteger(r.seed) && r.seed >= 0 && r.seed < 2 ** 32);
    assert.deepEqual(parseSoakRequest(['--soak', '5', '--generation', 'older', '--seed', '7']), { generation: 'older', keys: 5, seed: 7 });
    assert.equal(parseSoakRequest(['--target', 'twin', '--generation', '2022']), null);
  });

  for (const [args, message] of [
    [['--soak', '0'], /--soak 0: expected a whole number of at least 1/],
    [['--soak', 'many'], /--soak many: expected a whole number/],
    [['--soak', '10', '--generation', '2099'], /--generation 2099: no such firmware generation \(known: 2017, 2022, older\)/],
    [['--soak', '10', '--seed', String(2 ** 32)], /--seed 4294967296: expected a whole number below/],
    [['--soak', '10', '--field', 'LAN IP ADDR'], /--field: a soak drives the in-process twin/],
  ] as const) {
    test(`${args.join(' ')}: a usage error`, () => {
      assert.throws(() => parseSoakRequest([...args]), (error: unknown) => error instanceof UsageError && message.test(error.message));
    });
  }

  test('npm run fuzz -- --soak 0: one line, exit code 2; a short soak: its figures, exit code 0', () => {
    const cli = join(projectRoot, 'steps', 'cli', 'fuzz.ts');
    const bad = spawnSync(process.execPath, [cli, '--soak', '0'], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });
    assert.equal(bad.status, 2, bad.stderr);
    assert.equal(bad.stdout, '');
    assert.equal(bad.stderr.trimEnd().split('\n').length, 1, bad.stderr);
    const good = spawnSync(process.execPath, [cli, '--soak', '2000', '--seed', '3'], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });
    assert.equal(good.status, 0, good.stdout + good.stderr);
    assert.match(good.stdout, /soak: passed 2000 keys in [\d.]+ s, \d+ keys\/s; \d+ power cuts/);
  });
});
