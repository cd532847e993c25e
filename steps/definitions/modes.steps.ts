// Network modes and the interfaces' make-up: the 2022 IPv4+v6 and IPv6-only modes ("Switch
// Between Modes"), what a menu offers in each mode, read-only IPv6 fields scrolled Left and Right,
// and the IPv6 conditions of the lab (router advertisements and the DNS servers they name).
import assert from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';
import { isIpv6 } from '../../fixtures/addresses.ts';
import { Given, Then } from '../support/define.ts';
import { normalize } from '../support/screens.ts';
import { reach } from '../support/strategy.ts';
import { ReadMenuDown } from '../support/tasks/menus.ts';
import { ResetNetwork } from '../support/tasks/reset.ts';
import { ChangeNetwork, subnetOf } from '../support/tasks/network.ts';
import { ScrollReadOnlyField } from '../support/tasks/entry.ts';
import { platformIndicator } from '../support/tasks/lab.ts';
import { networkMode } from '../support/notes.ts';
import { readScreen } from '../support/tasks/panel.ts';

// ---------------------------------------------------------------------------------------------
// Switching modes: "RESET NETWORK SETTINGS ... Press the Down arrow to advance through the menu
// options. When the RESET TO IPv6 ONLY MODE? menu option appears, press ENTER to continue."

/**
 * Goes through RESET NETWORK SETTINGS to the mode's reset option, confirms it, and waits for the
 * screen that follows the confirmation messages. Remembers the mode: PROXY HOST takes IPv6
 * characters in IPv6-only mode.
 */
Given(/^the appliance has been reset to (IPv6-only|IPv4\+v6) mode$/, async function (mode: string) {
  const wanted = mode === 'IPv6-only' ? 'ipv6-only' : 'ipv4+v6';
  await reach(this.actor, 'booted', { mode: 'any' });
  await this.attemptsTo(ResetNetwork(wanted));
  this.notes.set(networkMode, wanted);
});

// ---------------------------------------------------------------------------------------------
// What a menu offers, read by moving down through it (and back up to where it was).

/** Each named option is among the menu's options from the one shown down (in any order). */
Then('the menu options from here down include:', async function (table: DataTable) {
  const wanted = table.raw().map((row) => normalize(row[0]!));
  const labels = await this.attemptsTo(ReadMenuDown({ back: true }));
  const missing = wanted.filter((w) => !labels.includes(w));
  assert.deepEqual(missing, [], `the menu offers: ${labels.join(' / ')}`);
});

Then('no menu option from here down is {string}', async function (label: string) {
  const labels = await this.attemptsTo(ReadMenuDown({ back: true }));
  assert.ok(!labels.includes(normalize(label)), `the menu offers ${label}: ${labels.join(' / ')}`);
});

// ---------------------------------------------------------------------------------------------
// Read-only fields: "Scroll Left and Right to view the complete IPv6 address. The IPv6 address
// cannot be changed."

/** The whole field, read by scrolling RIGHT and back LEFT (the task checks the start comes back). */
Then('scrolling RIGHT and LEFT shows the whole address {string}', async function (expected: string) {
  const text = await this.attemptsTo(ScrollReadOnlyField());
  assert.equal(text, expected, 'the whole field, scrolled');
});

// ---------------------------------------------------------------------------------------------
// The IPv6 lab: router advertisements (RADVD) and the DNS servers they name.

/** The address SLAAC gives the appliance (what Auto v6 ADDR shows). */
Given('the router advertisements on the LAN give the appliance the address {string}', async function (address: string) {
  await this.attemptsTo(ChangeNetwork(`SLAAC on the LAN gives ${address}`, (spec) => {
    const v6 = subnetOf(spec, 'LAN').ipv6;
    if (!v6) throw new Error('the LAN has no IPv6 subnet');
    v6.address = address;
  }));
});

/** "If automatic IPv6 address assignment is not available on your network" */
Given('the LAN has no automatic IPv6 address assignment', async function () {
  await this.attemptsTo(ChangeNetwork('no router advertisements and no DHCPv6 on the LAN', (spec) => {
    const v6 = subnetOf(spec, 'LAN').ipv6;
    if (!v6) throw new Error('the LAN has no IPv6 subnet');
    v6.ra = false;
    v6.dhcpv6 = false;
  }));
});

/** The resolvers "acquired from DHCPv6 and RADVD" stop answering; other DNS servers still do. */
Given('the DNS servers the router advertisements name do not answer', async function () {
  await this.attemptsTo(ChangeNetwork('the DNS servers in the router advertisements do not answer', (spec) => {
    const v6 = subnetOf(spec, 'LAN').ipv6;
    if (!v6 || v6.dns.length === 0) throw new Error('the LAN has no advertised IPv6 DNS servers');
    for (const subnet of Object.values(spec.subnets)) {
      for (const host of subnet.hosts) if (v6.dns.includes(host.address)) host.answers = false;
    }
  }));
});

// ---------------------------------------------------------------------------------------------

/**
 * "Upon success the SCANNER APPLIANCE NAME-IP ADDRESS message appears and the manual IPv6 address
 * is enabled": the name on the first line, the IPv6 address and the platform indicator (lower
 * right corner) on the second.
 */
Then('the screen shows the name {string} and the IPv6 address {string}', async function (name: string, address: string) {
  const screen = await readScreen(this.actor);
  const indicator = await platformIndicator(this.actor);
  assert.equal(normalize(screen.lines[0]), name, `line 1 of ${this.describe(screen)}`);
  const [shown, ...rest] = screen.lines[1].trim().split(/\s+/);
  assert.ok(isIpv6(shown ?? ''), `line 2 of ${this.describe(screen)} starts with no IPv6 address`);
  assert.equal(shown, address, `the IPv6 address on line 2 of ${this.describe(screen)}`);
  assert.equal(rest.join(' '), indicator, `the platform indicator in the lower right corner of ${this.describe(screen)}`);
});
