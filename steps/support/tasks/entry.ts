// Entering values in fields, as "Entering Information" documents: digits scrolled 0-9,
// characters scrolled through the field's cycle, the netmask scrolled through its list; or, on
// a remote console whose statement says so, typed ("Using the Remote Console interface you have
// the option to use the Up and Down arrows or to use your keyboard to enter characters"). Every
// press is checked on the screen, so an appliance whose order differs from the guide's fails
// here, naming the character and the screen.
import assert from 'node:assert/strict';
import { padIpv4 } from '../../../fixtures/addresses.ts';
import { isLinkStep } from '../../../fixtures/profiles.ts';
import type { EditorSpec, FirmwareProfile } from '../../../fixtures/profiles.ts';
import { expandAlphabet, scrollCycle } from '../../../fixtures/field-values.ts';
import type { Key, ScreenSnapshot } from '../protocols.ts';
import { fieldStepOf } from '../recognize.ts';
import { charAtCursor, normalize } from '../screens.ts';
import type { Actor } from '../actor.ts';
import { NavigationError } from '../errors.ts';
import { networkMode } from '../notes.ts';
import { press, pressAndRead, readScreen, typeOnKeyboard, waitForScreen } from './panel.ts';
import { Task } from './task.ts';

export class EntryError extends Error {
  override name = 'EntryError';
}

/** The guide's editor for a prompt (IPv6-only mode picks the alternative where there is one). */
export function editorFor(fw: FirmwareProfile, prompt: string, ipv6Only = false): EditorSpec {
  const step = fieldStepOf(fw, prompt);
  if (step) return fw.editors[ipv6Only && step.editorIpv6Only ? step.editorIpv6Only : step.editor]!;
  for (const flow of Object.values(fw.flows)) {
    for (const s of flow.steps) if (isLinkStep(s) && normalize(s.prompt) === normalize(prompt)) return fw.editors[s.editor]!;
  }
  throw new NavigationError(`the guide has no field "${prompt}"`);
}

/**
 * Reads a whole entry, longer than the characters shown at once ("The screen displays 16
 * characters of the PROXY USER field entry, and it scrolls left"): the cursor goes to the first
 * position, then right to the last (of at most `maxLength`), reading the character under it at
 * each; then back to where it was, so the field reads as it did. Every position is read, the
 * unused ones as spaces: the caller trims.
 */
export async function readWholeField(actor: Actor, maxLength = 100): Promise<string> {
  // Every position is read twice: on the way LEFT to the first position, then RIGHT to the end,
  // then LEFT back to where the cursor was. An answer read half-drawn (a loaded host split it)
  // shows as two readings of one position disagreeing, and the field is read again.
  let forwardChars: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const start = await toFirstPosition(actor, maxLength);
    let screen = start.screen;
    forwardChars = [charAtCursor(screen) ?? ' '];
    let forward = 0;
    for (; forward < maxLength - 1 && screen.indicators.includes('RIGHT'); forward++) {
      screen = await moveInField(actor, 'RIGHT', screen);
      forwardChars.push(charAtCursor(screen) ?? ' ');
    }
    let agree = start.seen.every((c, at) => at > forward || c === forwardChars[at]);
    for (let at = forward - 1; at >= start.moved; at--) {
      screen = await moveInField(actor, 'LEFT', screen);
      if ((charAtCursor(screen) ?? ' ') !== forwardChars[at]) agree = false;
    }
    if (agree) return forwardChars.join('');
  }
  return forwardChars.join('');
}

/**
 * An arrow pressed in a field with a cursor, read once its answer shows. UP and DOWN change the
 * character under the cursor, LEFT and RIGHT move the cursor or scroll the window, so the screen
 * must change; a read that shows `before` unchanged is an answer not yet drawn (a loaded line
 * handed back the screen from before the key, and a character that only seemed already in place
 * was skipped: "3eee::" went in as "3ee::"), and it is waited for. Only a window of one repeated
 * character (blanks) can scroll unseen.
 */
export async function moveInField(actor: Actor, key: Key, before: ScreenSnapshot): Promise<ScreenSnapshot> {
  const width = actor.guide.hardware.lcd.fieldWindow;
  const window = before.lines[1].padEnd(width).slice(0, width);
  const mustShow = key === 'UP' || key === 'DOWN' || new Set(window).size > 1;
  const changed = (s: ScreenSnapshot) => s.lines[1] !== before.lines[1] || s.cursor?.col !== before.cursor?.col || s.cursor?.row !== before.cursor?.row;
  const screen = await pressAndRead(actor, key);
  if (changed(screen) || !mustShow) return screen;
  return (await waitForScreen(actor, changed, LATE_ANSWER_MS)) ?? screen;
}

