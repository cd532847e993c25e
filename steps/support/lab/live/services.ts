// What each real service of the live lab is told, written from a NetworkSpec: the router's
// addresses and nftables ruleset, dnsmasq for DHCPv4, router advertisements and DHCPv6, dnsmasq
// for DNS, squid for the proxy, rsyslog for syslog. Pure text from data, so the twin's model and
// the live lab read one spec the same way; network.ts puts the text into the containers.
import { firstHostOf, inCidr, ipv4SubnetEnds, isIpv6, prefixOfCidr, prefixOfNetmask, withLastOctet } from '../../../../fixtures/addresses.ts';
import type { NetworkSpec, ProxySpec, SubnetSpec } from '../../../../fixtures/networks.ts';

/** The router's interface toward the platform. */
export const INTERNET_INTERFACE = 'internet';
/** The syslog container's folder mounted from this machine, where rsyslog writes what it received. */
export const SYSLOG_DIR = '/var/log/lab-syslog';
/** What rsyslog received, one line per message, as it came. */
export const SYSLOG_RECEIVED = `${SYSLOG_DIR}/received.log`;

/** A subnet's interface name in the lab's containers (Linux allows 15 characters). */
export function interfaceOf(subnet: string): string {
  return `s-${subnet}`.slice(0, 15);
}

/** Shell commands that stop and start the router's daemons (network.ts runs them in its container). */
// A daemon gone (or a zombie, its sockets released): asked first, killed after 2 s.
export const stopDaemon = (name: string) => `if [ -f /run/lab/${name}.pid ]; then p=$(cat /run/lab/${name}.pid); kill $p 2>/dev/null; i=0; while [ $i -lt 300 ] && [ -e /proc/$p ] && [ "$(cut -d' ' -f3 /proc/$p/stat 2>/dev/null)" != Z ]; do [ $i -eq 200 ] && kill -9 $p 2>/dev/null; sleep 0.01; i=$((i+1)); done; rm -f /run/lab/${name}.pid; fi`;
// dnsmasq started again: a socket the old one held may still be released a moment later ("Address already in use").
export const startDnsmasq = (name: string) => `ok=; for i in $(seq 30); do if dnsmasq --conf-file=/etc/lab/${name}.conf --pid-file=/run/lab/${name}.pid --log-facility=/var/log/lab/${name}.log; then ok=1; break; fi; sleep 0.1; done; [ -n "$ok" ]`;

/** The subnet whose IPv4 network or IPv6 prefix holds `address`, or null. */
export function subnetHolding(spec: NetworkSpec, address: string): [string, SubnetSpec] | null {
  for (const entry of Object.entries(spec.subnets)) {
    const { ipv4, ipv6 } = entry[1];
    if (isIpv6(address) ? ipv6 && inCidr(address, ipv6.prefix) : ipv4 && inCidr(address, ipv4.network)) return entry;
  }
  return null;
}

/** `address/prefix` in the subnet that holds it. */
export function withPrefix(spec: NetworkSpec, address: string): string {
  const held = subnetHolding(spec, address);
  if (!held) throw new Error(`no subnet of the lab holds ${address}`);
  const { ipv4, ipv6 } = held[1];
  return `${address}/${isIpv6(address) ? prefixOfCidr(ipv6!.prefix) : prefixOfCidr(ipv4!.network)}`;
}

/** The platform's side of the router: /24 and /64 around the platform's addresses. */
export function internetAddresses(spec: NetworkSpec): { router: string[]; platform: string[] } {
  const router: string[] = [];
  const platform: string[] = [];
  const { ipv4, ipv6 } = spec.platform;
  if (ipv4) {
    router.push(`${firstHostOf(ipv4)}/24`);
    platform.push(`${ipv4}/24`);
  }
  if (ipv6) {
    router.push(`${firstHostOf(ipv6)}/64`);
    platform.push(`${ipv6}/64`);
  }
  return { router, platform };
}

