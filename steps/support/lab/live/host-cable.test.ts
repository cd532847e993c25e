// A real unit on the live lab (npm start -- --target serial:<port> --lab live --lab-lan <interface>):
// its LAN port is wired to an interface of this machine, which the lab puts in its LAN bridge. A
// veth pair stands in for the cable here: its near end is the interface named in --lab-lan, its
// far end is the "unit's" port (lan0 in a container with no other network). Through it the unit
// gets the lab's lease; the ports protocol unplugs and plugs the cable by taking the near end down
// and up, which the unit sees as carrier; when the lab stops, the interface leaves the bridge.
// Then the whole path: a unit of the twin (its real network stack) on the far end of another veth,
// its console a pseudo-terminal, run by npm start as a real unit is, with --lab live --lab-lan.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GenericContainer } from 'testcontainers';
import type { StartedTestContainer } from 'testcontainers';
import { loadNetwork } from '../../../../fixtures/networks.ts';
import { platformTable } from '../../../../fixtures/lab-protocols.ts';
import { client } from '../../../../fixtures/method-tables.ts';
import { LabBenchClient } from '../../targets/serial/control.ts';
import { projectRoot } from '../../../../fixtures/load.ts';
import { labAuthorityDir } from './authority.ts';
import { ensureEngine } from './engine.ts';
import { ensureImage, labImage } from './images.ts';
import { LiveNetwork } from './network.ts';
import type { LiveUnit } from './unit.ts';
import { startUnit } from './unit.ts';
import { hostCableEnds, liveLabProtocols } from './protocols.ts';

const tag = randomBytes(2).toString('hex');
/** The interface named in --lab-lan (the cable's end at this machine), and the unit's end. */
const near = `qsa-cab${tag}h`;
const far = `qsa-cab${tag}u`;

let image: string;
let lab: LiveNetwork | null = null;
let unit: StartedTestContainer | null = null;
let platformClient: LabBenchClient | null = null;

const ip = (...args: string[]) => execFileSync('ip', args, { encoding: 'utf8' });
const onUnit = async (command: string) => {
  const { exitCode, output } = await unit!.exec(['sh', '-c', command]);
  return { exitCode, output };
};
/** What the unit's kernel says of its port's carrier: "1" with a live cable, "0" without. */
const carrier = async () => (await onUnit('cat /sys/class/net/lan0/carrier')).output.trim();

before(async () => {
  await ensureEngine();
  const { reference } = await ensureImage(labImage);
  image = reference;
  lab = await LiveNetwork.realize(loadNetwork('office'), { image: reference });
  ip('link', 'add', near, 'type', 'veth', 'peer', 'name', far);
  unit = await new GenericContainer(reference).withNetworkMode('none').withAddedCapabilities('NET_ADMIN', 'NET_RAW').withCommand(['sleep', 'infinity']).start();
  const pid = execFileSync('podman', ['inspect', '--format', '{{.State.Pid}}', unit.getId()], { encoding: 'utf8' }).trim();
  ip('link', 'set', far, 'netns', pid);
  const named = await onUnit(`ip link set ${far} name lan0 && ip link set lan0 up`);
  assert.equal(named.exitCode, 0, named.output);
  await lab.cableHostInterface(near, 'office');
}, { timeout: 15 * 60_000 }); // a fresh machine builds the image first

after(async () => {
  platformClient?.close();
  await unit?.stop({ timeout: 1, remove: true }).catch(() => undefined);
  await lab?.stop().catch(() => undefined);
  try {
    ip('link', 'del', near);
  } catch {
    // Gone with its peer's namespace already.
  }
});

describe('a unit wired to an interface of this machine (--lab live --lab-lan)', { timeout: 120_000 }, () => {
  test('the interface is in the lab\'s LAN bridge, and the unit behind it gets the lab\'s lease', async () => {
    const link = JSON.parse(ip('-j', 'link', 'show', near)) as Array<{ master?: string }>;
    assert.ok(link[0]?.master, `${near} is in no bridge: ${JSON.stringify(link)}`);
    const { exitCode, output } = await onUnit('timeout 30 dhclient -1 -v lan0 2>&1; ip -4 -o addr show lan0');
    assert.equal(exitCode, 0, output);
    assert.match(output, /DHCPACK of 198\.18\.10\.20 from 198\.18\.10\.1/);
    assert.match(output, /inet 198\.18\.10\.20\/24/);
  });

  test('the ports protocol unplugs the cable (the unit loses carrier) and plugs it back', async () => {
    platformClient = await LabBenchClient.connect(lab!.platformControl, "the live lab's platform");
    const connection = platformClient;
    const protocols = liveLabProtocols(lab!, hostCableEnds({ LAN: near }), client(platformTable, (op, args) => connection.call(op, args)));
    assert.equal(await carrier(), '1');
    await protocols.ports!.unplug('LAN');
    assert.equal(await carrier(), '0');
    await protocols.ports!.plug('LAN');
    for (let i = 0; i < 50 && (await carrier()) !== '1'; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await carrier(), '1');
  });

  test('when the lab stops, the interface leaves its bridge and stays', async () => {
    await lab!.stop();
    lab = null;
    const link = JSON.parse(ip('-j', 'link', 'show', near)) as Array<{ ifname: string; master?: string }>;
    assert.equal(link[0]?.ifname, near);
    assert.equal(link[0]?.master, undefined, JSON.stringify(link));
  });
});

