// What the live lab tells its services, from the lab's own network specs: checked as text here
// (fast, no engine), and as behaviour by network.test.ts against the real servers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNetwork, proxyBehaviours } from '../../../../fixtures/networks.ts';
import { dhcpConfig, dnsConfig, interfaceOf, needsFaultProxy, proxyConfig, proxyFirewall, routerAddresses, routerRuleset, subnetHolding, syslogConfig, syslogPorts, unrealizable } from './services.ts';
import { parseReceivedLine } from './syslog-relay.ts';

describe('DHCP and router advertisements (dnsmasq, no DNS)', () => {
  test('the office lease: the spec\'s address, router and DNS server on the office interface', () => {
    const text = dhcpConfig(loadNetwork('office'));
    assert.match(text, /^port=0$/m);
    assert.match(text, /^interface=s-office$/m);
    assert.match(text, /^dhcp-range=set:office,198\.18\.10\.20,198\.18\.10\.20,255\.255\.255\.0,1h$/m);
    assert.match(text, /^dhcp-option=tag:office,option:router,198\.18\.10\.1$/m);
    assert.match(text, /^dhcp-option=tag:office,option:dns-server,198\.18\.10\.53$/m);
    assert.doesNotMatch(text, /enable-ra/);
  });

  test('"DHCP lease has no gateway": the routers option is sent empty', () => {
    const spec = structuredClone(loadNetwork('office'));
    spec.subnets.office!.dhcp!.gateway = null;
    assert.match(dhcpConfig(spec), /^dhcp-option=tag:office,option:router$/m);
  });

  test('no DHCP server on a subnet: no range for it, so nothing answers there', () => {
    const spec = structuredClone(loadNetwork('office'));
    spec.subnets.office!.dhcp = null;
    assert.doesNotMatch(dhcpConfig(spec), /set:office,/);
  });

  test('WINS servers go out as NetBIOS name servers', () => {
    const spec = structuredClone(loadNetwork('office'));
    spec.subnets.office!.dhcp!.wins = ['198.18.10.70', '198.18.10.71'];
    assert.match(dhcpConfig(spec), /^dhcp-option=tag:office,option:netbios-ns,198\.18\.10\.70,198\.18\.10\.71$/m);
  });

  test('IPv6: router advertisements only (SLAAC) with the advertised DNS server', () => {
    const text = dhcpConfig(loadNetwork('ipv6-only'));
    assert.match(text, /^enable-ra$/m);
    assert.match(text, /^dhcp-range=set:office6,::,constructor:s-office,ra-only,64,1h$/m);
    assert.match(text, /^dhcp-option=tag:office6,option6:dns-server,\[2001:db8:10::53\]$/m);
  });

  test('IPv6 without a router: advertisements with a router lifetime of 0', () => {
    const spec = structuredClone(loadNetwork('ipv6-only'));
    spec.subnets.office!.ipv6!.router = null;
    assert.match(dhcpConfig(spec), /^ra-param=s-office,0,0$/m);
  });
});

