// The Appliance wizard in the portal (the name, VLANs and static routes, "Enable IPv6 for this
// scanner"), and what reaches the appliance: the scan packets its next scan sends, as the lab's
// switch ports see them.
import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import { Given, Then, When } from '../support/define.ts';
import type { Port, Probe } from '../support/protocols.ts';
import type { Part } from '../support/tasks/appliance-edit.ts';
import {
  AddManyRoutes, AddManyVlans, AddRoute, AddVlan, alertsIn, CancelWizard, EnableIpv6, ipv6Checkbox, lanFieldValues, lanSettings, nameShown, OpenWizard, part,
  Rename, rowCount, SaveSettings,
} from '../support/tasks/appliance-edit.ts';
import { AddAppliance, LaunchScanOf, scanTraffic, SetSubscriptionFeature, UseUnit, WaitForScanStart } from '../support/tasks/lab.ts';
import { labelOf } from '../support/tasks/hardware.ts';
import { ChangeNetwork, platformHost } from '../support/tasks/network.ts';
import { alerts, elementsHolding, statuses } from '../support/tasks/portal.ts';
import type { Actor } from '../support/actor.ts';
import { noteKey } from '../support/notes.ts';
import { NotApplicable } from '../support/world.ts';

// --- The Appliance wizard ------------------------------------------------------------------------

/** "Go to Scans > Appliances and edit your Scanner Appliance. You'll see the Appliance wizard." */
When('I edit the appliance {string} in the portal', async function (name: string) {
  await this.attemptsTo(OpenWizard(this.guide.firmware.platformEdition, name));
});

When('I rename the appliance to {string}', async function (name: string) {
  await this.attemptsTo(Rename(name));
});

/** "Be sure to save the Appliance settings." */
When('I save the appliance settings', async function () {
  await this.attemptsTo(SaveSettings());
});

When('I leave the Appliance wizard without saving', async function () {
  await this.attemptsTo(CancelWizard());
});

When('I add the VLAN {int} with the address {ipv4} and netmask {ipv4} named {string}', async function (id: number, address: string, netmask: string, name: string) {
  await this.attemptsTo(AddVlan({ id, address, netmask, name }));
});

When('I add the static route {string} to {ipv4} netmask {ipv4} through the gateway {ipv4}', async function (name: string, destination: string, netmask: string, gateway: string) {
  await this.attemptsTo(AddRoute({ name, destination, netmask, gateway }));
});

When('I add {int} VLANs at once', async function (count: number) {
  await this.attemptsTo(AddManyVlans(count));
});

When('I add {int} static routes through the gateway {ipv4} at once', async function (count: number, gateway: string) {
  await this.attemptsTo(AddManyRoutes(count, gateway));
});

/** "You can choose "Automatically" and we'll do IP assignment through router advertisement" */
When('I enable IPv6 for this scanner automatically', async function () {
  await this.attemptsTo(EnableIpv6({ mode: 'auto' }));
});

/** "... or choose "Static" and assign a static IP address." */
When('I enable IPv6 for this scanner with the static address {string}, prefix length {int} and gateway {string}', async function (address: string, prefixLength: number, gateway: string) {
  await this.attemptsTo(EnableIpv6({ mode: 'static', address, prefixLength, gateway }));
});

/** "A VLAN that is defined using the Scanner Appliance UI is saved on the Appliance and can't be edited using the Qualys UI." */
Then('the Appliance wizard shows the VLAN set on the appliance, {int}, with no field to change it', async function (vlan: number) {
  const page = await this.portal.page();
  const lan = lanSettings(page);
  const text = await lan.innerText();
  assert.match(text, new RegExp(`VLAN[^\\n]*\\b${vlan}\\b`), `the LAN settings do not show VLAN ${vlan}: ${text}`);
  for (const value of await lanFieldValues(page)) assert.notEqual(value, String(vlan), `a field of the LAN settings holds ${vlan}`);
});

