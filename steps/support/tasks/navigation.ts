// Finding one's way around the appliance UI through the keypad and the screen, the way the
// guide tells a person to: the menu tree is the guide's (the firmware profile), but every move
// is checked on the screen, so an appliance that differs fails here with the screen it showed.
//
// Getting back to the status screen works from any screen the profile can show, the documented
// way only: menus are left through EXIT THIS MENU, a confirmation or a choice with the Up arrow
// (as many presses as the guide says), an entry field with ENTER through the remaining prompts
// up to the confirmation, which is then cancelled. No character is ever scrolled to get out:
// in an entry field the Up arrow changes the character under the cursor.
import type { FirmwareProfile } from '../../../fixtures/profiles.ts';
import { isDoStep, isFieldStep } from '../../../fixtures/profiles.ts';
import type { Key, ScreenSnapshot } from '../protocols.ts';
import type { Recognized } from '../recognize.ts';
import { fieldStepOf, recognize, stepTexts } from '../recognize.ts';
import { normalize, screenText, shows } from '../screens.ts';
import { NavigationError } from '../errors.ts';
import type { Actor } from '../actor.ts';
import { fillField, RepairField, repairValues } from './entry.ts';
import { press, pressAndRead, readScreen, screensSince, waitForScreen } from './panel.ts';
import { Task } from './task.ts';

/** Longest the suite waits for a boot to reach its first status screen: boot plus contact. */
export const BOOT_TIMEOUT_MS = 6 * 60_000;

export { NavigationError };

function exitLabels(fw: FirmwareProfile): Set<string> {
  return new Set(Object.values(fw.menus).flatMap((m) => m.items.filter((i) => i.exits).map((i) => normalize(i.label))));
}

/** Presses `key` until the screen shows `text`; fails after `max` presses. */
export async function pressUntil(actor: Actor, key: Key, text: string, max = 40): Promise<ScreenSnapshot> {
  let screen = await readScreen(actor);
  for (let i = 0; i <= max; i++) {
    if (shows(screen, text)) return screen;
    if (i === max) break;
    screen = await pressAndRead(actor, key);
  }
  throw new NavigationError(`"${text}" did not appear after ${max} presses of ${key}; the screen shows ${actor.describe(screen)}`);
}

/** Waits (appliance time) until a screen that takes keys is shown. */
export async function waitForInput(actor: Actor, timeoutMs = BOOT_TIMEOUT_MS): Promise<ScreenSnapshot> {
  const screen = await waitForScreen(actor, (s) => s.indicators.length > 0, timeoutMs);
  actor.recordScreens();
  if (!screen) {
    const now = await readScreen(actor);
    throw new NavigationError(`no screen taking keys within ${timeoutMs / 1000} s; the screen shows ${actor.describe(now)}`);
  }
  // The screen that took keys may have been a moment ago: what counts is the screen now.
  const now = await readScreen(actor);
  return now.indicators.length > 0 ? now : waitForInput(actor, timeoutMs);
}

/**
 * Leaves an entry field with ENTER. A value the field refuses (the same prompt comes back) is
 * first made acceptable, with each of `repairValues` in turn; the procedure's confirmation,
 * cancelled afterwards, keeps it from ever being stored.
 */
async function leaveField(actor: Actor, screen: ScreenSnapshot, r: Extract<Recognized, { kind: 'field' }>): Promise<void> {
  if (!confirmationAhead(actor.guide.firmware, r.flow, r.step)) await restoreVisitStart(actor, screen, r);
  const stillThere = async (): Promise<boolean> => {
    await press(actor, 'ENTER');
    const again = recognize(await waitForInput(actor, 60_000), actor.guide.firmware);
    return again.kind === 'field' && again.flow === r.flow && again.step === r.step;
  };
  if (!(await stillThere())) return;
  const tried = repairValues(actor, r.prompt, screen);
  for (const value of tried) {
    await actor.attemptsTo(RepairField(r.prompt, screen, value));
    if (!(await stillThere())) return;
  }
  const values = tried.map((v) => (v === '' ? 'blank' : `"${v}"`)).join(', ');
  throw new NavigationError(`the "${r.prompt}" field refuses its value, and also ${values || 'any value the suite knows to enter'}; the screen shows ${actor.describe(await readScreen(actor))}`);
}

