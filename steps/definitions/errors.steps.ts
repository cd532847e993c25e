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
import { fillField } from '../support/tasks/entry.ts';
import { goToMenuItem, goToStatus, waitForInput } from '../support/tasks/navigation.ts';
import type { ApplianceWorld } from '../support/world.ts';

/** The flow field a prompt belongs to (its name in the firmware profile), if any. */
function fieldOf(world: ApplianceWorld, flow: string, prompt: string): string | null {
  const want = normalize(prompt);
  for (const step of world.guide.firmware.flows[flow]?.steps ?? []) {
    if ('field' in step && normalize(step.prompt) === want) return step.field;
  }
  return null;
}

/** The menu items (in the guide's menus) that start `flow`: ENABLE ... or its CHANGE ... form. */
function itemsStarting(world: ApplianceWorld, flow: string): string[] {
  const items = Object.values(world.guide.firmware.menus).flatMap((m) => m.items).filter((i) => i.starts === flow).map((i) => i.label);
  if (items.length === 0) throw new Error(`no menu item of the ${world.generation} guide starts ${flow}`);
  return items;
}

/**
 * Starts the procedure `flow` from its menu item, enters the fields named in `values` (by field
 * name), accepts every other prompt and confirmation with ENTER, and ends when the appliance
 * applies the change (a screen that takes no keys).
 */
async function configure(world: ApplianceWorld, flow: string, values: Readonly<Record<string, string>>): Promise<void> {
  await reach(world, 'booted');
  const item = await world.act(`go to ${itemsStarting(world, flow).join(' or ')}`, () => goToMenuItem(world, ...itemsStarting(world, flow)));
  await world.act(`press ENTER on ${item}`, () => world.target.keypad.press('ENTER'));
  const entered = new Set<string>();
  for (let guard = 0; guard < 30; guard++) {
    const screen = await world.target.screen.read();
    if (screen.indicators.length === 0) break;
    const prompt = screen.lines[0].trim();
    const field = fieldOf(world, flow, prompt);
    if (field !== null && values[field] !== undefined && !entered.has(field)) {
      const value = values[field]!;
      const secret = field === 'password';
      await world.act(`enter ${secret ? 'the password' : `"${value}"`} at ${prompt}`, () => fillField(world, prompt, value, world.remembered.get('network mode') === 'ipv6-only'));
      entered.add(field);
    }
    await world.act(`press ENTER at ${prompt}`, () => world.target.keypad.press('ENTER'));
  }
  const now = await world.target.screen.read();
  assert.equal(now.indicators.length, 0, `the appliance did not apply ${item}: it shows ${world.describe(now)}`);
  const missed = Object.keys(values).filter((f) => !entered.has(f));
  assert.deepEqual(missed, [], `${item} never asked for ${missed.join(', ')}`);
}

// ---------------------------------------------------------------------------------------------
// "A user enabled proxy settings" / "A user disabled proxy settings"

/** 2022: "PROXY HOST ... the proxy server's fully qualified domain name (FQDN) or IP address". */
When('I enable proxy support through the host name {string} port {int}', async function (host: string, port: number) {
  await configure(this, 'configure-proxy', { host, port: String(port) });
});

/** "Disable Proxy ... When the REALLY DISABLE PROXY? prompt appears, press ENTER". */
When('I disable proxy support', async function () {
  await configure(this, 'disable-proxy', {});
});

// ---------------------------------------------------------------------------------------------
// "A user configured the LAN interface" / "A user configured VLANs"

When('I renew DHCP on the LAN', async function () {
  await configure(this, 'renew-dhcp-lan', {});
});

When('I enable VLAN {int} on the LAN', async function (vlan: number) {
  await configure(this, 'configure-vlan', { vlan: String(vlan) });
});

// ---------------------------------------------------------------------------------------------
// The Ethernet port settings: "A change to an Ethernet port setting takes effect right away."

When('I set the {port} port link to {string}', async function (port: Port, value: string) {
  await reach(this, 'booted');
  const flow = this.guide.firmware.flows['ethernet-ports'];
  const step = flow?.steps.find((s) => isLinkStep(s) && s.link === port);
  assert.ok(step && isLinkStep(step), `the ${this.generation} guide has no ${port} PORT LINK`);
  await this.act('go to ETHERNET PORT SETTINGS', () => goToMenuItem(this, ...itemsStarting(this, 'ethernet-ports')));
  await this.act('press ENTER', () => this.target.keypad.press('ENTER'));
  if (port === 'WAN') await this.act('press DOWN to WAN PORT LINK', () => this.target.keypad.press('DOWN'));
  const screen = await this.target.screen.read();
  assert.ok(shows(screen, step.prompt) || normalize(screen.lines[0]) === normalize(step.prompt), `expected ${step.prompt}; the screen shows ${this.describe(screen)}`);
  await this.act(`scroll ${step.prompt} to ${value}`, () => fillField(this, step.prompt, value));
  await this.act('press ENTER', () => this.target.keypad.press('ENTER'));
  const confirm = await this.target.screen.read();
  assert.ok(normalize(confirm.lines.join(' ')).startsWith(normalize(step.confirm)), `expected ${step.confirm} ${value}; the screen shows ${this.describe(confirm)}`);
  await this.act(`press ENTER at ${step.confirm} ${value}`, () => this.target.keypad.press('ENTER'));
  await this.act('leave the procedure', () => goToStatus(this));
});

// ---------------------------------------------------------------------------------------------
// A restart: "Using its boot time network configuration the Scanner Appliance attempted to make a
// connection".

When('I restart the appliance', async function () {
  await reach(this, 'booted');
  const flow = this.guide.firmware.flows['reboot'];
  const confirm = flow?.steps[0] && 'confirm' in flow.steps[0] ? flow.steps[0].confirm : 'REALLY REBOOT SYSTEM?';
  await this.act('go to SYSTEM REBOOT', () => goToMenuItem(this, ...itemsStarting(this, 'reboot')));
  await this.act('press ENTER', () => this.target.keypad.press('ENTER'));
  const screen = await this.target.screen.read();
  assert.ok(shows(screen, confirm), `expected ${confirm}; the screen shows ${this.describe(screen)}`);
  await this.act(`press ENTER at ${confirm}`, () => this.target.keypad.press('ENTER'));
  await this.act('wait for the appliance to come up', () => waitForInput(this));
});