const parts: Record<string, Part> = { name: 'Name', VLANs: 'VLANs', 'static routes': 'Static routes', 'IPv6 settings': 'IPv6' };

async function refusedAt(actor: Actor, which: string, naming?: string): Promise<void> {
  const page = await actor.portal.page();
  const shown = await alertsIn(page, parts[which]!);
  assert.ok(shown.length > 0, `no alert at the ${which} on ${page.url()}; alerts of the page: ${JSON.stringify(await alerts(page))}`);
  if (naming !== undefined) assert.ok(shown.some((a) => a.includes(naming)), `the alert at the ${which} does not name ${naming}: ${JSON.stringify(shown)}`);
}

Then(/^the Appliance wizard refuses the (name|VLANs|static routes|IPv6 settings)$/, async function (which: string) {
  await refusedAt(this.actor, which);
});

Then(/^the Appliance wizard refuses the (name|VLANs|static routes|IPv6 settings), naming "([^"]*)"$/, async function (which: string, naming: string) {
  await refusedAt(this.actor, which, naming);
});

/** Saved: the page says so and shows no alert. */
Then('the Appliance wizard has saved the settings', async function () {
  const page = await this.portal.page();
  assert.deepEqual(await alerts(page), [], `alerts on ${page.url()}`);
  assert.ok((await statuses(page)).length > 0, `no status message on ${page.url()}`);
});

Then(/^the Appliance wizard lists (\d+) (VLANs?|static routes?)$/, async function (count: string, what: string) {
  const page = await this.portal.page();
  assert.equal(await rowCount(page, what.startsWith('VLAN') ? 'VLAN' : 'Static route'), Number(count));
});

Then('the name field of the Appliance wizard reads {string}', async function (name: string) {
  const page = await this.portal.page();
  assert.equal(await nameShown(page), name);
});

/** A name like "<b>x</b>" is shown as the characters typed, never made into an element of the page. */
Then('the portal shows {string} as text, not as markup', async function (markup: string) {
  const page = await this.portal.page();
  const element = /^<([a-z][a-z0-9]*)[^>]*>([^<]*)<\/\1>$/i.exec(markup);
  assert.ok(element, `not an element: ${markup}`);
  const [, tag, text] = element;
  assert.equal(await elementsHolding(page, tag!, text!), 0, `the page has a <${tag}> made from ${markup}`);
});

const features = { 'VLAN trunking': 'vlan-trunking', 'IPv6 Scanning': 'ipv6-scanning' } as const;

// "on|off" is the {onOff} parameter type's pattern: the group arrives as a boolean.
Given(/^the (VLAN trunking|IPv6 Scanning) feature is (on|off) for the account$/, async function (feature: string, on: boolean) {
  await this.attemptsTo(SetSubscriptionFeature(features[feature as keyof typeof features], on));
});

Then(/^the Appliance wizard (has|has no) (VLAN and static route|IPv6) settings$/, async function (has: string, which: string) {
  const page = await this.portal.page();
  const groups = which === 'IPv6' ? [part(page, 'IPv6')] : [part(page, 'VLANs'), part(page, 'Static routes')];
  for (const group of groups) assert.equal(await group.count(), has === 'has' ? 1 : 0, `${which} settings on ${page.url()}`);
  if (which === 'IPv6') {
    const checkbox = ipv6Checkbox(lanSettings(page));
    assert.equal(await checkbox.count(), has === 'has' ? 1 : 0);
  }
});

// --- The scan traffic ------------------------------------------------------------------------------

function targetsOf(list: string): string[] {
  const targets = list.split(/\s*,\s*|\s+and\s+/).map((t) => t.trim()).filter((t) => t !== '');
  for (const t of targets) if (isIP(t) === 0) throw new Error(`not an IP address: ${t}`);
  return targets;
}

/** Waits for the appliance's next poll to start the scan ("it starts at its next poll"). */
const SCAN_START_MS = 4 * 60_000;

