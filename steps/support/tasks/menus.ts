// Reading a menu: its labels from the item shown down to the last, by moving through it as the
// guide says ("To move down through the menu options, press the Down arrow").
import { screenText } from '../screens.ts';
import type { Actor } from '../actor.ts';
import { goToMenuItem, goToStatus, openMainMenu } from './navigation.ts';
import { press, pressAndRead, readScreen } from './panel.ts';
import { Task } from './task.ts';

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

// --- Tasks -------------------------------------------------------------------------------------

/** The labels from the item on screen down to the last; with `back`, UP again to where it started. */
export const ReadMenuDown = (options: { back?: boolean } = {}) =>
  Task.where('read the menu from here down', (actor) => readMenuDown(actor, options));

/** The SETUP NETWORK menu, read from the unit; `why` says what for. */
export const ReadSetupNetwork = (why?: string) =>
  Task.where(`read the SETUP NETWORK menu${why ? ` (${why})` : ''}`, (actor) => readSetupNetwork(actor));

/** The main menu, from its first item down. */
export const ReadMainMenu = () =>
  Task.where('read the main menu', async (actor) => {
    const fw = actor.guide.firmware;
    await goToMenuItem(actor, fw.menus[fw.mainMenu]!.items[0]!.label);
    return readMenuDown(actor);
  });

/** The menu the item `label` opens, from its first item down. */
export const ReadMenuBehind = (label: string) =>
  Task.where(`read the menu behind ${label}`, async (actor) => {
    await goToMenuItem(actor, label);
    await press(actor, 'ENTER');
    return readMenuDown(actor);
  });
