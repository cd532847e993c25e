// The appliance's stored network configuration (one state model: the LCD, the remote console
// and the cloud agent all read this; none keeps a copy), with the vocabulary the firmware
// profiles use: predicates for menu items, value sources for prompts, actions for flows.
import type { NetworkMode } from '../../fixtures/profiles.ts';
import { padIpv4, unpadIpv4 } from '../../fixtures/addresses.ts';
import type { Attachment, Ipv4Addressing, Ipv6Lease, Lease, Port } from '../network/interface.ts';

export interface Ipv4Settings {
  ip: string;
  netmask: string;
  gateway: string;
  dns1: string | null;
  dns2: string | null;
}

export interface LanStaticSettings extends Ipv4Settings {
  wins1: string | null;
  wins2: string | null;
  domain: string | null;
}

export type LanIpv4 = { kind: 'dhcp' } | ({ kind: 'static' } & LanStaticSettings) | { kind: 'none' };
export type WanIpv4 = { kind: 'off' } | { kind: 'dhcp' } | ({ kind: 'static' } & Ipv4Settings);
export type LanIpv6 =
  | { kind: 'auto'; gateway: string | null; dns1: string | null; dns2: string | null }
  | { kind: 'static'; ip: string; prefix: number; gateway: string | null; dns1: string | null; dns2: string | null };

export interface ProxySettings {
  host: string;
  port: number;
  user: string;
  password: string;
}

export interface NetworkConfig {
  mode: NetworkMode;
  lan: { ipv4: LanIpv4; ipv6: LanIpv6; vlan: number; link: string };
  wan: { ipv4: WanIpv4; link: string };
  proxy: ProxySettings | null;
}

/** The factory defaults of each mode ("Reset All Network Settings"). */
export function defaultConfig(mode: NetworkMode): NetworkConfig {
  return {
    mode,
    lan: {
      // "DHCP enabled, no VLAN configuration, no Proxy configuration, no split network
      // configuration, and Ethernet auto negotiation enabled" / "Automatic IPv6, no Proxy
      // configuration, no VLAN configuration".
      ipv4: mode === 'ipv4+v6' ? { kind: 'dhcp' } : { kind: 'none' },
      ipv6: { kind: 'auto', gateway: null, dns1: null, dns2: null },
      vlan: 0,
      link: 'AUTO',
    },
    wan: { ipv4: { kind: 'off' }, link: 'AUTO' },
    proxy: null,
  };
}

/** What the appliance learned from the network (not stored: gone at power off). */
export interface NetworkRuntime {
  lanLease: Lease | null;
  wanLease: Lease | null;
  lanIpv6: Ipv6Lease | null;
}

export interface ConfigContext {
  config: NetworkConfig;
  runtime: NetworkRuntime;
}

/** The LAN's IPv4 settings in effect: the static ones, or the DHCP lease. */
export function effectiveLan(ctx: ConfigContext): Ipv4Settings & { wins1: string | null; wins2: string | null; domain: string | null } | null {
  const { ipv4 } = ctx.config.lan;
  if (ipv4.kind === 'static') return ipv4;
  const lease = ipv4.kind === 'dhcp' ? ctx.runtime.lanLease : null;
  if (!lease) return null;
  return {
    ip: lease.ip, netmask: lease.netmask, gateway: lease.gateway ?? '',
    dns1: lease.dns[0] ?? null, dns2: lease.dns[1] ?? null,
    wins1: lease.wins[0] ?? null, wins2: lease.wins[1] ?? null, domain: null,
  };
}

export function effectiveWan(ctx: ConfigContext): Ipv4Settings | null {
  const { ipv4 } = ctx.config.wan;
  if (ipv4.kind === 'static') return ipv4;
  const lease = ipv4.kind === 'dhcp' ? ctx.runtime.wanLease : null;
  if (!lease) return null;
  return { ip: lease.ip, netmask: lease.netmask, gateway: lease.gateway ?? '', dns1: lease.dns[0] ?? null, dns2: lease.dns[1] ?? null };
}