/** Back to the field's first position (LEFT acts until the first). */
export async function moveToFirstPosition(actor: Actor): Promise<ScreenSnapshot> {
  return (await toFirstPosition(actor, 100)).screen;
}

/**
 * LEFT until the first position (at most `limit` presses): the screen there, how many presses it
 * took, and the character under the cursor at each position passed (index 0 is the first).
 */
async function toFirstPosition(actor: Actor, limit: number): Promise<{ screen: ScreenSnapshot; moved: number; seen: string[] }> {
  let screen = await readScreen(actor);
  if (!screen.cursor) throw new EntryError(`the field has no cursor: ${actor.describe(screen)}`);
  const passed = [charAtCursor(screen) ?? ' '];
  let moved = 0;
  for (; moved < limit && screen.indicators.includes('LEFT'); moved++) {
    screen = await moveInField(actor, 'LEFT', screen);
    passed.push(charAtCursor(screen) ?? ' ');
  }
  return { screen, moved, seen: passed.reverse() };
}

/** Sets a fixed-format digit field ("nnn.nnn.nnn.nnn", "0000") to `target`, digit by digit, with the arrows. */
export async function setDigits(actor: Actor, target: string): Promise<void> {
  const positions = [...target].flatMap((c, i) => (/\d/.test(c) ? [i] : []));
  let { screen } = await toFirstPosition(actor, positions.length);
  for (let p = 0; p < positions.length; p++) {
    const want = Number(target[positions[p]!]);
    const have = Number(charAtCursor(screen));
    if (Number.isNaN(have)) throw new EntryError(`no digit under the cursor: ${actor.describe(screen)}`);
    const up = (want - have + 10) % 10;
    const down = (have - want + 10) % 10;
    for (let i = 0; i < Math.min(up, down); i++) screen = await moveInField(actor, up <= down ? 'UP' : 'DOWN', screen);
    if (charAtCursor(screen) !== String(want)) throw new EntryError(`digit ${p + 1} did not become ${want}: ${actor.describe(screen)}`);
    if (p < positions.length - 1) screen = await moveInField(actor, 'RIGHT', screen);
  }
  if (screen.lines[1].trim() !== target) throw new EntryError(`the field reads "${screen.lines[1].trim()}", not "${target}"`);
}

/** Scrolls the character under the cursor to `want`, the shorter way round the guide's cycle. */
async function scrollChar(actor: Actor, cycle: readonly string[], want: string, canGoDown: boolean): Promise<ScreenSnapshot> {
  let screen = await readScreen(actor);
  const have = charAtCursor(screen) ?? ' ';
  if (have === want) return screen;
  const n = cycle.length;
  const from = Math.max(0, cycle.indexOf(have));
  const to = cycle.indexOf(want);
  if (to < 0) throw new EntryError(`"${want}" is not in the field's characters`);
  const up = (to - from + n) % n;
  const down = (from - to + n) % n;
  const direction: Key = !canGoDown || up <= down ? 'UP' : 'DOWN';
  for (let i = 0; i <= n; i++) {
    screen = await moveInField(actor, direction, screen);
    if (charAtCursor(screen) === want) return screen;
  }
  throw new EntryError(`"${want}" never appeared under the cursor after ${n + 1} presses of ${direction}: ${actor.describe(screen)}`);
}

/** Scrolls `value` into a text field from its first position, then blanks what was there after it. */
export async function setText(actor: Actor, spec: Extract<EditorSpec, { kind: 'text' }>, value: string): Promise<void> {
  const cycle = scrollCycle(actor.guide.firmware, expandAlphabet(spec.alphabet));
  // 2022 PROXY HOST and WINS DOMAIN: DOWN opens the insert/delete options instead of scrolling.
  const canGoDown = !spec.insertDelete;
  const { screen: first } = await toFirstPosition(actor, spec.maxLength);
  // From the first position the window shows the entry's start: entries are stored left-aligned,
  // so a blank window there is a blank field (beyond it, a scrolled window could show blanks).
  const wasBlank = first.lines[1].trim() === '';
  for (let i = 0; i < spec.maxLength; i++) {
    const want = value[i] ?? ' ';
    if (i >= value.length && wasBlank) break;
    const scrolled = await scrollChar(actor, cycle, want, canGoDown);
    if (i < spec.maxLength - 1 && (i < value.length - 1 || !wasBlank)) await moveInField(actor, 'RIGHT', scrolled);
  }
}

