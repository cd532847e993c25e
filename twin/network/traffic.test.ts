// Scan and service traffic through the modeled network: which port, VLAN tag and source address a
// packet leaves by, given the appliance's own settings and what it picked up from the platform
// (the VLANs and static routes of "Configure VLANs / Static Routes using the Qualys UI", and
// "Enable IPv6 for this scanner").
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { NetworkSpec } from '../../fixtures/networks.ts';
import { loadNetwork } from '../../fixtures/networks.ts';
import type { ConfigResponse } from '../cloud/api.ts';
import type { Attachment, Ipv4Addressing } from './interface.ts';
import type { Leg } from './traffic.ts';
import { scanEgress, serviceEgress } from './traffic.ts';

type Vlan = ConfigResponse['vlans'][number];
type StaticRoute = ConfigResponse['staticRoutes'][number];
type Ipv6Scanning = ConfigResponse['ipv6'];

const leased = (ip: string, gateway: string | null): Ipv4Addressing => ({ ip, netmask: '255.255.255.0', gateway: gateway ?? '', dns: [], leased: true });

/** The appliance on DHCP (LAN 198.18.10.20), optionally with DHCP on the WAN too (split network). */
function dhcp(options: { wan?: boolean; mode?: Attachment['mode'] } = {}): Attachment {
  const mode = options.mode ?? 'ipv4+v6';
  return {
    mode,
    lan: { link: 'AUTO', vlan: 0, ipv4: mode === 'ipv4+v6' ? leased('198.18.10.20', '198.18.10.1') : null, ipv6: null },
    wan: options.wan ? { link: 'AUTO', ipv4: leased('198.18.20.20', '198.18.20.1') } : null,
    proxy: null,
  };
}

/** A VLAN set on the appliance's own UI, with a static address on its subnet. */
function uiVlan(vlan: number, ip: string, gateway: string): Attachment {
  return {
    mode: 'ipv4+v6',
    lan: { link: 'AUTO', vlan, ipv4: { ip, netmask: '255.255.255.0', gateway, dns: [], leased: false }, ipv6: null },
    wan: null,
    proxy: null,
  };
}

function cloud(options: { vlans?: Vlan[]; routes?: StaticRoute[]; ipv6?: Ipv6Scanning } = {}): ConfigResponse {
  return { version: 2, vlans: options.vlans ?? [], staticRoutes: options.routes ?? [], ipv6: options.ipv6 ?? { enabled: false }, syslog: null };
}

const vlan = (id: number, address: string, netmask = '255.255.255.0'): Vlan => ({ id, address, netmask, name: `vlan${id}` });
const route = (destination: string, netmask: string, gateway: string): StaticRoute => ({ name: destination, destination, netmask, gateway });

/** Port, tag and source: what a switch port sees of the packet. */
function seen(egress: Leg | null): string | null {
  return egress === null ? null : `${egress.port} vlan ${egress.vlan} from ${egress.source}`;
}