/** Whether the procedure asks for a confirmation after this step, before it stores anything. */
export function confirmationAhead(fw: FirmwareProfile, flow: string, step: number): boolean {
  for (const s of fw.flows[flow]!.steps.slice(step + 1)) {
    if (isDoStep(s)) return false;
    if (!isFieldStep(s)) return true;
  }
  return false;
}

/**
 * A field that ENTER stores at once (VLAN 0-4094: the guide gives no confirmation and no way to
 * quit it) is first put back to the value it showed when it was opened, which is the stored
 * value ("These settings will appear as default parameters"), as the screens of this unit
 * recorded it. When the opening was not seen, the value shown is what gets stored.
 */
async function restoreVisitStart(actor: Actor, screen: ScreenSnapshot, r: Extract<Recognized, { kind: 'field' }>): Promise<void> {
  const fw = actor.guide.firmware;
  const seen = screensSince(actor, 0);
  let first: ScreenSnapshot | null = null;
  for (let i = seen.length - 1; i >= 0; i--) {
    const s = seen[i]!;
    const same = recognize(s, fw);
    const inField = (same.kind === 'field' && same.flow === r.flow && same.step === r.step) || (s.indicators.length === 0 && showsPrompt(s, fw, r.prompt));
    if (!inField) break;
    if (i === 0) return;
    if (s.indicators.length > 0) first = s;
  }
  const opened = first?.lines[1].trim();
  if (opened === undefined || opened === screen.lines[1].trim()) return;
  await actor.attemptsTo(Task.where(`put "${r.prompt}" back to ${opened}, the value it showed when opened (ENTER stores it at once)`, () => fillField(actor, r.prompt, opened)));
}

/**
 * Quits a confirmation, a choice or a port link screen with the Up arrow: `ups` presses where the
 * guide says so ("press the Up arrow two times to quit this procedure"). Whatever the first of
 * two presses shows, the second is the guide's; but a press that has already left the procedure
 * (a menu is shown) is not followed by another.
 */
async function quitWithUp(actor: Actor, ups: number): Promise<void> {
  for (let i = 0; i < ups; i++) {
    const screen = await pressAndRead(actor, 'UP');
    const now = recognize(screen, actor.guide.firmware);
    if (now.kind === 'menu' || now.kind === 'status' || now.kind === 'field') return;
  }
}

/** One documented move towards the status screen from the screen on show. */
async function stepTowardsStatus(actor: Actor, screen: ScreenSnapshot, r: Recognized): Promise<void> {
  const fw = actor.guide.firmware;
  switch (r.kind) {
    case 'menu': {
      // Down to EXIT THIS MENU, then ENTER: one level up.
      const exits = exitLabels(fw);
      let s = screen;
      for (let i = 0; i < 30 && !exits.has(screenText(s)) && s.indicators.includes('DOWN'); i++) s = await pressAndRead(actor, 'DOWN');
      if (!exits.has(screenText(s))) throw new NavigationError(`no EXIT THIS MENU below ${actor.describe(screen)}`);
      await press(actor, 'ENTER');
      return;
    }
    case 'confirm':
    case 'choice':
      return quitWithUp(actor, r.ups);
    case 'link':
      // REALLY SET LAN TO <value>: the Up arrow cancels the confirmation; then the link screen's quit.
      return r.confirming ? void (await press(actor, 'UP')) : quitWithUp(actor, r.ups);
    case 'insert-delete': {
      // "When Done editing? appears, press Enter to confirm."
      let s = screen;
      for (let i = 0; i < 4; i++) {
        const now = recognize(s, fw);
        if (now.kind !== 'insert-delete' || now.option === 'doneEditing' || !s.indicators.includes('DOWN')) break;
        s = await pressAndRead(actor, 'DOWN');
      }
      await press(actor, 'ENTER');
      return;
    }
    case 'field':
      return leaveField(actor, screen, r);
    case 'blank':
      // "it may be necessary to press the ENTER key on the VT100 terminal's keyboard to display the Remote Console interface"
      await press(actor, 'ENTER');
      return;
    case 'unknown':
      throw new NavigationError(`the screen shows ${actor.describe(screen)}, which is no screen of the guide`);
    case 'message':
    case 'status':
      return;
  }
}