/** How long (appliance time) a typed character that must change the field is waited for before it is taken as refused. */
const LATE_ANSWER_MS = 30_000;

/**
 * Types `chars` into the field from its first position, one character at a time on the remote
 * console's keyboard. The guide does not say whether the cursor moves on after a typed
 * character: the first character that changes the field shows which (at the first position the
 * window does not scroll, so a cursor that stays is told from one that moves); where it stays,
 * RIGHT moves it. Positions not in `chars` (the dots of an IPv4 address) are stepped over by the
 * unit itself.
 */
async function typeInto(actor: Actor, chars: string, limit: number, fieldChars: readonly string[]): Promise<void> {
  actor.need('console');
  let { screen } = await toFirstPosition(actor, limit);
  let cursorMoves: boolean | undefined;
  // A first character already under the cursor changes nothing that shows if the cursor stays,
  // and an answer not yet drawn looks the same (twin-live once pressed RIGHT after a late "1" and
  // typed 198.18.10.255 as 199.801.801.025): another of the field's characters, which must show,
  // tells whether the cursor moves, and is typed over.
  const spare = fieldChars.find((c) => c !== chars[0]);
  if (chars.length > 0 && charAtCursor(screen) === chars[0] && spare !== undefined) {
    const before = screen;
    const changed = (s: ScreenSnapshot) => s.cursor?.col !== before.cursor?.col || s.lines[1] !== before.lines[1];
    await typeOnKeyboard(actor, spare);
    screen = await readScreen(actor);
    if (!changed(screen)) screen = (await waitForScreen(actor, changed, LATE_ANSWER_MS)) ?? screen;
    if (!changed(screen)) throw new EntryError(`typing "${spare}" on the remote console keyboard changed nothing: ${actor.describe(screen)}`);
    cursorMoves = screen.cursor?.col !== before.cursor?.col;
    if (cursorMoves) screen = await moveInField(actor, 'LEFT', screen);
  }
  for (const [i, ch] of [...chars].entries()) {
    const before = screen;
    await typeOnKeyboard(actor, ch);
    screen = await readScreen(actor);
    const last = i === chars.length - 1;
    const changed = (s: ScreenSnapshot) => s.cursor?.col !== before.cursor?.col || s.lines[1] !== before.lines[1];
    // A character that must change the field may be answered late (a unit busy with its network).
    if (!changed(screen) && charAtCursor(before) !== ch) screen = (await waitForScreen(actor, changed, LATE_ANSWER_MS)) ?? screen;
    if (cursorMoves === undefined) {
      const moved = changed(screen);
      if (moved && screen.cursor?.col === before.cursor?.col && charAtCursor(screen) === ch) cursorMoves = false;
      else if (moved) cursorMoves = true;
      // Typed over the same character with the cursor staying: nothing shows; RIGHT is right either way.
      else if (charAtCursor(before) !== ch) throw new EntryError(`typing "${ch}" on the remote console keyboard changed nothing: ${actor.describe(screen)}`);
      if (!moved && !last) screen = await moveInField(actor, 'RIGHT', screen);
    }
    if (cursorMoves === false && !last) screen = await moveInField(actor, 'RIGHT', screen);
  }
}

/** Scrolls a list field (netmask, prefix length, port link) to `value`. */
export async function scrollList(actor: Actor, spec: Extract<EditorSpec, { kind: 'list' }>, value: string): Promise<void> {
  const values = spec.values ?? [];
  let screen = await readScreen(actor);
  const at = values.indexOf(screen.lines[1].trim());
  const to = values.indexOf(value);
  const n = Math.max(values.length, 1);
  const direction: Key = at >= 0 && to >= 0 && (at - to + n) % n < (to - at + n) % n ? spec.backward : spec.forward;
  for (let i = 0; i <= n + 1 && screen.lines[1].trim() !== value; i++) screen = await pressAndRead(actor, direction);
  if (screen.lines[1].trim() !== value) throw new EntryError(`"${value}" never appeared in the list field: ${actor.describe(screen)}`);
}

const DIGITS = [...'0123456789'];

/** How a value goes into a field: by the arrow keys only, or as the target prefers (typing on a console that offers it). */
export type EntryMeans = 'arrows' | 'preferred';