/** The appliance as the network meets it (twin/network/interface.ts): ports, addressing in effect, proxy. */
export function attachmentOf(ctx: ConfigContext): Attachment {
  const { config, runtime } = ctx;
  const v6 = config.lan.ipv6;
  const lease = runtime.lanIpv6;
  const address = v6.kind === 'static' ? v6.ip : lease?.address ?? null;
  // "If configured manually, IPv6 DNS1 and IPv6 DNS2 resolvers will take precedence"
  const manual = [v6.dns1, v6.dns2].filter((d): d is string => d !== null);
  return {
    mode: config.mode,
    lan: {
      link: config.lan.link,
      vlan: config.lan.vlan,
      ipv4: addressing(effectiveLan(ctx), config.lan.ipv4.kind === 'dhcp'),
      ipv6: address ? { address, gateway: v6.gateway ?? lease?.gateway ?? null, dns: manual.length ? manual : lease?.dns ?? [] } : null,
    },
    wan: config.wan.ipv4.kind === 'off' ? null : { link: config.wan.link, ipv4: addressing(effectiveWan(ctx), config.wan.ipv4.kind === 'dhcp') },
    proxy: config.proxy,
  };
}

/** "0.0.0.0" in a DNS field is one left empty. */
function addressing(settings: Ipv4Settings | null, leased: boolean): Ipv4Addressing | null {
  if (!settings) return null;
  const dns = [settings.dns1, settings.dns2].filter((d): d is string => d !== null && d !== '0.0.0.0');
  return { ip: settings.ip, netmask: settings.netmask, gateway: settings.gateway, dns, leased };
}

/** The address a lab host reaches the appliance at on a port, if it has one. */
export function addressOn(ctx: ConfigContext, port: Port): string | null {
  const { config, runtime } = ctx;
  if (port === 'WAN') return config.wan.ipv4.kind === 'off' ? null : effectiveWan(ctx)?.ip ?? null;
  if (config.mode !== 'ipv6-only') return effectiveLan(ctx)?.ip ?? null;
  return runtime.lanIpv6?.address ?? (config.lan.ipv6.kind === 'static' ? config.lan.ipv6.ip : null);
}

// ---------------------------------------------------------------------------------------------
// Predicates: whether a menu item is present.

type Predicate = (c: NetworkConfig) => boolean;

export const predicates: Record<string, Predicate> = {
  'lan-dhcp': (c) => c.lan.ipv4.kind === 'dhcp',
  'lan-not-dhcp': (c) => c.lan.ipv4.kind !== 'dhcp',
  'lan-static': (c) => c.lan.ipv4.kind === 'static',
  'lan-not-static': (c) => c.lan.ipv4.kind !== 'static',
  'vlan-set': (c) => c.lan.vlan !== 0,
  'vlan-unset': (c) => c.lan.vlan === 0,
  'proxy-enabled': (c) => c.proxy !== null,
  'proxy-disabled': (c) => c.proxy === null,
  'wan-dhcp': (c) => c.wan.ipv4.kind === 'dhcp',
  'wan-not-dhcp': (c) => c.wan.ipv4.kind !== 'dhcp',
  'wan-static': (c) => c.wan.ipv4.kind === 'static',
  'wan-not-static': (c) => c.wan.ipv4.kind !== 'static',
  split: (c) => c.wan.ipv4.kind !== 'off',
  'mode-ipv4v6': (c) => c.mode === 'ipv4+v6',
  'mode-ipv6-only': (c) => c.mode === 'ipv6-only',
};

export function holds(names: readonly string[], config: NetworkConfig): boolean {
  return names.every((n) => predicates[n]!(config));
}

// ---------------------------------------------------------------------------------------------
// Value sources: what a prompt shows first. "When the Scanner Appliance has successfully
// connected to the network, the Appliance stores the network configuration settings. These
// settings will appear as default parameters".

type Source = (ctx: ConfigContext) => string;

const lanField = (pick: (s: NonNullable<ReturnType<typeof effectiveLan>>) => string | null): Source => (ctx) => {
  const lan = effectiveLan(ctx);
  return (lan && pick(lan)) ?? '';
};
const wanField = (pick: (s: Ipv4Settings) => string | null): Source => (ctx) => {
  const wan = effectiveWan(ctx);
  return (wan && pick(wan)) ?? '';
};
const staticV6 = (ctx: ConfigContext) => (ctx.config.lan.ipv6.kind === 'static' ? ctx.config.lan.ipv6 : null);
const autoV6 = (ctx: ConfigContext) => (ctx.config.lan.ipv6.kind === 'auto' ? ctx.config.lan.ipv6 : null);

