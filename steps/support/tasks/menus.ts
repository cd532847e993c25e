// Reading a menu: its labels from the item shown down to the last, by moving through it as the
// guide says ("To move down through the menu options, press the Down arrow").
import { screenText } from '../screens.ts';
import type { ApplianceWorld } from '../world.ts';
import { goToStatus, openMainMenu, pressAndRead } from './navigation.ts';

/** The labels from the item on screen down to the last; with `back`, UP again to where it started. */
export async function readMenuDown(world: ApplianceWorld, options: { back?: boolean } = {}): Promise<string[]> {
  let screen = await world.target.screen.read();
  const labels = [screenText(screen)];
  let moves = 0;
  for (; moves < 40 && screen.indicators.includes('DOWN'); moves++) {
    screen = await pressAndRead(world, 'DOWN');
    labels.push(screenText(screen));
  }
  if (options.back) for (let i = 0; i < moves; i++) await world.target.keypad.press('UP');
  world.recordScreens();
  return labels;
}

/** The SETUP NETWORK menu, read from the unit (and left again for the status screen). */
export async function readSetupNetwork(world: ApplianceWorld): Promise<string[]> {
  await openMainMenu(world);
  await world.target.keypad.press('ENTER');
  const labels = await readMenuDown(world);
  await goToStatus(world);
  return labels;
}
