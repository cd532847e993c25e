// npm run probe against the twin started as a unit on a bench (its own process, its console on a
// pseudo-terminal, sped up twenty times, unpaced): the layout, generation, activation and entry it
// finds must be the ones the twin was started with, the statement it writes must load, and the
// unit must be left on its status screen. A console that answers nothing, and bad input, end in
// one line and exit code 2.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ConsoleLayout } from '../../fixtures/consoles.ts';
import { loadConsoleLayout } from '../../fixtures/consoles.ts';
import { projectRoot } from '../../fixtures/load.ts';
import type { Key } from '../../fixtures/profiles.ts';
import { keys, loadGeneration } from '../../fixtures/profiles.ts';
import type { TargetStatement } from '../../fixtures/targets.ts';
import { loadStatementFile, loadTargetStatement, statementLayout } from '../../fixtures/targets.ts';
import { recognize } from '../support/recognize.ts';
import { ClaimContradicted, checkClaims } from '../support/targets/claims.ts';
import { ConsoleDecoder } from '../support/targets/serial/decoder.ts';
import type { SerialLink } from '../support/targets/serial/link.ts';
import type { Samples } from '../support/targets/serial/indicator-search.ts';
import { findIndicators } from '../support/targets/serial/indicator-search.ts';
import { openSerialSession, pictureFile, redraw, startTwin } from '../support/targets/serial/session.ts';
import { main } from './probe.ts';
import { probeDeclared, statementSummary } from './probed.ts';

const dir = mkdtempSync(join(tmpdir(), 'qsa-probe-'));
/** Processes started here; socat runs in a group of its own, with its program. */
const children: Array<{ child: ChildProcess; group: boolean }> = [];
/** Every pseudo-terminal used: the pictures the probe keeps of them are removed afterwards. */
const ports: string[] = [];

/** Ends a process, with its group when it has one (a twin's socat ends with the twin). */
function stop({ child, group }: { child: ChildProcess; group: boolean }): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(resolve, 3000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    try {
      if (group) process.kill(-child.pid!, 'SIGTERM');
      else child.kill('SIGTERM');
    } catch {
      // Already gone.
    }
  });
}

after(async () => {
  await Promise.all(children.map(stop));
  for (const port of ports) rmSync(pictureFile({ name: port } as SerialLink), { force: true });
  rmSync(dir, { recursive: true, force: true });
});

function requireSocat(): void {
  try {
    execFileSync('sh', ['-c', 'command -v socat'], { stdio: 'ignore' });
  } catch {
    assert.fail('socat is not installed: the twin\'s console and these tests make pseudo-terminals with it (apt-get install -y socat)');
  }
}

/** The twin as a unit on a bench: switched on, activated by jdoe, its console at `dir/<name>`. */
async function benchTwin(name: string, layout: string, generation: string): Promise<string> {
  requireSocat();
  const pty = join(dir, name);
  ports.push(pty);
  const { child } = await startTwin(['--console', 'pty', '--console-path', pty, '--on', '--activated-by', 'jdoe',
    '--speed', '20', '--line', 'unpaced', '--console-layout', layout, '--generation', generation], 'console: ', `the twin (${layout}, ${generation})`);
  children.push({ child, group: false });
  return pty;
}

