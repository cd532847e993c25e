// The Quick Start's options chart and the 2017 troubleshooting tables: each configuration (A static
// IP address, B proxy support, C split network with DHCP on the WAN, D split network with a static
// IP address on the WAN) made as one step, through the menus and prompts the guide names, with the
// values the network administrator gives; and the lab networks those configurations are for.
import assert from 'node:assert/strict';
import { Given, Then, When } from '../support/define.ts';
import { normalize, shows } from '../support/screens.ts';
import { ReadMainMenu, ReadMenuBehind } from '../support/tasks/menus.ts';
import { ChangeNetwork, subnetOf } from '../support/tasks/network.ts';
import { platformIndicator } from '../support/tasks/lab.ts';
import { labAccount } from '../support/tasks/portal.ts';
import { FollowProcedure } from '../support/tasks/procedure.ts';
import type { Actor } from '../support/actor.ts';
import { readScreen, waitForScreen } from '../support/tasks/panel.ts';

/** One configuration of the chart: the procedure behind one of `items`, any flow's fields entered from `values`. */
function configure(actor: Actor, items: string[], values: Record<string, string>): Promise<void> {
  return actor.attemptsTo(FollowProcedure(items, Object.keys(actor.guide.firmware.flows), values));
}

// ---------------------------------------------------------------------------------------------
// The configurations, in the chart's letters and the troubleshooting tables' words.

/** A "Static IP Address": Configure Static IP Address (ENABLE STATIC IP ON LAN). */
When('I enable (option A, )static IP on the LAN {ipv4} with netmask {netmask}, gateway {ipv4} and DNS {ipv4}', async function (ip: string, netmask: string, gateway: string, dns: string) {
  await configure(this.actor, ['ENABLE STATIC IP ON LAN', 'CHANGE STATIC IP ON LAN'], { ip, netmask, gateway, dns1: dns });
});

/** NREQ-010: "the IP address, netmask, default gateway, primary DNS and WINS server (if appropriate)". */
When('I enable static IP on the LAN {ipv4} with netmask {netmask}, gateway {ipv4}, DNS {ipv4} and WINS server {ipv4}', async function (ip: string, netmask: string, gateway: string, dns: string, wins: string) {
  await configure(this.actor, ['ENABLE STATIC IP ON LAN', 'CHANGE STATIC IP ON LAN'], { ip, netmask, gateway, dns1: dns, wins1: wins });
});

/** B "Proxy Support": Proxy Configuration (ENABLE PROXY), by IP address and port. */
When('I enable (option B, )proxy support through {ipv4} port {int}', async function (host: string, port: number) {
  await configure(this.actor, ['ENABLE PROXY', 'CHANGE PROXY PARAMS'], { host, port: String(port) });
});

/** The same with a named password (fixtures/secrets.yaml), kept out of the feature and the report. */
When('I enable proxy support through {ipv4} port {int} as user {string} with the password named {string}', async function (host: string, port: number, user: string, name: string) {
  await configure(this.actor, ['ENABLE PROXY', 'CHANGE PROXY PARAMS'], { host, port: String(port), user, password: labAccount().secrets.value(name) });
});

/** C "Split Network Configuration using DHCP": Enable DHCP on the WAN Interface. */
When('I enable (option C, )DHCP on the WAN', async function () {
  await configure(this.actor, ['ENABLE DHCP ON WAN', 'RENEW DHCP ON WAN'], {});
});

/** D "Split Network Configuration using a Static IP Address": Enable Static IP on the WAN Interface. */
When('I enable (option D, )static IP on the WAN {ipv4} with netmask {netmask}, gateway {ipv4} and DNS {ipv4}', async function (ip: string, netmask: string, gateway: string, dns: string) {
  await configure(this.actor, ['ENABLE STATIC IP ON WAN', 'CHANGE STATIC IP ON WAN'], { ip, netmask, gateway, dns1: dns });
});

// ---------------------------------------------------------------------------------------------
// The lab networks the chart's cells and the tables' rows are for.