describe('IPv4 scan traffic', () => {
  const office = loadNetwork('trunk-scan');

  test('without settings from the platform: the LAN, untagged, on its subnet and through its gateway', () => {
    const ctx = dhcp();
    assert.equal(seen(scanEgress(ctx, office, null, '198.18.10.99')), 'LAN vlan 0 from 198.18.10.20');
    assert.equal(seen(scanEgress(ctx, office, null, '198.18.77.5')), 'LAN vlan 0 from 198.18.10.20');
    assert.equal(scanEgress(ctx, office, null, '198.18.77.5')?.gateway, '198.18.10.1');
    assert.equal(scanEgress(ctx, office, null, 'not-an-address'), null);
  });

  test('a LAN without a gateway reaches only its own subnet', () => {
    const ctx = dhcp();
    ctx.lan.ipv4 = leased('198.18.10.20', null);
    assert.equal(seen(scanEgress(ctx, office, null, '198.18.10.99')), 'LAN vlan 0 from 198.18.10.20');
    assert.equal(scanEgress(ctx, office, null, '198.18.77.5'), null);
  });

  test('"adds VLAN tag(s) to all scanning packets": a platform VLAN\'s subnet leaves tagged, from the VLAN\'s address', () => {
    const settings = cloud({ vlans: [vlan(20, '198.18.120.10'), vlan(30, '198.18.130.10', '255.255.255.128')] });
    const ctx = dhcp();
    assert.equal(seen(scanEgress(ctx, office, settings, '198.18.120.50')), 'LAN vlan 20 from 198.18.120.10');
    assert.equal(seen(scanEgress(ctx, office, settings, '198.18.130.100')), 'LAN vlan 30 from 198.18.130.10');
    // Outside the /25 of VLAN 30: the LAN's default gateway.
    assert.equal(seen(scanEgress(ctx, office, settings, '198.18.130.200')), 'LAN vlan 0 from 198.18.10.20');
    assert.equal(scanEgress(ctx, office, settings, '198.18.120.50')?.subnet, office.subnets['engineering']);
  });

  test('"choose option 1) and also configure more VLANs": the UI\'s VLAN tags the default traffic, the platform\'s their subnets', () => {
    const ctx = uiVlan(100, '198.18.100.30', '198.18.100.1');
    const settings = cloud({ vlans: [vlan(20, '198.18.120.10')] });
    assert.equal(seen(scanEgress(ctx, office, settings, '198.18.77.5')), 'LAN vlan 100 from 198.18.100.30');
    assert.equal(seen(scanEgress(ctx, office, settings, '198.18.120.50')), 'LAN vlan 20 from 198.18.120.10');
  });

  test('a static route sends its destination through the interface on its gateway\'s subnet', () => {
    const settings = cloud({ vlans: [vlan(20, '198.18.120.10')], routes: [route('198.18.40.0', '255.255.255.0', '198.18.120.1')] });
    const ctx = dhcp();
    const egress = scanEgress(ctx, office, settings, '198.18.40.7');
    assert.equal(seen(egress), 'LAN vlan 20 from 198.18.120.10');
    assert.equal(egress?.gateway, '198.18.120.1');
    assert.equal(seen(scanEgress(ctx, office, settings, '198.18.41.7')), 'LAN vlan 0 from 198.18.10.20');
  });

  test('the most specific route wins, whatever the order the routes were entered in', () => {
    const wide = route('198.18.0.0', '255.255.0.0', '198.18.120.1');
    const narrow = route('198.18.50.0', '255.255.255.0', '198.18.130.1');
    const vlans = [vlan(20, '198.18.120.10'), vlan(30, '198.18.130.10')];
    for (const routes of [[wide, narrow], [narrow, wide]]) {
      const settings = cloud({ vlans, routes });
      assert.equal(seen(scanEgress(dhcp(), office, settings, '198.18.50.7')), 'LAN vlan 30 from 198.18.130.10');
      assert.equal(seen(scanEgress(dhcp(), office, settings, '198.18.51.7')), 'LAN vlan 20 from 198.18.120.10');
      // A directly connected subnet is more specific than the /16.
      assert.equal(seen(scanEgress(dhcp(), office, settings, '198.18.10.99')), 'LAN vlan 0 from 198.18.10.20');
    }
  });

  test('a route whose gateway is on none of the appliance\'s subnets is not installed: the default route carries its traffic', () => {
    const settings = cloud({ routes: [route('198.18.40.0', '255.255.255.0', '198.18.99.1')] });
    assert.equal(seen(scanEgress(dhcp(), office, settings, '198.18.40.7')), 'LAN vlan 0 from 198.18.10.20');
    assert.equal(scanEgress(dhcp(), office, settings, '198.18.40.7')?.gateway, '198.18.10.1');
  });

  test('no LAN link, no IPv4 scanning', () => {
    const unplugged: NetworkSpec = structuredClone(office);
    unplugged.lan.cable = false;
    const settings = cloud({ vlans: [vlan(20, '198.18.120.10')] });
    assert.equal(scanEgress(dhcp(), unplugged, settings, '198.18.10.99'), null);
    assert.equal(scanEgress(dhcp(), unplugged, settings, '198.18.120.50'), null);
  });
});

describe('split network (2022: "WAN has special limited routes required for platform connections only")', () => {
  const split = loadNetwork('split');

  test('a target outside the LAN goes through the LAN, not the WAN, and so does one on the WAN\'s own subnet', () => {
    const ctx = dhcp({ wan: true });
    assert.equal(seen(scanEgress(ctx, split, null, '198.18.50.7')), 'LAN vlan 0 from 198.18.10.20');
    assert.equal(seen(scanEgress(ctx, split, null, '198.18.20.99')), 'LAN vlan 0 from 198.18.10.20');
  });

  test('"a static route is needed via WAN interface to the scan target host or network range"', () => {
    const ctx = dhcp({ wan: true });
    const settings = cloud({ routes: [route('198.18.50.0', '255.255.255.0', '198.18.20.1'), route('198.18.60.7', '255.255.255.255', '198.18.20.1')] });
    const network = scanEgress(ctx, split, settings, '198.18.50.7');
    assert.equal(seen(network), 'WAN vlan 0 from 198.18.20.20');
    assert.equal(network?.gateway, '198.18.20.1');
    assert.equal(seen(scanEgress(ctx, split, settings, '198.18.60.7')), 'WAN vlan 0 from 198.18.20.20');
    assert.equal(seen(scanEgress(ctx, split, settings, '198.18.60.8')), 'LAN vlan 0 from 198.18.10.20');
    assert.equal(seen(scanEgress(ctx, split, settings, '198.18.10.99')), 'LAN vlan 0 from 198.18.10.20');
  });

  test('the WAN route needs the WAN up: without its cable, the LAN carries the traffic', () => {
    const unplugged: NetworkSpec = structuredClone(split);
    unplugged.wan.cable = false;
    const settings = cloud({ routes: [route('198.18.50.0', '255.255.255.0', '198.18.20.1')] });
    assert.equal(seen(scanEgress(dhcp({ wan: true }), unplugged, settings, '198.18.50.7')), 'LAN vlan 0 from 198.18.10.20');
  });
});

