// The relay from modeled services to real sockets: UDP datagrams, TCP with octet counting on one
// connection per service, no stand-in means no delivery, one spelling per IPv6 address, a new
// stand-in takes over, and close lets everything go.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import type { Socket as UdpSocket } from 'node:dgram';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { Relay } from './relay.ts';

/** A UDP socket on loopback collecting datagrams. */
async function udpListener(family: 'udp4' | 'udp6' = 'udp4') {
  const socket: UdpSocket = createSocket(family);
  const datagrams: string[] = [];
  const waiters: Array<() => void> = [];
  socket.on('message', (m) => { datagrams.push(m.toString('utf8')); waiters.splice(0).forEach((w) => w()); });
  await new Promise<void>((resolve) => socket.bind(0, family === 'udp4' ? '127.0.0.1' : '::1', resolve));
  return {
    port: socket.address().port,
    datagrams,
    until: (n: number) => new Promise<void>((resolve) => {
      const check = () => (datagrams.length >= n ? resolve() : waiters.push(check));
      check();
    }),
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

/** A TCP server on loopback collecting what each connection sends. */
async function tcpListener() {
  const connections: Array<{ socket: Socket; data: Buffer }> = [];
  const waiters: Array<() => void> = [];
  const server: Server = createServer((socket) => {
    const entry = { socket, data: Buffer.alloc(0) };
    connections.push(entry);
    socket.on('data', (d: Buffer) => { entry.data = Buffer.concat([entry.data, d]); waiters.splice(0).forEach((w) => w()); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  return {
    port: address.port,
    connections,
    text: () => Buffer.concat(connections.map((c) => c.data)).toString('utf8'),
    until: (check: () => boolean) => new Promise<void>((resolve) => {
      const again = () => (check() ? resolve() : waiters.push(again));
      again();
    }),
    close: () => {
      for (const c of connections) c.socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const syslog = { address: '198.18.10.60', port: 514 };

describe('Relay', { timeout: 5000 }, () => {
  test('UDP: one datagram per message to the stand-in', async () => {
    const listener = await udpListener();
    const relay = new Relay();
    try {
      relay.attach({ ...syslog, protocol: 'udp' }, { host: '127.0.0.1', port: listener.port });
      relay.send({ ...syslog, protocol: 'udp' }, '<30>1 - unit app - - - first');
      relay.send({ ...syslog, protocol: 'udp' }, '<30>1 - unit app - - - second, ü');
      await listener.until(2);
      assert.deepEqual(listener.datagrams.sort(), ['<30>1 - unit app - - - first', '<30>1 - unit app - - - second, ü']);
      assert.deepEqual(relay.sent.map((s) => s.delivered), [true, true]);
    } finally {
      relay.close();
      await listener.close();
    }
  });

  test('UDP to a stand-in on IPv6 loopback', async () => {
    const listener = await udpListener('udp6');
    const relay = new Relay();
    try {
      relay.attach({ ...syslog, protocol: 'udp' }, { host: '::1', port: listener.port });
      relay.send({ ...syslog, protocol: 'udp' }, 'over ::1');
      await listener.until(1);
      assert.deepEqual(listener.datagrams, ['over ::1']);
    } finally {
      relay.close();
      await listener.close();
    }
  });

  test('TCP: octet-counted frames (length in octets, not characters) on one connection', async () => {
    const listener = await tcpListener();
    const relay = new Relay();
    try {
      relay.attach({ ...syslog, protocol: 'tcp' }, { host: '127.0.0.1', port: listener.port });
      relay.send({ ...syslog, protocol: 'tcp' }, 'abc');
      relay.send({ ...syslog, protocol: 'tcp' }, 'ü é');
      const expected = '3 abc5 ü é';
      await listener.until(() => listener.text() === expected);
      assert.equal(listener.connections.length, 1);
    } finally {
      relay.close();
      await listener.close();
    }
  });

  test('no stand-in: the message goes nowhere, and says so', async () => {
    const listener = await udpListener();
    const relay = new Relay();
    try {
      relay.attach({ ...syslog, protocol: 'udp' }, { host: '127.0.0.1', port: listener.port });
      relay.send({ ...syslog, protocol: 'tcp' }, 'wrong protocol');
      relay.send({ ...syslog, port: 1514, protocol: 'udp' }, 'wrong port');
      relay.send({ address: '198.18.10.61', port: 514, protocol: 'udp' }, 'wrong host');
      relay.send({ ...syslog, protocol: 'udp' }, 'right');
      await listener.until(1);
      assert.deepEqual(listener.datagrams, ['right']);
      assert.deepEqual(relay.sent.map((s) => s.delivered), [false, false, false, true]);
    } finally {
      relay.close();
      await listener.close();
    }
  });

  test('an IPv6 service is the same whichever way its address is written', async () => {
    const listener = await udpListener();
    const relay = new Relay();
    try {
      relay.attach({ address: '2001:DB8:10:0:0::60', port: 514, protocol: 'udp' }, { host: '127.0.0.1', port: listener.port });
      relay.send({ address: '2001:db8:10::60', port: 514, protocol: 'udp' }, 'v6');
      await listener.until(1);
      assert.deepEqual(listener.datagrams, ['v6']);
    } finally {
      relay.close();
      await listener.close();
    }
  });

  test('a new stand-in takes over the service; a TCP stand-in that went away is reconnected to', async () => {
    const first = await tcpListener();
    const second = await tcpListener();
    const relay = new Relay();
    const service = { ...syslog, protocol: 'tcp' as const };
    try {
      relay.attach(service, { host: '127.0.0.1', port: first.port });
      relay.send(service, 'one');
      await first.until(() => first.text() === '3 one');
      relay.attach(service, { host: '127.0.0.1', port: second.port });
      relay.send(service, 'two');
      await second.until(() => second.text() === '3 two');
      assert.equal(first.text(), '3 one');
      // The server drops the connection: once the relay sees it gone, a message opens a new one
      // (what is written before it notices is lost, as with any TCP syslog client).
      second.connections[0]!.socket.destroy();
      const resend = setInterval(() => relay.send(service, 'three'), 5);
      try {
        await second.until(() => (second.connections[1]?.data.length ?? 0) > 0);
      } finally {
        clearInterval(resend);
      }
      assert.match(second.connections[1]!.data.toString(), /^(5 three)+$/);
    } finally {
      relay.close();
      await first.close();
      await second.close();
    }
  });
});