/** The router's addresses, interface by interface: each subnet's router and its answering DNS servers. */
export function routerAddresses(spec: NetworkSpec): Array<{ iface: string; address: string; flags?: string }> {
  const out: Array<{ iface: string; address: string; flags?: string }> = [];
  for (const [name, subnet] of Object.entries(spec.subnets)) {
    const iface = interfaceOf(name);
    if (subnet.ipv4?.router) out.push({ iface, address: `${subnet.ipv4.router}/${prefixOfCidr(subnet.ipv4.network)}` });
    // A lease outside the subnet's own network (a WAN DHCP server that leases an address of the
    // LAN's): dnsmasq serves a range only on an interface with an address in it. The router takes
    // one there, with no route, so that traffic to the other subnet still goes where it did.
    const lease = subnet.dhcp;
    if (lease && !(subnet.ipv4 && inCidr(lease.address, subnet.ipv4.network))) {
      const prefix = prefixOfNetmask(lease.netmask)!;
      const last = ipv4SubnetEnds(lease.address, prefix).broadcast;
      const spare = withLastOctet(last, Number(last.split('.')[3]) - 1);
      out.push({ iface, address: `${spare === lease.address ? withLastOctet(last, Number(last.split('.')[3]) - 2) : spare}/${prefix}`, flags: 'noprefixroute' });
    }
    if (subnet.ipv6?.router) out.push({ iface, address: `${subnet.ipv6.router}/${prefixOfCidr(subnet.ipv6.prefix)}` });
    for (const host of subnet.hosts) if (host.role === 'dns' && host.answers) out.push({ iface, address: withPrefix(spec, host.address) });
  }
  for (const address of internetAddresses(spec).router) out.push({ iface: INTERNET_INTERFACE, address });
  return out;
}

/**
 * DHCPv4, router advertisements and DHCPv6, one dnsmasq with no DNS (port=0). A lease without a
 * gateway sends no routers option; a subnet without `dhcp` gets no range, so nothing answers.
 */
export function dhcpConfig(spec: NetworkSpec): string {
  const lines = ['port=0', 'no-resolv', 'no-hosts', 'dhcp-authoritative', 'dhcp-leasefile=/run/lab/dhcp.leases', 'log-dhcp'];
  let ra = false;
  for (const [name, subnet] of Object.entries(spec.subnets)) {
    const iface = interfaceOf(name);
    const tag = name;
    const { dhcp, ipv6 } = subnet;
    if (dhcp || ipv6?.ra || ipv6?.dhcpv6) lines.push(`interface=${iface}`);
    if (dhcp) {
      lines.push(`dhcp-range=set:${tag},${dhcp.address},${dhcp.address},${dhcp.netmask},1h`);
      lines.push(dhcp.gateway ? `dhcp-option=tag:${tag},option:router,${dhcp.gateway}` : `dhcp-option=tag:${tag},option:router`);
      lines.push(dhcp.dns.length > 0 ? `dhcp-option=tag:${tag},option:dns-server,${dhcp.dns.join(',')}` : `dhcp-option=tag:${tag},option:dns-server`);
      if (dhcp.wins.length > 0) lines.push(`dhcp-option=tag:${tag},option:netbios-ns,${dhcp.wins.join(',')}`);
    }
    if (ipv6 && (ipv6.ra || ipv6.dhcpv6)) {
      ra ||= ipv6.ra;
      const length = prefixOfCidr(ipv6.prefix);
      lines.push(ipv6.dhcpv6
        ? `dhcp-range=set:${tag}6,${ipv6.address},${ipv6.address},constructor:${iface},${ipv6.ra ? 'slaac,' : ''}${length},1h`
        : `dhcp-range=set:${tag}6,::,constructor:${iface},ra-only,${length},1h`);
      if (ipv6.dns.length > 0) lines.push(`dhcp-option=tag:${tag}6,option6:dns-server,${ipv6.dns.map((d) => `[${d}]`).join(',')}`);
      // No router: advertisements with a router lifetime of 0 (a prefix, not a default route).
      if (!ipv6.router) lines.push(`ra-param=${iface},0,0`);
    }
  }
  if (ra) lines.push('enable-ra');
  return lines.join('\n') + '\n';
}

