// A port that is missing, busy, silent or answering garbage: each gives one line naming the port
// and the likely cause, within seconds, and a run that cannot start leaves the reports already
// there untouched. The silent and garbage ports are pseudo-terminals made by socat, whose other
// end is a program that answers nothing, or random bytes.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../../../fixtures/load.ts';
import { loadTargetStatement } from '../../../../fixtures/targets.ts';
import type { Capability, TargetSession } from '../../protocols.ts';
import type { SerialLink } from './link.ts';
import { LinkError, openLink, openSerialPort } from './link.ts';
import { openSerialSession } from './session.ts';

const capabilities = new Set<Capability>(['keypad', 'screen', 'console']);
const serial = loadTargetStatement('serial');
const dir = mkdtempSync(join(tmpdir(), 'qsa-port-errors-'));
const children: ChildProcess[] = [];
const MISSING = '/nonexistent/ttyX';

/** Ends socat and the program it runs (its own process group: the program outlives socat otherwise). */
function stop(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(resolve, 3000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
  });
}

after(async () => {
  await Promise.all(children.map(stop));
  rmSync(dir, { recursive: true, force: true });
});

function requireSocat(): void {
  try {
    execFileSync('sh', ['-c', 'command -v socat'], { stdio: 'ignore' });
  } catch {
    assert.fail('socat is not installed: these tests make pseudo-terminals with it (Debian package socat: apt-get install socat)');
  }
}

