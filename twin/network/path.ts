// How the appliance reaches the Qualys Cloud Platform through the modeled network, step by step
// as a real appliance meets it (link, VLAN, address, duplicate address, gateway, DNS, proxy, TLS,
// HTTP), and the condition that stops it. Conditions are names; each firmware profile says how
// its screens report them. The network is the lab's spec itself (one state model); the appliance
// is what interface.ts says it is, never its configuration module.
import { canonicalIpv6, firstOctet, ipv4SubnetEnds, isIpv4, isIpv6, prefixOfCidr, prefixOfNetmask, sameIpv4Network } from '../../fixtures/addresses.ts';
import type { NetworkSpec, SubnetSpec } from '../../fixtures/networks.ts';
import type { Attachment, Condition, Connection, Ipv6Lease, Lease } from './interface.ts';
import { CONNECT_TIMEOUT_S } from './interface.ts';

/** Seconds the appliance waits for DNS servers that do not answer before it gives them up. */
export const DNS_TIMEOUT_S = 10;

/** A connection that stopped, and where. */
export type Stopped = Extract<Connection, { ok: false }>;

const fail = (condition: Condition, seconds = 1, code?: number): Stopped => (code === undefined ? { ok: false, condition, seconds } : { ok: false, condition, code, seconds });

// ---------------------------------------------------------------------------------------------
// Subnets, by the lab's reading of addresses (fixtures/addresses.ts).

/** The prefix length of a netmask the appliance holds (the editor's list, a lease, the platform's checked ones). */
export function prefixOf(netmask: string): number {
  const prefix = prefixOfNetmask(netmask);
  if (prefix === null) throw new RangeError(`not a netmask: ${netmask}`);
  return prefix;
}

/** An address a host can use on its subnet: not 0.0.0.0, loopback, multicast, or the subnet's own network or broadcast address. */
export function usableHost(address: string, netmask: string): boolean {
  if (!isIpv4(address)) return false;
  const first = firstOctet(address);
  if (address === '0.0.0.0' || first === 127 || first >= 224) return false;
  const prefix = prefixOf(netmask);
  // No subnet (a proxy's address is judged alone), or a point-to-point one: no network or
  // broadcast address to exclude.
  if (prefix === 0 || prefix >= 31) return true;
  const { network, broadcast } = ipv4SubnetEnds(address, prefix);
  return address !== network && address !== broadcast;
}

// ---------------------------------------------------------------------------------------------
// The lab as the appliance meets it.

/** The subnet a port reaches with the appliance's VLAN setting (the trunk's, or untagged). */
export function subnetOn(net: NetworkSpec, side: 'lan' | 'wan', vlan: number): SubnetSpec | null {
  const port = net[side];
  const name = vlan === 0 ? port.untagged : port.vlans[String(vlan)] ?? null;
  return name === null ? null : net.subnets[name] ?? null;
}

/** Whether the link comes up between the appliance's setting and the switch port's. */
export function linkState(appliance: string, partner: string): 'up' | 'down' | 'lossy' {
  if (appliance === 'AUTO' && partner === 'AUTO') return 'up';
  const [aSpeed, aDuplex] = appliance.split('/');
  const [pSpeed, pDuplex] = partner.split('/');
  if (appliance === 'AUTO' || partner === 'AUTO') {
    // Parallel detection finds the forced side's speed; the auto side falls back to half
    // duplex, which a forced full-duplex partner does not match: heavy packet loss.
    const forcedDuplex = appliance === 'AUTO' ? pDuplex : aDuplex;
    return forcedDuplex === 'Full' && !(appliance === 'AUTO' ? pSpeed : aSpeed)?.startsWith('1G') ? 'lossy' : 'up';
  }
  if (aSpeed !== pSpeed) return 'down';
  return aDuplex === pDuplex ? 'up' : 'lossy';
}

/** The DHCP lease a subnet's server gives, if the port has carrier and the subnet a server. */
export function requestLease(net: NetworkSpec, side: 'lan' | 'wan', vlan: number, link: string): Lease | null {
  if (!net[side].cable || linkState(link, net[side].partner) === 'down') return null;
  const dhcp = subnetOn(net, side, vlan)?.dhcp;
  if (!dhcp) return null;
  return { ip: dhcp.address, netmask: dhcp.netmask, gateway: dhcp.gateway, dns: [...dhcp.dns], wins: [...dhcp.wins] };
}