describe('IPv6 scan traffic ("LAN IPv6 for scanning IPv6 hosts")', () => {
  const office = loadNetwork('trunk-scan');
  const target = '2001:db8:10::99';

  test('IPv4+v6 mode without "Enable IPv6 for this scanner": no IPv6 scanning', () => {
    assert.equal(scanEgress(dhcp(), office, null, target), null);
    assert.equal(scanEgress(dhcp(), office, cloud(), target), null);
  });

  test('"Automatically": the address router advertisements give, on the LAN; none without them', () => {
    const settings = cloud({ ipv6: { enabled: true, mode: 'auto' } });
    const egress = scanEgress(dhcp(), office, settings, target);
    assert.equal(seen(egress), 'LAN vlan 0 from 2001:db8:10::20');
    assert.equal(egress?.gateway, '2001:db8:10::1');
    const quiet: NetworkSpec = structuredClone(office);
    quiet.subnets['office']!.ipv6!.ra = false;
    assert.equal(scanEgress(dhcp(), quiet, settings, target), null);
  });

  test('"Static": the address assigned in the portal, whether or not routers advertise', () => {
    const settings = cloud({ ipv6: { enabled: true, mode: 'static', address: '2001:db8:10::30', prefixLength: 64, gateway: '2001:db8:10::1' } });
    assert.equal(seen(scanEgress(dhcp(), office, settings, target)), 'LAN vlan 0 from 2001:db8:10::30');
    const quiet: NetworkSpec = structuredClone(office);
    quiet.subnets['office']!.ipv6!.ra = false;
    assert.equal(seen(scanEgress(dhcp(), quiet, settings, target)), 'LAN vlan 0 from 2001:db8:10::30');
    const noGateway = cloud({ ipv6: { enabled: true, mode: 'static', address: '2001:db8:10::30', prefixLength: 64, gateway: '' } });
    assert.equal(scanEgress(dhcp(), office, noGateway, target)?.gateway, null);
  });

  test('IPv4 targets still leave by the LAN\'s IPv4 address', () => {
    const settings = cloud({ ipv6: { enabled: true, mode: 'auto' } });
    assert.equal(seen(scanEgress(dhcp(), office, settings, '198.18.10.99')), 'LAN vlan 0 from 198.18.10.20');
  });

  test('IPv6-only mode scans from the LAN\'s own IPv6 address, with or without the portal\'s setting', () => {
    const ctx = dhcp({ mode: 'ipv6-only' });
    ctx.lan.ipv6 = { address: '2001:db8:10::20', gateway: '2001:db8:10::1', dns: [] };
    assert.equal(seen(scanEgress(ctx, office, null, target)), 'LAN vlan 0 from 2001:db8:10::20');
    assert.equal(scanEgress(ctx, office, null, '198.18.10.99'), null, 'no IPv4 in IPv6-only mode');
  });

  test('no LAN link, no IPv6 scanning', () => {
    const unplugged: NetworkSpec = structuredClone(office);
    unplugged.lan.cable = false;
    assert.equal(scanEgress(dhcp(), unplugged, cloud({ ipv6: { enabled: true, mode: 'auto' } }), target), null);
  });
});

describe('services the appliance sends to (a syslog server)', () => {
  test('reached by the scanning route, or else by the WAN; nothing where no host listens', () => {
    const split: NetworkSpec = structuredClone(loadNetwork('split'));
    split.subnets['office']!.hosts.push({ address: '198.18.10.60', role: 'host', answers: true, services: [{ protocol: 'udp', port: 514 }] });
    split.subnets['dmz']!.hosts.push({ address: '198.18.20.60', role: 'host', answers: true, services: [{ protocol: 'tcp', port: 514 }] });
    const ctx = dhcp({ wan: true });
    assert.equal(seen(serviceEgress(ctx, split, null, '198.18.10.60', 'udp', 514)), 'LAN vlan 0 from 198.18.10.20');
    assert.equal(serviceEgress(ctx, split, null, '198.18.10.60', 'tcp', 514), null, 'nothing listens on TCP there');
    assert.equal(seen(serviceEgress(ctx, split, null, '198.18.20.60', 'tcp', 514)), 'WAN vlan 0 from 198.18.20.20');
    assert.equal(serviceEgress(ctx, split, null, '198.18.20.61', 'tcp', 514), null);
  });
});
