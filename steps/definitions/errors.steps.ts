// The actions the troubleshooting chapter names as what leads to a network error: "A user
// enabled proxy settings", "A user disabled proxy settings", "A user configured the LAN
// interface", "A user configured VLANs", "A user configured the WAN interface", the boot ("Using
// its boot time network configuration") and a restart; each made through the menus and prompts
// the guide names, as one step, so that an Examples row can name it.
import assert from 'node:assert/strict';
import { isLinkStep } from '../../fixtures/profiles.ts';
import type { Port } from '../support/protocols.ts';
import { When } from '../support/define.ts';
import { normalize, shows } from '../support/screens.ts';
import { reach } from '../support/strategy.ts';
import { goToMenuItem, goToStatus, waitForInput } from '../support/tasks/navigation.ts';
import { answerPrompt, followProcedure } from '../support/tasks/procedure.ts';
import type { Actor } from '../support/actor.ts';
import { press, readScreen } from '../support/tasks/panel.ts';

/** The menu items (in the guide's menus) that start `flow`: ENABLE ... or its CHANGE ... form. */
function itemsStarting(actor: Actor, flow: string): string[] {
  const items = Object.values(actor.guide.firmware.menus).flatMap((m) => m.items).filter((i) => i.starts === flow).map((i) => i.label);
  if (items.length === 0) throw new Error(`no menu item of the ${actor.generation} guide starts ${flow}`);
  return items;
}

/** The procedure `flow` from its menu item, its fields entered from `values` (by field name). */
async function configure(actor: Actor, flow: string, values: Readonly<Record<string, string>>): Promise<void> {
  await reach(actor, 'booted');
  await followProcedure(actor, itemsStarting(actor, flow), [flow], values);
}

// ---------------------------------------------------------------------------------------------
// "A user enabled proxy settings" / "A user disabled proxy settings"

/** 2022: "PROXY HOST ... the proxy server's fully qualified domain name (FQDN) or IP address". */
When('I enable proxy support through the host name {string} port {int}', async function (host: string, port: number) {
  await configure(this.actor, 'configure-proxy', { host, port: String(port) });
});

/** "Disable Proxy ... When the REALLY DISABLE PROXY? prompt appears, press ENTER". */
When('I disable proxy support', async function () {
  await configure(this.actor, 'disable-proxy', {});
});

// ---------------------------------------------------------------------------------------------
// "A user configured the LAN interface" / "A user configured VLANs"

When('I renew DHCP on the LAN', async function () {
  await configure(this.actor, 'renew-dhcp-lan', {});
});

When('I enable VLAN {int} on the LAN', async function (vlan: number) {
  await configure(this.actor, 'configure-vlan', { vlan: String(vlan) });
});

// ---------------------------------------------------------------------------------------------
// The Ethernet port settings: "A change to an Ethernet port setting takes effect right away."

When('I set the {port} port link to {string}', async function (port: Port, value: string) {
  await reach(this.actor, 'booted');
  const flow = this.guide.firmware.flows['ethernet-ports'];
  const step = flow?.steps.find((s) => isLinkStep(s) && s.link === port);
  assert.ok(step && isLinkStep(step), `the ${this.actor.generation} guide has no ${port} PORT LINK`);
  await this.act('go to ETHERNET PORT SETTINGS', () => goToMenuItem(this.actor, ...itemsStarting(this.actor, 'ethernet-ports')));
  await this.act('press ENTER', () => press(this.actor, 'ENTER'));
  if (port === 'WAN') await this.act('press DOWN to WAN PORT LINK', () => press(this.actor, 'DOWN'));
  const confirm = await answerPrompt(this.actor, step.prompt, value);
  assert.ok(normalize(confirm.lines.join(' ')).startsWith(normalize(step.confirm)), `expected ${step.confirm} ${value}; the screen shows ${this.describe(confirm)}`);
  await this.act(`press ENTER at ${step.confirm} ${value}`, () => press(this.actor, 'ENTER'));
  await this.act('leave the procedure', () => goToStatus(this.actor));
});

// ---------------------------------------------------------------------------------------------
// A restart: "Using its boot time network configuration the Scanner Appliance attempted to make a
// connection".

When('I restart the appliance', async function () {
  await reach(this.actor, 'booted');
  const flow = this.guide.firmware.flows['reboot'];
  const confirm = flow?.steps[0] && 'confirm' in flow.steps[0] ? flow.steps[0].confirm : 'REALLY REBOOT SYSTEM?';
  await this.act('go to SYSTEM REBOOT', () => goToMenuItem(this.actor, ...itemsStarting(this.actor, 'reboot')));
  await this.act('press ENTER', () => press(this.actor, 'ENTER'));
  const screen = await readScreen(this.actor);
  assert.ok(shows(screen, confirm), `expected ${confirm}; the screen shows ${this.describe(screen)}`);
  await this.act(`press ENTER at ${confirm}`, () => press(this.actor, 'ENTER'));
  await this.act('wait for the appliance to come up', () => waitForInput(this.actor));
});