function typing(actor: Actor, means: EntryMeans): boolean {
  return means === 'preferred' && actor.target.entry === 'typing' && actor.target.capabilities.has('console') && actor.target.console !== undefined;
}

/** Enters `value` at the field on screen (whose prompt is `prompt`) and leaves it unconfirmed. */
export async function fillField(actor: Actor, prompt: string, value: string, ipv6Only = false, means: EntryMeans = actor.entryMeans ?? 'preferred'): Promise<void> {
  const spec = editorFor(actor.guide.firmware, prompt, ipv6Only);
  const typed = typing(actor, means);
  switch (spec.kind) {
    case 'ipv4': {
      const padded = padIpv4(value);
      return typed ? typeInto(actor, padded.replace(/\./g, ''), padded.length, DIGITS) : setDigits(actor, padded);
    }
    case 'digits': {
      const padded = value.padStart(spec.digits, '0');
      return typed ? typeInto(actor, padded, spec.digits, DIGITS) : setDigits(actor, padded);
    }
    case 'text': {
      if (!typed) return setText(actor, spec, value);
      const { screen: start } = await toFirstPosition(actor, spec.maxLength);
      // Entries are stored left-aligned, so from the first position the window shows the entry's
      // start: an entry that ends inside the window is all there is; one that fills it may go on
      // unseen, up to the field's length. What was there is typed over with spaces.
      const shown = start.lines[1].trimEnd().length;
      const window = actor.guide.hardware.lcd.fieldWindow;
      const length = shown < window ? shown : spec.maxLength;
      return typeInto(actor, value + ' '.repeat(Math.max(0, length - value.length)), spec.maxLength, [...expandAlphabet(spec.alphabet)]);
    }
    case 'list': return scrollList(actor, spec, value);
    case 'view': throw new EntryError(`"${prompt}" cannot be changed`);
  }
}

// Values the guide itself gives as valid, for a field that refuses a blank entry.
/** "For example, to specify the IP address "176.34.20.5", you input the IP address as "176.034.020.005"." */
const GUIDE_IPV4_EXAMPLE = '176.34.20.5';
/** "or in compressed format like 2001:db8:3c4d:15:0:d234:3eee::" */
const GUIDE_IPV6_EXAMPLE = '2001:db8:3c4d:15:0:d234:3eee::';

/**
 * What makes a refused entry acceptable, so that the procedure can be left, in the order to try:
 * a digit field's lowest value (an IPv4 address 000.000.000.000), a blank text field ("The space
 * character may be used to remove characters"; a blank entry is what the guide says to leave
 * where a setting is not used); where the unit wants an address there after all, the guide's own
 * example address. The procedure's confirmation, cancelled afterwards, keeps the repaired value
 * from being stored; only the VLAN ID, which has none, takes it (0000: no VLAN).
 */
export function repairValues(actor: Actor, prompt: string, refused: ScreenSnapshot): string[] {
  const spec = editorFor(actor.guide.firmware, prompt, isIpv6Field(refused));
  switch (spec.kind) {
    case 'ipv4': return ['0.0.0.0', GUIDE_IPV4_EXAMPLE];
    case 'digits': return [String(spec.min)];
    case 'text':
      if (spec.syntax === 'ipv6' || spec.syntax === 'host-ipv6') return ['', GUIDE_IPV6_EXAMPLE];
      if (spec.syntax === 'host-ipv4') return ['', GUIDE_IPV4_EXAMPLE];
      return [''];
    default: return [];
  }
}

/** Enters one of `repairValues` in the refused field. */
export function RepairField(prompt: string, refused: ScreenSnapshot, value: string): Task<void> {
  const what = value === '' ? 'blank' : `enter the guide's example "${value}" in`;
  return Task.where(`${what} the "${prompt}" field, which refuses its value, to leave the procedure`, (actor) => fillField(actor, prompt, value, isIpv6Field(refused)));
}

/** A PROXY HOST field showing an IPv6 address (IPv6-only mode) takes the IPv6 editor's characters. */
function isIpv6Field(screen: ScreenSnapshot): boolean {
  return screen.lines[1].includes(':');
}

// --- Tasks -------------------------------------------------------------------------------------

/** Set by the steps that switch the appliance's network mode: PROXY HOST then takes IPv6 characters. */
export function inIpv6OnlyMode(actor: Actor): boolean {
  return actor.notes.get(networkMode) === 'ipv6-only';
}

