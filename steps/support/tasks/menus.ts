// Reading a menu: its labels from the item shown down to the last, by moving through it as the
// guide says ("To move down through the menu options, press the Down arrow").
import { screenText } from '../screens.ts';
import type { Actor } from '../actor.ts';
import { goToStatus, openMainMenu } from './navigation.ts';
import { press, pressAndRead, readScreen } from './panel.ts';

/** The labels from the item on screen down to the last; with `back`, UP again to where it started. */
export async function readMenuDown(actor: Actor, options: { back?: boolean } = {}): Promise<string[]> {
  let screen = await readScreen(actor);
  const labels = [screenText(screen)];
  let moves = 0;
  for (; moves < 40 && screen.indicators.includes('DOWN'); moves++) {
    screen = await pressAndRead(actor, 'DOWN');
    labels.push(screenText(screen));
  }
  if (options.back) for (let i = 0; i < moves; i++) await press(actor, 'UP');
  actor.recordScreens();
  return labels;
}

/** The SETUP NETWORK menu, read from the unit (and left again for the status screen). */
export async function readSetupNetwork(actor: Actor): Promise<string[]> {
  await openMainMenu(actor);
  await press(actor, 'ENTER');
  const labels = await readMenuDown(actor);
  await goToStatus(actor);
  return labels;
}
