// Scanning and syslog traffic through the modeled network: which port (and VLAN tag) a packet
// to an address leaves by, with which source address, given the appliance's own settings and
// the VLANs, static routes and IPv6 settings it picked up from the platform. A lab sees the
// result on its switch ports; the modeled network hands the lab the packets it sends.
import { isIpv4, isIpv6, sameIpv4Network } from '../../fixtures/addresses.ts';
import type { NetworkSpec, SubnetSpec } from '../../fixtures/networks.ts';
import type { Attachment, Egress, ScanRoutes } from './interface.ts';
import { linkState, prefixOf, reach, subnetOn } from './path.ts';

/** An egress with the next hop the packet takes and the subnet it enters. */
export interface Leg extends Egress { gateway: string | null; subnet: SubnetSpec | null }

interface V4Interface extends Leg { netmask: string }

/** The appliance's IPv4 interfaces: the LAN (with its own VLAN, if set), the platform's VLANs, the WAN. */
function ipv4Interfaces(host: Attachment, net: NetworkSpec, cloud: ScanRoutes | null): V4Interface[] {
  if (host.mode === 'ipv6-only') return [];
  const out: V4Interface[] = [];
  const up = (side: 'lan' | 'wan', link: string) => net[side].cable && linkState(link, net[side].partner) !== 'down';
  const lan = host.lan.ipv4;
  const vlan = host.lan.vlan;
  if (lan && up('lan', host.lan.link)) {
    out.push({ port: 'LAN', vlan, source: lan.ip, netmask: lan.netmask, gateway: lan.gateway || null, subnet: subnetOn(net, 'lan', vlan) });
    for (const v of cloud?.vlans ?? []) {
      out.push({ port: 'LAN', vlan: v.id, source: v.address, netmask: v.netmask, gateway: null, subnet: subnetOn(net, 'lan', v.id) });
    }
  }
  const wan = host.wan?.ipv4 ?? null;
  if (wan && up('wan', host.wan!.link)) out.push({ port: 'WAN', vlan: 0, source: wan.ip, netmask: wan.netmask, gateway: wan.gateway || null, subnet: subnetOn(net, 'wan', 0) });
  return out;
}

const onLink = (i: V4Interface, address: string) => sameIpv4Network(i.source, address, prefixOf(i.netmask));

/**
 * The egress of a scan packet to `target`, or null when the appliance has no route there.
 * IPv4: the most specific of the routes the appliance has (longest prefix; on a tie, in this
 * order): the subnets of the platform's VLANs and of the LAN, the static routes (each through
 * the interface on its gateway's subnet; a route whose gateway is on none of them is not
 * installed), and the LAN's default gateway. "In Split network configuration, WAN has special
 * limited routes required for platform connections only": the WAN scans only what a static
 * route sends through it. IPv6: the LAN's IPv6 address ("LAN IPv6 for scanning IPv6 hosts").
 */
export function scanEgress(host: Attachment, net: NetworkSpec, cloud: ScanRoutes | null, target: string): Leg | null {
  if (isIpv6(target)) return ipv6Egress(host, net, cloud);
  if (!isIpv4(target)) return null;
  const interfaces = ipv4Interfaces(host, net, cloud);
  const lan = interfaces.find((i) => i.port === 'LAN' && i.vlan === host.lan.vlan) ?? null;
  const routes: Array<{ prefix: number; egress: Leg }> = [];
  for (const i of interfaces) {
    if (i.port === 'LAN' && onLink(i, target)) routes.push({ prefix: prefixOf(i.netmask), egress: strip(i) });
  }
  for (const route of cloud?.staticRoutes ?? []) {
    const prefix = prefixOf(route.netmask);
    if (!sameIpv4Network(route.destination, target, prefix)) continue;
    const via = interfaces.find((i) => onLink(i, route.gateway));
    if (via) routes.push({ prefix, egress: { ...strip(via), gateway: route.gateway } });
  }
  if (lan?.gateway) routes.push({ prefix: 0, egress: strip(lan) });
  let best: { prefix: number; egress: Leg } | null = null;
  for (const r of routes) if (best === null || r.prefix > best.prefix) best = r;
  return best?.egress ?? null;
}

function strip(i: V4Interface): Leg {
  return { port: i.port, vlan: i.vlan, source: i.source, gateway: i.gateway, subnet: i.subnet };
}

/** The LAN's IPv6 address for scanning: IPv6-only mode's, or "Enable IPv6 for this scanner" in IPv4+v6 mode. */
function ipv6Egress(host: Attachment, net: NetworkSpec, cloud: ScanRoutes | null): Leg | null {
  const { vlan } = host.lan;
  if (!net.lan.cable || linkState(host.lan.link, net.lan.partner) === 'down') return null;
  const subnet = subnetOn(net, 'lan', vlan);
  if (host.mode === 'ipv6-only') {
    const v6 = host.lan.ipv6;
    return v6 ? { port: 'LAN', vlan, source: v6.address, gateway: v6.gateway, subnet } : null;
  }
  const scanning = cloud?.ipv6;
  if (!scanning?.enabled) return null;
  if (scanning.mode === 'static') return { port: 'LAN', vlan, source: scanning.address, gateway: scanning.gateway || null, subnet };
  // "Automatically": "IP assignment through router advertisement".
  const ra = subnet?.ipv6;
  return ra?.ra ? { port: 'LAN', vlan, source: ra.address, gateway: ra.router, subnet } : null;
}

/**
 * Whether a server at `address` listening on `protocol`/`port` is reachable "from the scanner's
 * LAN, native VLAN or WAN gateways": the route scanning would take, or else the WAN's.
 */
export function serviceEgress(host: Attachment, net: NetworkSpec, cloud: ScanRoutes | null, address: string, protocol: 'udp' | 'tcp', port: number): Leg | null {
  const candidates = [scanEgress(host, net, cloud, address)];
  const wan = ipv4Interfaces(host, net, cloud).find((i) => i.port === 'WAN');
  if (wan && isIpv4(address)) candidates.push(strip(wan));
  for (const egress of candidates) {
    if (!egress?.subnet) continue;
    const there = reach(net, egress.subnet, egress.gateway, address);
    if (there?.host.answers && there.host.services.some((s) => s.protocol === protocol && s.port === port)) return egress;
  }
  return null;
}

/** What the appliance's DNS servers resolve a name to (the lab's records), of the family it can use. */
export function resolveName(host: Attachment, net: NetworkSpec, name: string): string | null {
  const v6 = host.mode === 'ipv6-only';
  return (net.dns[name.toLowerCase()] ?? []).find((a) => (v6 ? isIpv6(a) : isIpv4(a) || isIpv6(a))) ?? null;
}