/** What router advertisements and DHCPv6 give the appliance on its LAN, if anything. */
export function requestIpv6(net: NetworkSpec, vlan: number, link: string): Ipv6Lease | null {
  if (!net.lan.cable || linkState(link, net.lan.partner) === 'down') return null;
  const v6 = subnetOn(net, 'lan', vlan)?.ipv6;
  if (!v6 || (!v6.ra && !v6.dhcpv6)) return null;
  return { address: v6.address, prefix: prefixOfCidr(v6.prefix), gateway: v6.router, dns: [...v6.dns] };
}

/**
 * Whether two addresses are the same address: "Anytime you enter an IPv6 address, both expanded
 * and compressed formats are supported", so IPv6 addresses compare in full, in either case.
 */
export function sameAddress(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  if (isIpv6(a) && isIpv6(b)) return canonicalIpv6(a) === canonicalIpv6(b);
  return a === b;
}

/**
 * The subnet's router of the gateway's address family: a dual-stack subnet has an IPv4 router
 * and an IPv6 one, and an IPv6 gateway is compared with the IPv6 router.
 */
function routerFor(subnet: SubnetSpec, gateway: string): string | null {
  return isIpv6(gateway) ? subnet.ipv6?.router ?? null : subnet.ipv4?.router ?? null;
}

