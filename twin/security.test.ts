// The twin stands in for an appliance that "does not allow incoming logins or connections from
// the network" (ERRATA-400): the twin process itself must listen on nothing the lab's networks
// reach. Its sockets are read from /proc (the process's and its children's file descriptors,
// matched by inode against /proc/<pid>/net/tcp, tcp6, udp and udp6): every TCP socket in LISTEN
// and every unconnected UDP socket must be bound to a loopback address; unix sockets reach no
// network.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import type { Socket as UdpSocket } from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, test } from 'node:test';
import { Relay } from './network/relay.ts';

const root = join(import.meta.dirname, '..');

/** A socket of a process, as the kernel lists it. */
interface OpenSocket {
  table: 'tcp' | 'tcp6' | 'udp' | 'udp6';
  address: string;
  port: number;
  /** Takes connections (TCP LISTEN) or datagrams (unconnected UDP) from any host that reaches its address. */
  listening: boolean;
}

/** "0100007F:1F90" -> 127.0.0.1 port 8080; IPv6 addresses are four little-endian 32-bit words. */
export function procAddress(hex: string): { address: string; port: number } {
  const [host, port] = hex.split(':') as [string, string];
  const words = host.match(/.{8}/g) ?? [];
  const bytes = words.flatMap((w) => (w.match(/../g) ?? []).reverse().map((b) => parseInt(b, 16)));
  if (bytes.length === 4) return { address: bytes.join('.'), port: parseInt(port, 16) };
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i]! << 8) | bytes[2 * i + 1]!).toString(16));
  const mapped = groups.slice(0, 5).every((g) => g === '0') && groups[5] === 'ffff';
  if (mapped) return { address: `::ffff:${bytes.slice(12).join('.')}`, port: parseInt(port, 16) };
  // The longest run of zero groups (two or more) is written "::".
  let best = { start: -1, length: 1 };
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length) best = { start: i, length: j - i };
  }
  const compressed = best.start < 0 ? groups.join(':') : `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
  return { address: compressed, port: parseInt(port, 16) };
}

export function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === '::1' || /^::ffff:127\./.test(address);
}

/** The process and its children (socat behind the pseudo-terminal), by /proc/<pid>/stat's parent. */
function family(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* gone meanwhile */ }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) for (const [child, parent] of parents) if (parent === out[i]) out.push(child);
  return out;
}

function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch { /* closed meanwhile */ }
  }
  return inodes;
}

/** The IP sockets of `pid` and its children. */
export function openSockets(pid: number): OpenSocket[] {
  const inodes = new Set(family(pid).flatMap((p) => [...socketInodes(p)]));
  const out: OpenSocket[] = [];
  for (const table of ['tcp', 'tcp6', 'udp', 'udp6'] as const) {
    const file = `/proc/${pid}/net/${table}`;
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10 || !inodes.has(f[9]!)) continue;
      const local = procAddress(f[1]!);
      const remote = procAddress(f[2]!);
      const state = f[3]!;
      const unconnected = remote.port === 0 && /^(0\.0\.0\.0|::)$/.test(remote.address);
      out.push({ table, ...local, listening: table.startsWith('tcp') ? state === '0A' : unconnected });
    }
  }
  return out;
}

const exposed = (sockets: OpenSocket[]) => sockets.filter((s) => s.listening && !isLoopback(s.address)).map((s) => `${s.table} ${s.address}:${s.port}`);

describe('reading a process\'s sockets from /proc', () => {
  test('addresses decode from the kernel\'s hexadecimal', () => {
    assert.deepEqual(procAddress('0100007F:1F90'), { address: '127.0.0.1', port: 8080 });
    assert.deepEqual(procAddress('00000000:0016'), { address: '0.0.0.0', port: 22 });
    assert.deepEqual(procAddress('00000000000000000000000001000000:01BB'), { address: '::1', port: 443 });
    assert.deepEqual(procAddress('00000000000000000000000000000000:0000'), { address: '::', port: 0 });
    assert.deepEqual(procAddress('0000000000000000FFFF00000100007F:0050'), { address: '::ffff:127.0.0.1', port: 80 });
    assert.deepEqual(procAddress('B80D0120000000000000000020000000:0202'), { address: '2001:db8::20', port: 514 });
  });

  test('the check can fail: sockets on every interface are found, loopback ones pass', async () => {
    const open = async (host: string): Promise<Server> => {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, host, resolve));
      return server;
    };
    const everywhere = await open('0.0.0.0');
    const local = await open('127.0.0.1');
    const udp: UdpSocket = createSocket('udp4');
    await new Promise<void>((resolve) => udp.bind(0, '0.0.0.0', resolve));
    try {
      const sockets = openSockets(process.pid);
      const port = (s: Server) => (s.address() as { port: number }).port;
      assert.ok(exposed(sockets).includes(`tcp 0.0.0.0:${port(everywhere)}`), JSON.stringify(sockets));
      assert.ok(exposed(sockets).includes(`udp 0.0.0.0:${udp.address().port}`), JSON.stringify(sockets));
      assert.ok(sockets.some((s) => s.listening && s.address === '127.0.0.1' && s.port === port(local)));
      assert.ok(!exposed(sockets).some((e) => e.endsWith(`:${port(local)}`)));
    } finally {
      everywhere.close();
      local.close();
      udp.close();
    }
  });
});

/** One request on the twin's control socket (JSON, one line each way). */
function request(socketPath: string, op: string, args: Record<string, unknown> | unknown[] = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (!buffer.includes('\n')) return;
      socket.end();
      const answer = JSON.parse(buffer.slice(0, buffer.indexOf('\n'))) as { result?: unknown; error?: string };
      if (answer.error) reject(new Error(answer.error));
      else resolve(answer.result);
    });
    socket.on('error', reject);
    socket.write(JSON.stringify({ id: 1, op, args }) + '\n');
  });
}

describe('the twin process listens on nothing the lab\'s networks reach', () => {
  test('started as the twin-serial target starts it, with a unit booted and the portal served: only loopback and unix sockets', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qsa-security-'));
    const control = join(dir, 'bench.sock');
    const child = spawn(process.execPath, [join(root, 'twin', 'main.ts'), '--generation', '2022', '--console', 'pty', '--console-path', join(dir, 'console'), '--control', control], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const ready = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 20_000);
        createInterface({ input: child.stdout! }).on('line', (l) => { if (l.startsWith('control: ')) { clearTimeout(timer); resolve(true); } });
        child.once('exit', () => { clearTimeout(timer); resolve(false); });
      });
      assert.ok(ready, 'the twin process did not start');
      await request(control, 'reset', { generation: '2022', powerOn: true, booted: true });
      const portal = await request(control, 'platform.portal', []) as { url: string };
      assert.equal(await request(control, 'network.connectInbound', [{ port: 'LAN', protocol: 'tcp', number: 22 }]), 'refused');
      const sockets = openSockets(child.pid!);
      const platformPort = Number(new URL(portal.url).port);
      assert.ok(sockets.some((s) => s.listening && s.port === platformPort), `the platform's server (${portal.url}) is not among the sockets read: ${JSON.stringify(sockets)}`);
      assert.deepEqual(exposed(sockets), [], 'sockets of the twin process that take connections from beyond this machine');
    } finally {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the syslog relay sends from a socket bound to loopback only', async () => {
    const receiver = createSocket('udp4');
    await new Promise<void>((resolve) => receiver.bind(0, '127.0.0.1', resolve));
    const got = new Promise<void>((resolve) => receiver.once('message', () => resolve()));
    const relay = new Relay();
    try {
      const service = { address: '198.18.10.60', protocol: 'udp' as const, port: 514 };
      relay.attach(service, { host: '127.0.0.1', port: receiver.address().port });
      relay.send(service, '<30>1 - test');
      await got;
      assert.deepEqual(exposed(openSockets(process.pid)), []);
    } finally {
      relay.close();
      receiver.close();
    }
  });
});
