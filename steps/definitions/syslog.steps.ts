// Scanner Appliance Syslog Forwarding (2022 guide): Scans > Setup > Syslog Forwarding in the
// portal, a remote syslog server in the lab (a real UDP socket and TCP server on the suite's
// loopback standing in for a host of the lab network), other appliances of the subscription, and
// what arrives at the server, judged as RFC 5424 (ERRATA-380).
import assert from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';
import { isIpv4, isIpv6 } from '../../fixtures/addresses.ts';
import { Given, Then, When } from '../support/define.ts';
import type { Received } from '../support/lab/syslog-receiver.ts';
import { SyslogReceiver } from '../support/lab/syslog-receiver.ts';
import { AddAppliance, LaunchScanOf, scanTraffic } from '../support/tasks/lab.ts';
import { AddServer, ChangeNetwork, labNetwork } from '../support/tasks/network.ts';
import { alerts, applicationNames, offersPath, PickApplication, statuses } from '../support/tasks/portal.ts';
import type { SyslogForm } from '../support/tasks/syslog-forwarding.ts';
import {
  fieldShows, formHolds, HitSave, offersControl, OpenSyslogForwardingAs, protocolsOffered, ProvideServer, refusalOf, SetOption,
} from '../support/tasks/syslog-forwarding.ts';
import type { Actor } from '../support/actor.ts';
import { noteKey } from '../support/notes.ts';

/** Real time a forwarded message may take from the twin's socket to the receiver's. */
const DELIVERY_MS = 10_000;
/** Real time the server listens before "no message" is believed. */
const QUIET_MS = 2_000;
const OPTION = 'Enable Syslog Forwarding';

/** What the scenario set up for syslog: the receiver, the other appliances, what was entered. */
interface SyslogScenario {
  receiver: SyslogReceiver | null;
  fleet: Array<{ serialNumber: number; activatedBy: string; type: string }>;
  entered: SyslogForm | null;
  /** How many messages had arrived when the latest scan was launched. */
  sinceLaunch: number;
}

const syslogScenario = noteKey<SyslogScenario>('syslog set-up');

function scenarioOf(actor: Actor): SyslogScenario {
  let s = actor.notes.get(syslogScenario);
  if (!s) {
    s = { receiver: null, fleet: [], entered: null, sinceLaunch: 0 };
    actor.notes.set(syslogScenario, s);
  }
  return s;
}

/** The scenario's syslog server, started on first use; after the scenario, what it received goes into the report. */
async function receiverOf(actor: Actor): Promise<SyslogReceiver> {
  const s = scenarioOf(actor);
  if (!s.receiver) {
    const receiver = await SyslogReceiver.start();
    s.receiver = receiver;
    actor.onStop(() => stopReceiver(actor, receiver));
  }
  return s.receiver;
}

function receiverNeeded(actor: Actor): SyslogReceiver {
  const receiver = actor.notes.get(syslogScenario)?.receiver;
  if (!receiver) throw new Error('no syslog server in this scenario: "Given a syslog server listens on ..." first');
  return receiver;
}

/** A received message as evidence: transport, framing, and the text or why it is not RFC 5424. */
function describeReceived(r: Received, hide: string[] = []): string {
  let raw = r.raw;
  for (const secret of hide) raw = raw.split(secret).join('[redacted]');
  return `${new Date(r.arrivedAt).toISOString()} ${r.transport}/${r.framing} ${JSON.stringify(raw)}${r.error ? `  NOT RFC 5424: ${r.error}` : ''}`;
}

/** The lab's proxy password, if its proxy asks for one. */
async function proxyPassword(actor: Actor): Promise<string | null> {
  const auth = (await labNetwork(actor)).proxy?.auth;
  return auth && 'password' in auth && auth.password !== '' ? auth.password : null;
}

async function stopReceiver(actor: Actor, receiver: SyslogReceiver): Promise<void> {
  try {
    const hide = [await proxyPassword(actor).catch(() => null)].filter((p): p is string => p !== null);
    const lines = receiver.received.map((r) => describeReceived(r, hide));
    actor.attach({ body: lines.length ? lines.join('\n') : '(nothing received)', mediaType: 'text/plain', fileName: 'syslog-server.txt' });
  } finally {
    await receiver.stop();
  }
}

// --- The lab network ---------------------------------------------------------------------------

/**
 * A syslog server on the lab network: a host at `address` listening on UDP and/or TCP `port`,
 * for which the scenario's receiver stands in.
 */
