// The platform's rules, once for the API and the portal: who may activate and edit, the limits
// each edition documents, and the validation of what a user enters.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadAccount, loadEdition } from '../../fixtures/platform.ts';
import { Secrets } from '../../fixtures/secrets.ts';
import type { HealthReport, Vlan } from './records.ts';
import { isIpv4 as validIpv4, isNetmask as validNetmask } from '../../fixtures/addresses.ts';
import { Platform, validHostname } from './platform.ts';
import { Refused } from './records.ts';

const account = loadAccount();
const secrets = new Secrets();

function platform(edition: string, now = () => 0): Platform {
  return new Platform({ account, edition: loadEdition(edition), now, pollIntervalMs: 180_000, password: (n) => secrets.value(n) });
}

function shipped(p: Platform, serial: number) {
  // What the unit identifies itself with on the wire: all the platform knows of it.
  const identity = { serialNumber: serial, activationCode: String(serial).padStart(12, '0') };
  p.ship(identity, 'test model');
  return identity;
}

function report(serial: number, code: string, over: Partial<HealthReport> = {}): HealthReport {
  return { serialNumber: serial, activationCode: code, model: 'm', softwareVersions: {}, mode: 'ipv4+v6', lanIpv4: '198.18.10.20', uiVlan: 0, scanning: false, updating: false, ...over };
}

function refusal(action: () => unknown): Refused {
  try {
    action();
  } catch (error) {
    if (error instanceof Refused) return error;
    throw error;
  }
  assert.fail('expected a refusal');
}

const vlans = (n: number): Vlan[] => Array.from({ length: n }, (_, i) => ({ id: i + 1, address: `10.${(i >> 8) & 255}.${i & 255}.1`, netmask: '255.255.255.0', name: '' }));

describe('users and roles', () => {
  test('login needs the right password; a user\'s record never carries it', () => {
    const p = platform('2022');
    assert.equal(p.authenticate('jdoe', 'wrong'), null);
    assert.equal(p.authenticate('nobody', secrets.value('portal-jdoe')), null);
    const user = p.authenticate('jdoe', secrets.value('portal-jdoe'));
    assert.ok(user);
    assert.ok(!('password' in user), 'the user record handed out has no password');
    assert.ok(!JSON.stringify(user).includes(secrets.value('portal-jdoe')));
  });

  test('"A Manager or Unit Manager account is required": a reader cannot activate', () => {
    const p = platform('2022');
    const { activationCode } = shipped(p, 31000);
    const reader = p.user('auditor');
    assert.equal(p.canActivate(reader), false);
    assert.equal(refusal(() => p.activate(reader, activationCode)).kind, 'forbidden');
    assert.equal(p.isActivated(31000), false);
  });

  test('a Manager activates without Add To; the name is is_<login>', () => {
    const p = platform('2022');
    const { activationCode } = shipped(p, 31000);
    const manager = p.user('acme_mgr');
    assert.equal(refusal(() => p.activate(manager, activationCode, 'Data Center')).field, 'assetGroup');
    const record = p.activate(manager, activationCode);
    assert.equal(record.name, 'is_acme_mgr');
    assert.equal(record.assetGroup, null);
  });

  test('a Unit Manager must add the appliance to an asset group of their business unit; others of another unit do not see it', () => {
    const p = platform('2022');
    const { activationCode } = shipped(p, 31000);
    const ops = p.user('ops_um');
    const lab = p.user('lab_um');
    assert.deepEqual(p.assetGroupsFor(ops), ['Data Center', 'Branch Offices']);
    assert.equal(refusal(() => p.activate(ops, activationCode)).field, 'assetGroup');
    assert.equal(refusal(() => p.activate(ops, activationCode, 'Research Lab')).kind, 'forbidden');
    const record = p.activate(ops, activationCode, 'Data Center');
    assert.deepEqual(p.appliancesFor(ops).map((r) => r.id), [record.id]);
    assert.deepEqual(p.appliancesFor(lab), []);
    assert.equal(p.canEdit(lab, record), false);
    assert.equal(p.canEdit(p.user('acme_mgr'), record), true);
  });

  test('an activation code activates once; a code the platform does not know is refused', () => {
    const p = platform('2017');
    const { activationCode } = shipped(p, 20000);
    const manager = p.user('acme_mgr');
    p.activate(manager, activationCode);
    assert.equal(refusal(() => p.activate(manager, activationCode)).kind, 'conflict');
    assert.equal(refusal(() => p.activate(manager, '000000000000')).kind, 'invalid');
    assert.equal(refusal(() => p.activate(manager, '12345')).field, 'activationCode');
  });
});

