// What the model-based commands check on the way: the prompts and values a procedure shows, the
// status screen after a change, quitting with UP, and the SETUP NETWORK and WAN menus' labels
// against the model. Every reading goes through the tasks; every action is one, performed.
import assert from 'node:assert/strict';
import type fc from 'fast-check';
import type { ScreenSnapshot } from '../protocols.ts';
import { normalize, shows } from '../screens.ts';
import { editorFor, ReadWholeField } from '../tasks/entry.ts';
import { recognize } from '../recognize.ts';
import { ReadMenuDown } from '../tasks/menus.ts';
import { AnswerPrompt } from '../tasks/procedure.ts';
import { GoToMenuItem, OpenMainMenu, PressUntil, waitForInput } from '../tasks/navigation.ts';
import type { Actor } from '../actor.ts';
import type { ModelGeneration, NetworkModel } from './model.ts';
import { guideTexts, setupNetworkLabels, shown, wanLabels } from './model.ts';
import { Press, readScreen, screenMark, screensSince } from '../tasks/panel.ts';

/** The system under test as the commands see it: an actor on a target. */
export interface Real {
  readonly actor: Actor;
  readonly generation: ModelGeneration;
  /** Commands carried out (those whose precondition held). */
  executed: number;
  /** Compare the WAN interface menu's labels after every command too (on unless turned off). */
  readonly checkWanMenu: boolean;
}

export type NetworkCommand = fc.AsyncCommand<NetworkModel, Real>;

export const json = (v: unknown) => JSON.stringify(v);

export function fail(r: Real, screen: ScreenSnapshot, message: string): never {
  r.actor.note(`FAILED: ${message}`);
  assert.fail(`${message}; the screen shows ${r.actor.describe(screen)}`);
}

export async function expectShows(r: Real, text: string, why: string): Promise<ScreenSnapshot> {
  const screen = await readScreen(r.actor);
  if (!shows(screen, text)) fail(r, screen, `expected "${text}" (${why})`);
  return screen;
}

/** The prompt of a field on the first line (the field itself is on the second). */
export async function expectPrompt(r: Real, prompt: string): Promise<ScreenSnapshot> {
  const screen = await readScreen(r.actor);
  if (normalize(screen.lines[0]) !== normalize(prompt)) fail(r, screen, `expected the "${prompt}" prompt`);
  return screen;
}

/**
 * The value a field on screen holds. Text fields show 16 characters at a time and scroll left
 * ("The screen displays 16 characters of the PROXY USER field entry, and it scrolls left"), so a
 * long value is read character by character under the cursor, moving RIGHT to the field's end.
 */
export async function readField(r: Real, prompt: string): Promise<string> {
  const screen = await readScreen(r.actor);
  const spec = editorFor(r.actor.guide.firmware, prompt);
  const window = r.actor.guide.hardware.lcd.fieldWindow;
  if (spec.kind !== 'text' || screen.lines[1].trimEnd().length < window) return screen.lines[1].trim();
  return (await r.actor.attemptsTo(ReadWholeField(spec.maxLength))).trim();
}

/** After a confirmed change: the messages, then a status screen (name and IP, or an error). */
export async function settle(r: Real, mark: number, expectMessage?: string): Promise<void> {
  const screen = await waitForInput(r.actor);
  if (recognize(screen, r.actor.guide.firmware).kind !== 'status') fail(r, screen, 'expected the status screen after the change was applied');
  if (expectMessage) {
    const seen = screensSince(r.actor, mark).some((s) => shows(s, expectMessage));
    if (!seen) fail(r, screen, `"${expectMessage}" did not appear while the change was applied`);
  }
}

/** "press the Up arrow [two times] to quit this procedure and return to the SETUP NETWORK menu option" (ERRATA-019). */
export async function quitWithUp(r: Real, ups: 1 | 2, stillShown: string): Promise<void> {
  if (ups === 2) {
    await r.actor.attemptsTo(Press('UP'));
    const first = await readScreen(r.actor);
    if (!shows(first, stillShown) && normalize(first.lines[0]) !== normalize(stillShown)) {
      fail(r, first, `one UP of the two the guide asks for already left "${stillShown}"`);
    }
  }
  await r.actor.attemptsTo(Press('UP'));
  await expectShows(r, guideTexts[r.generation].setupNetwork, 'a quit returns to the SETUP NETWORK menu option');
}

