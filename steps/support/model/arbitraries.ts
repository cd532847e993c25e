// The values and the mix of user actions the model-based property draws: addresses within the
// default lab network's subnets or deliberately wrong, entries within each field's documented
// characters, and one arbitrary per command of ./commands.ts.
import fc from 'fast-check';
import type { NetworkCommand } from './commands.ts';
import {
  CancelLanStatic, CancelProxy, ChangeVlan, DisableProxy, EnableLanDhcp, EnableVlan, EnableWanDhcp, ReadBack, Reboot,
  RenewDhcp, ResetNetwork, SetLanStatic, SetPortLink, SetProxy, SetWanStatic,
} from './commands.ts';
import type { Ipv4Entry, LanEntry, ModelGeneration, ProxyEntry } from './model.ts';
import { linkSettings, netmasks } from './model.ts';

// Values: within the office subnet of the default lab network (198.18.10.0/24, router .1, DNS
// .53; the dmz on the WAN side 198.18.20.0/24), or deliberately wrong.

const octet = fc.integer({ min: 0, max: 255 });
const anyIpv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const inSubnet = (prefix: string) => fc.integer({ min: 2, max: 254 }).map((n) => `${prefix}.${n}`);
/** An optional address: skipped ("0.0.0.0", the field left at zeros) or entered. */
const optionalIpv4 = (good: fc.Arbitrary<string>) => fc.oneof(fc.constant('0.0.0.0'), good);

/** "uppercase letters, numbers, underscore(_), and period (.)", up to 32 (ERRATA-003). */
const domain = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Z][A-Z0-9_.]{0,10}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z][A-Z0-9_.]{15,31}$/) },
);

const lanEntry: fc.Arbitrary<LanEntry> = fc.oneof(
  fc.record({
    ip: inSubnet('198.18.10'), netmask: fc.constant('255.255.255.000'), gateway: fc.constant('198.18.10.1'),
    dns1: fc.constant('198.18.10.53'), dns2: optionalIpv4(inSubnet('198.18.10')),
    wins1: optionalIpv4(inSubnet('198.18.10')), wins2: optionalIpv4(inSubnet('198.18.10')), domain,
  }),
  fc.record({
    ip: anyIpv4, netmask: fc.constantFrom(...netmasks), gateway: anyIpv4, dns1: anyIpv4, dns2: optionalIpv4(anyIpv4),
    wins1: optionalIpv4(anyIpv4), wins2: optionalIpv4(anyIpv4), domain,
  }),
);

const wanEntry: fc.Arbitrary<Ipv4Entry> = fc.oneof(
  fc.record({
    ip: inSubnet('198.18.20'), netmask: fc.constant('255.255.255.000'), gateway: fc.constant('198.18.20.1'),
    dns1: fc.constant('198.18.20.53'), dns2: optionalIpv4(inSubnet('198.18.20')),
  }),
  fc.record({ ip: anyIpv4, netmask: fc.constantFrom(...netmasks), gateway: anyIpv4, dns1: anyIpv4, dns2: optionalIpv4(anyIpv4) }),
);

const chars = (s: string) => fc.constantFrom(...s);
const lower = 'abcdefghijklmnopqrstuvwxyz';
const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const digits = '0123456789';
/** "underscore (_), dash (-), backslash (\), period (.), at sign (@)" (ERRATA-004). */
const userChars = `${lower}${upper}${digits}_-\\.@`;
/** Letters, numbers and the 30 special characters of the PROXY PASSW table (ERRATA-030, -032). */
const passwordChars = `${lower}${upper}${digits}_-\\/|~!?@#$%^&*+=(){}[]<>;"\`,.`;

const proxyHost = (g: ModelGeneration): fc.Arbitrary<string> => (g === '2017'
  ? fc.oneof(fc.constantFrom('198.18.10.8', '198.18.10.1'), anyIpv4)
  // "Supported characters for FQDN: Upper case letters, numbers, dot (.) and hyphen (-)";
  // "IPv4+v6 mode: IPv4 addresses are allowed in dotted decimal format".
  : fc.oneof(
    fc.constantFrom('PROXY.LAB.TEST', '198.18.10.8'),
    fc.array(fc.stringMatching(/^[A-Z]([A-Z0-9-]{0,5}[A-Z0-9])?$/), { minLength: 1, maxLength: 3 }).map((labels) => labels.join('.')),
    anyIpv4,
  ));

const proxyEntry = (g: ModelGeneration): fc.Arbitrary<ProxyEntry> => fc.record({
  host: proxyHost(g),
  port: fc.oneof(fc.constantFrom(443, 3128, 8080), fc.integer({ min: 1, max: 9999 })),
  user: fc.oneof(fc.constant(''), fc.string({ unit: chars(userChars), minLength: 1, maxLength: 10 }), fc.string({ unit: chars(userChars), minLength: 16, maxLength: 32 })),
  password: fc.oneof(fc.constant(''), fc.string({ unit: chars(passwordChars), minLength: 1, maxLength: 16 })),
});

const vlanId = fc.integer({ min: 1, max: 4094 });
const link = fc.constantFrom(...linkSettings);
const where = fc.constantFrom('start' as const, 'end' as const);

/** One arbitrary per user action (some twice, to weigh them), for fc.commands. */
export function networkCommands(g: ModelGeneration, options: { reboot?: boolean } = {}): Array<fc.Arbitrary<NetworkCommand>> {
  const list: Array<fc.Arbitrary<NetworkCommand>> = [
    vlanId.map((v) => new EnableVlan(v)),
    vlanId.map((v) => new ChangeVlan(v)),
    fc.constant(new ChangeVlan(0)),
    lanEntry.map((e) => new SetLanStatic(e)),
    lanEntry.map((e) => new SetLanStatic(e)),
    fc.tuple(where, lanEntry).map(([at, e]) => new CancelLanStatic(at, e)),
    fc.constant(new EnableLanDhcp()),
    fc.constant(new RenewDhcp('LAN')),
    proxyEntry(g).map((e) => new SetProxy(false, e)),
    proxyEntry(g).map((e) => new SetProxy(true, e)),
    fc.tuple(where, proxyEntry(g)).map(([at, e]) => new CancelProxy(at, e)),
    fc.constant(new DisableProxy(false)),
    fc.constant(new DisableProxy(true)),
    fc.constant(new EnableWanDhcp(false)),
    fc.constant(new EnableWanDhcp(true)),
    fc.constant(new RenewDhcp('WAN')),
    wanEntry.map((e) => new SetWanStatic(e, null)),
    fc.tuple(where, wanEntry).map(([at, e]) => new SetWanStatic(e, at)),
    fc.tuple(fc.constantFrom('LAN' as const, 'WAN' as const), link).map(([p, v]) => new SetPortLink(p, v, null)),
    fc.tuple(fc.constantFrom('LAN' as const, 'WAN' as const), link, fc.constantFrom('quit' as const, 'confirmation' as const))
      .map(([p, v, at]) => new SetPortLink(p, v, at)),
    fc.constant(new ResetNetwork(false)),
    fc.constant(new ResetNetwork(true)),
    fc.constant(new ReadBack()),
  ];
  if (options.reboot ?? true) list.push(fc.constant(new Reboot()));
  return list;
}