When(/^a scan of (\S+(?:(?:, | and )\S+)*) is launched on the appliance$/, async function (list: string) {
  const targets = targetsOf(list);
  const before = (await scanTraffic(this.actor)).length;
  await this.attemptsTo(LaunchScanOf(targets, 1));
  const started = await this.attemptsTo(WaitForScanStart(before + targets.length, SCAN_START_MS));
  assert.ok(started, `the appliance did not start the scan within ${SCAN_START_MS / 60_000} minutes`);
  this.notes.set(scanPackets, (await scanTraffic(this.actor)).slice(before));
});

/** The packets the scenario's scan sent, as the lab saw them. */
const scanPackets = noteKey<Probe[]>('scan packets');

function packetsTo(actor: Actor, target: string): Probe {
  const probe = actor.notes.need(scanPackets, 'no scan was launched in this scenario').find((p) => p.target === target);
  if (!probe) throw new Error(`the scan had no target ${target}`);
  return probe;
}

const described = (p: Probe) => (p.port === null ? 'not sent' : `${p.port} port${p.vlan ? ` tagged with VLAN ${p.vlan}` : ' untagged'} from ${p.source}`);

/** "The Scanner Appliance adds VLAN tag(s) to all scanning packets following the 802.1Q tagging protocol." */
Then('the scan packets to {string} leave the LAN port tagged with VLAN {int} from {string}', async function (target: string, vlan: number, source: string) {
  const probe = packetsTo(this.actor, target);
  assert.equal(described(probe), `LAN port tagged with VLAN ${vlan} from ${source}`);
});

Then('the scan packets to {string} leave the {port} port untagged from {string}', async function (target: string, port: Port, source: string) {
  const probe = packetsTo(this.actor, target);
  assert.equal(described(probe), `${port} port untagged from ${source}`);
});

Then('the scan packets to {string} are not sent', async function (target: string) {
  const probe = packetsTo(this.actor, target);
  assert.equal(described(probe), 'not sent');
});

// --- The appliances of the subscription ------------------------------------------------------------

/**
 * 2022: "You can add up to 4094 VLANs to devices with a serial number over 29000 and up to 99
 * VLANs to devices with a serial number under 29000." The serial number is on the label
 * ("a sticker on the bottom of the appliance"); a unit on the other side of 29000 is another
 * scenario's.
 */
Given(/^the serial number on the appliance's label is (over 29000|29000 or under)$/, async function (range: string) {
  const { serialNumber } = await labelOf(this.actor);
  const over = serialNumber > 29000;
  if (over !== (range === 'over 29000')) throw new NotApplicable(`the label shows serial number ${serialNumber}, not ${range}`);
});

/** The unit under test ("on the bench": the lab's, where it sits) is the lab's one with this serial number; not applicable where the lab has no stock of units. */
Given('the unit on the bench has the serial number {int}', async function (serialNumber: number) {
  await this.attemptsTo(UseUnit(serialNumber));
});

Given('another appliance has been switched on and activated by user {string}', async function (login: string) {
  await this.attemptsTo(AddAppliance('physical', login));
});

Then(/^"Enable IPv6 for this scanner" is (selected|not selected) in the Appliance wizard$/, async function (state: string) {
  const page = await this.portal.page();
  const checkbox = ipv6Checkbox(part(page, 'IPv6'));
  assert.equal(await checkbox.isChecked(), state === 'selected');
});

/** The platform answers on IPv6 only (its IPv4 address gone from the lab's DNS). */
Given('the DNS servers resolve the platform URL to its IPv6 address only', async function () {
  const host = await platformHost(this.actor);
  await this.attemptsTo(ChangeNetwork(`DNS resolves ${host} to its IPv6 address only`, (spec) => {
    const addresses = (spec.dns[host] ?? []).filter((a) => isIP(a) === 6);
    if (addresses.length === 0) throw new Error(`the lab network has no IPv6 address for ${host}`);
    spec.dns[host] = addresses;
  }));
});
