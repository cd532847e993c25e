// Reset All Network Settings: "reset the network configuration to the factory default using the
// RESET NETWORK SETTINGS menu option" (2017: RESET NETWORK CONFIG). In 2022 the same procedure
// switches between IPv4+v6 and IPv6-only mode ("Press the Down arrow to advance through the menu
// options. When the RESET TO IPv6 ONLY MODE? menu option appears, press ENTER").
import type { NetworkMode } from '../../../fixtures/profiles.ts';
import { isChoiceStep } from '../../../fixtures/profiles.ts';
import { NavigationError } from '../errors.ts';
import { shows } from '../screens.ts';
import type { Actor } from '../actor.ts';
import { goToMenuItem, goToStatus, waitForInput } from './navigation.ts';
import { press, pressAndRead } from './panel.ts';
import { Task } from './task.ts';

/** The reset option that leaves the unit in `mode`: the mode's own, or the plain reset when the unit is in it already. */
const optionFor: Record<NetworkMode, string[]> = { 'ipv4+v6': ['reset-ipv4v6', 'reset-current-mode'], 'ipv6-only': ['reset-ipv6-only', 'reset-current-mode'] };

/**
 * Resets the network settings to the factory default of `mode` and waits for the status screen
 * that follows the confirmation messages (the appliance connects with the defaults). Returns it.
 * `current`: the mode the unit is known to be in, if it is.
 */
export const ResetNetwork = (mode: NetworkMode = 'ipv4+v6', current?: NetworkMode) =>
  Task.where(`reset the network settings to the factory default of ${mode} mode`, async (actor) => {
    await resetNetwork(actor, mode, current);
    await waitForInput(actor);
    return goToStatus(actor);
  });

/** RESET NETWORK SETTINGS (2017: RESET NETWORK CONFIG), the mode's option chosen where the guide offers one, confirmed. */
async function resetNetwork(actor: Actor, mode: NetworkMode, current: NetworkMode | undefined): Promise<void> {
  const fw = actor.guide.firmware;
  if (!fw.networkModes.includes(mode)) throw new NavigationError(`firmware ${fw.generation} has no ${mode} mode`);
  const item = fw.menus[fw.setupNetworkMenu]!.items.find((i) => i.starts !== undefined && i.starts === 'reset-network');
  if (!item) throw new NavigationError(`the guide's SETUP NETWORK menu has no reset option`);
  await goToMenuItem(actor, item.label);
  let screen = await pressAndRead(actor, 'ENTER');
  const first = fw.flows['reset-network']!.steps[0]!;
  if (isChoiceStep(first)) {
    // The options come one at a time, DOWN to the next, and the Up arrow quits: look for the
    // mode's own option; where the unit is in that mode already there is none, and the plain
    // reset (the first option) is taken, from the start of the procedure again.
    const [own, plain] = optionFor[mode].map((then) => first.choose.find((o) => o.then === then)?.text);
    // Known to be in the mode already: the plain reset, the first option, at once.
    const look = current !== mode;
    for (let i = 0; look && i < first.choose.length && !(own && shows(screen, own)) && screen.indicators.includes('DOWN'); i++) screen = await pressAndRead(actor, 'DOWN');
    if (look && !(own && shows(screen, own))) {
      await press(actor, 'UP');
      await goToMenuItem(actor, item.label);
      screen = await pressAndRead(actor, 'ENTER');
      if (!plain || !shows(screen, plain)) throw new NavigationError(`no reset option for ${mode} mode; the screen shows ${actor.describe(screen)}`);
    }
  }
  await press(actor, 'ENTER');
}
