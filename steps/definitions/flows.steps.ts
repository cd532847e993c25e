// The configuration procedures of SETUP NETWORK, followed the way the guide tells them: go to a
// menu option, answer each prompt in turn, review the confirmation messages, read the result.
import assert from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';
import { Then, When } from '../support/define.ts';
import { normalize, shows } from '../support/screens.ts';
import { GoToMenuItem } from '../support/tasks/navigation.ts';
import { platformIndicator } from '../support/tasks/lab.ts';
import { ChangeNetwork, subnetOf } from '../support/tasks/network.ts';
import { readScreen } from '../support/tasks/panel.ts';
import { AnswerPrompt } from '../support/tasks/procedure.ts';

/** "Go to the SETUP NETWORK menu option": from wherever the UI is, through the menus. */
When('I go to the {string} menu option', async function (label: string) {
  const found = await this.attemptsTo(GoToMenuItem(label));
  assert.equal(found, normalize(label), `the menu shows ${found}, not ${label}`);
});

/**
 * "When the LAN IP ADDR prompt appears, enter the static IP address, and then press ENTER to
 * continue." Each row: the prompt that must be on screen now (in this order, or the step fails),
 * and what to enter there before ENTER: a value, nothing (ENTER accepts what is shown), or
 * "(blank)" to clear a text field.
 */
When('I answer the prompts in turn:', async function (table: DataTable) {
  const rows = table.raw();
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  assert.deepEqual(header, ['prompt', 'entry'], 'the table has the columns "prompt" and "entry"');
  for (const [prompt, entry] of rows.slice(1) as Array<[string, string]>) {
    const value = entry.trim();
    const wanted = value === '' ? null : value === '(blank)' ? '' : value;
    await this.attemptsTo(AnswerPrompt(prompt, wanted));
  }
});

/** The name and IP screen with a given address ("SCANNER APPLIANCE NAME–IP ADDRESS"). */
Then('the screen shows the name {string}, the IP address {string} and the platform indicator', async function (name: string, address: string) {
  const screen = await readScreen(this.actor);
  const indicator = await platformIndicator(this.actor);
  assert.equal(normalize(screen.lines[0]), name, `line 1 of ${this.describe(screen)}`);
  const [shown, ...rest] = screen.lines[1].trim().split(/\s+/);
  assert.equal(shown, address, `the IP address on line 2 of ${this.describe(screen)}`);
  assert.equal(rest.join(' '), indicator, `the platform indicator in the lower right corner of ${this.describe(screen)}`);
});

/** A lease that changes while the appliance runs (picked up by RENEW DHCP ON LAN). */
When("the {port}'s DHCP server now leases {ipv4}", async function (port: 'LAN' | 'WAN', address: string) {
  await this.attemptsTo(ChangeNetwork(`the ${port}'s DHCP server now leases ${address}`, (spec) => {
    const dhcp = subnetOf(spec, port).dhcp;
    if (!dhcp) throw new Error(`the ${port} has no DHCP server`);
    dhcp.address = address;
  }));
});

/** A message that did not appear among the screens since the latest action. */
Then('{string} was not shown', async function (text: string) {
  const seen = this.actor.screensSinceAction();
  const hit = seen.find((s) => shows(s, text));
  assert.equal(hit, undefined, `"${text}" was shown: ${hit ? this.describe(hit) : ''}`);
});