describe('limits of each edition', () => {
  function activated(edition: string, serial: number) {
    const p = platform(edition);
    const { activationCode } = shipped(p, serial);
    const manager = p.user('acme_mgr');
    const record = p.activate(manager, activationCode);
    p.poll(report(serial, activationCode));
    return { p, manager, record };
  }

  test('2022: 4094 VLANs over serial number 29000, 99 below and at 29000 (ERRATA-321)', () => {
    for (const [serial, limit] of [[29001, 4094], [29000, 99], [28999, 99]] as const) {
      const { p, manager, record } = activated('2022', serial);
      assert.equal(p.vlanLimitOf(record), limit, `serial ${serial}`);
      p.setVlansAndRoutes(manager, record, vlans(limit), []);
      assert.equal(record.vlans.length, limit);
      const over = refusal(() => p.setVlansAndRoutes(manager, record, vlans(limit + 1), []));
      assert.equal(over.field, 'vlans');
      assert.match(over.message, new RegExp(`up to ${limit} VLANs`));
      assert.equal(record.vlans.length, limit, 'a refused change leaves the settings as they were');
    }
  });

  test('2017: 4094 VLANs and 4094 static routes for any unit; 2022: 99 static routes (ERRATA-322)', () => {
    const old = activated('2017', 20000);
    assert.equal(old.p.vlanLimitOf(old.record), 4094);
    const routes = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `r${i}`, destination: `10.${(i >> 8) & 255}.${i & 255}.0`, netmask: '255.255.255.0', gateway: '198.18.10.1' }));
    old.p.setVlansAndRoutes(old.manager, old.record, [], routes(4094));
    assert.equal(refusal(() => old.p.setVlansAndRoutes(old.manager, old.record, [], routes(4095))).field, 'routes');
    const now = activated('2022', 31000);
    now.p.setVlansAndRoutes(now.manager, now.record, [], routes(99));
    assert.equal(refusal(() => now.p.setVlansAndRoutes(now.manager, now.record, [], routes(100))).field, 'routes');
  });

  test('a VLAN set on the appliance\'s own UI cannot be set again here; IDs are 1-4094, once each', () => {
    const { p, manager, record } = activated('2022', 31000);
    p.poll(report(31000, record.identity.activationCode, { uiVlan: 20 }));
    const one = (id: number): Vlan => ({ id, address: '198.18.30.5', netmask: '255.255.255.0', name: '' });
    assert.equal(refusal(() => p.setVlansAndRoutes(manager, record, [one(20)], [])).kind, 'conflict');
    assert.equal(refusal(() => p.setVlansAndRoutes(manager, record, [one(0)], [])).field, 'vlans');
    assert.equal(refusal(() => p.setVlansAndRoutes(manager, record, [one(4095)], [])).field, 'vlans');
    assert.equal(refusal(() => p.setVlansAndRoutes(manager, record, [one(30), one(30)], [])).field, 'vlans');
    p.setVlansAndRoutes(manager, record, [one(30), one(4094)], []);
  });

  test('the VLAN trunking and IPv6 Scanning features: off, the settings are refused and not handed to the appliance', () => {
    const { p, manager, record } = activated('2022', 31000);
    p.setVlansAndRoutes(manager, record, vlans(2), []);
    p.features.vlanTrunking = false;
    assert.deepEqual(p.config(31000)?.vlans, []);
    assert.equal(refusal(() => p.setVlansAndRoutes(manager, record, vlans(1), [])).kind, 'forbidden');
    p.features.ipv6Scanning = false;
    assert.equal(refusal(() => p.setIpv6(manager, record, { enabled: true, mode: 'auto' })).kind, 'forbidden');
  });

  test('IPv6 for the scanner needs it connected in IPv4+v6 mode with an IPv4 LAN address (ERRATA-325)', () => {
    const { p, manager, record } = activated('2022', 31000);
    const code = record.identity.activationCode;
    p.poll(report(31000, code, { mode: 'ipv6-only', lanIpv4: null }));
    assert.equal(refusal(() => p.setIpv6(manager, record, { enabled: true, mode: 'auto' })).field, 'ipv6');
    p.setIpv6(manager, record, { enabled: false });
    p.poll(report(31000, code));
    p.setIpv6(manager, record, { enabled: true, mode: 'auto' });
    assert.equal(refusal(() => p.setIpv6(manager, record, { enabled: true, mode: 'static', address: 'fe80::1', prefixLength: 64, gateway: '' })).field, 'ipv6Address');
    assert.equal(refusal(() => p.setIpv6(manager, record, { enabled: true, mode: 'static', address: '2001:db8::10', prefixLength: 129, gateway: '' })).field, 'ipv6PrefixLength');
    p.setIpv6(manager, record, { enabled: true, mode: 'static', address: '2001:db8:10::30', prefixLength: 64, gateway: '2001:db8:10::1' });
    assert.deepEqual(p.config(31000)?.ipv6, { enabled: true, mode: 'static', address: '2001:db8:10::30', prefixLength: 64, gateway: '2001:db8:10::1' });
  });
});

