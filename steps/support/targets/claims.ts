// A capability statement's claims about the unit, checked on the unit before a run: its firmware
// generation (read off its menus, the way `npm run probe` identifies it) and whether it is
// activated. A unit that contradicts its statement stops the run at once, in one line naming
// the claim; the layout claim was checked when the console was woken.
import { listGenerations, loadGeneration } from '../../../fixtures/profiles.ts';
import type { FirmwareProfile } from '../../../fixtures/profiles.ts';
import type { TargetStatement } from '../../../fixtures/targets.ts';
import { Actor } from '../actor.ts';
import type { TargetSession } from '../protocols.ts';
import { recognize } from '../recognize.ts';
import { normalize } from '../screens.ts';
import { goToStatus } from '../tasks/navigation.ts';
import { readSetupNetwork } from '../tasks/menus.ts';

/** The labels of a profile's SETUP NETWORK menu, every variant of each item. */
function setupNetworkLabels(fw: FirmwareProfile): Set<string> {
  return new Set(fw.menus[fw.setupNetworkMenu]!.items.map((i) => normalize(i.label)));
}

/**
 * The generations whose SETUP NETWORK menu can show every label read: the labels a menu shows
 * depend on the configuration, so a generation fits when it has every one of them.
 */
export function generationsFitting(labels: readonly string[]): string[] {
  return listGenerations().filter((g) => {
    const fw = loadGeneration(g).firmware;
    if (fw.scope !== 'all') return false;
    const known = setupNetworkLabels(fw);
    return labels.every((l) => known.has(normalize(l)));
  });
}

export { readSetupNetwork };

/** The unit shows something its statement says it is not (bad input: the statement is wrong). */
export class ClaimContradicted extends Error {
  override name = 'ClaimContradicted';
}

export async function checkClaims(session: TargetSession, statement: TargetStatement): Promise<void> {
  const target = await session.forScenario();
  const actor = Actor.using(target);
  try {
    const status = recognize(await goToStatus(actor), actor.guide.firmware);
    const labels = await readSetupNetwork(actor);
    const fitting = generationsFitting(labels);
    if (!fitting.includes(session.generation)) {
      throw new ClaimContradicted(`the statement's firmware generation ${session.generation} is contradicted: SETUP NETWORK shows ${labels.join(' / ')}`
        + (fitting.length ? `, the menu of generation ${fitting.join(' or ')}` : ', the menu of no known generation'));
    }
    // An error on the status screen says nothing of the activation: only the two screens that do count.
    const shows = status.kind === 'status' ? status.shows : null;
    const activated = shows === 'activation-code' ? false : shows === 'name-and-ip' ? true : undefined;
    const claimed = statement.unit?.activated;
    if (claimed !== undefined && activated !== undefined && claimed !== activated) {
      throw new ClaimContradicted(`the statement says the unit is ${claimed ? '' : 'not '}activated, but it ${activated ? 'is' : 'shows the ACTIVATION CODE screen'}`);
    }
  } finally {
    await target.stop();
  }
}
