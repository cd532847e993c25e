// Finding one's way around the appliance UI through the keypad and the screen, the way the
// guide tells a person to: the menu tree is the guide's (the firmware profile), but every move
// is checked on the screen, so an appliance that differs fails here with the screen it showed.
import { isFieldStep, isConfirmStep, isChoiceStep, isLinkStep } from '../../../fixtures/profiles.ts';
import type { FirmwareProfile, FlowStep } from '../../../fixtures/profiles.ts';
import type { Key, ScreenSnapshot } from '../protocols.ts';
import { normalize, screenText, shows } from '../screens.ts';
import type { ApplianceWorld } from '../world.ts';

/** Longest the suite waits for a boot to reach its first status screen: boot plus contact. */
export const BOOT_TIMEOUT_MS = 6 * 60_000;

export class NavigationError extends Error {
  override name = 'NavigationError';
}

function allMenuLabels(fw: FirmwareProfile): Set<string> {
  return new Set(Object.values(fw.menus).flatMap((m) => m.items.map((i) => normalize(i.label))));
}

function exitLabels(fw: FirmwareProfile): Set<string> {
  return new Set(Object.values(fw.menus).flatMap((m) => m.items.filter((i) => i.exits).map((i) => normalize(i.label))));
}

/** Texts that appear on flow screens (prompts, confirmations, choices). */
function flowTexts(fw: FirmwareProfile): Set<string> {
  const out = new Set<string>();
  for (const flow of Object.values(fw.flows)) {
    for (const step of flow.steps) {
      if (isConfirmStep(step)) out.add(normalize(step.confirm));
      if (isFieldStep(step)) out.add(normalize(step.prompt));
      if (isLinkStep(step)) out.add(normalize(step.prompt));
      if (isChoiceStep(step)) step.choose.forEach((o) => out.add(normalize(o.text)));
    }
  }
  return out;
}

export type ScreenKind = 'message' | 'menu' | 'flow' | 'status';

/** What kind of screen this is, judged from outside: indicators and the guide's texts. */
export function classify(screen: ScreenSnapshot, fw: FirmwareProfile): ScreenKind {
  if (screen.indicators.length === 0) return 'message';
  const line1 = normalize(screen.lines[0]);
  const text = screenText(screen);
  const menus = allMenuLabels(fw);
  if (menus.has(text) || (screen.lines[1] === '' && menus.has(line1))) return 'menu';
  const flows = flowTexts(fw);
  if (flows.has(line1) || flows.has(text) || screen.cursor !== null || [...flows].some((t) => text.startsWith(t))) return 'flow';
  if (fw.texts.insertDelete && Object.values(fw.texts.insertDelete).some((t) => normalize(t) === line1)) return 'flow';
  return 'status';
}

export async function press(world: ApplianceWorld, key: Key, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await world.target.keypad.press(key);
}

/** Presses `key` until the screen shows `text`; fails after `max` presses. */
export async function pressUntil(world: ApplianceWorld, key: Key, text: string, max = 40): Promise<ScreenSnapshot> {
  let screen = await world.target.screen.read();
  for (let i = 0; i <= max; i++) {
    if (shows(screen, text)) return screen;
    if (i === max) break;
    await world.target.keypad.press(key);
    screen = await world.target.screen.read();
  }
  throw new NavigationError(`"${text}" did not appear after ${max} presses of ${key}; the screen shows ${world.describe(screen)}`);
}

/** Waits (appliance time) until a screen that takes keys is shown. */
export async function waitForInput(world: ApplianceWorld, timeoutMs = BOOT_TIMEOUT_MS): Promise<ScreenSnapshot> {
  const screen = await world.target.screen.waitFor((s) => s.indicators.length > 0, timeoutMs);
  world.recordScreens();
  if (!screen) {
    const now = await world.target.screen.read();
    throw new NavigationError(`no screen taking keys within ${timeoutMs / 1000} s; the screen shows ${world.describe(now)}`);
  }
  return screen;
}

/** Back to the status screen from wherever the UI is (menus exited, procedures quit). */
export async function goToStatus(world: ApplianceWorld): Promise<ScreenSnapshot> {
  const fw = world.guide.firmware;
  const exits = exitLabels(fw);
  for (let guard = 0; guard < 12; guard++) {
    const screen = await waitForInput(world);
    const kind = classify(screen, fw);
    if (kind === 'status') return screen;
    if (kind === 'menu') {
      // Down to EXIT THIS MENU, then ENTER: one level up.
      let s = screen;
      for (let i = 0; i < 30 && !exits.has(screenText(s)) && s.indicators.includes('DOWN'); i++) {
        await world.target.keypad.press('DOWN');
        s = await world.target.screen.read();
      }
      if (!exits.has(screenText(s))) throw new NavigationError(`no EXIT THIS MENU below ${world.describe(screen)}`);
      await world.target.keypad.press('ENTER');
    } else {
      // A procedure: the Up arrow quits it ("press the Up arrow two times to quit").
      await world.target.keypad.press('UP');
    }
  }
  throw new NavigationError(`could not get back to the status screen; it shows ${world.describe(await world.target.screen.read())}`);
}