describe('syslog forwarding (2022)', () => {
  test('Manager only; the older edition has none', () => {
    const p = platform('2022');
    const settings = { enabled: true, protocol: 'UDP' as const, port: 514, server: '198.18.10.60' };
    for (const login of ['ops_um', 'auditor']) assert.equal(refusal(() => p.setSyslog(p.user(login), settings)).kind, 'forbidden');
    p.setSyslog(p.user('acme_mgr'), settings);
    assert.deepEqual(p.syslog, settings);
    const old = platform('2017');
    assert.equal(refusal(() => old.setSyslog(old.user('acme_mgr'), settings)).kind, 'not-found');
  });

  test('the server is an IPv4 address, an IPv6 address or a DNS hostname; the port 1-65535', () => {
    const p = platform('2022');
    const manager = p.user('acme_mgr');
    const set = (server: string, port = 514) => p.setSyslog(manager, { enabled: true, protocol: 'TCP', port, server });
    for (const ok of ['198.18.10.60', '2001:db8:10::60', 'syslog.example.test']) set(ok);
    for (const bad of ['', '198.18.10.999', '198.18.10', 'syslog', 'bad_name.example.test', 'http://syslog.example.test', '2001:db8::zz']) {
      assert.equal(refusal(() => set(bad)).field, 'server', bad);
    }
    for (const port of [0, 65536, 51.4]) assert.equal(refusal(() => set('198.18.10.60', port)).field, 'port', String(port));
  });

  test('every appliance, activated before or after, picks it up: each one\'s configuration version moves', () => {
    const p = platform('2022');
    const manager = p.user('acme_mgr');
    const before = shipped(p, 31000);
    p.activate(manager, before.activationCode);
    const version = p.config(31000)!.version;
    p.setSyslog(manager, { enabled: true, protocol: 'UDP', port: 514, server: '198.18.10.60' });
    assert.ok(p.config(31000)!.version > version);
    const later = shipped(p, 31001);
    p.activate(manager, later.activationCode);
    assert.equal(p.config(31001)?.syslog?.server, '198.18.10.60');
  });
});

