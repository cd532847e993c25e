// The twin on a real network stack (twin-live): the interface the modeled network implements
// (interface.ts), answered by real I/O on the host's interfaces, as the twin runs in a container
// of the live lab: dhclient asks the lab's DHCP server, DNS queries go to the configured servers,
// TCP and TLS reach the platform through the lab's router, or an HTTP proxy's CONNECT tunnel with
// Basic authentication; arping probes for another host on the address; syslog goes out as UDP
// datagrams or TCP. Each condition is named from what the real failure was (refused, silent,
// reset, the proxy's status, the certificate). What the appliance checks of its own settings
// before sending anything is path.ts's, the same as the model's.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as connectTls } from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';
import { isIpv4, isIpv6, prefixOfNetmask } from '../../fixtures/addresses.ts';
import type { Attachment, Condition, Connection, Egress, Ipv6Lease, Lease, Network, Port, ScanRoutes } from './interface.ts';
import { CONNECT_TIMEOUT_S, certificateErrorCodes } from './interface.ts';
import type { Addressing } from './path.ts';
import { DNS_TIMEOUT_S, managementAddressing, proxyAddress, proxyCredentials } from './path.ts';

export interface RealInterfaces {
  /** The LAN port's interface (the live lab names it lan0), and the WAN's if it has one. */
  lan: string;
  wan: string | null;
  /** The platform's CA (PEM): the certificate the appliance trusts. */
  ca: string;
  /**
   * How many times real time the twin's clock runs: a silent peer is waited for the guide's 30
   * seconds (DNS servers, the twin's 10) of that clock. On a lab's LAN anything that answers does
   * so within milliseconds.
   */
  speed: number;
}

const PLATFORM_PORT = 443;
/** Real seconds a DHCP client asks at least (a server just restarted may miss the first DISCOVER). */
const DHCP_MIN_S = 3;

type Established = { ok: true; socket: TLSSocket; via: Port; address: string } | { ok: false; condition: Condition; code?: number; detail?: string };

const stopped = (condition: Condition, code?: number): Established => (code === undefined ? { ok: false, condition } : { ok: false, condition, code });

/** Runs a command, resolving with its exit status and output (never rejecting). */
function run(command: string, args: string[], timeoutMs: number): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ status, output: `${stdout}${stderr}` });
    });
  });
}

/** One TCP connection: open, or how it failed (refused, silent, no route). */
function tcp(address: string, port: number, source: string | undefined, silenceMs: number): Promise<{ socket: Socket } | { error: 'refused' | 'silent'; detail: string }> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host: address, port, ...(source ? { localAddress: source } : {}) });
    const timer = setTimeout(() => { socket.destroy(); resolve({ error: 'silent', detail: `no answer from ${address}:${port} within ${silenceMs} ms` }); }, silenceMs);
    socket.once('connect', () => { clearTimeout(timer); resolve({ socket }); });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      // No route is a silent network to the appliance: nothing ever answers (as the model says).
      resolve({ error: error.code === 'ECONNREFUSED' ? 'refused' : 'silent', detail: `${address}:${port} from ${source ?? 'any'}: ${error.code ?? error.message}` });
    });
  });
}

/** Reads an HTTP response head from a socket: its status, or why there was none. */
type ResponseHead = { status: number; head: string } | { error: 'closed' | 'silent' | 'not-http1' };

function responseHead(socket: Socket, silenceMs: number): Promise<ResponseHead> {
  return new Promise((resolve) => {
    let head = '';
    const done = (result: ResponseHead) => {
      clearTimeout(timer);
      socket.removeAllListeners('data');
      socket.removeAllListeners('close');
      socket.removeAllListeners('error');
      resolve(result);
    };
    const timer = setTimeout(() => done({ error: 'silent' }), silenceMs);
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0 && head.length < 8192) return;
      socket.pause();
      const match = /^HTTP\/1\.[01] (\d{3}) /.exec(head);
      done(match ? { status: Number(match[1]), head } : { error: 'not-http1' });
    });
    // Bytes that are not HTTP, then the end (a SOCKS server's refusal), are another protocol.
    socket.once('close', () => done(head.length > 0 && !head.startsWith('HTTP/') ? { error: 'not-http1' } : { error: 'closed' }));
    socket.once('error', () => done({ error: 'closed' }));
  });
}