/** Back to the status screen from wherever the UI is (menus exited, procedures quit). */
export async function goToStatus(actor: Actor): Promise<ScreenSnapshot> {
  const fw = actor.guide.firmware;
  let blanks = 0;
  for (let guard = 0; guard < 40; guard++) {
    let screen = await readScreen(actor);
    let r = recognize(screen, fw);
    if (r.kind === 'blank' && blanks === 0) {
      // Booting (the LCD blank between messages) or a console not woken: wait a little first.
      screen = await waitForScreen(actor, (s) => recognize(s, fw).kind !== 'blank', 10_000) ?? screen;
      r = recognize(screen, fw);
    }
    if (r.kind === 'message') {
      screen = await waitForInput(actor);
      r = recognize(screen, fw);
    }
    if (r.kind === 'status') return screen;
    if (r.kind === 'blank' && ++blanks > 2) throw new NavigationError('the screen stays blank: is the appliance on, and its console cabled and woken?');
    await stepTowardsStatus(actor, screen, r);
  }
  throw new NavigationError(`could not get back to the status screen; it shows ${actor.describe(await readScreen(actor))}`);
}

/** From the status screen into the main menu, which opens on SETUP NETWORK. */
export async function openMainMenu(actor: Actor): Promise<void> {
  const screen = await goToStatus(actor);
  const fw = actor.guide.firmware;
  // ENTER on the ACTIVATION CODE screen contacts the platform again; DOWN opens the menu
  // ("press the Down arrow until the SYSTEM REBOOT screen appears").
  const key: Key = shows(screen, fw.texts.activationCode) ? 'DOWN' : 'ENTER';
  let now = await pressAndRead(actor, key);
  const first = fw.menus[fw.mainMenu]!.items[0]!.label;
  // A line that paused inside the answer shows it half drawn (SETUP NE over the status screen's
  // address reads as a status screen): the rest is waited for before the key is said to fail.
  if (!shows(now, first)) now = await waitForScreen(actor, (s) => shows(s, first), 5000) ?? now;
  if (!shows(now, first)) throw new NavigationError(`${key} on the status screen did not show "${first}"; it shows ${actor.describe(now)}`);
}

interface MenuPath {
  /** Labels to select (ENTER) from the main menu down to the menu holding the target. */
  via: string[];
  /** Labels that lead to the target (alternatives: ENABLE PROXY or CHANGE PROXY PARAMS). */
  labels: string[];
  menu: string;
}

/** Where in the guide's menu tree an item with one of `labels` lives. */
function findMenu(fw: FirmwareProfile, accept: (label: string, item: FirmwareProfile['menus'][string]['items'][number]) => boolean): MenuPath | null {
  const search = (menu: string, via: string[]): MenuPath | null => {
    const items = fw.menus[menu]!.items;
    const hits = items.filter((i) => accept(i.label, i)).map((i) => i.label);
    if (hits.length > 0) return { via, labels: hits, menu };
    for (const item of items) {
      if (item.opens) {
        const found = search(item.opens, [...via, item.label]);
        if (found) return found;
      }
    }
    return null;
  };
  return search(fw.mainMenu, []);
}

/** Moves within the menu on screen until one of `labels` shows; order is the guide's. */
async function moveToItem(actor: Actor, menu: string, labels: string[]): Promise<string> {
  const fw = actor.guide.firmware;
  const order = fw.menus[menu]!.items.map((i) => normalize(i.label));
  const wanted = labels.map(normalize);
  let screen = await readScreen(actor);
  for (let guard = 0; guard < order.length * 2 + 2; guard++) {
    const here = screenText(screen);
    const hit = wanted.find((w) => w === here);
    if (hit) return hit;
    const at = order.indexOf(here);
    const target = Math.min(...wanted.map((w) => order.indexOf(w)));
    const key: Key = at === -1 || at < target ? 'DOWN' : 'UP';
    if (!screen.indicators.includes(key)) break;
    screen = await pressAndRead(actor, key);
  }
  throw new NavigationError(`menu item ${labels.map((l) => `"${l}"`).join(' or ')} is not shown in the menu; the screen shows ${actor.describe(screen)}`);
}