/** The subnet (if any) whose hosts include `address`, reachable from `from` with `gateway`. */
export function reach(net: NetworkSpec, from: SubnetSpec, gateway: string | null, address: string): { subnet: SubnetSpec; host: SubnetSpec['hosts'][number] } | null {
  const local = from.hosts.find((h) => sameAddress(h.address, address));
  if (local) return { subnet: from, host: local };
  // Other subnets are reached through this subnet's router, when the appliance uses it and the
  // router forwards there.
  if (!from.forwards || !gateway || !sameAddress(gateway, routerFor(from, gateway))) return null;
  for (const subnet of Object.values(net.subnets)) {
    const host = subnet.hosts.find((h) => sameAddress(h.address, address));
    if (host) return { subnet, host };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

/** The management interface's addressing as the appliance holds it: its side, address, gateway and DNS servers. */
export interface Addressing {
  side: 'lan' | 'wan';
  address: string;
  gateway: string | null;
  dns: string[];
}

/**
 * The management interface's addressing, or the condition the appliance's own settings raise
 * before anything is sent (no address, a loopback or unusable one, a lease without gateway, LAN
 * and WAN on one subnet): the same whatever network the cable leads to.
 */
export function managementAddressing(host: Attachment): Addressing | Stopped {
  const split = host.wan !== null;
  const side = split ? 'wan' : 'lan';
  if (host.mode === 'ipv6-only') {
    const ipv6 = host.lan.ipv6;
    if (!ipv6) return fail('lan-no-ipv4');
    if (!isIpv6(ipv6.address)) return fail('lan-invalid-ip');
    return { side, address: ipv6.address, gateway: ipv6.gateway, dns: ipv6.dns };
  }
  const settings = host.wan ? host.wan.ipv4 : host.lan.ipv4;
  if (!settings) return fail(`${side}-no-ipv4`);
  // "LAN IP address or LAN gateway address cannot be 127.0.0.1"
  if (settings.ip.startsWith('127.') || settings.gateway.startsWith('127.')) return fail(`${side}-loopback-ip`);
  if (!usableHost(settings.ip, settings.netmask)) return fail(`${side}-invalid-ip`);
  if (settings.leased && (!settings.gateway || settings.gateway === '0.0.0.0')) return fail(`${side}-lease-no-gateway`);
  // "LAN and WAN must be configured with different subnets and gateway addresses": checked before
  // the WAN's own gateway, so the LAN's gateway entered at WAN GATEWAY is named as such (ERRATA-242).
  if (split) {
    const lan = host.lan.ipv4;
    if (lan && sameIpv4Network(lan.ip, settings.ip, Math.min(prefixOf(lan.netmask), prefixOf(settings.netmask)))) return fail('lan-wan-same-subnet');
    if (lan && lan.gateway && lan.gateway === settings.gateway) return fail('lan-wan-same-gateway');
  }
  if (!settings.leased) {
    const g = settings.gateway;
    if (!g || !usableHost(g, settings.netmask) || g === settings.ip || !sameIpv4Network(g, settings.ip, prefixOf(settings.netmask))) return fail(`${side}-invalid-ip`);
  }
  return { side, address: settings.ip, gateway: settings.gateway, dns: settings.dns };
}

interface Interface extends Addressing {
  subnet: SubnetSpec | null;
  link: 'up' | 'lossy';
}

/** Brings up the management interface's addressing, or names what stops it. */
function bringUp(host: Attachment, net: NetworkSpec): Interface | Connection {
  const split = host.wan !== null;
  const side = split ? 'wan' : 'lan';
  const port = net[side];
  const link = linkState(host.wan?.link ?? host.lan.link, port.partner);
  if (!port.cable) return fail(`${side}-no-carrier`);
  if (link === 'down') return fail(`${side}-iface-down`);
  const subnet = subnetOn(net, side, split ? 0 : host.lan.vlan);
  const own = managementAddressing(host);
  if ('ok' in own) return own;
  if (host.mode !== 'ipv6-only' && subnet?.hosts.some((h) => h.role === 'host' && h.address === own.address)) return fail('duplicate-ip');
  return { ...own, subnet, link };
}

/** The DNS servers that answer, and whether a name resolves through them. */
function resolver(net: NetworkSpec, iface: Interface) {
  const answering = iface.subnet
    ? iface.dns.filter((d) => reach(net, iface.subnet!, iface.gateway, d)?.host.role === 'dns' && reach(net, iface.subnet!, iface.gateway, d)!.host.answers)
    : [];
  const family = (a: string) => (isIpv6(iface.address) ? isIpv6(a) : isIpv4(a));
  return {
    answering,
    resolve: (name: string): string | null => (net.dns[name] ?? []).find(family) ?? null,
  };
}

/** Whether a direct connection from the interface reaches the Internet. */
function routed(iface: Interface): boolean {
  return iface.subnet !== null && iface.gateway !== null && sameAddress(iface.gateway, routerFor(iface.subnet, iface.gateway));
}

/** Walks the management path to the platform and says where it stops, if it does. */
export function reachPlatform(host: Attachment, net: NetworkSpec, platformHost: string): Connection {
  const up = bringUp(host, net);
  if ('ok' in up) return up;
  const iface = up;
  const S = iface.side;
  if (iface.dns.length === 0) return fail(`${S}-no-dns`);
  const dns = resolver(net, iface);
  if (dns.answering.length === 0) return fail(`${S}-dns-unreachable`, DNS_TIMEOUT_S);
  let seconds = 1;
  if (host.proxy) {
    const result = throughProxy(host, net, iface, dns.resolve);
    if (result) return result;
    seconds = 2;
  } else {
    if (!dns.resolve(platformHost)) return fail(`${S}-dns-failed`);
    if (!routed(iface) || !iface.subnet?.internet) return fail('platform-timeout', CONNECT_TIMEOUT_S);
    switch (net.platform.path) {
      case 'drop': return fail('platform-timeout', CONNECT_TIMEOUT_S);
      case 'refuse': return fail('platform-refused');
      case 'reset-on-send': return fail('platform-send-failed');
      case 'lose-responses': return fail('platform-receive-failed', CONNECT_TIMEOUT_S);
      case 'open': break;
    }
    if (net.platform.handshake === 'fails') return fail('platform-ssl-handshake');
    if (net.platform.certificate === 'untrusted') return fail('platform-ssl-cert');
  }
  if (net.platform.answerSeconds > CONNECT_TIMEOUT_S) return fail('platform-timeout', CONNECT_TIMEOUT_S);
  if (iface.link === 'lossy') return fail('platform-receive-failed', CONNECT_TIMEOUT_S);
  return { ok: true, via: S === 'lan' ? 'LAN' : 'WAN', address: iface.address, seconds: seconds + net.platform.answerSeconds };
}

/** Through the configured proxy: null when the tunnel to the platform is up. */
function throughProxy(host: Attachment, net: NetworkSpec, iface: Interface, resolve: (name: string) => string | null): Connection | null {
  const S = iface.side;
  const proxy = host.proxy!;
  const address = proxyAddress(host, resolve, S);
  if (typeof address !== 'string') return address;
  const auth = proxyCredentials(host);
  if (auth) return auth;
  const server = net.proxy;
  const there = iface.subnet ? reach(net, iface.subnet, iface.gateway, address) : null;
  if (!there || there.host.role !== 'proxy' || !server || !sameAddress(server.address, address) || !there.host.answers) return fail('proxy-timeout', CONNECT_TIMEOUT_S);
  if (server.port !== proxy.port || server.behaviour === 'refuse') return fail('proxy-refused');
  switch (server.behaviour) {
    case 'no-answer': return fail('proxy-timeout', CONNECT_TIMEOUT_S);
    case 'close': return fail('proxy-closed');
    case 'no-http1':
    case 'socks': return fail('proxy-no-http1');
    default: break;
  }
  if (!authenticates(server.auth, proxy.user, proxy.password)) {
    if (server.auth.kind === 'unsupported') return fail('proxy-no-auth-method');
    // An NTLM proxy: no "domain\\user" to begin the exchange with, or the credentials refused
    // (the older model's "E00 E01 Internal error (NTLM Proxy error)": ERRATA-261).
    if (server.auth.kind === 'ntlm') return fail(/^[^\\]+\\./.test(proxy.user) ? 'proxy-ntlm-refused' : 'proxy-ntlm-no-domain', 1, 407);
    return fail('proxy-http', 1, 407);
  }
  if (server.status !== null) return fail('proxy-http', 1, server.status);
  // The firewall in front of the platform meets the proxy's connection too: a proxy that cannot
  // connect answers 503, a silent one times the appliance out, a broken tunnel fails it (ERRATA-262).
  switch (net.platform.path) {
    case 'drop': return fail('platform-timeout', CONNECT_TIMEOUT_S);
    case 'refuse': return fail('proxy-http', 1, 503);
    case 'reset-on-send': return fail('platform-send-failed');
    case 'lose-responses': return fail('platform-receive-failed', CONNECT_TIMEOUT_S);
    case 'open': break;
  }
  // "SSL bridging or tunnel termination must not be configured": the certificate is the proxy's.
  if (server.behaviour === 'ssl-bridging') return fail('platform-ssl-cert');
  if (net.platform.handshake === 'fails') return fail('platform-ssl-handshake');
  if (net.platform.certificate === 'untrusted') return fail('platform-ssl-cert');
  return null;
}

/**
 * The proxy's address: the one entered (checked as the appliance checks it), or what the DNS
 * servers answer for its name; or the condition that stops there.
 */
export function proxyAddress(host: Attachment, resolve: (name: string) => string | null, side: 'lan' | 'wan'): string | Stopped {
  const proxy = host.proxy!;
  if (isIpv4(proxy.host) || isIpv6(proxy.host)) {
    const v6 = host.mode === 'ipv6-only';
    return (v6 ? !isIpv6(proxy.host) : !usableHost(proxy.host, '0.0.0.0')) ? fail('proxy-invalid-ip') : proxy.host;
  }
  return resolve(proxy.host.toLowerCase()) ?? fail(`${side}-dns-no-proxy`);
}

/** A password without a user name stops the appliance before it asks the proxy. */
export function proxyCredentials(host: Attachment): Stopped | null {
  const proxy = host.proxy!;
  return (proxy.user === '') !== (proxy.password === '') && proxy.user === '' ? fail('proxy-invalid-auth') : null;
}

/**
 * Whether the appliance's credentials satisfy the proxy. NTLM needs "domain\user": "If there is a
 * backslash in the middle of the entry, the Appliance interprets the string before the backslash
 * as the domain name."
 */
function authenticates(auth: NonNullable<NetworkSpec['proxy']>['auth'], user: string, password: string): boolean {
  switch (auth.kind) {
    case 'none': return true;
    case 'unsupported': return false;
    case 'basic': return user === auth.user && password === auth.password;
    case 'ntlm': {
      const slash = user.indexOf('\\');
      if (slash <= 0 || slash === user.length - 1) return false;
      return user.slice(0, slash).toUpperCase() === auth.domain.toUpperCase() && user.slice(slash + 1) === auth.user && password === auth.password;
    }
  }
}