/**
 * Whether another host answers ARP for `address` (duplicate address detection, arping -D). A host
 * on the LAN answers within milliseconds; after ARP_WAIT_MS of silence the address is free.
 */
function answeredFor(iface: string, address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = spawn('arping', ['-D', '-f', '-q', '-c', '3', '-w', '1', '-I', iface, address], { stdio: 'ignore' });
    const timer = setTimeout(() => { probe.kill(); resolve(false); }, ARP_WAIT_MS);
    // Exit status 1: a reply came (or arping could not run, which is no duplicate found).
    probe.once('exit', (code) => { clearTimeout(timer); resolve(code === 1); });
    probe.once('error', () => { clearTimeout(timer); resolve(false); });
  });
}

const ARP_WAIT_MS = 200;

/**
 * The TLS handshake with the platform over an open connection. A reset before anything came back
 * is data the appliance could not send (55); silence after it sent is data it never received (56).
 */
function handshake(socket: Socket, servername: string, ca: string, silenceMs: number): Promise<{ socket: TLSSocket } | { condition: Condition }> {
  return new Promise((resolve) => {
    let received = false;
    socket.on('data', () => { received = true; });
    const secured = connectTls({ socket, servername, ca });
    const timer = setTimeout(() => { secured.destroy(); resolve({ condition: 'platform-receive-failed' }); }, silenceMs);
    secured.once('secureConnect', () => { clearTimeout(timer); resolve({ socket: secured }); });
    secured.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const code = error.code ?? '';
      if (certificateErrorCodes.has(code)) resolve({ condition: 'platform-ssl-cert' });
      else if (code === 'ECONNRESET' || code === 'EPIPE') resolve({ condition: received ? 'platform-receive-failed' : 'platform-send-failed' });
      else resolve({ condition: 'platform-ssl-handshake' });
    });
  });
}

/** The error a fetch fails with for a condition, as transportCondition (agent.ts) reads it back. */
function transportError(condition: Condition): Error {
  const codes: Partial<Record<Condition, string>> = {
    'platform-refused': 'ECONNREFUSED', 'platform-timeout': 'ETIMEDOUT', 'platform-send-failed': 'ECONNRESET',
    'platform-ssl-cert': 'CERT_UNTRUSTED', 'platform-ssl-handshake': 'EPROTO',
  };
  return Object.assign(new Error(`the connection to the platform failed: ${condition}`), { code: codes[condition] ?? 'ERECEIVE' });
}

export class RealNetwork implements Network {
  readonly #ports: RealInterfaces;
  readonly #leases = mkdtempSync(join(tmpdir(), 'qsa-dhclient-'));
  /** What each interface holds now ("address/prefix via gateway"), so that only changes are applied. */
  readonly #applied = new Map<string, string>();
  /** Addresses another host answered for when probed (probed again at each contact until free). */
  readonly #taken = new Set<string>();
  /** The attachment of the last contact: the agent's fetch takes the same way. */
  #last: Attachment | null = null;

  /** Real milliseconds a silent peer is waited for, and silent DNS servers. */
  readonly #silenceMs: number;
  readonly #dnsSilenceMs: number;

  constructor(ports: RealInterfaces) {
    this.#ports = ports;
    this.#silenceMs = (CONNECT_TIMEOUT_S * 1000) / ports.speed;
    this.#dnsSilenceMs = (DNS_TIMEOUT_S * 1000) / ports.speed;
    for (const iface of [ports.lan, ports.wan]) if (iface) spawnSync('ip', ['link', 'set', iface, 'up']);
    process.on('exit', () => rmSync(this.#leases, { recursive: true, force: true }));
  }

  #iface(port: Port): string | null {
    return port === 'LAN' ? this.#ports.lan : this.#ports.wan;
  }

  /** Whether the port's cable is in: the kernel's carrier. */
  #carrier(iface: string): boolean {
    try {
      return readFileSync(`/sys/class/net/${iface}/carrier`, 'utf8').trim() === '1';
    } catch {
      return false;
    }
  }