describe('the appliance\'s side', () => {
  test('a poll from a unit the platform does not know, or with another code, is an unknown scanner', () => {
    const p = platform('2022');
    const { activationCode } = shipped(p, 31000);
    assert.equal(p.poll(report(99999, activationCode)).kind, 'unknown-scanner');
    assert.equal(p.poll(report(31000, '000000000000')).kind, 'unknown-scanner');
    assert.equal(p.poll(report(31000, activationCode)).kind, 'not-activated');
  });

  test('status: Not yet connected, Online while polls come, Offline after two missed polling intervals (ERRATA-324)', () => {
    let now = 0;
    const p = platform('2022', () => now);
    const { activationCode } = shipped(p, 31000);
    const record = p.activate(p.user('acme_mgr'), activationCode);
    assert.equal(p.statusOf(record), 'Not yet connected');
    p.poll(report(31000, activationCode));
    assert.equal(p.statusOf(record), 'Online');
    now = 2 * 180_000;
    assert.equal(p.statusOf(record), 'Online');
    now += 1;
    assert.equal(p.statusOf(record), 'Offline');
  });

  test('capacity is 100% until a scan is taken, the share of the 4 scan slots left while scans run (ERRATA-323)', () => {
    const p = platform('2022');
    const { activationCode } = shipped(p, 31000);
    const record = p.activate(p.user('acme_mgr'), activationCode);
    assert.equal(p.capacityOf(record), 100);
    const job = p.queue(31000, { kind: 'scan', durationMs: 1000, targets: ['198.18.10.99'] });
    assert.equal(p.capacityOf(record), 100, 'a scan waiting for the next poll does not use capacity yet');
    p.claim(31000);
    assert.equal(p.capacityOf(record), 75);
    assert.equal(p.busy(record), true);
    assert.equal(p.finish(31000, job.id, { outcome: 'finished', probes: [] }), true);
    assert.equal(p.capacityOf(record), 100);
    assert.equal(p.busy(record), false);
  });
});

describe('Scans > Scans: cancel and relaunch (ERRATA-326)', () => {
  function running(p: Platform, serial: number, code: string) {
    const job = p.queue(serial, { kind: 'scan', durationMs: 60_000, targets: ['198.18.10.77'] });
    p.claim(serial);
    p.poll(report(serial, code, { scanning: true }));
    return job;
  }

  test('a scan is Queued, then Running, then as the appliance reports its end; newest first', () => {
    const p = platform('2022');
    const { activationCode } = shipped(p, 31000);
    p.activate(p.user('acme_mgr'), activationCode);
    const first = p.queue(31000, { kind: 'scan', durationMs: 1000, targets: ['198.18.10.77'] });
    const manager = p.user('acme_mgr');
    assert.deepEqual(p.scansFor(manager).map((s) => [s.id, s.status]), [[first.id, 'Queued']]);
    p.claim(31000);
    assert.equal(p.scansFor(manager)[0]!.status, 'Running');
    p.finish(31000, first.id, { outcome: 'timed-out', probes: [] });
    const second = p.queue(31000, { kind: 'scan', durationMs: 1000, targets: ['198.18.10.78'] });
    assert.deepEqual(p.scansFor(manager).map((s) => [s.id, s.status]), [[second.id, 'Queued'], [first.id, 'Timed out']]);
  });

  test('a running scan canceled is over for the platform at once, the appliance is told at its next poll, and its late result changes nothing', () => {
    const p = platform('2022');
    const { activationCode } = shipped(p, 31000);
    const record = p.activate(p.user('acme_mgr'), activationCode);
    const job = running(p, 31000, activationCode);
    p.cancelScan(p.user('acme_mgr'), job.id);
    assert.equal(p.busy(record), false);
    assert.deepEqual(p.scansFor(p.user('acme_mgr')).map((s) => [s.status, s.canceledBy]), [['Canceled', 'acme_mgr']]);
    const answer = p.poll(report(31000, activationCode, { scanning: true }));
    assert.ok(answer.kind === 'activated');
    assert.deepEqual(answer.cancel, [job.id]);
    const again = p.poll(report(31000, activationCode));
    assert.ok(again.kind === 'activated');
    assert.deepEqual(again.cancel, [], 'told once');
    assert.equal(p.finish(31000, job.id, { outcome: 'cancelled', probes: [] }), true, 'the result is taken, not refused');
    assert.equal(p.scansFor(p.user('acme_mgr'))[0]!.status, 'Canceled');
  });

  test('a queued scan canceled is never handed to the appliance', () => {
    const p = platform('2022');
    const { activationCode } = shipped(p, 31000);
    p.activate(p.user('acme_mgr'), activationCode);
    const job = p.queue(31000, { kind: 'scan', durationMs: 1000, targets: ['198.18.10.77'] });
    p.cancelScan(p.user('acme_mgr'), job.id);
    const answer = p.poll(report(31000, activationCode));
    assert.ok(answer.kind === 'activated');
    assert.equal(answer.jobsPending, 0);
    assert.deepEqual(answer.cancel, [], 'nothing to stop: the appliance never had it');
    assert.deepEqual(p.claim(31000), []);
  });

  test('relaunch: an ended scan only, as a new Queued scan of the same targets', () => {
    const p = platform('2022');
    const { activationCode } = shipped(p, 31000);
    p.activate(p.user('acme_mgr'), activationCode);
    const job = running(p, 31000, activationCode);
    const manager = p.user('acme_mgr');
    assert.equal(refusal(() => p.relaunchScan(manager, job.id)).kind, 'conflict');
    p.cancelScan(manager, job.id);
    assert.equal(refusal(() => p.cancelScan(manager, job.id)).kind, 'conflict');
    const relaunched = p.relaunchScan(manager, job.id);
    assert.notEqual(relaunched.id, job.id);
    assert.deepEqual(p.scansFor(manager).map((s) => [s.id, s.status, s.targets]), [[relaunched.id, 'Queued', ['198.18.10.77']], [job.id, 'Canceled', ['198.18.10.77']]]);
  });

  test('a poll saying the scan no longer runs makes it Interrupted; a result arriving after tells how it ended', () => {
    const p = platform('2022');
    const { activationCode } = shipped(p, 31000);
    p.activate(p.user('acme_mgr'), activationCode);
    const job = running(p, 31000, activationCode);
    p.poll(report(31000, activationCode, { scanning: false }));
    assert.equal(p.scansFor(p.user('acme_mgr'))[0]!.status, 'Interrupted');
    assert.equal(p.finish(31000, job.id, { outcome: 'timed-out', probes: [] }), true);
    assert.equal(p.scansFor(p.user('acme_mgr'))[0]!.status, 'Timed out');
    assert.equal(p.finish(31000, 'scan/999', { outcome: 'finished', probes: [] }), false, 'no such job');
  });

  test('a Reader sees the scans and may do neither; a Unit Manager of another business unit sees none', () => {
    const p = platform('2022');
    const { activationCode } = shipped(p, 31000);
    p.activate(p.user('ops_um'), activationCode, p.assetGroupsFor(p.user('ops_um'))[0]!);
    const job = p.queue(31000, { kind: 'scan', durationMs: 1000, targets: ['198.18.10.77'] });
    const reader = p.user('auditor');
    assert.equal(p.scansFor(reader).length, 1);
    assert.equal(refusal(() => p.cancelScan(reader, job.id)).kind, 'forbidden');
    assert.equal(p.scansFor(p.user('lab_um')).length, 0);
    assert.equal(refusal(() => p.cancelScan(p.user('lab_um'), job.id)).kind, 'not-found');
    p.cancelScan(p.user('ops_um'), job.id);
    assert.equal(p.scansFor(reader)[0]!.status, 'Canceled');
  });
});