/** The SETUP NETWORK menu (and the WAN interface menu) read through the keypad, against the model. */
export async function checkMenus(m: NetworkModel, r: Real): Promise<void> {
  await r.actor.attemptsTo(OpenMainMenu());
  await r.actor.attemptsTo(Press('ENTER'));
  const labels = await r.actor.attemptsTo(ReadMenuDown());
  r.actor.note(`SETUP NETWORK menu: ${labels.join(' / ')}`);
  const expected = setupNetworkLabels(m);
  if (json(labels) !== json(expected)) {
    fail(r, await readScreen(r.actor), `the SETUP NETWORK menu reads ${labels.join(' / ')}; for the stored configuration ${json(m)} the guide's labels are ${expected.join(' / ')}`);
  }
  if (!r.checkWanMenu) return;
  await r.actor.attemptsTo(PressUntil('UP', 'ENABLE WAN INTERFACE', 20));
  await r.actor.attemptsTo(Press('ENTER'));
  const wan = await r.actor.attemptsTo(ReadMenuDown());
  r.actor.note(`WAN menu: ${wan.join(' / ')}`);
  const expectedWan = wanLabels(m);
  if (json(wan) !== json(expectedWan)) {
    fail(r, await readScreen(r.actor), `the WAN interface menu reads ${wan.join(' / ')}; for the stored configuration ${json(m)} the guide's labels are ${expectedWan.join(' / ')}`);
  }
}

/** Opens a SETUP NETWORK (or WAN) item the model says is shown, and checks it is. */
export async function openItem(r: Real, label: string): Promise<void> {
  const found = await r.actor.attemptsTo(GoToMenuItem(label));
  if (found !== normalize(label)) fail(r, await readScreen(r.actor), `expected the menu item "${label}"`);
  await r.actor.attemptsTo(Press('ENTER'));
}

/**
 * Walks a procedure's fields: checks each prompt, compares the value shown first with
 * `expected` (the stored value, when there is one), enters `values` (when given), and ENTER.
 */
export async function walkFields<T extends object>(
  r: Real,
  prompts: ReadonlyArray<readonly [keyof T & string, string]>,
  expected: T | null,
  values: T | null,
): Promise<void> {
  for (const [field, prompt] of prompts) {
    await expectPrompt(r, prompt);
    if (expected) {
      const want = shown(r.generation, field, (expected as Record<string, string | number>)[field]!);
      const have = await readField(r, prompt);
      if (have !== want) fail(r, await readScreen(r.actor), `"${prompt}" shows "${have}" as its default, not the stored "${want}" ("Existing parameters are displayed in each screen")`);
    }
    const after = await r.actor.attemptsTo(AnswerPrompt(prompt, values ? String((values as Record<string, string | number>)[field]!) : null));
    // A refusal shows its reason under the prompt, with no indicators: every value entered here is one the guide allows.
    if (after.indicators.length === 0 && normalize(after.lines[0]) === normalize(prompt)) fail(r, after, `"${prompt}" refused the value entered`);
  }
}

/**
 * A menu item that asks for a confirmation: opens it, checks the confirmation is shown, then
 * quits with the UPs the guide gives (`cancel`) or confirms with ENTER and waits for the change
 * to be applied. Whether the change was made.
 */
export async function confirmItem(r: Real, item: string, confirmation: string, ups: 1 | 2, cancel: boolean): Promise<boolean> {
  await openItem(r, item);
  await expectShows(r, confirmation, `the confirmation of ${item}`);
  if (cancel) {
    await quitWithUp(r, ups, confirmation);
    return false;
  }
  const mark = screenMark(r.actor);
  await r.actor.attemptsTo(Press('ENTER'));
  await settle(r, mark);
  return true;
}