Given(/^a syslog server listens on (UDP|TCP|UDP and TCP) port (\d+) at ([0-9A-Fa-f:.]+)$/, async function (protocols: string, portText: string, address: string) {
  if (!isIpv4(address) && !isIpv6(address)) throw new Error(`not an IP address: ${address}`);
  const port = Number(portText);
  const receiver = await receiverOf(this.actor);
  const wanted = protocols.split(' and ').map((p) => (p === 'UDP' ? 'udp' : 'tcp') as 'udp' | 'tcp');
  await this.attemptsTo(AddServer('syslog server', address, wanted, port, (protocol) => receiver.endpoint(protocol)));
});

Given('the DNS servers resolve {string} to {word}', async function (name: string, address: string) {
  await this.attemptsTo(ChangeNetwork(`DNS resolves ${name} to ${address}`, (spec) => {
    spec.dns[name.toLowerCase()] = [address];
  }));
});

// --- Appliances and scans ------------------------------------------------------------------------

/** "All scanner appliances (virtual and physical) currently in the subscription and ... new scanners that get added later." */
Given(/^another (physical|virtual) appliance has been activated by user "([^"]*)"$/, async function (type: string, user: string) {
  const serialNumber = await this.attemptsTo(AddAppliance(type as 'physical' | 'virtual', user));
  scenarioOf(this.actor).fleet.push({ serialNumber, activatedBy: user, type });
});

async function launchScan(actor: Actor, minutes: number, target: string, serialNumbers: Array<number | undefined>): Promise<void> {
  const s = scenarioOf(actor);
  s.sinceLaunch = s.receiver?.received.length ?? 0;
  for (const serialNumber of serialNumbers) await actor.attemptsTo(LaunchScanOf([target], minutes, serialNumber));
}

When('a scan of {int} minutes of {word} is launched on the appliance', async function (minutes: number, target: string) {
  await launchScan(this.actor, minutes, target, [undefined]);
});

When('a scan of {int} minutes of {word} is launched on every appliance of the subscription', async function (minutes: number, target: string) {
  await launchScan(this.actor, minutes, target, [undefined, ...scenarioOf(this.actor).fleet.map((u) => u.serialNumber)]);
});

/** The lab's switch saw the appliance's scan packets to `target`: the scan ran. */
Then('the appliance has scanned {word}', async function (target: string) {
  const probes = await scanTraffic(this.actor);
  assert.ok(probes.some((p) => p.target === target && p.port !== null), `no scan packet to ${target} left the appliance: ${JSON.stringify(probes)}`);
});

// --- The portal page ----------------------------------------------------------------------------

/** The applications of the picker whose menus offer `path`. */
async function applicationsOffering(actor: Actor, path: string): Promise<string[]> {
  const page = await actor.portal.page();
  const offering: string[] = [];
  for (const name of await applicationNames(page)) {
    await actor.attemptsTo(PickApplication(name));
    if (await offersPath(page, path)) offering.push(name);
  }
  return offering;
}

Then('the applications offering {string} in the portal are exactly:', async function (path: string, table: DataTable) {
  assert.deepEqual(await applicationsOffering(this.actor, path), table.raw().map((r) => r[0]));
});

Then('no application of the portal offers {string}', async function (path: string) {
  assert.deepEqual(await applicationsOffering(this.actor, path), []);
});

Then('the syslog forwarding form shows:', async function (table: DataTable) {
  const page = await this.portal.page();
  const seen: string[][] = [];
  for (const [field = ''] of table.raw()) seen.push([field, await fieldShows(page, field)]);
  assert.deepEqual(seen, table.raw());
});

Then('the protocols offered are exactly:', async function (table: DataTable) {
  assert.deepEqual(await protocolsOffered(await this.portal.page()), table.raw().map((r) => r[0]));
});

Then('the portal offers no {string} option', async function (name: string) {
  const page = await this.portal.page();
  assert.ok(!(await offersControl(page, name)), `the page at ${page.url()} offers "${name}"`);
});

/** "Select the option Enable Syslog Forwarding" (or clear it). */
When(/^I (select|clear) the option "([^"]*)"$/, async function (action: string, name: string) {
  await this.attemptsTo(SetOption(name, action === 'select'));
});

/** "provide details for the remote syslog server, including the protocol (TCP or UDP), port number ..., and either the IP address (IPv4 or IPv6) or DNS hostname" */
async function provide(actor: Actor, server: string, protocol: string, port: string): Promise<void> {
  await actor.attemptsTo(ProvideServer(server, protocol, port));
  const page = await actor.portal.page();
  scenarioOf(actor).entered = { option: (await formHolds(page, OPTION)).option, protocol, port, server };
}

When('I provide the syslog server {string}, protocol {word} and port {string}', async function (server: string, protocol: string, port: string) {
  await provide(this.actor, server, protocol, port);
});

When('I hit Save', async function () {
  await this.attemptsTo(HitSave());
});