/** From the status screen into the main menu, which opens on SETUP NETWORK. */
export async function openMainMenu(world: ApplianceWorld): Promise<void> {
  const screen = await goToStatus(world);
  const fw = world.guide.firmware;
  // ENTER on the ACTIVATION CODE screen contacts the platform again; DOWN opens the menu
  // ("press the Down arrow until the SYSTEM REBOOT screen appears").
  const key: Key = shows(screen, fw.texts.activationCode) ? 'DOWN' : 'ENTER';
  await world.target.keypad.press(key);
  const first = fw.menus[fw.mainMenu]!.items[0]!.label;
  const now = await world.target.screen.read();
  if (!shows(now, first)) throw new NavigationError(`${key} on the status screen did not show "${first}"; it shows ${world.describe(now)}`);
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
async function moveToItem(world: ApplianceWorld, menu: string, labels: string[]): Promise<string> {
  const fw = world.guide.firmware;
  const order = fw.menus[menu]!.items.map((i) => normalize(i.label));
  const wanted = labels.map(normalize);
  let screen = await world.target.screen.read();
  for (let guard = 0; guard < order.length * 2 + 2; guard++) {
    const here = screenText(screen);
    const hit = wanted.find((w) => w === here);
    if (hit) return hit;
    const at = order.indexOf(here);
    const target = Math.min(...wanted.map((w) => order.indexOf(w)));
    const key: Key = at === -1 || at < target ? 'DOWN' : 'UP';
    if (!screen.indicators.includes(key)) break;
    await world.target.keypad.press(key);
    screen = await world.target.screen.read();
  }
  throw new NavigationError(`menu item ${labels.map((l) => `"${l}"`).join(' or ')} is not shown in the menu; the screen shows ${world.describe(screen)}`);
}

/** From anywhere to a menu item (any of `labels`), leaving it on screen. Returns the label found. */
export async function goToMenuItem(world: ApplianceWorld, ...labels: string[]): Promise<string> {
  const fw = world.guide.firmware;
  const wanted = new Set(labels.map(normalize));
  const path = findMenu(fw, (label) => wanted.has(normalize(label)));
  if (!path) throw new NavigationError(`the guide has no menu item ${labels.join(' or ')}`);
  await openMainMenu(world);
  let menu = fw.mainMenu;
  for (const step of path.via) {
    await moveToItem(world, menu, [step]);
    await world.target.keypad.press('ENTER');
    menu = fw.menus[menu]!.items.find((i) => i.label === step)!.opens!;
  }
  return moveToItem(world, menu, path.labels);
}

function stepTexts(step: FlowStep): string[] {
  if (isConfirmStep(step)) return [step.confirm];
  if (isFieldStep(step)) return [step.prompt];
  if (isLinkStep(step)) return [step.prompt];
  if (isChoiceStep(step)) return step.choose.map((o) => o.text);
  return [];
}

/**
 * Opens the procedure that shows `prompt` and walks to it, accepting what each earlier screen
 * offers (ENTER), as a person following the guide would.
 */
export async function openPrompt(world: ApplianceWorld, prompt: string): Promise<ScreenSnapshot> {
  const fw = world.guide.firmware;
  const want = normalize(prompt);
  const flows = Object.entries(fw.flows).filter(([, f]) => f.steps.some((s) => stepTexts(s).some((t) => normalize(t) === want)));
  if (flows.length === 0) throw new NavigationError(`the guide has no prompt "${prompt}"`);
  const starters = new Set(flows.map(([name]) => name));
  const path = findMenu(fw, (_label, item) => item.starts !== undefined && starters.has(item.starts));
  if (!path) throw new NavigationError(`no menu item starts the procedure with "${prompt}"`);
  await goToMenuItem(world, ...path.labels);
  await world.target.keypad.press('ENTER');
  for (let guard = 0; guard < 20; guard++) {
    const screen = await world.target.screen.read();
    if (shows(screen, prompt) || normalize(screen.lines[0]) === want) return screen;
    if (screen.indicators.length === 0) break;
    const isChoice = flows.some(([, f]) => f.steps.some((s) => isChoiceStep(s) && s.choose.some((o) => normalize(o.text) === screenText(screen))));
    await world.target.keypad.press(isChoice ? 'DOWN' : 'ENTER');
  }
  throw new NavigationError(`the "${prompt}" prompt did not appear; the screen shows ${world.describe(await world.target.screen.read())}`);
}
