// The console on a Unix socket, as a terminal server's port (npm run twin -- --console unix
// --console-path <path>): one terminal at a time; a socket a process left behind when it died is
// taken over, one another process still listens on is not, nor a file of another kind.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { TcpTransport, TransportError } from './transports.ts';

const dir = mkdtempSync(join(tmpdir(), 'qsa-unix-console-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function client(path: string): Promise<{ socket: Socket; received: () => string }> {
  const socket = connect(path);
  let text = '';
  socket.on('data', (b: Buffer) => { text += b.toString('latin1'); });
  await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
  return { socket, received: () => text };
}

/** Waits (2 s at most) until `done()` holds. */
async function until(done: () => boolean): Promise<boolean> {
  const deadline = performance.now() + 2000;
  while (!done() && performance.now() < deadline) await sleep(10);
  return done();
}

describe('TcpTransport.listenUnix', () => {
  test('a socket left by a process that was killed is taken over; bytes go both ways; a second terminal is turned away', async () => {
    const path = join(dir, 'stale.sock');
    // A process listening there, killed so that it cannot remove its socket.
    const owner = spawn(process.execPath, ['-e', `require('node:net').createServer().listen(${JSON.stringify(path)}, () => console.log('up'))`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => owner.stdout.once('data', () => resolve()));
    owner.kill('SIGKILL');
    await new Promise<void>((resolve) => owner.once('exit', () => resolve()));
    assert.ok(lstatSync(path).isSocket());
    const transport = await TcpTransport.listenUnix(path);
    try {
      const got: string[] = [];
      transport.onData((bytes) => got.push(Buffer.from(bytes).toString('latin1')));
      const terminal = await client(path);
      terminal.socket.write('\r');
      assert.ok(await until(() => got.join('') === '\r'), JSON.stringify(got));
      transport.write(Buffer.from('\x1b[H screen'));
      assert.ok(await until(() => terminal.received() === '\x1b[H screen'), JSON.stringify(terminal.received()));
      const second = await client(path);
      assert.ok(await until(() => second.received().includes('in use')), second.received());
      terminal.socket.destroy();
      second.socket.destroy();
    } finally {
      transport.close();
    }
  });

  test('a socket something still listens on is an error, and stays', async () => {
    const path = join(dir, 'live.sock');
    const first = await TcpTransport.listenUnix(path);
    try {
      await assert.rejects(TcpTransport.listenUnix(path), (e: Error) => e instanceof TransportError && /another process listens there/.test(e.message));
      assert.ok(existsSync(path));
    } finally {
      first.close();
    }
  });

  test('a file that is not a socket is an error, and stays', async () => {
    const path = join(dir, 'file');
    writeFileSync(path, 'notes');
    await assert.rejects(TcpTransport.listenUnix(path), (e: Error) => e instanceof TransportError && /is not a socket/.test(e.message));
    assert.ok(existsSync(path));
  });
});