describe('DNS (dnsmasq on the DNS servers\' addresses)', () => {
  test('the spec\'s names, on the answering servers only; any other name does not exist', () => {
    const spec = structuredClone(loadNetwork('office-proxy'));
    const text = dnsConfig(spec);
    assert.match(text, /^listen-address=198\.18\.10\.53$/m);
    assert.match(text, /^host-record=qualysguard\.us1\.qualys\.test,198\.19\.255\.10$/m);
    assert.match(text, /^host-record=proxy\.lab\.test,198\.18\.10\.8$/m);
    assert.match(text, /^address=\/#\/$/m);
    spec.subnets.office!.hosts.find((h) => h.address === '198.18.10.53')!.answers = false;
    assert.doesNotMatch(dnsConfig(spec), /listen-address=198\.18\.10\.53/);
  });
});

describe('the router', () => {
  test('its addresses: each subnet\'s router and answering DNS servers, and the platform side\'s first host', () => {
    const addresses = routerAddresses(loadNetwork('dual-stack')).map((a) => `${a.iface} ${a.address}`);
    assert.deepEqual(addresses.sort(), ['internet 198.19.255.1/24', 'internet 2001:db8:ffff::1/64', 's-office 198.18.10.1/24', 's-office 198.18.10.53/24', 's-office 2001:db8:10::1/64', 's-office 2001:db8:10::53/64'].sort());
  });

  test('a WAN lease in the LAN\'s network: the router takes an address there on the WAN side, with no route, so dnsmasq serves it', () => {
    const spec = structuredClone(loadNetwork('split'));
    spec.subnets.dmz!.dhcp = { ...spec.subnets.dmz!.dhcp!, address: '198.18.10.120', gateway: '198.18.10.1', dns: ['198.18.10.53'] };
    const wan = routerAddresses(spec).filter((a) => a.iface === 's-dmz');
    assert.deepEqual(wan, [{ iface: 's-dmz', address: '198.18.20.1/24' }, { iface: 's-dmz', address: '198.18.10.254/24', flags: 'noprefixroute' }, { iface: 's-dmz', address: '198.18.20.53/24' }]);
    assert.match(dhcpConfig(spec), /dhcp-range=set:dmz,198\.18\.10\.120,198\.18\.10\.120,255\.255\.255\.0,1h/);
    // A lease in the subnet's own network needs nothing more.
    assert.equal(routerAddresses(loadNetwork('split')).filter((a) => a.flags).length, 0);
  });

  test('forwarding: a subnet with Internet access reaches the platform side; one without lets only its proxy out', () => {
    assert.match(routerRuleset(loadNetwork('office')), /iifname "s-office" oifname "internet" accept/);
    const proxied = routerRuleset(loadNetwork('office-proxy'));
    assert.doesNotMatch(proxied, /iifname "s-office" oifname "internet" accept/);
    assert.match(proxied, /iifname "s-office" oifname "internet" ip saddr 198\.18\.10\.8 accept/);
    assert.match(proxied, /policy drop/);
  });

  test('the platform path: dropped, refused with a reset, reset once data is sent, or responses lost', () => {
    const ruleset = (path: 'open' | 'drop' | 'refuse' | 'reset-on-send' | 'lose-responses') => {
      const spec = structuredClone(loadNetwork('office'));
      spec.platform.path = path;
      return routerRuleset(spec);
    };
    assert.doesNotMatch(ruleset('open'), /198\.19\.255\.10/);
    assert.match(ruleset('drop'), /ip daddr 198\.19\.255\.10 drop/);
    assert.match(ruleset('refuse'), /ip daddr 198\.19\.255\.10 tcp flags syn reject with tcp reset/);
    assert.match(ruleset('reset-on-send'), /ip daddr 198\.19\.255\.10 .*reject with tcp reset/);
    assert.match(ruleset('lose-responses'), /ip saddr 198\.19\.255\.10 .*drop/);
  });
});

describe('the proxy (squid)', () => {
  const proxy = () => structuredClone(loadNetwork('office-proxy')).proxy!;

  test('no authentication: CONNECT allowed on the spec\'s address and port, the lab\'s DNS', () => {
    const { config, passwords } = proxyConfig(proxy(), ['198.18.10.53']);
    assert.match(config, /^http_port 198\.18\.10\.8:3128$/m);
    assert.match(config, /^dns_nameservers 198\.18\.10\.53$/m);
    assert.match(config, /^http_access allow CONNECT$/m);
    assert.equal(passwords, null);
  });

  test('Basic authentication: credentials required (407 without), the user\'s password handed over apart', () => {
    const { config, passwords } = proxyConfig({ ...proxy(), auth: { kind: 'basic', user: 'scanner', password: 'pw-1' } }, []);
    assert.match(config, /^auth_param basic program /m);
    assert.match(config, /^http_access allow CONNECT authenticated$/m);
    assert.equal(passwords, 'scanner:pw-1\n');
  });

  test('a proxy that refuses resets each connection to its port; one that does not answer drops them; a tunnel is open', () => {
    const proxy = structuredClone(loadNetwork('office-proxy')).proxy!;
    assert.match(proxyFirewall({ ...proxy, behaviour: 'refuse' }), /tcp dport 3128 reject with tcp reset/);
    assert.match(proxyFirewall({ ...proxy, behaviour: 'no-answer' }), /tcp dport 3128 drop/);
    assert.doesNotMatch(proxyFirewall(proxy), /dport/);
    assert.deepEqual(unrealizable({ ...loadNetwork('office-proxy'), proxy: { ...proxy, behaviour: 'refuse' } }), []);
  });

  test('an IPv6 proxy listens in brackets', () => {
    const { config } = proxyConfig(structuredClone(loadNetwork('ipv6-only-proxy')).proxy!, []);
    assert.match(config, /^http_port \[2001:db8:10::8\]:3128$/m);
  });
});

describe('what the live lab cannot realize here, each with its reason', () => {
  test('a trunk\'s VLANs (no 8021q module), a forced link setting, NTLM; every other proxy behaviour, status and platform fault is realized', () => {
    assert.deepEqual(unrealizable(loadNetwork('office')), []);
    assert.match(unrealizable(loadNetwork('trunk')).join('\n'), /802\.1Q VLANs .*Unknown device type/);
    const spec = structuredClone(loadNetwork('office-proxy'));
    spec.lan.partner = '100baseT/Full';
    spec.proxy = { ...spec.proxy!, auth: { kind: 'ntlm', domain: 'LAB', user: 'u', password: 'p' }, behaviour: 'close' };
    const why = unrealizable(spec).join('\n');
    assert.match(why, /forced link setting \(100baseT\/Full\)/);
    assert.match(why, /NTLM authentication/);
    assert.doesNotMatch(why, /close/);
    for (const behaviour of proxyBehaviours) {
      const other = structuredClone(loadNetwork('office-proxy'));
      other.proxy = { ...other.proxy!, behaviour, auth: { kind: 'unsupported' }, status: 502 };
      other.platform = { ...other.platform, certificate: 'untrusted', handshake: 'fails' };
      assert.deepEqual(unrealizable(other), [], behaviour);
    }
  });

  test('squid plays a tunnel, Basic authentication and 403; fault-proxy.ts everything else', () => {
    const proxy = structuredClone(loadNetwork('office-proxy')).proxy!;
    assert.equal(needsFaultProxy(proxy), false);
    assert.equal(needsFaultProxy({ ...proxy, status: 403 }), false);
    assert.equal(needsFaultProxy({ ...proxy, behaviour: 'refuse' }), false);
    assert.equal(needsFaultProxy({ ...proxy, status: 503 }), true);
    assert.equal(needsFaultProxy({ ...proxy, auth: { kind: 'unsupported' } }), true);
    for (const behaviour of ['close', 'socks', 'no-http1', 'ssl-bridging'] as const) assert.equal(needsFaultProxy({ ...proxy, behaviour }), true, behaviour);
  });
});

test('interfaces are named after their subnet within Linux\'s 15 characters; addresses find their subnet', () => {
  assert.equal(interfaceOf('office'), 's-office');
  assert.equal(interfaceOf('a-very-long-subnet-name').length, 15);
  assert.equal(subnetHolding(loadNetwork('office-proxy'), '198.18.20.7')?.[0], 'dmz');
  assert.equal(subnetHolding(loadNetwork('office-proxy'), '203.0.113.1'), null);
});

describe('syslog (rsyslog)', () => {
  test('an input for each port of the spec\'s receivers, named by protocol and port, written before each message', () => {
    const spec = structuredClone(loadNetwork('office-proxy'));
    spec.subnets.office!.hosts.push({ address: '198.18.10.60', role: 'host', answers: true, services: [{ protocol: 'udp', port: 514 }, { protocol: 'tcp', port: 6514 }, { protocol: 'udp', port: 514 }] });
    const ports = syslogPorts(spec);
    assert.deepEqual(ports, { udp: [514], tcp: [6514] });
    const config = syslogConfig(ports);
    assert.match(config, /^input\(type="imudp" port="514" name="udp-514"\)$/m);
    assert.match(config, /^input\(type="imtcp" port="6514" name="tcp-6514"\)$/m);
    assert.doesNotMatch(config, /port="514" name="tcp/);
    assert.match(config, /string="%inputname% %rawmsg%\\n"/);
    assert.deepEqual(parseReceivedLine('tcp-6514 <134>1 - h a - - - text with spaces'), { protocol: 'tcp', port: 6514, message: '<134>1 - h a - - - text with spaces' });
    assert.equal(parseReceivedLine('garbage'), null);
  });
});