/** A pseudo-terminal at `dir/<name>` whose other end is `program` (run by sh; no commas). */
async function fakePort(name: string, program: string): Promise<string> {
  requireSocat();
  const pty = join(dir, name);
  ports.push(pty);
  const socat = spawn('socat', [`pty,raw,echo=0,link=${pty}`, `SYSTEM:${program}`], { stdio: 'ignore', detached: true });
  children.push({ child: socat, group: true });
  const deadline = performance.now() + 5000;
  while (!existsSync(pty)) {
    assert.ok(performance.now() < deadline && socat.exitCode === null, `socat did not make ${pty}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return pty;
}

interface Run { code: number; stdout: string; stderr: string; ms: number }

async function probeInProcess(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const started = performance.now();
  const code = await main(argv, { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) } });
  return { code, stdout: out.join(''), stderr: err.join(''), ms: performance.now() - started };
}

/** npm run probe, as a person runs it. */
function probeCli(...argv: string[]): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'probe', '--', ...argv], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, ms: performance.now() - started }));
  });
}

const tableOf = (layout: ConsoleLayout): Record<Key, string> => (layout.indicators.style === 'glyphs' ? layout.indicators.glyphs : layout.indicators.words);

/** The layout found is the fixture's where it can be seen: lines, width, the indicators' row, start, style and token for each key. */
function assertLayout(found: ConsoleLayout, expected: ConsoleLayout): void {
  assert.deepEqual(found.lines, expected.lines, 'the LCD lines');
  assert.equal(found.width, expected.width, 'the width');
  assert.equal(found.cursor, 'terminal');
  assert.equal(found.draw, undefined, 'a probed layout says nothing of drawing');
  const [f, e] = [found.indicators, expected.indicators];
  assert.equal(f.style, e.style, 'glyphs or words');
  assert.equal(f.row, e.row, 'the indicators\' row');
  assert.equal(f.column, e.column, 'the indicators\' first column');
  // The fixture may pad its region; what the probe saw drawn lies inside it and holds every token.
  assert.ok(f.column + f.width <= e.column + e.width, `region ${f.column}+${f.width} runs past the fixture's ${e.column}+${e.width}`);
  assert.ok(f.width >= keys.map((k) => tableOf(expected)[k]).join(e.style === 'words' ? ' ' : '').length, 'the region holds all five indicators');
  assert.deepEqual(tableOf(found), tableOf(expected), 'the token for each key');
}

/** The terminal's last picture (kept by the probe for the next run), read through the fixture's layout: the status screen. */
function assertEndsOnStatus(pty: string, layout: ConsoleLayout, generation: string): Promise<void> {
  const file = pictureFile({ name: pty } as SerialLink);
  assert.ok(existsSync(file), `no terminal picture kept at ${file}`);
  const rows = JSON.parse(readFileSync(file, 'utf8')) as string[];
  const decoder = new ConsoleDecoder(layout);
  return decoder.write(Buffer.from(redraw(rows), 'latin1')).then(() => {
    const screen = decoder.snapshot(0);
    const r = recognize(screen, loadGeneration(generation).firmware);
    assert.deepEqual(r, { kind: 'status', shows: 'name-and-ip' }, `the unit ended on ${JSON.stringify(screen.lines)}`);
    assert.equal(screen.lines[0], 'is_jdoe');
  });
}

function assertStatement(statement: TargetStatement, layout: string, generation: string): void {
  assert.equal(statement.name, 'probed');
  assert.equal(statement.driver, 'serial');
  assert.deepEqual(statement.generations, [generation]);
  assert.deepEqual(statement.capabilities, ['keypad', 'screen', 'console', 'network-pace']);
  assert.equal(statement.units, 'one');
  assert.equal(statement.readings, 'informative');
  assert.equal(statement.entry, 'typing');
  assert.deepEqual({ activated: statement.unit?.activated, activatedBy: statement.unit?.activatedBy }, { activated: true, activatedBy: 'jdoe' });
  assert.ok(statement.timing && statement.timing.firstByteMs >= 200 && statement.timing.quietMs >= 10, JSON.stringify(statement.timing));
  assert.equal(typeof statement.console, 'object', 'the layout is written out');
  assertLayout(statementLayout(statement), loadConsoleLayout(layout));
}

/** One line, naming the port. */
function oneLine(stderr: string, port: string): string {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  assert.equal(lines.length, 1, `one line: ${JSON.stringify(stderr)}`);
  const line = lines[0]!;
  assert.match(line, /^error: /);
  assert.ok(line.includes(port), `the port is not named: ${line}`);
  assert.ok(line.length < 400, `a line, not a report: ${line}`);
  return line;
}

/** A synthetic 80x24 screen: the LCD's lines at rows 3-4 from column 10, indicators at `at`. */
function screen(line1: string, line2: string, indicators: string, at: { row: number; column: number }): string[] {
  const rows = Array.from({ length: 24 }, () => ' '.repeat(80));
  const put = (r: number, c: number, text: string) => { rows[r - 1] = (rows[r - 1]!.slice(0, c - 1) + text + rows[r - 1]!.slice(c - 1 + text.length)).slice(0, 80); };
  put(1, 1, 'Remote Console');
  put(3, 10, line1.padEnd(20));
  put(4, 10, line2.padEnd(20));
  put(at.row, at.column, indicators.padEnd(30));
  return rows;
}

/** The screens the probe collects, for a unit showing `shown(keys)` as its indicators. */
function samplesFor(shown: (ks: Key[]) => string, at: { row: number; column: number }, wraps: boolean): Samples {
  const menu = (labels: string[]) => labels.map((l, i) => {
    const ks: Key[] = wraps ? ['UP', 'DOWN', 'ENTER'] : [...(i > 0 ? ['UP' as const] : []), ...(i < labels.length - 1 ? ['DOWN' as const] : []), 'ENTER'];
    return screen(l, '', shown(ks), at);
  });
  return {
    menus: [menu(['SETUP NETWORK', 'SYSTEM REBOOT', 'SYSTEM SHUTDOWN', 'EXIT THIS MENU']), menu(['RENEW DHCP ON LAN', 'ENABLE VLAN ON', 'ENABLE STATIC IP', 'EXIT THIS MENU'])],
    others: [screen('CFG LAN STATIC', 'NETWORK PARAMS?', shown(['UP', 'ENTER']), at)],
    fieldFirst: screen('LAN IP ADDR', '010.000.000.002', shown(['UP', 'DOWN', 'RIGHT', 'ENTER']), at),
    fieldRight: screen('LAN IP ADDR', '010.000.000.002', shown(['UP', 'DOWN', 'LEFT', 'RIGHT', 'ENTER']), at),
    fieldBack: screen('LAN IP ADDR', '010.000.000.002', shown(['UP', 'DOWN', 'RIGHT', 'ENTER']), at),
  };
}

describe('finding the indicators', () => {
  const lines = [{ row: 3, column: 10 }, { row: 4, column: 10 }] as const;

  test('a unit whose menus wrap (UP and DOWN shown at the first and last items): the keys the differences leave open are read by convention', () => {
    const glyph: Record<Key, string> = { UP: '▲', DOWN: '▼', LEFT: '◄', RIGHT: '►', ENTER: '↵' };
    const at = { row: 3, column: 32 };
    const found = findIndicators(samplesFor((ks) => ks.map((k) => glyph[k]).join(''), at, true), lines, 20, 'serial:/dev/null');
    assert.deepEqual(found.indicators, { style: 'glyphs', row: 3, column: 32, width: 5, glyphs: glyph });
    assert.deepEqual(found.byConvention.sort(), ['DOWN', 'ENTER', 'UP']);
  });

  test('bare words on a row of their own, menus that stop at their ends: every key told by what changes, none by convention', () => {
    const at = { row: 7, column: 12 };
    const found = findIndicators(samplesFor((ks) => ks.join(' '), at, false), lines, 20, 'serial:/dev/null');
    assert.deepEqual(found.indicators, { style: 'words', row: 7, column: 12, width: 'UP DOWN LEFT RIGHT ENTER'.length, words: { UP: 'UP', DOWN: 'DOWN', LEFT: 'LEFT', RIGHT: 'RIGHT', ENTER: 'ENTER' } });
    assert.deepEqual(found.byConvention, []);
  });

  test('indicators that cannot be told apart: one line naming the port and the keys left open', () => {
    const at = { row: 7, column: 12 };
    const odd: Record<Key, string> = { UP: 'a', DOWN: 'b', LEFT: 'c', RIGHT: 'd', ENTER: 'e' };
    assert.throws(() => findIndicators(samplesFor((ks) => ks.map((k) => odd[k]).join(''), at, true), lines, 20, 'serial:/dev/ttyUSB0'),
      (e: Error) => /^serial:\/dev\/ttyUSB0: the indicators on row 7, .* do not tell which stands for UP, DOWN/.test(e.message) && !e.message.includes('\n'));
  });
});

describe('npm run probe', { concurrency: true }, () => {
  describe('against the twin', { concurrency: false }, () => {
    const ptys: Record<string, Promise<string>> = {};
    // The three twins boot side by side (about six seconds each); the probes then run one at a time.
    before(() => {
      ptys['2022-boxed'] = benchTwin('boxed-2022', 'boxed', '2022');
      ptys['2022-plain'] = benchTwin('plain-2022', 'plain', '2022');
      ptys['2017-boxed'] = benchTwin('boxed-2017', 'boxed', '2017');
      for (const p of Object.values(ptys)) p.catch(() => {});
    });

    /** Probes one of those twins (how: in process or through npm), the statement written to `dir/<file>` and loaded as a run loads it. */
    async function probeTwin(twin: string, file: string, how: (...argv: string[]) => Promise<Run>, ...more: string[]) {
      const pty = await ptys[twin]!;
      const out = join(dir, file);
      const run = await how('--target', `serial:${pty}`, '--out', out, ...more);
      assert.equal(run.code, 0, run.stderr);
      return { pty, out, run, statement: loadStatementFile(out) };
    }

    test('2022, boxed layout: finds the layout, generation, activation and typing; the statement loads; the unit ends on its status screen', { timeout: 90_000 }, async () => {
      const { pty, out, run, statement } = await probeTwin('2022-boxed', 'boxed-2022.yaml', probeInProcess);
      assert.equal(run.stderr, '');
      assertStatement(statement, 'boxed', '2022');
      assert.equal(parseYaml(run.stdout).description, statement.description, 'stdout is the statement written');
      assert.doesNotMatch(readFileSync(out, 'utf8'), /factorySettingsOnline|draw:/, 'nothing a probe cannot know');
      await assertEndsOnStatus(pty, loadConsoleLayout('boxed'), '2022');
    });

    test('2022, boxed layout, probed again: the console is awake and the picture kept; the waking ENTER is accounted for', { timeout: 90_000 }, async () => {
      const { pty, statement } = await probeTwin('2022-boxed', 'boxed-2022-again.yaml', probeInProcess, '--name', 'bench-unit');
      assert.equal(statement.name, 'bench-unit');
      assertLayout(statementLayout(statement), loadConsoleLayout('boxed'));
      assert.match(statement.description, /the console was awake: the waking ENTER took the unit from "is_jdoe" to "SETUP NETWORK"/);
      await assertEndsOnStatus(pty, loadConsoleLayout('boxed'), '2022');
    });

    test('2022, plain layout (words, full repaints), through npm run probe: the same findings on stdout and in --out', { timeout: 90_000 }, async () => {
      const { pty, out, run, statement } = await probeTwin('2022-plain', 'plain-2022.yaml', probeCli);
      assert.equal(run.stderr.trim(), '');
      assertStatement(statement, 'plain', '2022');
      assert.equal(readFileSync(out, 'utf8'), run.stdout, 'stdout is the file written');
      await assertEndsOnStatus(pty, loadConsoleLayout('plain'), '2022');
    });

    test('2017, boxed layout: generation 2017 (RESET NETWORK CONFIG); the suite\'s serial session and claims check go by the statement', { timeout: 90_000 }, async () => {
      const { pty, statement } = await probeTwin('2017-boxed', 'boxed-2017.yaml', probeInProcess);
      assertStatement(statement, 'boxed', '2017');
      assert.match(statement.description, /RESET NETWORK CONFIG/);
      await assertEndsOnStatus(pty, loadConsoleLayout('boxed'), '2017');
      // The statement does what it is for: npm start's preflight (wake, then the claims checked) goes by it.
      const session = await openSerialSession(`serial:${pty}`, '2017', new Set(statement.capabilities), statement);
      try {
        await checkClaims(session, statement);
        // A statement the unit contradicts is bad input, told apart from a unit that cannot be read.
        const wrong: TargetStatement = { ...statement, unit: { factorySettingsOnline: false, ...statement.unit, activated: false } };
        await assert.rejects(checkClaims(session, wrong), (e: Error) => e instanceof ClaimContradicted && /says the unit is not activated, but it is/.test(e.message));
      } finally {
        await session.close();
      }
      await assertEndsOnStatus(pty, loadConsoleLayout('boxed'), '2017');
    });
    test('certify\'s probe: the statement as probed is written beside the declared one, and where they differ is said', { timeout: 90_000 }, async () => {
      const pty = await ptys['2022-plain']!;
      const out = join(dir, 'bundle-probed');
      mkdirSync(out);
      // The serial statement declares the boxed layout and arrows-only entry; this unit draws plain and takes typing.
      // It is activated by jdoe; the statement says by someone else.
      const declared: TargetStatement = { ...loadTargetStatement('serial'), entry: 'arrows', unit: { activated: true, activatedBy: 'asmith', factorySettingsOnline: false } };
      const record = await probeDeclared(`serial:${pty}`, declared, out);
      assert.deepEqual(record.notProbed, []);
      assert.equal(record.probed.length, 1);
      const probed = loadStatementFile(join(out, record.probed[0]!.file));
      assert.equal(probed.name, 'serial', 'named as the declared statement');
      assert.deepEqual([probed.generations, probed.entry], [['2022'], 'typing']);
      assertLayout(statementLayout(probed), loadConsoleLayout('plain'));
      assert.deepEqual(record.probed[0]!.differences.map((d) => d.field), ['console', 'entry', 'unit.activatedBy']);
      assert.match(statementSummary(record)[0]!, /differs from the declared statement: console declared .*; entry declared arrows, probed typing; unit.activatedBy declared asmith, probed jdoe$/);
      await assertEndsOnStatus(pty, loadConsoleLayout('plain'), '2022');
      // The same unit declared as it is: no difference.
      const agreeing = await probeDeclared(`serial:${pty}`, probed, out);
      assert.deepEqual(agreeing.probed[0]!.differences, []);
      // A target that is no line is not probed, and the record says why.
      const twin = await probeDeclared('twin', loadTargetStatement('twin'), out);
      assert.deepEqual(twin.probed, []);
      assert.match(twin.notProbed[0]!, /^twin: not probed: the probe reads a unit on a line/);
    });
  });

  describe('a line that cannot be probed, and bad input', () => {
    test('a pseudo-terminal that answers nothing: exit 2, one line naming the port, given up on before the port closes', { timeout: 40_000 }, async () => {
      const pty = await fakePort('silent', 'sleep 30');
      const run = await probeCli('--target', `serial:${pty}`, '--out', join(dir, 'silent.yaml'));
      assert.equal(run.code, 2, run.stderr);
      const line = oneLine(run.stderr, pty);
      assert.match(line, /answered nothing to ENTER within 5 s/);
      assert.equal(run.stdout, '');
      assert.ok(!existsSync(join(dir, 'silent.yaml')), 'no statement written');
      // The silent port lives 30 s: ending well before proves the probe gave up by itself (a loaded
      // machine takes longer than the 5 s wake time to start and stop the probe).
      assert.ok(run.ms < 25_000, `${run.ms} ms`);
    });

    const bad: Array<[string, string[], RegExp]> = [
      ['an unknown flag', ['--target', 'serial:/dev/ttyUSB0', '--baud', '9600'], /^error: Unknown option '--baud'/],
      ['no --target', ['--out', 'x.yaml'], /^error: --target is missing/],
      ['a target that is neither serial: nor tcp:', ['--target', '/dev/ttyUSB0'], /^error: --target \/dev\/ttyUSB0: expected serial:<path> .* or tcp:<host>:<port>/],
      ['a tcp: target without a port', ['--target', 'tcp:localhost'], /^error: --target tcp:localhost: expected/],
      ['a statement name that is not one', ['--target', 'serial:/dev/ttyUSB0', '--name', 'My Unit'], /^error: --name My Unit: /],
      ['a stray argument', ['--target', 'serial:/dev/ttyUSB0', 'extra'], /^error: Unexpected argument 'extra'/],
    ];
    for (const [what, argv, expected] of bad) {
      test(`${what}: exit 2 and one line, before any line is opened`, async () => {
        const run = await probeInProcess(...argv);
        assert.equal(run.code, 2);
        assert.equal(run.stdout, '');
        const lines = run.stderr.split('\n').filter((l) => l !== '');
        assert.equal(lines.length, 1, JSON.stringify(run.stderr));
        assert.match(lines[0]!, expected);
      });
    }

    test('a console that answers garbage to ENTER: exit 2, one line naming the port and the settings to check', { timeout: 30_000 }, async () => {
      const pty = await fakePort('garbage', 'head -c 1 >/dev/null; head -c 700 /dev/urandom; sleep 30');
      const run = await probeInProcess('--target', `serial:${pty}`);
      assert.equal(run.code, 2, run.stderr);
      assert.match(oneLine(run.stderr, pty), /garbage.*9600 baud, 8 data bits, no parity, 2 stop bits/);
    });

    test('a screen where no text of any firmware profile appears: exit 2, one line naming the port and what it shows', { timeout: 30_000 }, async () => {
      // socat reads brackets in an address as its own syntax: the program is a script.
      const script = join(dir, 'stranger.sh');
      writeFileSync(script, 'head -c 1 >/dev/null\nprintf \'\\033[2J\\033[3;1HHello there; this is not a scanner\'\nsleep 30\n');
      const pty = await fakePort('stranger', `sh ${script}`);
      const run = await probeInProcess('--target', `serial:${pty}`);
      assert.equal(run.code, 2, run.stderr);
      assert.match(oneLine(run.stderr, pty), /shows "Hello there; this is not a scanner", where no text of any firmware profile \(2017, 2022, older\) appears/);
    });

    test('a port that does not exist: exit 2, one line naming it', async () => {
      const run = await probeInProcess('--target', 'serial:/nonexistent/ttyX');
      assert.equal(run.code, 2);
      assert.match(oneLine(run.stderr, '/nonexistent/ttyX'), /does not exist/);
    });
  });
});