/** The gateway management traffic leaves through: the WAN's with split network, else the LAN's. */
export function managementGateway(ctx: ConfigContext): string {
  if (ctx.config.wan.ipv4.kind !== 'off') return effectiveWan(ctx)?.gateway ?? '';
  if (ctx.config.mode === 'ipv6-only') return staticV6(ctx)?.gateway ?? ctx.runtime.lanIpv6?.gateway ?? '';
  return effectiveLan(ctx)?.gateway ?? '';
}

export const sources: Record<string, Source> = {
  'lan-ip': lanField((s) => s.ip),
  // "At first, the netmask "255.255.255.000" appears" (ERRATA-013: a stored netmask shows instead).
  'lan-netmask': (ctx) => padIpv4(effectiveLan(ctx)?.netmask ?? '255.255.255.0'),
  'lan-gateway': lanField((s) => s.gateway),
  'lan-dns1': lanField((s) => s.dns1),
  'lan-dns2': lanField((s) => s.dns2),
  'lan-wins1': lanField((s) => s.wins1),
  'lan-wins2': lanField((s) => s.wins2),
  'lan-domain': lanField((s) => s.domain),
  'vlan-id': (ctx) => String(ctx.config.lan.vlan),
  // "The gateway IP address appears in the screen by default."
  'proxy-host': (ctx) => ctx.config.proxy?.host ?? managementGateway(ctx),
  // "Port "0443" appears in the screen by default."
  'proxy-port': (ctx) => String(ctx.config.proxy?.port ?? 443),
  'proxy-user': (ctx) => ctx.config.proxy?.user ?? '',
  'proxy-password': (ctx) => ctx.config.proxy?.password ?? '',
  'wan-ip': wanField((s) => s.ip),
  'wan-netmask': (ctx) => padIpv4(effectiveWan(ctx)?.netmask ?? '255.255.255.0'),
  'wan-gateway': wanField((s) => s.gateway),
  'wan-dns1': wanField((s) => s.dns1),
  'wan-dns2': wanField((s) => s.dns2),
  'lan-ipv6': (ctx) => staticV6(ctx)?.ip ?? '',
  'lan-ipv6-prefix': (ctx) => String(staticV6(ctx)?.prefix ?? 64),
  'lan-ipv6-gateway': (ctx) => staticV6(ctx)?.gateway ?? '',
  'lan-ipv6-dns1': (ctx) => staticV6(ctx)?.dns1 ?? '',
  'lan-ipv6-dns2': (ctx) => staticV6(ctx)?.dns2 ?? '',
  'auto-ipv6-address': (ctx) => ctx.runtime.lanIpv6?.address ?? '',
  'auto-ipv6-prefix': (ctx) => (ctx.runtime.lanIpv6 ? String(ctx.runtime.lanIpv6.prefix) : ''),
  'auto-ipv6-gateway': (ctx) => autoV6(ctx)?.gateway ?? ctx.runtime.lanIpv6?.gateway ?? '',
  'manual-ipv6-dns1': (ctx) => autoV6(ctx)?.dns1 ?? '',
  'manual-ipv6-dns2': (ctx) => autoV6(ctx)?.dns2 ?? '',
};

// ---------------------------------------------------------------------------------------------
// Actions: what a confirmed flow does.

/** Why the appliance contacts the platform (the 2017 NETWORK ERR screen's first-line code depends on it). */
export const attemptContexts = [
  'boot', 'poll', 'activation-retry', 'lan-configured', 'wan-configured',
  'vlan-configured', 'proxy-enabled', 'proxy-disabled', 'reset',
] as const;
export type AttemptContext = (typeof attemptContexts)[number];

export type ActionOutcome =
  | { kind: 'reboot' }
  | { kind: 'shutdown' }
  /** A stored change; the appliance then tries the platform ("After each change"). */
  | { kind: 'network'; config: NetworkConfig; context: AttemptContext; renew: Array<'LAN' | 'WAN'> };