describe('validation helpers', () => {
  test('IPv4 addresses: four decimal octets without leading zeros', () => {
    fc.assert(fc.property(fc.ipV4(), (a) => validIpv4(a)));
    for (const bad of ['198.018.10.1', '1.2.3', '256.1.1.1', '1.2.3.4.5', ' 1.2.3.4']) assert.equal(validIpv4(bad), false, bad);
  });

  test('netmasks: contiguous ones, not all zeros', () => {
    for (let prefix = 1; prefix <= 32; prefix++) {
      const n = prefix === 32 ? 0xffffffff : (0xffffffff << (32 - prefix)) >>> 0;
      const mask = [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
      assert.equal(validNetmask(mask), true, mask);
    }
    for (const bad of ['0.0.0.0', '255.0.255.0', '255.255.255.1', '255.255.255']) assert.equal(validNetmask(bad), false, bad);
  });

  test('host names: dotted labels of letters, digits and hyphens, not ending in a number', () => {
    fc.assert(fc.property(fc.domain(), (d) => !d.includes('.') || /\.\d+$/.test(d) || validHostname(d)));
    for (const bad of ['localhost', '-a.example', 'a..b', 'a.b_c.d', '1.2.3.4']) assert.equal(validHostname(bad), false, bad);
  });
});