/** The troubleshooting tables' "DHCP present" / "DHCP not present", per port. */
Given(/^DHCP is (present|not present) on the LAN and (present|not present) on the WAN$/, async function (lan: string, wan: string) {
  await this.attemptsTo(ChangeNetwork(`DHCP ${lan} on the LAN, ${wan} on the WAN`, (spec) => {
    if (lan === 'not present') subnetOf(spec, 'LAN').dhcp = null;
    if (wan === 'not present' && spec.wan.untagged !== null) subnetOf(spec, 'WAN').dhcp = null;
  }));
});

/**
 * Where the LAN's router forwards. Standard config: to the other networks (and the Internet, where
 * the lab has it). Split config: "No internal traffic is routed or bridged to the WAN port" and
 * the split configuration is for "networks that do not have direct Internet access": the internal
 * LAN's router forwards to no other network, so what is on the DMZ (its proxy) is reached only
 * through the WAN.
 */
Given(/^the LAN's router forwards to (the other networks|no other network)$/, async function (where: string) {
  await this.attemptsTo(ChangeNetwork(`the LAN's router forwards to ${where}`, (spec) => {
    subnetOf(spec, 'LAN').forwards = where === 'the other networks';
  }));
});

// ---------------------------------------------------------------------------------------------
// What the appliance shows at the end.

/** "SCANNER APPLIANCE NAME-IP ADDRESS": the name, and the LAN's address with the platform indicator. */
Then('the screen shows the name {string} and the LAN IP address {ipv4} within {int} minute(s)', async function (name: string, address: string, minutes: number) {
  const screen = await waitForScreen(this.actor, (s) => shows(s, name), minutes * 60_000);
  this.actor.recordScreens();
  assert.ok(screen, `"${name}" did not appear within ${minutes} minutes; the screen shows ${this.describe(await readScreen(this.actor))}`);
  const indicator = await platformIndicator(this.actor);
  assert.equal(normalize(screen.lines[0]), name, `line 1 of ${this.describe(screen)}`);
  assert.equal(normalize(screen.lines[1]), `${address} ${indicator}`, `line 2 of ${this.describe(screen)}`);
});

/** 2017: "You'll see an error code in the 1st line of the NETWORK ERR screen" (ERRATA-015). */
Then('the NETWORK ERR screen appears within {int} minute(s)', async function (minutes: number) {
  const isNetworkErr = (line: string) => /^NETWORK ERR \d{2}$/.test(normalize(line));
  const screen = await waitForScreen(this.actor, (s) => isNetworkErr(s.lines[0]), minutes * 60_000);
  this.actor.recordScreens();
  assert.ok(screen, `no NETWORK ERR screen within ${minutes} minutes; the screen shows ${this.describe(await readScreen(this.actor))}`);
});

// ---------------------------------------------------------------------------------------------
// The network requirements.

/** "The local network must be configured to allow outbound HTTPS (port 443) access to the Internet" */
When('the firewall is opened for outbound HTTPS \\(port 443) to the platform', async function () {
  await this.attemptsTo(ChangeNetwork('the firewall lets the appliance\'s HTTPS connections to the platform through', (spec) => {
    spec.platform.path = 'open';
  }));
});

/**
 * "there is nothing you need to configure for NTP": no item of the menus (the main menu, SETUP
 * NETWORK and the WAN interface menu, read by moving through them) mentions `word`.
 */
Then('no menu item of the appliance mentions {string}', async function (word: string) {
  const fw = this.guide.firmware;
  const labels: string[] = [];
  const submenus = Object.values(fw.menus).flatMap((m) => m.items.filter((i) => i.opens).map((i) => i.label));
  labels.push(...await this.attemptsTo(ReadMainMenu()));
  for (const label of submenus) labels.push(...await this.attemptsTo(ReadMenuBehind(label)));
  assert.ok(labels.length > submenus.length + 2, `too few menu items read: ${labels.join(' / ')}`);
  const hits = labels.filter((l) => l.toUpperCase().includes(word.toUpperCase()));
  assert.deepEqual(hits, [], `menu items mentioning "${word}" among ${labels.join(' / ')}`);
});