type Draft = Readonly<Record<string, string>>;
type Action = (config: NetworkConfig, draft: Draft) => ActionOutcome;

/** "0.0.0.0" and blanks mean an optional address was skipped. */
const optional = (value: string | undefined): string | null => (value === undefined || value === '' || value === '0.0.0.0' ? null : value);
const network = (config: NetworkConfig, context: AttemptContext, renew: Array<'LAN' | 'WAN'> = []): ActionOutcome => ({ kind: 'network', config, context, renew });

export const actions: Record<string, Action> = {
  reboot: () => ({ kind: 'reboot' }),
  shutdown: () => ({ kind: 'shutdown' }),
  'renew-dhcp-lan': (c) => network(c, 'lan-configured', ['LAN']),
  'enable-dhcp-lan': (c) => network({ ...c, lan: { ...c.lan, ipv4: { kind: 'dhcp' } } }, 'lan-configured', ['LAN']),
  // A VLAN on the LAN takes the LAN off DHCP; "0000" disables it (ERRATA-006).
  'set-vlan': (c, d) => {
    const vlan = Number(d['vlan'] ?? '0');
    const ipv4: LanIpv4 = vlan !== 0 && c.lan.ipv4.kind === 'dhcp' ? { kind: 'none' } : c.lan.ipv4;
    return network({ ...c, lan: { ...c.lan, vlan, ipv4 } }, 'vlan-configured', ['LAN']);
  },
  'set-lan-static': (c, d) => network({
    ...c,
    lan: {
      ...c.lan,
      ipv4: {
        kind: 'static', ip: d['ip'] ?? '0.0.0.0', netmask: unpadMask(d['netmask']), gateway: d['gateway'] ?? '0.0.0.0',
        dns1: optional(d['dns1']), dns2: optional(d['dns2']), wins1: optional(d['wins1']), wins2: optional(d['wins2']),
        domain: optional(d['domain']),
      },
    },
  }, 'lan-configured'),
  'enable-proxy': (c, d) => network({
    ...c,
    proxy: { host: d['host'] ?? '', port: Number(d['port'] ?? '443'), user: d['user'] ?? '', password: d['password'] ?? '' },
  }, 'proxy-enabled'),
  'disable-proxy': (c) => network({ ...c, proxy: null }, 'proxy-disabled'),
  'enable-dhcp-wan': (c) => network({ ...c, wan: { ...c.wan, ipv4: { kind: 'dhcp' } } }, 'wan-configured', ['WAN']),
  'renew-dhcp-wan': (c) => network(c, 'wan-configured', ['WAN']),
  'set-wan-static': (c, d) => network({
    ...c,
    wan: {
      ...c.wan,
      ipv4: { kind: 'static', ip: d['ip'] ?? '0.0.0.0', netmask: unpadMask(d['netmask']), gateway: d['gateway'] ?? '0.0.0.0', dns1: optional(d['dns1']), dns2: optional(d['dns2']) },
    },
  }, 'wan-configured'),
  'reset-ipv4v6': () => network(defaultConfig('ipv4+v6'), 'reset', ['LAN']),
  'reset-ipv6-only': () => network(defaultConfig('ipv6-only'), 'reset', ['LAN']),
  'reset-current-mode': (c) => network(defaultConfig(c.mode), 'reset', ['LAN']),
  'set-lan-ipv6-static': (c, d) => network({
    ...c,
    lan: {
      ...c.lan,
      ipv6: { kind: 'static', ip: d['ip'] ?? '', prefix: Number(d['prefix'] ?? '64'), gateway: optional(d['gateway']), dns1: optional(d['dns1']), dns2: optional(d['dns2']) },
    },
  }, 'lan-configured'),
  'renew-auto-ipv6': (c, d) => network({
    ...c,
    lan: { ...c.lan, ipv6: { kind: 'auto', gateway: optional(d['gateway']), dns1: optional(d['dns1']), dns2: optional(d['dns2']) } },
  }, 'lan-configured', ['LAN']),
};

/** The netmask as stored: the list field shows it padded ("255.255.255.000"). */
function unpadMask(value: string | undefined): string {
  return unpadIpv4(value ?? '255.255.255.000') ?? '255.255.255.0';
}

