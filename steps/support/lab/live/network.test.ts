// The live lab realizes a NetworkSpec with real servers: a host on the LAN (a container of the
// lab image, as the appliance's cable would be) gets its lease from dnsmasq, resolves through the
// lab's DNS, meets squid's 407, sends syslog to rsyslog; a changed spec takes effect in the
// running services; nothing of the lab is left when it stops. A unit of the twin's firmware joins
// a lab's LAN in a container of its own, its console a pseudo-terminal on this machine. Needs the
// engine (npm test installs it as root) and builds the lab image when it is missing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { StartedTestContainer } from 'testcontainers';
import { loadConsoleLayout } from '../../../../fixtures/consoles.ts';
import { loadNetwork } from '../../../../fixtures/networks.ts';
import type { NetworkSpec } from '../../../../fixtures/networks.ts';
import { loadGeneration } from '../../../../fixtures/profiles.ts';
import { ConsoleDecoder } from '../../targets/serial/decoder.ts';
import { SyslogReceiver } from '../syslog-receiver.ts';
import { openTty } from '../../targets/serial/link.ts';
import { ensureEngine } from './engine.ts';
import { ensureImage, labImage } from './images.ts';
import { LiveNetwork } from './network.ts';
import type { LiveUnit } from './unit.ts';

/** The office behind a proxy (Basic authentication), with a syslog server on the LAN. */
function officeSpec(): NetworkSpec {
  const spec = structuredClone(loadNetwork('office-proxy'));
  spec.proxy = { ...spec.proxy!, auth: { kind: 'basic', user: 'scanner', password: 'lab-Secret-1' } };
  spec.subnets.office!.hosts.push({ address: '198.18.10.9', role: 'host', answers: true, services: [{ protocol: 'udp', port: 514 }, { protocol: 'tcp', port: 514 }] });
  return spec;
}

let image: string;
let lab: LiveNetwork | null = null;
let client: StartedTestContainer | null = null;

const shell = async (command: string) => {
  const { exitCode, output } = await client!.exec(['sh', '-c', command]);
  return { exitCode, output };
};

/** The lab's containers still on the engine. */
const containersOf = (name: string) => execFileSync('podman', ['ps', '-a', '--filter', `label=qsa.lab=${name}`, '--format', '{{.Names}}'], { encoding: 'utf8' }).trim();

before(async () => {
  await ensureEngine();
  image = (await ensureImage(labImage)).reference;
  lab = await LiveNetwork.realize(officeSpec(), { image });
  client = await lab.attachHost('client', 'office');
}, { timeout: 15 * 60_000 }); // a fresh machine builds the image first (minutes, mostly download)

after(async () => {
  await lab?.stop();
});

