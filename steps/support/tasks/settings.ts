// Network settings a scenario starts from, made so the documented way on a unit that lives
// through the run (a unit of its own per scenario starts from them already): no VLAN ("To
// disable a default VLAN ... enter the VLAN ID 0000"), no proxy (DISABLE PROXY), or the factory
// default (RESET NETWORK SETTINGS / CONFIG: "DHCP enabled, no VLAN configuration, no Proxy
// configuration, no split network configuration, and Ethernet auto negotiation enabled").
import type { NetworkMode } from '../../../fixtures/profiles.ts';
import { NotApplicable } from '../errors.ts';
import { normalize } from '../screens.ts';
import type { ApplianceWorld } from '../world.ts';
import { fillField } from './entry.ts';
import { goToMenuItem, goToStatus, openPrompt, pressAndRead, waitForInput } from './navigation.ts';
import { readSetupNetwork } from './menus.ts';
import { resetNetwork } from './reset.ts';

/** Whether each scenario gets a unit of its own, which starts from the factory settings. */
function freshUnit(world: ApplianceWorld): boolean {
  return world.session.unit === null;
}

/** The label of the SETUP NETWORK item that starts `flow` and is shown when the predicate `when` holds. */
function itemLabel(world: ApplianceWorld, flow: string, when: string): string | null {
  const fw = world.guide.firmware;
  return fw.menus[fw.setupNetworkMenu]!.items.find((i) => i.starts === flow && i.when.includes(when))?.label ?? null;
}

async function shownInSetupNetwork(world: ApplianceWorld, label: string): Promise<boolean> {
  const labels = await world.act('read the SETUP NETWORK menu', () => readSetupNetwork(world));
  return labels.map(normalize).includes(normalize(label));
}

/** "After the configuration is disabled the ENABLE DHCP ON LAN menu option appears." */
export async function ensureNoVlan(world: ApplianceWorld): Promise<void> {
  if (freshUnit(world)) return;
  const change = itemLabel(world, 'configure-vlan', 'vlan-set');
  if (!change || !(await shownInSetupNetwork(world, change))) return;
  await world.act('disable the VLAN: CHANGE VLAN ON LAN, VLAN ID 0000', async () => {
    const prompt = world.guide.firmware.flows['configure-vlan']!.steps.find((s) => 'prompt' in s) as { prompt: string };
    await openPrompt(world, prompt.prompt);
    await fillField(world, prompt.prompt, '0');
    await world.target.keypad.press('ENTER');
    await waitForInput(world);
    await goToStatus(world);
  });
}

/** DISABLE PROXY, where the unit has a proxy enabled. */
export async function ensureNoProxy(world: ApplianceWorld): Promise<void> {
  if (freshUnit(world)) return;
  const disable = itemLabel(world, 'disable-proxy', 'proxy-enabled');
  if (!disable || !(await shownInSetupNetwork(world, disable))) return;
  await world.act(`disable the proxy: ${disable}`, async () => {
    await goToMenuItem(world, disable);
    await pressAndRead(world, 'ENTER');
    // REALLY DISABLE PROXY?
    await world.target.keypad.press('ENTER');
    await waitForInput(world);
    await goToStatus(world);
  });
}

/**
 * The factory network settings of the scenario's mode: a reset, unless the unit is fresh or the
 * suite knows it has them. A unit whose lab needs other settings to reach the platform is not
 * reset (its statement does not say the factory settings work there): not applicable.
 */
export async function ensureFactorySettings(world: ApplianceWorld): Promise<void> {
  const unit = world.session.unit;
  if (!unit || unit.factory) return;
  if (!world.session.statement.unit?.factorySettingsOnline) {
    throw new NotApplicable('the scenario needs the factory network settings; this unit\'s are not known to be so, and its statement does not say its lab works with them (unit.factorySettingsOnline)');
  }
  const remembered = world.remembered.get('network mode');
  await resetNetwork(world, typeof remembered === 'string' ? remembered as NetworkMode : world.guide.firmware.networkModes[0]!);
}
