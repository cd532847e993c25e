// The proxies squid cannot play, as the live lab's proxy host runs them (squid plays a tunnel,
// Basic authentication and 403): a proxy that answers CONNECT with another status, offers only
// authentication methods the appliance does not speak, closes the connection, speaks only SOCKS
// or another protocol, or terminates the TLS session itself (SSL bridging). Its order is the
// network model's (twin/network/path.ts): the connection, then authentication, then the status,
// then the way to the platform. Run in the proxy's container from the project mounted read-only:
//   node steps/support/lab/live/fault-proxy.ts <config.json>
// where the file holds a FaultProxyConfig. It prints "fault-proxy: listening" once it answers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer } from 'node:net';
import type { Socket } from 'node:net';
import { Resolver } from 'node:dns/promises';
import { TLSSocket } from 'node:tls';
import type { FaultProxyConfig } from './services.ts';

const REASONS: Record<number, string> = { 403: 'Forbidden', 407: 'Proxy Authentication Required', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
const answer = (status: number, headers: string[] = []) => [`HTTP/1.1 ${status} ${REASONS[status] ?? 'Status'}`, ...headers, 'Content-Length: 0', '', ''].join('\r\n');
/** SOCKS5: "no acceptable methods" to a greeting it could not read (an HTTP request). */
const SOCKS_REFUSAL = Buffer.from([0x05, 0xff]);
/** What an HTTP/2-only server sends first (its SETTINGS frame), whatever it was asked. */
const H2_SETTINGS = Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0]);

function basicCredentials(head: string): string | null {
  const match = /^proxy-authorization:\s*basic\s+(\S+)/im.exec(head);
  return match ? Buffer.from(match[1]!, 'base64').toString('utf8') : null;
}

/** A certificate of the proxy's own, self-signed (openssl is in the lab image): what SSL bridging shows the appliance. */
function ownCertificate(name: string): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fault-proxy-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '30',
      '-subj', `/CN=${name}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The CONNECT request's head, or null when the client sent something else or closed first. */
function requestHead(socket: Socket): Promise<string | null> {
  return new Promise((resolve) => {
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n') && head.length < 8192) return;
      socket.off('data', onData);
      socket.pause();
      resolve(head);
    };
    socket.on('data', onData);
    socket.once('close', () => resolve(null));
    socket.once('error', () => resolve(null));
  });
}

/** The proxy's own connection to the CONNECT's target, or how it failed. */
async function openUpstream(host: string, port: number, nameservers: string[]): Promise<Socket | 'refused' | 'silent'> {
  let address = host;
  if (!/^[\d.]+$/.test(host) && !host.includes(':')) {
    const resolver = new Resolver({ timeout: 2000, tries: 1 });
    if (nameservers.length > 0) resolver.setServers(nameservers);
    const found = await resolver.resolve4(host).catch(() => resolver.resolve6(host)).catch(() => []);
    if (found.length === 0) return 'refused';
    address = found[0]!;
  }
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, timeout: 30_000 });
    socket.once('connect', () => { socket.setTimeout(0); resolve(socket); });
    socket.once('timeout', () => { socket.destroy(); resolve('silent'); });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED' ? 'refused' : 'silent'));
  });
}

export async function startFaultProxy(config: FaultProxyConfig): Promise<ReturnType<typeof createServer>> {
  const { proxy, nameservers } = config;
  const bridging = proxy.behaviour === 'ssl-bridging' ? ownCertificate(proxy.hostname ?? 'proxy.lab.test') : null;
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    void (async () => {
      const head = await requestHead(socket);
      if (head === null) return;
      switch (proxy.behaviour) {
        case 'close': return socket.destroy();
        case 'socks': return socket.end(SOCKS_REFUSAL);
        case 'no-http1': return socket.end(H2_SETTINGS);
        default: break;
      }
      if (proxy.auth.kind === 'unsupported') return socket.end(answer(407, ['Proxy-Authenticate: Negotiate', 'Proxy-Authenticate: NTLM']));
      if (proxy.auth.kind === 'basic' && basicCredentials(head) !== `${proxy.auth.user}:${proxy.auth.password}`) {
        return socket.end(answer(407, ['Proxy-Authenticate: Basic realm="lab proxy"']));
      }
      if (proxy.status !== null) return socket.end(answer(proxy.status));
      const target = /^CONNECT\s+(\S+):(\d+)\s/i.exec(head);
      if (!target) return socket.end(answer(400));
      // Like any proxy, it opens its own connection to the platform first.
      const upstream = await openUpstream(target[1]!.replace(/^\[|\]$/g, ''), Number(target[2]), nameservers);
      if (upstream === 'refused') return socket.end(answer(503));
      if (upstream === 'silent') return socket.end(answer(504));
      socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
      if (!bridging) {
        upstream.on('error', () => socket.destroy());
        socket.pipe(upstream).pipe(socket);
        return socket.resume();
      }
      upstream.destroy();
      // SSL bridging: the TLS session ends here, with the proxy's own certificate.
      const tls = new TLSSocket(socket, { isServer: true, key: bridging.key, cert: bridging.cert });
      tls.on('error', () => socket.destroy());
      socket.resume();
    })();
  });
  const host = proxy.address;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(proxy.port, host, () => resolve());
  });
  return server;
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node steps/support/lab/live/fault-proxy.ts <config.json>\n');
    process.exit(2);
  }
  await startFaultProxy(JSON.parse(readFileSync(file, 'utf8')) as FaultProxyConfig);
  process.stdout.write(`fault-proxy: listening on ${process.argv[2]}\n`);
}
