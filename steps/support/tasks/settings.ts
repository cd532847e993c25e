// Network settings a scenario starts from, made so the documented way on a unit that lives
// through the run (a unit of its own per scenario starts from them already): no VLAN ("To
// disable a default VLAN ... enter the VLAN ID 0000"), no proxy (DISABLE PROXY), or the factory
// default (RESET NETWORK SETTINGS / CONFIG: "DHCP enabled, no VLAN configuration, no Proxy
// configuration, no split network configuration, and Ethernet auto negotiation enabled").
import { NotApplicable } from '../errors.ts';
import { normalize } from '../screens.ts';
import type { Actor } from '../actor.ts';
import { networkMode } from '../notes.ts';
import { fillField } from './entry.ts';
import { goToMenuItem, goToStatus, openPrompt, waitForInput } from './navigation.ts';
import { press, pressAndRead } from './panel.ts';
import { ReadSetupNetwork } from './menus.ts';
import { ResetNetwork } from './reset.ts';
import { Task } from './task.ts';

/** Whether each scenario gets a unit of its own, which starts from the factory settings. */
function freshUnit(actor: Actor): boolean {
  return actor.session.unit === null;
}

/** The label of the SETUP NETWORK item that starts `flow` and is shown when the predicate `when` holds. */
function itemLabel(actor: Actor, flow: string, when: string): string | null {
  const fw = actor.guide.firmware;
  return fw.menus[fw.setupNetworkMenu]!.items.find((i) => i.starts === flow && i.when.includes(when))?.label ?? null;
}

async function shownInSetupNetwork(actor: Actor, label: string): Promise<boolean> {
  const labels = await actor.attemptsTo(ReadSetupNetwork());
  return labels.map(normalize).includes(normalize(label));
}

/** "To disable a default VLAN ... enter the VLAN ID 0000" (CHANGE VLAN ON LAN). */
const DisableVlan = () =>
  Task.where('disable the VLAN: CHANGE VLAN ON LAN, VLAN ID 0000', async (actor) => {
    const prompt = actor.guide.firmware.flows['configure-vlan']!.steps.find((s) => 'prompt' in s) as { prompt: string };
    await openPrompt(actor, prompt.prompt);
    await fillField(actor, prompt.prompt, '0');
    await press(actor, 'ENTER');
    await waitForInput(actor);
    await goToStatus(actor);
  });

/** DISABLE PROXY (the item labelled `label`), REALLY DISABLE PROXY? confirmed. */
const DisableProxy = (label: string) =>
  Task.where(`disable the proxy: ${label}`, async (actor) => {
    await goToMenuItem(actor, label);
    await pressAndRead(actor, 'ENTER');
    // REALLY DISABLE PROXY?
    await press(actor, 'ENTER');
    await waitForInput(actor);
    await goToStatus(actor);
  });

/** "After the configuration is disabled the ENABLE DHCP ON LAN menu option appears." */
export const EnsureNoVlan = () =>
  Task.where('make sure no VLAN is configured', async (actor) => {
    if (freshUnit(actor)) return;
    const change = itemLabel(actor, 'configure-vlan', 'vlan-set');
    if (!change || !(await shownInSetupNetwork(actor, change))) return;
    await actor.attemptsTo(DisableVlan());
  });

/** DISABLE PROXY, where the unit has a proxy enabled. */
export const EnsureNoProxy = () =>
  Task.where('make sure no proxy is configured', async (actor) => {
    if (freshUnit(actor)) return;
    const disable = itemLabel(actor, 'disable-proxy', 'proxy-enabled');
    if (!disable || !(await shownInSetupNetwork(actor, disable))) return;
    await actor.attemptsTo(DisableProxy(disable));
  });

/**
 * The factory network settings of the scenario's mode: a reset, unless the unit is fresh or the
 * suite knows it has them. A unit whose lab needs other settings to reach the platform is not
 * reset (its statement does not say the factory settings work there): not applicable.
 */
export const EnsureFactorySettings = () =>
  Task.where('make sure the appliance has its factory network settings', async (actor) => {
    const unit = actor.session.unit;
    if (!unit || unit.factory) return;
    if (!actor.session.statement.unit?.factorySettingsOnline) {
      throw new NotApplicable('the scenario needs the factory network settings; this unit\'s are not known to be so, and its statement does not say its lab works with them (unit.factorySettingsOnline)');
    }
    await actor.attemptsTo(ResetNetwork(actor.notes.get(networkMode) ?? actor.guide.firmware.networkModes[0]!));
  });