/** DNS: the spec's names on the answering DNS servers' addresses; any other name does not exist. */
export function dnsConfig(spec: NetworkSpec): string {
  const servers = dnsServers(spec);
  const lines = ['no-resolv', 'no-hosts', 'bind-interfaces', 'log-queries'];
  for (const address of servers) lines.push(`listen-address=${address}`);
  for (const [name, addresses] of Object.entries(spec.dns)) lines.push(`host-record=${name},${addresses.join(',')}`);
  // Local names only: every other name is answered "no such domain", as an office's DNS would.
  lines.push('address=/#/');
  return lines.join('\n') + '\n';
}

/**
 * The router's nftables ruleset: what it forwards between subnets and to the platform, and what a
 * firewall does to the appliance's connections to the platform (drop, refuse, reset on send).
 */
export function routerRuleset(spec: NetworkSpec): string {
  const rules: string[] = ['ct state invalid drop'];
  const platform = [spec.platform.ipv4, spec.platform.ipv6].filter((a): a is string => a !== null);
  const daddr = (a: string) => `${isIpv6(a) ? 'ip6' : 'ip'} daddr ${a}`;
  const saddr = (a: string) => `${isIpv6(a) ? 'ip6' : 'ip'} saddr ${a}`;
  for (const a of platform) {
    switch (spec.platform.path) {
      case 'drop': rules.push(`${daddr(a)} drop`); break;
      case 'refuse': rules.push(`${daddr(a)} tcp flags syn reject with tcp reset`); break;
      case 'reset-on-send': rules.push(`${daddr(a)} tcp flags & (syn | rst | fin) == 0 meta length > 80 reject with tcp reset`); break;
      case 'lose-responses': rules.push(`${saddr(a)} tcp flags & (syn | rst | fin) == 0 meta length > 80 drop`); break;
      case 'open': break;
    }
  }
  rules.push('ct state established,related accept');
  for (const [name, subnet] of Object.entries(spec.subnets)) {
    const iface = interfaceOf(name);
    // A subnet without Internet access still lets its own servers out (the proxy that tunnels).
    const out = subnet.internet ? [''] : subnet.hosts.filter((h) => h.role !== 'dns').map((h) => `${saddr(h.address)} `);
    for (const from of out) rules.push(`iifname "${iface}" oifname "${INTERNET_INTERFACE}" ${from}accept`);
    if (subnet.forwards) {
      for (const other of Object.keys(spec.subnets)) if (other !== name) rules.push(`iifname "${iface}" oifname "${interfaceOf(other)}" accept`);
    }
  }
  return [
    'flush ruleset',
    'table inet lab {',
    '  chain forward {',
    '    type filter hook forward priority 0; policy drop;',
    ...rules.map((r) => `    ${r}`),
    '  }',
    '}',
  ].join('\n') + '\n';
}

/**
 * squid for the spec's proxy: a CONNECT tunnel on its address and port, open or behind Basic
 * authentication (407 without credentials), or answering every CONNECT with the spec's status.
 */
export function proxyConfig(proxy: ProxySpec, nameservers: string[]): { config: string; passwords: string | null } {
  const listen = isIpv6(proxy.address) ? `[${proxy.address}]:${proxy.port}` : `${proxy.address}:${proxy.port}`;
  // A name of its own (squid stops without one it can find) and the lab's DNS, not the engine's.
  const lines = [`http_port ${listen}`, `visible_hostname ${proxy.hostname ?? 'proxy.lab.test'}`, ...(nameservers.length > 0 ? [`dns_nameservers ${nameservers.join(' ')}`] : []), 'pid_filename /run/lab/squid.pid', 'cache deny all', 'access_log stdio:/var/log/lab/squid-access.log', 'cache_log /var/log/lab/squid-cache.log', 'acl CONNECT method CONNECT'];
  let passwords: string | null = null;
  if (proxy.status !== null) {
    // squid refuses with 403 Forbidden; other statuses are declared unrealizable.
    lines.push('http_access deny all');
  } else if (proxy.auth.kind === 'basic') {
    lines.push('auth_param basic program /usr/lib/squid/basic_ncsa_auth /etc/lab/proxy-passwords', 'auth_param basic realm lab proxy', 'acl authenticated proxy_auth REQUIRED', 'http_access allow CONNECT authenticated', 'http_access deny all');
    passwords = `${proxy.auth.user}:${proxy.auth.password}\n`;
  } else if (proxy.auth.kind === 'none') {
    lines.push('http_access allow CONNECT', 'http_access deny all');
  } else {
    throw new Error(`the live lab's proxy cannot realize ${proxy.auth.kind} authentication`);
  }
  return { config: lines.join('\n') + '\n', passwords };
}

