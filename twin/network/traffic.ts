// Scanning and syslog traffic through the modeled network: which port (and VLAN tag) a packet
// to an address leaves by, with which source address, given the appliance's own settings and
// the VLANs, static routes and IPv6 settings it picked up from the platform. A lab sees the
// result on its switch ports; the twin reports it to the bench as the packets it sends.
import { isIpv4, isIpv6, sameIpv4Network } from '../../fixtures/addresses.ts';
import type { NetworkSpec, SubnetSpec } from '../../fixtures/networks.ts';
import type { ConfigContext } from '../appliance/config.ts';
import { effectiveLan, effectiveWan } from '../appliance/config.ts';
import type { ApplianceConfig } from '../cloud/platform.ts';
import { linkState, prefixOf, reach, subnetOn } from './path.ts';

/** Where a packet leaves the appliance: the port, the 802.1Q tag (0: untagged) and its source address. */
export interface Egress { port: 'LAN' | 'WAN'; vlan: number; source: string; gateway: string | null; subnet: SubnetSpec | null }

interface V4Interface extends Egress { netmask: string }

/** The appliance's IPv4 interfaces: the LAN (with its own VLAN, if set), the platform's VLANs, the WAN. */
function ipv4Interfaces(ctx: ConfigContext, net: NetworkSpec, cloud: ApplianceConfig | null): V4Interface[] {
  const { config } = ctx;
  if (config.mode === 'ipv6-only') return [];
  const out: V4Interface[] = [];
  const up = (side: 'lan' | 'wan') => net[side].cable && linkState(side === 'lan' ? config.lan.link : config.wan.link, net[side].partner) !== 'down';
  const lan = effectiveLan(ctx);
  if (lan && up('lan')) {
    out.push({ port: 'LAN', vlan: config.lan.vlan, source: lan.ip, netmask: lan.netmask, gateway: lan.gateway || null, subnet: subnetOn(net, 'lan', config.lan.vlan) });
    for (const v of cloud?.vlans ?? []) {
      out.push({ port: 'LAN', vlan: v.id, source: v.address, netmask: v.netmask, gateway: null, subnet: subnetOn(net, 'lan', v.id) });
    }
  }
  const wan = config.wan.ipv4.kind === 'off' ? null : effectiveWan(ctx);
  if (wan && up('wan')) out.push({ port: 'WAN', vlan: 0, source: wan.ip, netmask: wan.netmask, gateway: wan.gateway || null, subnet: subnetOn(net, 'wan', 0) });
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
export function scanEgress(ctx: ConfigContext, net: NetworkSpec, cloud: ApplianceConfig | null, target: string): Egress | null {
  if (isIpv6(target)) return ipv6Egress(ctx, net, cloud);
  if (!isIpv4(target)) return null;
  const interfaces = ipv4Interfaces(ctx, net, cloud);
  const lan = interfaces.find((i) => i.port === 'LAN' && i.vlan === ctx.config.lan.vlan) ?? null;
  const routes: Array<{ prefix: number; egress: Egress }> = [];
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
  let best: { prefix: number; egress: Egress } | null = null;
  for (const r of routes) if (best === null || r.prefix > best.prefix) best = r;
  return best?.egress ?? null;
}

function strip(i: V4Interface): Egress {
  return { port: i.port, vlan: i.vlan, source: i.source, gateway: i.gateway, subnet: i.subnet };
}

/** The LAN's IPv6 address for scanning: IPv6-only mode's, or "Enable IPv6 for this scanner" in IPv4+v6 mode. */
function ipv6Egress(ctx: ConfigContext, net: NetworkSpec, cloud: ApplianceConfig | null): Egress | null {
  const { config, runtime } = ctx;
  if (!net.lan.cable || linkState(config.lan.link, net.lan.partner) === 'down') return null;
  const subnet = subnetOn(net, 'lan', config.lan.vlan);
  if (config.mode === 'ipv6-only') {
    const v6 = config.lan.ipv6;
    const source = v6.kind === 'static' ? v6.ip : runtime.lanIpv6?.address ?? null;
    const gateway = v6.gateway ?? runtime.lanIpv6?.gateway ?? null;
    return source ? { port: 'LAN', vlan: config.lan.vlan, source, gateway, subnet } : null;
  }
  const scanning = cloud?.ipv6;
  if (!scanning?.enabled) return null;
  if (scanning.mode === 'static') return { port: 'LAN', vlan: config.lan.vlan, source: scanning.address, gateway: scanning.gateway || null, subnet };
  // "Automatically": "IP assignment through router advertisement".
  const ra = subnet?.ipv6;
  return ra?.ra ? { port: 'LAN', vlan: config.lan.vlan, source: ra.address, gateway: ra.router, subnet } : null;
}

/**
 * Whether a server at `address` listening on `protocol`/`port` is reachable "from the scanner's
 * LAN, native VLAN or WAN gateways": the route scanning would take, or else the WAN's.
 */
export function serviceEgress(ctx: ConfigContext, net: NetworkSpec, cloud: ApplianceConfig | null, address: string, protocol: 'udp' | 'tcp', port: number): Egress | null {
  const candidates = [scanEgress(ctx, net, cloud, address)];
  const wan = ipv4Interfaces(ctx, net, cloud).find((i) => i.port === 'WAN');
  if (wan && isIpv4(address)) candidates.push(strip(wan));
  for (const egress of candidates) {
    if (!egress?.subnet) continue;
    const there = reach(net, egress.subnet, egress.gateway, address);
    if (there?.host.answers && there.host.services.some((s) => s.protocol === protocol && s.port === port)) return egress;
  }
  return null;
}

/** What the appliance's DNS servers resolve a name to (the lab's records), of the family it can use. */
export function resolveName(ctx: ConfigContext, net: NetworkSpec, name: string): string | null {
  const v6 = ctx.config.mode === 'ipv6-only';
  return (net.dns[name.toLowerCase()] ?? []).find((a) => (v6 ? isIpv6(a) : isIpv4(a) || isIpv6(a))) ?? null;
}
