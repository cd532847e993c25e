// Network modes and the interfaces' make-up: the 2022 IPv4+v6 and IPv6-only modes ("Switch
// Between Modes"), what a menu offers in each mode, read-only IPv6 fields scrolled Left and Right,
// and the IPv6 conditions of the lab (router advertisements and the DNS servers they name).
import assert from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';
import { isIpv6 } from '../../fixtures/addresses.ts';
import { Given, Then } from '../support/define.ts';
import { normalize } from '../support/screens.ts';
import { reach } from '../support/strategy.ts';
import { readMenuDown } from '../support/tasks/menus.ts';
import { resetNetwork } from '../support/tasks/reset.ts';
import { changeNetwork, subnetOf } from '../support/tasks/network.ts';
import { networkMode } from '../support/notes.ts';
import { press, readScreen } from '../support/tasks/panel.ts';

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
  await resetNetwork(this.actor, wanted);
  this.notes.set(networkMode, wanted);
});

// ---------------------------------------------------------------------------------------------
// What a menu offers, read by moving down through it (and back up to where it was).

/** Each named option is among the menu's options from the one shown down (in any order). */
Then('the menu options from here down include:', async function (table: DataTable) {
  const wanted = table.raw().map((row) => normalize(row[0]!));
  const labels = await readMenuDown(this.actor, { back: true });
  const missing = wanted.filter((w) => !labels.includes(w));
  assert.deepEqual(missing, [], `the menu offers: ${labels.join(' / ')}`);
});

Then('no menu option from here down is {string}', async function (label: string) {
  const labels = await readMenuDown(this.actor, { back: true });
  assert.ok(!labels.includes(normalize(label)), `the menu offers ${label}: ${labels.join(' / ')}`);
});

// ---------------------------------------------------------------------------------------------
// Read-only fields: "Scroll Left and Right to view the complete IPv6 address. The IPv6 address
// cannot be changed."

/**
 * Reads a field that has no cursor by scrolling: RIGHT while its indicator is shown, each press
 * bringing one more character into view; then LEFT back to the start, which must show the same
 * window as at first.
 */
Then('scrolling RIGHT and LEFT shows the whole address {string}', async function (expected: string) {
  const text = await this.act('scroll the field with RIGHT, then back with LEFT', async () => {
    const first = await readScreen(this.actor);
    assert.equal(first.cursor, null, `the field has a cursor: ${this.describe(first)}`);
    let screen = first;
    let shown = screen.lines[1].trimEnd();
    let moves = 0;
    while (screen.indicators.includes('RIGHT') && moves < 64) {
      await press(this.actor, 'RIGHT');
      moves++;
      screen = await readScreen(this.actor);
      shown += screen.lines[1].trimEnd().slice(-1);
    }
    for (let i = 0; i < moves; i++) await press(this.actor, 'LEFT');
    const back = await readScreen(this.actor);
    assert.equal(back.lines[1], first.lines[1], `LEFT did not bring back the start of the field: ${this.describe(back)}`);
    return shown;
  });
  assert.equal(text, expected, 'the whole field, scrolled');
});

// ---------------------------------------------------------------------------------------------
// The IPv6 lab: router advertisements (RADVD) and the DNS servers they name.

/** The address SLAAC gives the appliance (what Auto v6 ADDR shows). */
Given('the router advertisements on the LAN give the appliance the address {string}', async function (address: string) {
  await changeNetwork(this.actor, `SLAAC on the LAN gives ${address}`, (spec) => {
    const v6 = subnetOf(spec, 'LAN').ipv6;
    if (!v6) throw new Error('the LAN has no IPv6 subnet');
    v6.address = address;
  });
});

/** "If automatic IPv6 address assignment is not available on your network" */
Given('the LAN has no automatic IPv6 address assignment', async function () {
  await changeNetwork(this.actor, 'no router advertisements and no DHCPv6 on the LAN', (spec) => {
    const v6 = subnetOf(spec, 'LAN').ipv6;
    if (!v6) throw new Error('the LAN has no IPv6 subnet');
    v6.ra = false;
    v6.dhcpv6 = false;
  });
});

/** The resolvers "acquired from DHCPv6 and RADVD" stop answering; other DNS servers still do. */
Given('the DNS servers the router advertisements name do not answer', async function () {
  await changeNetwork(this.actor, 'the DNS servers in the router advertisements do not answer', (spec) => {
    const v6 = subnetOf(spec, 'LAN').ipv6;
    if (!v6 || v6.dns.length === 0) throw new Error('the LAN has no advertised IPv6 DNS servers');
    for (const subnet of Object.values(spec.subnets)) {
      for (const host of subnet.hosts) if (v6.dns.includes(host.address)) host.answers = false;
    }
  });
});

// ---------------------------------------------------------------------------------------------

/**
 * "Upon success the SCANNER APPLIANCE NAME-IP ADDRESS message appears and the manual IPv6 address
 * is enabled": the name on the first line, the IPv6 address and the platform indicator (lower
 * right corner) on the second.
 */
Then('the screen shows the name {string} and the IPv6 address {string}', async function (name: string, address: string) {
  const screen = await readScreen(this.actor);
  const { indicator } = await this.need('lab').platform();
  assert.equal(normalize(screen.lines[0]), name, `line 1 of ${this.describe(screen)}`);
  const [shown, ...rest] = screen.lines[1].trim().split(/\s+/);
  assert.ok(isIpv6(shown ?? ''), `line 2 of ${this.describe(screen)} starts with no IPv6 address`);
  assert.equal(shown, address, `the IPv6 address on line 2 of ${this.describe(screen)}`);
  assert.equal(rest.join(' '), indicator, `the platform indicator in the lower right corner of ${this.describe(screen)}`);
});