  async requestLease(port: Port, vlan: number, _link: string): Promise<Lease | null> {
    const iface = this.#iface(port);
    // VLAN tags and forced link settings are not realized here (the live lab's statement says so).
    if (!iface || vlan !== 0 || !this.#carrier(iface)) return null;
    // A new lease is a new address for the interface: it is probed again before it is used.
    this.#applied.delete(iface);
    const leaseFile = join(this.#leases, `${iface}.leases`);
    const config = join(this.#leases, `${iface}.conf`);
    rmSync(leaseFile, { force: true });
    // Asks once, for at least 3 s (a server just restarted may miss the first DISCOVER); the lease
    // is applied by #apply, not by a script.
    const seconds = Math.max(DHCP_MIN_S, Math.ceil(this.#silenceMs / 1000));
    writeFileSync(config, `timeout ${seconds};\nretry 0;\nrequest subnet-mask, routers, domain-name-servers, netbios-name-servers;\n`);
    // dhclient does not always stop at its own timeout: it is stopped a little after it.
    await run('dhclient', ['-4', '-1', '-sf', '/bin/true', '-cf', config, '-lf', leaseFile, '-pf', join(this.#leases, `${iface}.pid`), iface], seconds * 1000 + 300);
    run('dhclient', ['-x', '-pf', join(this.#leases, `${iface}.pid`)], 5000).catch(() => {});
    let text: string;
    try {
      text = readFileSync(leaseFile, 'utf8');
    } catch {
      return null;
    }
    const block = text.split('lease {').at(-1) ?? '';
    const option = (name: string) => new RegExp(`option ${name} ([^;]+);`).exec(block)?.[1]?.split(',').map((s) => s.trim()) ?? [];
    const ip = /fixed-address ([^;]+);/.exec(block)?.[1];
    const netmask = option('subnet-mask')[0];
    if (!ip || !netmask) return null;
    return { ip, netmask, gateway: option('routers')[0] ?? null, dns: option('domain-name-servers'), wins: option('netbios-name-servers') };
  }

  async requestIpv6(vlan: number, _link: string): Promise<Ipv6Lease | null> {
    const iface = this.#ports.lan;
    if (vlan !== 0 || !this.#carrier(iface)) return null;
    // The kernel takes router advertisements itself (SLAAC): the global address it formed, if any.
    spawnSync('sysctl', ['-qw', `net.ipv6.conf.${iface}.accept_ra=2`, `net.ipv6.conf.${iface}.autoconf=1`]);
    const deadline = Date.now() + this.#silenceMs;
    for (;;) {
      const { output } = await run('ip', ['-j', '-6', 'addr', 'show', 'dev', iface, 'scope', 'global'], 5000);
      const info = (JSON.parse(output || '[]') as Array<{ addr_info: Array<{ local: string; prefixlen: number }> }>)[0]?.addr_info[0];
      if (info) {
        const { output: routes } = await run('ip', ['-j', '-6', 'route', 'show', 'default', 'dev', iface], 5000);
        const gateway = (JSON.parse(routes || '[]') as Array<{ gateway?: string }>)[0]?.gateway ?? null;
        return { address: info.local, prefix: info.prefixlen, gateway, dns: [] };
      }
      if (Date.now() > deadline) return null;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /**
   * Puts the management addressing on the interfaces (only what changed), after probing with ARP
   * that no other host answers for the address. False: another host has it.
   */
  async #apply(host: Attachment, addressing: Addressing): Promise<boolean> {
    const wanted: Array<{ iface: string; cidr: string; gateway: string | null }> = [];
    if (host.mode !== 'ipv6-only') {
      const lan = host.lan.ipv4;
      if (lan) wanted.push({ iface: this.#ports.lan, cidr: `${lan.ip}/${prefixOfNetmask(lan.netmask)}`, gateway: addressing.side === 'lan' ? lan.gateway || null : null });
      const wan = host.wan?.ipv4;
      if (wan && this.#ports.wan) wanted.push({ iface: this.#ports.wan, cidr: `${wan.ip}/${prefixOfNetmask(wan.netmask)}`, gateway: wan.gateway || null });
    }
    for (const { iface, cidr, gateway } of wanted) {
      const key = `${cidr} via ${gateway ?? '-'}`;
      const address = cidr.split('/')[0]!;
      if (this.#applied.get(iface) === key && !this.#taken.has(address)) continue;
      if (this.#applied.get(iface)?.split(' ')[0] !== cidr || this.#taken.has(address)) {
        await run('ip', ['addr', 'flush', 'dev', iface, 'scope', 'global'], 5000);
        this.#applied.delete(iface);
        if (await answeredFor(iface, address)) {
          this.#taken.add(address);
          return false;
        }
        this.#taken.delete(address);
        await run('ip', ['addr', 'add', cidr, 'dev', iface], 5000);
      }
      await run('ip', ['route', 'del', 'default', 'dev', iface], 5000);
      // A gateway off the subnet cannot be used: no default route, and nothing leaves.
      if (gateway && gateway !== '0.0.0.0') await run('ip', ['route', 'replace', 'default', 'via', gateway, 'dev', iface], 5000);
      this.#applied.set(iface, key);
    }
    return true;
  }

  /** A name looked up on the servers: the address, or whether none answered or the name does not exist. */
  async #lookup(servers: string[], name: string, family: 4 | 6): Promise<{ address: string } | { error: 'unreachable' | 'failed' }> {
    const resolver = new Resolver({ timeout: Math.max(1, Math.round(this.#dnsSilenceMs)), tries: 1 });
    resolver.setServers(servers);
    try {
      const [address] = family === 6 ? await resolver.resolve6(name) : await resolver.resolve4(name);
      return address ? { address } : { error: 'failed' };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { error: code === 'ENOTFOUND' || code === 'ENODATA' || code === 'ENONAME' ? 'failed' : 'unreachable' };
    }
  }

  async resolve(host: Attachment, name: string): Promise<string | null> {
    const addressing = managementAddressing(host);
    if ('ok' in addressing || addressing.dns.length === 0) return null;
    const found = await this.#lookup(addressing.dns, name, isIpv6(addressing.address) ? 6 : 4);
    return 'address' in found ? found.address : null;
  }

  /** The way to the platform over the real network: a TLS connection, or the condition that stopped it. */
  async #establish(host: Attachment, platformHost: string): Promise<Established> {
    // The management interface's cable first, as a unit's network stack meets it (path.ts too).
    const S = host.wan === null ? 'lan' : 'wan';
    const iface = S === 'lan' ? this.#ports.lan : this.#ports.wan;
    if (!iface || !this.#carrier(iface)) return stopped(`${S}-no-carrier`);
    const addressing = managementAddressing(host);
    if ('ok' in addressing) return stopped(addressing.condition, addressing.code);
    if (!(await this.#apply(host, addressing))) return stopped('duplicate-ip');
    if (addressing.dns.length === 0) return stopped(`${S}-no-dns`);
    const family = isIpv6(addressing.address) ? 6 : 4;
    const platform = await this.#lookup(addressing.dns, platformHost, family);
    if ('error' in platform && platform.error === 'unreachable') return stopped(`${S}-dns-unreachable`);
    const silence = this.#silenceMs;
    const via: Port = S === 'lan' ? 'LAN' : 'WAN';
    let socket: Socket;
    if (host.proxy) {
      const name = host.proxy.host.toLowerCase();
      const found = isIpv4(name) || isIpv6(name) ? null : await this.#lookup(addressing.dns, name, family);
      const address = proxyAddress(host, () => (found && 'address' in found ? found.address : null), S);
      if (typeof address !== 'string') return stopped(address.condition, address.code);
      const auth = proxyCredentials(host);
      if (auth) return stopped(auth.condition);
      const opened = await tcp(address, host.proxy.port, addressing.address, silence);
      if ('error' in opened) return stopped(opened.error === 'refused' ? 'proxy-refused' : 'proxy-timeout');
      socket = opened.socket;
      const credentials = host.proxy.user ? `Proxy-Authorization: Basic ${Buffer.from(`${host.proxy.user}:${host.proxy.password}`).toString('base64')}\r\n` : '';
      socket.write(`CONNECT ${platformHost}:${PLATFORM_PORT} HTTP/1.1\r\nHost: ${platformHost}:${PLATFORM_PORT}\r\n${credentials}\r\n`);
      const head = await responseHead(socket, silence);
      if ('error' in head) {
        socket.destroy();
        // The proxy took the request and said nothing: the platform's side never answered it.
        return stopped(head.error === 'closed' ? 'proxy-closed' : head.error === 'not-http1' ? 'proxy-no-http1' : 'platform-timeout');
      }
      if (head.status !== 200) {
        socket.destroy();
        // Asked to authenticate only by methods it does not speak (Basic is the one it has).
        if (head.status === 407 && !/^proxy-authenticate:\s*basic\b/im.test(head.head)) return stopped('proxy-no-auth-method');
        return stopped('proxy-http', head.status);
      }
    } else {
      if ('error' in platform) return stopped(`${S}-dns-failed`);
      const opened = await tcp(platform.address, PLATFORM_PORT, addressing.address, silence);
      if ('error' in opened) return { ...stopped(opened.error === 'refused' ? 'platform-refused' : 'platform-timeout'), detail: opened.detail } as Established;
      socket = opened.socket;
    }
    const secured = await handshake(socket, platformHost, this.#ports.ca, silence);
    if ('condition' in secured) {
      socket.destroy();
      return stopped(secured.condition);
    }
    return { ok: true, socket: secured.socket, via, address: addressing.address };
  }

  async connect(host: Attachment, platformHost: string): Promise<Connection> {
    this.#last = host;
    const way = await this.#establish(host, platformHost);
    // What the real network did, for the unit's log (a lab reads it beside the screens).
    process.stderr.write(`network: ${platformHost}: ${way.ok ? `reached via ${way.via} from ${way.address}` : `${way.condition}${way.code === undefined ? '' : ` ${way.code}`}${way.detail ? ` (${way.detail})` : ''}`}\n`);
    if (!way.ok) return way.code === undefined ? { ok: false, condition: way.condition, seconds: 0 } : { ok: false, condition: way.condition, code: way.code, seconds: 0 };
    way.socket.destroy();
    // The time was spent for real, on the clock the appliance runs on.
    return { ok: true, via: way.via, address: way.address, seconds: 0 };
  }

  /**
   * The agent's fetch: each connection takes the way the last contact took (the same DNS servers,
   * proxy and TLS checks), so that an exchange meets the network the contact met.
   */
  get fetch(): (input: string, init: RequestInit) => Promise<Response> {
    const silence = this.#silenceMs;
    const dispatcher = new Agent({
      // A platform that stops answering is given up as the appliance gives up any silent peer.
      headersTimeout: silence,
      bodyTimeout: silence,
      // A connection per request, as each contact opens its own: one kept alive from before a
      // change of address would lead nowhere.
      pipelining: 0,
      connect: (options, callback) => {
        const host = this.#last;
        if (!host) return callback(transportError('platform-timeout'), null);
        this.#establish(host, options.hostname).then(
          (way) => (way.ok ? callback(null, way.socket) : callback(transportError(way.condition), null)),
          (error: Error) => callback(error, null),
        );
      },
    });
    return async (input, init) => await undiciFetch(input, { ...init, dispatcher } as Parameters<typeof undiciFetch>[1]) as unknown as Response;
  }

  /** The interface the kernel would send a packet to `address` on (the live lab has no VLANs). */
  route(host: Attachment, _routes: ScanRoutes | null, address: string): Egress | null {
    const found = spawnSync('ip', ['-j', 'route', 'get', address], { encoding: 'utf8' });
    const route = found.status === 0 ? (JSON.parse(found.stdout) as Array<{ dev?: string; prefsrc?: string }>)[0] : undefined;
    if (!route?.dev) return null;
    const port: Port | null = route.dev === this.#ports.lan ? 'LAN' : route.dev === this.#ports.wan ? 'WAN' : null;
    if (!port) return null;
    return { port, vlan: 0, source: route.prefsrc ?? (port === 'LAN' ? host.lan.ipv4?.ip ?? '' : host.wan?.ipv4?.ip ?? '') };
  }

  /** Scan packets are not sent by the twin; the way one would leave is the kernel's route. */
  probe(host: Attachment, routes: ScanRoutes | null, packet: { jobId: string; target: string }): Egress | null {
    return this.route(host, routes, packet.target);
  }

  /** A syslog message, as a datagram or on a TCP connection (octet-counted, RFC 6587). */
  async send(host: Attachment, routes: ScanRoutes | null, to: { address: string; protocol: 'udp' | 'tcp'; port: number }, message: string): Promise<boolean> {
    if (!this.route(host, routes, to.address)) return false;
    if (to.protocol === 'udp') {
      const socket = createSocket(isIpv6(to.address) ? 'udp6' : 'udp4');
      return new Promise((resolve) => socket.send(message, to.port, to.address, (error) => { socket.close(); resolve(!error); }));
    }
    const opened = await tcp(to.address, to.port, undefined, this.#silenceMs);
    if ('error' in opened) return false;
    return new Promise((resolve) => opened.socket.end(`${Buffer.byteLength(message)} ${message}`, () => resolve(true)));
  }
}
