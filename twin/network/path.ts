// How the appliance reaches the Qualys Cloud Platform through the modeled network, step by step
// as a real appliance would (carrier, address, gateway, DNS, connect), and which condition stops
// it. Conditions are names; each firmware profile says how its screens report them.
import type { ConfigContext, Lease } from '../appliance/config.ts';
import { effectiveLan, effectiveWan } from '../appliance/config.ts';
import type { Environment, Segment } from './environment.ts';

/** Every condition the network model can produce; each profile must report each one. */
export const conditions = [
  'lan-no-carrier', 'wan-no-carrier', 'lan-no-ipv4', 'wan-no-ipv4', 'lan-no-gateway', 'wan-no-gateway',
  'lan-no-dns', 'wan-no-dns', 'lan-dns-unreachable', 'wan-dns-unreachable', 'lan-dns-failed', 'wan-dns-failed',
  'platform-timeout',
] as const;
export type Condition = (typeof conditions)[number];

export type PathResult =
  | { ok: true; via: 'LAN' | 'WAN'; address: string }
  | { ok: false; condition: Condition };

/** The DHCP lease a segment's server gives, if a cable and a server are there. */
export function requestLease(segment: Segment): Lease | null {
  if (!segment.cable || !segment.dhcp) return null;
  const { address, netmask, gateway, dns, wins } = segment.dhcp;
  return { ip: address, netmask, gateway, dns: [...dns], wins: [...wins] };
}

/** Walks the management path to the platform URL and says where it stops, if it does. */
export function reachPlatform(ctx: ConfigContext, env: Environment): PathResult {
  const via = ctx.config.wan.ipv4.kind === 'off' ? 'LAN' : 'WAN';
  const side = via === 'LAN' ? 'lan' : 'wan';
  const segment = env[side];
  const settings = via === 'LAN' ? effectiveLan(ctx) : effectiveWan(ctx);
  if (!segment.cable) return { ok: false, condition: `${side}-no-carrier` };
  if (!settings || settings.ip === '0.0.0.0') return { ok: false, condition: `${side}-no-ipv4` };
  if (!settings.gateway || settings.gateway === '0.0.0.0') return { ok: false, condition: `${side}-no-gateway` };
  const servers = [settings.dns1, settings.dns2].filter((s): s is string => s !== null && s !== '0.0.0.0');
  if (servers.length === 0) return { ok: false, condition: `${side}-no-dns` };
  const reachable = servers.filter((s) => segment.hosts.get(s)?.kind === 'dns' && (segment.hosts.get(s) as { reachable: boolean }).reachable);
  if (reachable.length === 0) return { ok: false, condition: `${side}-dns-unreachable` };
  if (!env.dnsRecords.has(new URL(env.platform.url).hostname)) return { ok: false, condition: `${side}-dns-failed` };
  if (!env.platform.reachable) return { ok: false, condition: 'platform-timeout' };
  return { ok: true, via, address: settings.ip };
}