describe('the live lab realizes a network spec with real servers', { timeout: 180_000 }, () => {
  test('podman shows the lab\'s router, proxy, syslog and platform containers, and the host on its LAN, while it runs', () => {
    const names = containersOf(lab!.name).split('\n').sort();
    assert.deepEqual(names, ['router', 'proxy', 'syslog', 'platform', 'client'].map((r) => `${lab!.name}-${r}`).sort());
  });

  test('DHCP: the lease the spec gives (address, gateway, DNS), from dnsmasq', async () => {
    const { exitCode, output } = await shell('timeout 30 dhclient -1 -v eth0 2>&1; ip -4 -o addr show eth0; ip -4 route; cat /etc/resolv.conf');
    assert.equal(exitCode, 0, output);
    assert.match(output, /DHCPACK of 198\.18\.10\.20 from 198\.18\.10\.1/);
    assert.match(output, /inet 198\.18\.10\.20\/24/);
    assert.match(output, /default via 198\.18\.10\.1 dev eth0/);
    assert.match(output, /nameserver 198\.18\.10\.53/);
  });

  test('DNS: the platform\'s and the proxy\'s names resolve as the spec says; another name does not exist', async () => {
    const platform = await shell('dig +short +time=2 +tries=1 @198.18.10.53 qualysguard.us1.qualys.test A');
    assert.equal(platform.output.trim(), '198.19.255.10');
    const proxy = await shell('dig +short +time=2 +tries=1 @198.18.10.53 proxy.lab.test A');
    assert.equal(proxy.output.trim(), '198.18.10.8');
    const other = await shell('dig +time=2 +tries=1 @198.18.10.53 nowhere.example.test A');
    assert.match(other.output, /status: NXDOMAIN/);
  });

  test('proxy: squid answers CONNECT without credentials with 407, and lets the right ones through', async () => {
    const anonymous = await shell('curl -s -o /dev/null -w "%{http_connect}" --max-time 5 -p -x http://198.18.10.8:3128 https://qualysguard.us1.qualys.test/ ; echo');
    assert.match(anonymous.output, /^407/);
    const wrong = await shell('curl -s -o /dev/null -w "%{http_connect}" --max-time 5 -p -x http://scanner:wrong@198.18.10.8:3128 https://qualysguard.us1.qualys.test/ ; echo');
    assert.match(wrong.output, /^407/);
  });

  test('the platform twin answers HTTPS through the proxy\'s tunnel, with a certificate for the POD\'s name', async () => {
    await client!.copyContentToContainer([{ content: await lab!.platformCa(), target: '/tmp/platform-ca.pem' }]);
    const tunnel = await shell('curl -s -o /dev/null -w "%{http_connect} %{http_code}" --max-time 10 --cacert /tmp/platform-ca.pem -p -x http://scanner:lab-Secret-1@198.18.10.8:3128 https://qualysguard.us1.qualys.test/ ; echo');
    assert.match(tunnel.output, /^200 303/, tunnel.output);
  });

  test('firewall: the office has no Internet of its own, so a direct connection to the platform is dropped (a timeout)', async () => {
    const direct = await shell('curl -s -o /dev/null --max-time 3 --cacert /tmp/platform-ca.pem https://qualysguard.us1.qualys.test/; echo "exit $?"');
    assert.match(direct.output, /exit 28/, direct.output);
  });

  test('firewall: with Internet access, the platform path as the spec says: open, refused, reset on send', async () => {
    const reached = async (path: 'open' | 'refuse' | 'reset-on-send') => {
      const spec = officeSpec();
      spec.subnets.office!.internet = true;
      spec.platform.path = path;
      await lab!.reconfigure(spec);
      return (await shell('curl -s -o /dev/null -w "%{http_code}" --max-time 5 --cacert /tmp/platform-ca.pem https://qualysguard.us1.qualys.test/; echo " exit $?"')).output;
    };
    assert.match(await reached('open'), /^303 exit 0/);
    // curl's own codes: 7 could not connect (the RST to its SYN); 35 or 56 the connection reset once it sent.
    assert.match(await reached('refuse'), /exit 7$/m);
    assert.match(await reached('reset-on-send'), /exit (35|56)$/m);
    assert.match(await reached('open'), /^303 exit 0/);
  });

  test('proxies squid cannot play (fault-proxy.ts): another status, only Negotiate, closing, SOCKS, SSL bridging; then squid again', async () => {
    const through = async (change: (proxy: NonNullable<NetworkSpec['proxy']>) => void) => {
      const spec = officeSpec();
      change(spec.proxy!);
      await lab!.reconfigure(spec);
      return (await shell('curl -s -v -o /dev/null -w "connect=%{http_connect}" --max-time 5 --cacert /tmp/platform-ca.pem -p -x http://scanner:lab-Secret-1@198.18.10.8:3128 https://qualysguard.us1.qualys.test/ 2>&1; echo " exit $?"')).output;
    };
    assert.match(await through((p) => { p.status = 503; }), /connect=503/);
    assert.match(await through((p) => { p.auth = { kind: 'unsupported' }; }), /Proxy-Authenticate: Negotiate[\s\S]*connect=407/i);
    // curl's own codes: 56 the connection closed or not HTTP; 60 a certificate it does not trust.
    assert.match(await through((p) => { p.behaviour = 'close'; }), /exit 56$/m);
    assert.match(await through((p) => { p.behaviour = 'socks'; }), /exit (56|43|1)$/m);
    assert.match(await through((p) => { p.behaviour = 'ssl-bridging'; }), /connect=200[\s\S]*exit 60$/m);
    assert.match(await through(() => undefined), /connect=200 exit 0$/m);
  });

  test('the platform\'s TLS faults: a certificate nobody trusts, a refused handshake; then as it was', async () => {
    const direct = async (platform: Partial<NetworkSpec['platform']>) => {
      const spec = officeSpec();
      spec.subnets.office!.internet = true;
      spec.platform = { ...spec.platform, ...platform };
      await lab!.reconfigure(spec);
      return (await shell('curl -s -o /dev/null -w "%{http_code}" --max-time 5 --cacert /tmp/platform-ca.pem https://qualysguard.us1.qualys.test/; echo " exit $?"')).output;
    };
    assert.match(await direct({ certificate: 'untrusted' }), /exit 60$/m);
    // 35: the TLS handshake failed (the server's fatal alert).
    assert.match(await direct({ handshake: 'fails' }), /exit 35$/m);
    assert.match(await direct({}), /^303 exit 0/);
  });

  test('syslog: a datagram to the spec\'s receiver arrives at rsyslog as sent', async () => {
    const message = `<134>1 2026-12-05T12:00:00Z qsa-client lab - - - live lab check ${process.pid}`;
    await shell(`printf '%s' '${message}' > /dev/udp/198.18.10.9/514 2>/dev/null || printf '%s' '${message}' | timeout 2 bash -c 'cat > /dev/udp/198.18.10.9/514'`);
    const deadline = performance.now() + 5000;
    let received: string[] = [];
    while (performance.now() < deadline) {
      received = await lab!.syslogReceived();
      if (received.some((l) => l.includes(`live lab check ${process.pid}`))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(received.some((l) => l.includes(`live lab check ${process.pid}`)), `received: ${received.join(' | ')}`);
  });

  test('syslog handed to the suite: what rsyslog receives on an attached port reaches the suite\'s receiver, over the protocol it was sent on; a port not attached, or after detaching, does not', async () => {
    const receiver = await SyslogReceiver.start();
    try {
      lab!.relaySyslog('udp', 514, receiver.endpoint('udp'));
      lab!.relaySyslog('tcp', 514, receiver.endpoint('tcp'));
      const message = (n: string) => `<134>1 2026-12-05T12:00:00Z qsa-client lab - - - relayed ${n} ${process.pid}`;
      // bash's /dev/udp and /dev/tcp (sh has none).
      await shell(`bash -c "printf '%s' '${message('udp')}' > /dev/udp/198.18.10.9/514"`);
      // Octet-counted, as an appliance forwarding over TCP frames it (RFC 6587 3.4.1).
      await shell(`bash -c "m='${message('tcp')}'; printf '%s %s' \\\${#m} \\"\\$m\\" > /dev/tcp/198.18.10.9/514"`);
      const both = await receiver.waitFor((r) => r.length >= 2, 5000);
      assert.ok(both, `received: ${receiver.received.map((r) => `${r.transport} ${r.raw}`).join(' | ')}`);
      assert.deepEqual(receiver.received.map((r) => [r.transport, r.raw, r.error]).sort(), [['tcp', message('tcp'), null], ['udp', message('udp'), null]]);
      lab!.detachSyslog();
      await shell(`bash -c "printf '%s' '${message('after')}' > /dev/udp/198.18.10.9/514"`);
      assert.equal(await receiver.waitFor((r) => r.length > 2, 1500), false, 'nothing is relayed after detaching');
    } finally {
      lab!.detachSyslog();
      await receiver.stop();
    }
  });

  test('a changed spec reconfigures the running services: a lease without a gateway', async () => {
    const running = execFileSync('podman', ['ps', '--filter', `label=qsa.lab=${lab!.name}`, '--format', '{{.ID}} {{.StartedAt}}'], { encoding: 'utf8' });
    const spec = officeSpec();
    spec.subnets.office!.dhcp!.gateway = null;
    await lab!.reconfigure(spec);
    const { output } = await shell('dhclient -r eth0 2>/dev/null; ip -4 addr flush dev eth0; ip -4 route flush dev eth0; rm -f /var/lib/dhcp/dhclient.leases; timeout 30 dhclient -1 -v eth0 2>&1; ip -4 route');
    assert.match(output, /DHCPACK of 198\.18\.10\.20/);
    assert.doesNotMatch(output, /default via/);
    const afterwards = execFileSync('podman', ['ps', '--filter', `label=qsa.lab=${lab!.name}`, '--format', '{{.ID}} {{.StartedAt}}'], { encoding: 'utf8' });
    assert.equal(afterwards, running, 'no container was added or restarted');
  });

  test('when the lab stops, none of its containers or networks is left', async () => {
    const name = lab!.name;
    await lab!.stop();
    client = null;
    lab = null;
    assert.equal(containersOf(name), '');
    const networks = execFileSync('podman', ['network', 'ls', '--format', '{{.Name}}'], { encoding: 'utf8' });
    assert.ok(!networks.includes(name), networks);
  });
});

describe('a unit of the twin\'s firmware on the office LAN, its console a pseudo-terminal on this machine', { timeout: 180_000 }, () => {
  /** The 2022 generation's unit as it leaves the factory (the twin's default serial number). */
  const serialNumber = loadGeneration('2022').hardware.defaultSerialNumber;
  let office: LiveNetwork | null = null;
  let unit: LiveUnit | null = null;

  before(async () => {
    office = await LiveNetwork.realize(loadNetwork('office'), { image, unit: { serialNumber, activatedBy: 'jdoe' } });
    unit = await office.attachUnit({
      generation: '2022', lan: 'office',
      args: ['--serial', String(serialNumber), '--on', '--activated-by', 'jdoe', '--speed', '40', '--line', 'unpaced', '--console-layout', 'boxed'],
    });
  }, { timeout: 5 * 60_000 });

  after(async () => {
    await office?.stop();
  });

  test('the unit\'s container has its LAN port as lan0; the lab\'s platform knows the unit, activated by jdoe', async () => {
    const { output: links } = await unit!.container.exec(['ip', '-o', 'link', 'show']);
    assert.match(links, /: lan0[:@]/);
    assert.doesNotMatch(links, /: eth0[:@]/);
    const platform = execFileSync('podman', ['exec', `${office!.name}-platform`, 'pgrep', '-af', 'platform-host'], { encoding: 'utf8' });
    assert.match(platform, new RegExp(`--unit ${serialNumber} --activated-by jdoe`));
  });

  test('ENTER on the host\'s pseudo-terminal: the console answers with VT100 escape sequences and its screen, the unit\'s MAC address in it', async () => {
    const link = await openTty(unit!.console);
    const decoder = new ConsoleDecoder(loadConsoleLayout('boxed'));
    const bytes: number[] = [];
    let decoding = Promise.resolve();
    link.onData((b) => {
      bytes.push(...b);
      decoding = decoding.then(() => decoder.write(b));
    });
    try {
      await link.write(Buffer.from('\r'));
      const deadline = performance.now() + 10_000;
      while (performance.now() < deadline) {
        await decoding;
        if (decoder.mac() !== null) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const text = Buffer.from(bytes).toString('latin1');
      assert.ok(text.includes('\x1b['), `no escape sequence in ${JSON.stringify(text)}; the twin's log: ${await unit!.log()}`);
      // The screen as a terminal shows it: words, and the header with the unit's (the twin's) MAC address.
      assert.match(decoder.rows().join('\n'), /[A-Z]{3,}/, JSON.stringify(text));
      assert.match(decoder.mac() ?? '', /^02(:[0-9a-f]{2}){5}$/i, decoder.rows().join('\n'));
    } finally {
      await link.close();
    }
  });

  test('when the lab stops, the unit\'s container, its pseudo-terminal and its directory are gone with the rest', async () => {
    const name = office!.name;
    const { console: tty, dir } = unit!;
    await office!.stop();
    office = null;
    assert.equal(containersOf(name), '');
    assert.equal(existsSync(tty), false, tty);
    assert.equal(existsSync(dir), false, dir);
  });
});