/** From anywhere to a menu item (any of `labels`), leaving it on screen. Returns the label found. */
export async function goToMenuItem(actor: Actor, ...labels: string[]): Promise<string> {
  const fw = actor.guide.firmware;
  const wanted = new Set(labels.map(normalize));
  const path = findMenu(fw, (label) => wanted.has(normalize(label)));
  if (!path) throw new NavigationError(`the guide has no menu item ${labels.join(' or ')}`);
  await openMainMenu(actor);
  let menu = fw.mainMenu;
  for (const step of path.via) {
    await moveToItem(actor, menu, [step]);
    await press(actor, 'ENTER');
    menu = fw.menus[menu]!.items.find((i) => i.label === step)!.opens!;
  }
  return moveToItem(actor, menu, path.labels);
}

/** Whether the screen shows the prompt `prompt` (or another name the guide gives it). */
export function showsPrompt(screen: ScreenSnapshot, fw: FirmwareProfile, prompt: string): boolean {
  const step = fieldStepOf(fw, prompt);
  const names = step ? stepTexts(step) : [prompt];
  return names.some((name) => shows(screen, name) || normalize(screen.lines[0]) === normalize(name));
}

/**
 * Opens the procedure that shows `prompt` and walks to it, accepting what each earlier screen
 * offers (ENTER), as a person following the guide would.
 */
export async function openPrompt(actor: Actor, prompt: string): Promise<ScreenSnapshot> {
  const fw = actor.guide.firmware;
  const want = normalize(prompt);
  const flows = Object.entries(fw.flows).filter(([, f]) => f.steps.some((s) => stepTexts(s).some((t) => normalize(t) === want)));
  if (flows.length === 0) throw new NavigationError(`the guide has no prompt "${prompt}"`);
  const starters = new Set(flows.map(([name]) => name));
  const path = findMenu(fw, (_label, item) => item.starts !== undefined && starters.has(item.starts));
  if (!path) throw new NavigationError(`no menu item starts the procedure with "${prompt}"`);
  await goToMenuItem(actor, ...path.labels);
  await press(actor, 'ENTER');
  for (let guard = 0; guard < 20; guard++) {
    const screen = await waitForInput(actor, 60_000);
    if (showsPrompt(screen, fw, prompt)) return screen;
    const r = recognize(screen, fw);
    if (r.kind === 'field') await leaveField(actor, screen, r);
    else await press(actor, r.kind === 'choice' ? 'DOWN' : 'ENTER');
  }
  throw new NavigationError(`the "${prompt}" prompt did not appear; the screen shows ${actor.describe(await readScreen(actor))}`);
}

// --- Tasks -------------------------------------------------------------------------------------

export const GoToStatus = () => Task.where('go back to the status screen', (actor) => goToStatus(actor));

export const OpenMainMenu = () => Task.where('open the main menu', (actor) => openMainMenu(actor));

/** To a menu item (any of `labels`, found in the guide's menu tree), left on screen; hands back the label found. */
export const GoToMenuItem = (...labels: string[]) => Task.where(`go to ${labels.join(' or ')}`, (actor) => goToMenuItem(actor, ...labels));

export const OpenPrompt = (prompt: string) => Task.where(`open the ${prompt} prompt`, (actor) => openPrompt(actor, prompt));

export const PressUntil = (key: Key, text: string, max = 40) => Task.where(`press ${key} until "${text}" appears`, (actor) => pressUntil(actor, key, text, max));

/** ENTER on the ACTIVATION CODE screen, once the unit is activated: it contacts the platform again. */
export const ContactThePlatformAgain = () => Task.where('press ENTER (contact the platform again)', (actor) => press(actor, 'ENTER'));