/** A pseudo-terminal at `dir/<name>` whose other end is `program` (run by sh; no commas). */
async function pty(name: string, program: string): Promise<{ path: string; child: ChildProcess }> {
  requireSocat();
  const path = join(dir, name);
  const child = spawn('socat', [`pty,raw,echo=0,link=${path}`, `SYSTEM:${program}`], { stdio: 'ignore', detached: true });
  children.push(child);
  const deadline = performance.now() + 5000;
  while (!existsSync(path)) {
    assert.ok(performance.now() < deadline && child.exitCode === null, `socat did not make ${path}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return { path, child };
}

/** Runs `attempt`, expecting a LinkError within `withinMs`; returns its message and the time taken. */
async function failure(attempt: () => Promise<unknown>, withinMs: number): Promise<{ message: string; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no error within ${withinMs / 1000} s`)), withinMs);
  });
  try {
    const result = await Promise.race([attempt(), limit]);
    // It opened after all: close what it opened before failing the test.
    const closable = result as Partial<TargetSession> & Partial<SerialLink>;
    await closable.close?.();
    assert.fail('the port opened without an error');
  } catch (error) {
    if (error instanceof assert.AssertionError) throw error;
    assert.ok(error instanceof LinkError, `not a LinkError: ${(error as Error).stack}`);
    return { message: error.message, ms: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `body` without the headless terminal's complaints about the garbage it is fed. */
async function withoutXtermWarnings<T>(body: () => Promise<T>): Promise<T> {
  const { warn, error } = console;
  const filter = (original: (...args: unknown[]) => void) => (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('xterm.js: ')) return;
    original.apply(console, args);
  };
  console.warn = filter(warn);
  console.error = filter(error);
  try {
    return await body();
  } finally {
    console.warn = warn;
    console.error = error;
  }
}

/** One line, naming the port. */
function oneLine(message: string, port: string): void {
  assert.ok(!message.includes('\n'), `more than one line: ${JSON.stringify(message)}`);
  assert.ok(message.includes(port), `the port is not named: ${message}`);
  assert.ok(message.length < 300, `a line, not a report: ${message}`);
}

// The cases wait on different ports and processes: they run side by side.
describe('port errors', { concurrency: true }, () => {
  describe('a missing port', () => {
    test('openLink: one line naming the port; it does not exist, is the cable plugged in', async () => {
      for (const spec of [MISSING, `serial:${MISSING}`]) {
        const { message, ms } = await failure(() => openLink(spec), 2000);
        oneLine(message, MISSING);
        assert.match(message, /does not exist/);
        assert.match(message, /cable|twin/);
        assert.ok(ms < 2000, `${ms} ms`);
      }
    });

    test('openSerialSession: the same, before anything is sent', async () => {
      const { message } = await failure(() => openSerialSession(`serial:${MISSING}`, '2022', capabilities, serial), 2000);
      oneLine(message, MISSING);
      assert.match(message, /does not exist/);
    });

    test('a TCP terminal server that is not listening: refused, named, at once', async () => {
      const { message, ms } = await failure(() => openLink('tcp:127.0.0.1:1'), 6000);
      oneLine(message, 'tcp:127.0.0.1:1');
      assert.match(message, /refused/);
      assert.ok(ms < 2000, `${ms} ms`);
    });
  });

  describe('a busy port', () => {
    test('a pseudo-terminal another opener holds with serialport\'s lock: busy, named, at once', async () => {
      const { path } = await pty('busy', 'sleep 30');
      const holder = await openSerialPort(path);
      try {
        const direct = await failure(() => openLink(path), 2000);
        oneLine(direct.message, path);
        assert.match(direct.message, /busy/);
        assert.match(direct.message, /another program/);
        const session = await failure(() => openSerialSession(`serial:${path}`, '2022', capabilities, serial), 2000);
        oneLine(session.message, path);
        assert.match(session.message, /busy/);
      } finally {
        await holder.close();
      }
      // Once the holder lets go, the port opens.
      const again = await openSerialPort(path);
      await again.close();
    });
  });

  describe('a port that answers nothing', () => {
    test('ENTER gets no answer: one line naming the port, the likely causes, within the wake time', async () => {
      const { path } = await pty('silent', 'sleep 30');
      const { message, ms } = await failure(() => openSerialSession(`serial:${path}`, '2022', capabilities, serial), 10_000);
      oneLine(message, path);
      assert.match(message, /answered nothing/);
      // The guide: the appliance on, and rebooted after the console was connected.
      assert.match(message, /reboot/);
      assert.ok(ms < 8000, `${ms} ms`);
    });
  });

  // One after the other: both filter the terminal's warnings on the global console.
  describe('a port that answers garbage', { concurrency: false }, () => {
    test('random bytes in answer to ENTER: one line naming the port and the settings to check', async () => {
      const { path } = await pty('garbage', 'head -c 1 >/dev/null; head -c 700 /dev/urandom; sleep 30');
      const { message, ms } = await withoutXtermWarnings(() => failure(() => openSerialSession(`serial:${path}`, '2022', capabilities, serial), 10_000));
      oneLine(message, path);
      assert.match(message, /garbage/);
      assert.match(message, /9600 baud, 8 data bits, no parity, 2 stop bits/);
      assert.ok(ms < 8000, `${ms} ms`);
    });

    test('a device that never stops sending garbage (another device, or one at another speed): still an error within seconds', async () => {
      // 64 random bytes every 50 ms, for ever: the line never falls quiet.
      const { path, child } = await pty('chatter', 'while true; do head -c 64 /dev/urandom; sleep 0.05; done');
      // The terminal's warnings stay filtered until the attempt has settled.
      const attempt = withoutXtermWarnings(() => openSerialSession(`serial:${path}`, '2022', capabilities, serial));
      attempt.catch(() => {});
      try {
        const { message, ms } = await failure(() => attempt, 10_000);
        oneLine(message, path);
        assert.match(message, /garbage/);
        assert.ok(ms < 10_000, `${ms} ms`);
      } finally {
        // If the session is still waiting for the line to fall quiet, ending the chatter releases it.
        await stop(child);
        await Promise.race([attempt.then(async (s) => s.close(), () => {}), new Promise((r) => setTimeout(r, 3000))]);
      }
    });
  });

  describe('npm start against a missing port', () => {
    test('exits 2 with one line naming the port, and leaves the reports already there untouched', async () => {
      const reports = join(dir, 'reports');
      mkdirSync(reports, { recursive: true });
      // The summary a run against this target writes: the last run's must survive a run that cannot start.
      const marker = join(reports, 'summary-serial-nonexistent-ttyX.txt');
      writeFileSync(marker, 'the report of the last run\n');
      const before = { listing: readdirSync(reports), mtime: statSync(marker).mtimeMs };
      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn('npm', ['start', '--silent', '--', '--target', `serial:${MISSING}`, '--generation', '2022', '--reports', reports], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
        child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
      assert.equal(result.code, 2, `exit code; stderr: ${result.stderr}`);
      const lines = result.stderr.split('\n').filter((l) => l.trim() !== '');
      assert.equal(lines.length, 1, `one line: ${JSON.stringify(result.stderr)}`);
      oneLine(lines[0]!, MISSING);
      assert.match(lines[0]!, /^error: serial port \/nonexistent\/ttyX does not exist/);
      assert.equal(result.stdout.trim(), '', 'nothing ran, nothing to report');
      assert.deepEqual(readdirSync(reports), before.listing, 'the reports folder changed');
      assert.equal(readFileSync(marker, 'utf8'), 'the report of the last run\n');
      assert.equal(statSync(marker).mtimeMs, before.mtime);
    });
  });
});