/** Scrolls the field on screen to `value` with the arrow keys, in the appliance's network mode. */
export const ScrollField = (prompt: string, value: string) =>
  Task.where(`scroll ${prompt} to ${value}`, (actor) => fillField(actor, prompt, value, inIpv6OnlyMode(actor), 'arrows'));

/** "The space character may be used to remove characters when editing text fields": blanked, the cursor at the first position. */
export const BlankField = (prompt: string) =>
  Task.where(`blank the ${prompt} field with the space character`, async (actor) => {
    await fillField(actor, prompt, '', inIpv6OnlyMode(actor), 'preferred');
    await moveToFirstPosition(actor);
  });

/** A whole entry, read with LEFT and RIGHT (trailing spaces are its unused positions). */
export const ReadWholeField = (maxLength = 100) =>
  Task.where('read the whole field with LEFT and RIGHT', (actor) => readWholeField(actor, maxLength));

/** Presses `key` `times` times; hands back the character under the cursor after each press (the field keeps its cursor throughout). */
export const PressAndCollect = (key: Key, times: number) =>
  Task.where(`press ${key} ${times} times`, async (actor) => {
    const seen: string[] = [];
    for (let i = 0; i < times; i++) {
      const screen = await pressAndRead(actor, key);
      const char = charAtCursor(screen);
      assert.ok(char !== null, `press ${i + 1} of ${key} left no cursor: ${actor.describe(screen)}`);
      seen.push(char);
    }
    return seen;
  });

export const PressUntilUnderCursor = (key: Key, char: string) =>
  Task.where(`press ${key} until "${char}" is under the cursor`, async (actor) => {
    let screen = await readScreen(actor);
    for (let i = 0; i < 120 && charAtCursor(screen) !== char; i++) screen = await pressAndRead(actor, key);
    assert.equal(charAtCursor(screen), char, `"${char}" never came under the cursor pressing ${key}: ${actor.describe(screen)}`);
  });

/**
 * Puts `text` into the field from the cursor on, the way the guide describes on the LCD: for
 * each character the Up arrow until it shows, then the Right arrow to the next position. Knows
 * nothing of the field's order, so it serves fields whose characters depend on the network mode
 * (PROXY HOST in IPv6-only mode).
 */
export const ScrollInWithUpAndRight = (text: string) =>
  Task.where(`scroll in "${text}" with UP and RIGHT`, async (actor) => {
    const chars = [...text];
    for (let i = 0; i < chars.length; i++) {
      let screen = await readScreen(actor);
      for (let n = 0; n < 120 && charAtCursor(screen) !== chars[i]; n++) screen = await moveInField(actor, 'UP', screen);
      assert.equal(charAtCursor(screen), chars[i], `"${chars[i]}" never came under the cursor: ${actor.describe(screen)}`);
      if (i < chars.length - 1) await press(actor, 'RIGHT');
    }
  });

/** Left to the first position of the entry, then Right to position `position` (1 is the first). */
export const MoveCursorToPosition = (position: number) =>
  Task.where(`move the cursor to position ${position}`, async (actor) => {
    let screen = await moveToFirstPosition(actor);
    for (let i = 1; i < position; i++) {
      assert.ok(screen.indicators.includes('RIGHT'), `the cursor cannot move right of position ${i}: ${actor.describe(screen)}`);
      screen = await moveInField(actor, 'RIGHT', screen);
    }
  });

/**
 * Reads a field that has no cursor by scrolling ("Scroll Left and Right to view the complete IPv6
 * address"): RIGHT while its indicator is shown, each press bringing one more character into
 * view; then LEFT back to the start, which must show the same window as at first. Hands back the
 * whole field.
 */
export const ScrollReadOnlyField = () =>
  Task.where('scroll the field with RIGHT, then back with LEFT', async (actor) => {
    const first = await readScreen(actor);
    assert.equal(first.cursor, null, `the field has a cursor: ${actor.describe(first)}`);
    let screen = first;
    let shown = screen.lines[1].trimEnd();
    let moves = 0;
    while (screen.indicators.includes('RIGHT') && moves < 64) {
      await press(actor, 'RIGHT');
      moves++;
      screen = await readScreen(actor);
      shown += screen.lines[1].trimEnd().slice(-1);
    }
    for (let i = 0; i < moves; i++) await press(actor, 'LEFT');
    const back = await readScreen(actor);
    assert.equal(back.lines[1], first.lines[1], `LEFT did not bring back the start of the field: ${actor.describe(back)}`);
    return shown;
  });