/** What fault-proxy.ts plays: the spec's proxy, and the lab's DNS servers for the platform's name. */
export interface FaultProxyConfig {
  proxy: ProxySpec;
  nameservers: string[];
}

/** Whether squid can play the spec's proxy (a tunnel, Basic authentication, 403), or fault-proxy.ts must. */
export function needsFaultProxy(proxy: ProxySpec): boolean {
  return !['tunnel', 'refuse', 'no-answer'].includes(proxy.behaviour) || proxy.auth.kind === 'unsupported' || (proxy.status !== null && proxy.status !== 403);
}

/**
 * The proxy host's own firewall in front of its proxy server: a proxy that refuses connections (a reset to
 * each SYN) or never answers (every packet to its port dropped); open otherwise.
 */
export function proxyFirewall(proxy: ProxySpec): string {
  const rule = proxy.behaviour === 'refuse' ? `tcp dport ${proxy.port} reject with tcp reset` : proxy.behaviour === 'no-answer' ? `tcp dport ${proxy.port} drop` : null;
  return ['table inet proxy', 'delete table inet proxy', 'table inet proxy {', '  chain input {', '    type filter hook input priority 0; policy accept;', ...(rule ? [`    ${rule}`] : []), '  }', '}'].join('\n') + '\n';
}

/** The lab's answering DNS servers, every subnet's. */
export function dnsServers(spec: NetworkSpec): string[] {
  return Object.values(spec.subnets).flatMap((s) => s.hosts.filter((h) => h.role === 'dns' && h.answers).map((h) => h.address));
}

/** What of a spec the live lab cannot realize on this machine, each with why; empty when all of it. */
export function unrealizable(spec: NetworkSpec): string[] {
  const why: string[] = [];
  for (const side of ['lan', 'wan'] as const) {
    if (Object.keys(spec[side].vlans).length > 0) why.push(`${side}: 802.1Q VLANs (this kernel has no 8021q module: "ip link add ... type vlan" fails with "Unknown device type")`);
    if (spec[side].partner !== 'AUTO') why.push(`${side}: a forced link setting (${spec[side].partner}) on veth`);
  }
  // squid has no NTLM server side without a Windows domain to check against.
  if (spec.proxy?.auth.kind === 'ntlm') why.push('proxy: NTLM authentication (no Windows domain controller in the lab)');
  return why;
}

/** The ports the spec's syslog receivers listen on (every host with a service is one), per protocol. */
export function syslogPorts(spec: NetworkSpec): { udp: number[]; tcp: number[] } {
  const services = Object.values(spec.subnets).flatMap((s) => s.hosts.flatMap((h) => h.services));
  const ports = (protocol: 'udp' | 'tcp') => [...new Set(services.filter((v) => v.protocol === protocol).map((v) => v.port))].sort((a, b) => a - b);
  return { udp: ports('udp'), tcp: ports('tcp') };
}

/**
 * rsyslog as the receiver of every syslog port of the spec: each message written as received
 * (%rawmsg%, without the TCP framing), one line each, after the name of the input it came in on
 * ("udp-514"), so that the suite's own receiver can be handed each message on the protocol and
 * port it was sent to (syslog-relay.ts).
 */
export function syslogConfig(ports: { udp: number[]; tcp: number[] }): string {
  return [
    'module(load="imudp")',
    'module(load="imtcp")',
    ...ports.udp.map((p) => `input(type="imudp" port="${p}" name="udp-${p}")`),
    ...ports.tcp.map((p) => `input(type="imtcp" port="${p}" name="tcp-${p}")`),
    'template(name="asReceived" type="string" string="%inputname% %rawmsg%\\n")',
    `*.* action(type="omfile" file="${SYSLOG_RECEIVED}" template="asReceived")`,
    '',
  ].join('\n');
}