describe('npm start --lab live: a unit of the twin on the far end of the cable, run as a real unit', { timeout: 600_000 }, () => {
  const cable = randomBytes(2).toString('hex');
  const lanEnd = `qsa-run${cable}h`;
  const unitEnd = `qsa-run${cable}u`;
  const serialNumber = 20221001;
  const work = mkdtempSync(join(tmpdir(), 'qsa-cabled-run-'));
  let liveUnit: LiveUnit | null = null;

  before(async () => {
    ip('link', 'add', lanEnd, 'type', 'veth', 'peer', 'name', unitEnd);
    // The lab platform's kept CA (made by the lab above): the unit trusts every lab's platform.
    const ca = readFileSync(join(labAuthorityDir(), 'ca.pem'), 'utf8');
    liveUnit = await startUnit('cabled-unit', '2022', ['--network', 'live', '--lan-if', 'lan0', '--platform-ca', '/run/console/platform-ca.pem', '--serial', String(serialNumber),
      '--on', '--speed', '40', '--line', 'unpaced', '--console-layout', 'boxed', '--activated-by', 'jdoe'], ca, async (mounts) => {
      const container = await new GenericContainer(image).withNetworkMode('none').withAddedCapabilities('NET_ADMIN', 'NET_RAW').withBindMounts(mounts).withCommand(['sleep', 'infinity']).start();
      const pid = execFileSync('podman', ['inspect', '--format', '{{.State.Pid}}', container.getId()], { encoding: 'utf8' }).trim();
      ip('link', 'set', unitEnd, 'netns', pid);
      const named = await container.exec(['sh', '-c', `ip link set ${unitEnd} name lan0`]);
      assert.equal(named.exitCode, 0, named.output);
      return container;
    });
  }, { timeout: 120_000 });

  after(async () => {
    await liveUnit?.stop().catch(() => undefined);
    try {
      ip('link', 'del', lanEnd);
    } catch {
      // Gone with its peer's namespace already.
    }
    rmSync(work, { recursive: true, force: true });
  });

  test('the network scenarios pass through the cable: DHCP, static IP, a cable unplugged, the proxy\'s 403 and 407', async () => {
    const statement = join(work, 'unit.yaml');
    writeFileSync(statement, [
      'name: cabled-twin', 'description: "a unit of the twin on the far end of a veth pair"', 'driver: serial', 'generations: ["2022"]',
      'capabilities: [keypad, screen, console, platform]', 'units: one', 'readings: twin', 'console: boxed', 'entry: typing', 'timeScale: 40',
      `unit: { activated: true, activatedBy: jdoe, factorySettingsOnline: true, serialNumber: ${serialNumber} }`, 'stepTimeoutSeconds: 600', '',
    ].join('\n'));
    const reports = join(work, 'reports');
    const scenarios = ['features/network/dhcp.feature:16', 'features/network/static-ip.feature:61', 'features/troubleshooting/appliance-network-errors.feature:146',
      'features/troubleshooting/appliance-network-errors.feature:151', 'features/troubleshooting/appliance-network-errors.feature:156'];
    const run = spawn(process.execPath, [join(projectRoot, 'steps', 'cli', 'start.ts'), '--target', `serial:${liveUnit!.console}`, '--statement', statement, '--generation', '2022',
      '--lab', 'live', '--lab-lan', lanEnd, '--reports', reports, '--quiet', ...scenarios], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let said = '';
    run.stdout.on('data', (c: Buffer) => { said += c.toString(); });
    run.stderr.on('data', (c: Buffer) => { said += c.toString(); });
    const status = await new Promise<number | null>((resolve) => run.once('exit', resolve));
    const summaries = JSON.parse(readFileSync(join(reports, `summary-serial-${liveUnit!.console.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-|-$/g, '')}.json`), 'utf8')) as Array<{ passed: number; failed: number; notApplicable: number; inconclusive: number }>;
    const outcome = summaries[0]!;
    assert.equal(status, 0, said.slice(-3000));
    assert.deepEqual({ passed: outcome.passed, failed: outcome.failed, notApplicable: outcome.notApplicable, inconclusive: outcome.inconclusive }, { passed: scenarios.length, failed: 0, notApplicable: 0, inconclusive: 0 }, said.slice(-3000));
    const link = JSON.parse(ip('-j', 'link', 'show', lanEnd)) as Array<{ master?: string }>;
    assert.equal(link[0]?.master, undefined, 'the interface left the lab\'s bridge when the run ended');
  });
});