async function assertSaved(actor: Actor): Promise<void> {
  const page = await actor.portal.page();
  assert.deepEqual(await alerts(page), [], `Save was refused on ${page.url()}`);
  assert.ok((await statuses(page)).length > 0, `no confirmation after Save on ${page.url()}`);
}

Then('the syslog forwarding settings are saved', async function () {
  await assertSaved(this.actor);
});

/** A refusal shown next to its field: the field marked invalid and described by an alert; the values entered kept. */
Then('the portal refuses the {string} field, keeping what I entered', async function (field: string) {
  const page = await this.portal.page();
  const refusal = await refusalOf(page, field);
  assert.equal(refusal.invalid, 'true', `the "${field}" field is not marked invalid`);
  assert.ok(refusal.message, `the "${field}" field is not described by a message`);
  assert.equal(refusal.message.role, 'alert', `the message of the "${field}" field is not an alert`);
  assert.notEqual(refusal.message.text, '', `the alert of the "${field}" field is empty`);
  assert.deepEqual(await statuses(page), [], 'a confirmation was shown for a refused Save');
  const entered = scenarioOf(this.actor).entered;
  assert.ok(entered, 'nothing was entered in this scenario');
  assert.deepEqual(await formHolds(page, OPTION), entered, 'the values entered were not kept');
});

/** The whole procedure, as a Manager follows it. */
Given('syslog forwarding has been enabled in the portal by {string} to {string} over {word} port {int}', async function (user: string, server: string, protocol: string, port: number) {
  await this.attemptsTo(OpenSyslogForwardingAs(user));
  await this.attemptsTo(SetOption(OPTION, true));
  await provide(this.actor, server, protocol, String(port));
  await this.attemptsTo(HitSave());
  await assertSaved(this.actor);
});

// --- What the syslog server receives -------------------------------------------------------------

function notRfc5424(received: readonly Received[]): string[] {
  return received.filter((r) => r.message === null).map((r) => describeReceived(r));
}

/** SYSL-001: messages from the appliance named `name` since the latest scan was launched, every one RFC 5424. */
Then(/^the syslog server receives RFC 5424 messages(?: over (UDP|TCP))? from "([^"]*)"$/, async function (protocol: string | undefined, name: string) {
  const receiver = receiverNeeded(this.actor);
  const from = scenarioOf(this.actor).sinceLaunch;
  const mine = (all: readonly Received[]) => all.slice(from).filter((r) => r.message?.hostname === name);
  const arrived = await receiver.waitFor((all) => mine(all).length > 0, DELIVERY_MS);
  const all = receiver.received.map((r) => describeReceived(r)).join('\n') || '(nothing)';
  assert.ok(arrived, `no RFC 5424 message with HOSTNAME ${name} arrived since the scan was launched; received:\n${all}`);
  assert.deepEqual(notRfc5424(receiver.received), [], 'messages that are not RFC 5424');
  if (protocol) {
    const other = receiver.received.filter((r) => r.transport !== protocol.toLowerCase());
    assert.deepEqual(other.map((r) => describeReceived(r)), [], `messages not over ${protocol}`);
  }
});

Then('the syslog server receives messages from each of:', async function (table: DataTable) {
  const receiver = receiverNeeded(this.actor);
  const from = scenarioOf(this.actor).sinceLaunch;
  const names = table.raw().map((r) => r[0]!);
  const missing = (all: readonly Received[]) => names.filter((n) => !all.slice(from).some((r) => r.message?.hostname === n));
  await receiver.waitFor((all) => missing(all).length === 0, DELIVERY_MS);
  const heard = [...new Set(receiver.received.map((r) => r.message?.hostname ?? '(not RFC 5424)'))];
  assert.deepEqual(missing(receiver.received), [], `no message from these appliances; heard from: ${heard.join(', ')}`);
  assert.deepEqual(notRfc5424(receiver.received), [], 'messages that are not RFC 5424');
});

Then('the syslog server has received no message', async function () {
  const receiver = receiverNeeded(this.actor);
  await receiver.waitFor((all) => all.length > 0, QUIET_MS);
  assert.deepEqual(receiver.received.map((r) => describeReceived(r)), [], 'the syslog server received messages');
});

/** No secret of the appliance's configuration leaves in a forwarded message. */
Then('no syslog message contains the proxy password', async function () {
  const password = await proxyPassword(this.actor);
  assert.ok(password, 'the lab\'s proxy asks for no password: nothing to look for');
  const received = receiverNeeded(this.actor).received;
  assert.ok(received.length > 0, 'no syslog message was received: nothing to look in');
  const leaking = received.map((r, i) => (r.raw.includes(password) ? i + 1 : 0)).filter((i) => i > 0);
  assert.deepEqual(leaking, [], `messages (by number, of ${received.length}) that contain the proxy password`);
});
