// One try at a field, through the keypad and the screen only (and the remote console's keyboard
// for typed values): the unit brought to the field by the strategy, the value entered, what the
// field reads checked, ENTER's answer (accepted or refused) checked against the guide's rule,
// and the field left the documented way, back to the status screen. A departure from the guide
// throws a FieldDeviation naming the value, the rule and the screen.
import type { Actor } from '../actor.ts';
import type { ScreenSnapshot } from '../protocols.ts';
import { recognize } from '../recognize.ts';
import { charAtCursor } from '../screens.ts';
import { reach } from '../strategy.ts';
import { moveInField, moveToFirstPosition, readWholeField, setDigits, setText } from '../tasks/entry.ts';
import { GoToStatus, OpenPrompt, waitForInput } from '../tasks/navigation.ts';
import { press, pressAndRead, readScreen, typeOnKeyboard } from '../tasks/panel.ts';
import { ResetNetwork } from '../tasks/reset.ts';
import { networkMode } from '../notes.ts';
import { Task } from '../tasks/task.ts';
import type { FuzzField } from './fields.ts';
import type { FieldCase, Verdict } from './oracle.ts';
import { allowedChars, digitsVerdict, documentedCycle, enteredByArrows, textVerdict } from './oracle.ts';
import { listValues } from '../../../fixtures/field-values.ts';

/** The unit departs from the guide at the field. */
export class FieldDeviation extends Error {
  override name = 'FieldDeviation';
}

type TextSpec = Extract<FuzzField['spec'], { kind: 'text' }>;

function deviation(actor: Actor, what: string, screen: ScreenSnapshot): FieldDeviation {
  return new FieldDeviation(`${what}; the screen shows ${actor.describe(screen)}`);
}

/** A case as the transcript and the report write it (a secret field's value is written too: the fuzzer made it up). */
export function describeCase(c: FieldCase): string {
  switch (c.kind) {
    case 'digits': return `${c.means === 'typing' ? 'type' : 'scroll in'} ${c.digits}`;
    case 'list': return `press ${c.presses >= 0 ? 'forward' : 'backward'} ${Math.abs(c.presses)} times`;
    case 'text': return `${c.means === 'typing' ? 'type' : 'scroll in'} ${JSON.stringify(c.text)}`;
  }
}

/**
 * The unit at the field. The first try of a field (and the first after a try that failed) goes
 * through the strategy, which brings the unit to its status screen from any state, in the
 * field's network mode; the others start from the status screen the last try went back to.
 */
async function openField(actor: Actor, field: FuzzField, viaStrategy: boolean): Promise<void> {
  if (viaStrategy) {
    const first = actor.guide.firmware.networkModes[0]!;
    if (field.mode === first) {
      await reach(actor, 'name-and-ip', { mode: first });
    } else if (actor.session.unit === null && actor.notes.get(networkMode) !== field.mode) {
      // A unit of its own starts in the first mode: activated there, then switched the documented way.
      await reach(actor, 'name-and-ip', { mode: first });
      await actor.attemptsTo(ResetNetwork(field.mode, first));
    } else {
      // In the other mode the lab's network may give the unit no address: its menus are what the field needs.
      await reach(actor, 'booted', { mode: field.mode });
    }
    actor.notes.set(networkMode, field.mode);
  } else {
    await actor.attemptsTo(GoToStatus());
  }
  await actor.attemptsTo(OpenPrompt(field.prompt));
}

/** ENTER at the field: accepted when the procedure goes on, refused when the same field comes back. */
async function enterAnswer(actor: Actor, field: FuzzField): Promise<boolean> {
  await press(actor, 'ENTER');
  const screen = await waitForInput(actor, 60_000);
  const r = recognize(screen, actor.guide.firmware);
  return !(r.kind === 'field' && r.flow === field.flow && r.step === field.step);
}

/** At the first position, UP through one whole cycle: exactly the guide's characters, back where it started. */
async function checkCycle(actor: Actor, fw: Actor['guide']['firmware'], spec: TextSpec, absent: string): Promise<void> {
  const cycle = documentedCycle(fw, spec);
  let screen = await moveToFirstPosition(actor);
  const start = charAtCursor(screen) ?? ' ';
  const seen: string[] = [];
  for (let i = 0; i < cycle.length; i++) {
    screen = await moveInField(actor, 'UP', screen);
    seen.push(charAtCursor(screen) ?? ' ');
  }
  if (seen.includes(absent)) throw deviation(actor, `UP offers ${JSON.stringify(absent)}, which the guide does not allow in this field`, screen);
  const extra = [...new Set(seen)].filter((c) => !cycle.includes(c));
  if (extra.length > 0) throw deviation(actor, `UP offers ${JSON.stringify(extra.join(''))}, outside the guide's characters for this field`, screen);
  const missing = [...new Set(cycle)].filter((c) => !seen.includes(c));
  if (missing.length > 0) throw deviation(actor, `UP never offers ${JSON.stringify(missing.join(''))} in ${cycle.length} presses`, screen);
  if ((charAtCursor(screen) ?? ' ') !== start) throw deviation(actor, `${cycle.length} presses of UP did not come back to ${JSON.stringify(start)}`, screen);
}

/** Types `chars` from the field's first position; where the cursor does not move on by itself, RIGHT does. */
async function typeFromStart(actor: Actor, chars: string, cursorMoves: boolean): Promise<void> {
  await moveToFirstPosition(actor);
  for (const ch of chars) {
    await typeOnKeyboard(actor, ch);
    if (!cursorMoves) await press(actor, 'RIGHT');
  }
}

/** A text field blanked by typing spaces over it; hands back whether a typed character moves the cursor on. */
async function blankByTyping(actor: Actor, length: number): Promise<boolean> {
  const before = await moveToFirstPosition(actor);
  await typeOnKeyboard(actor, ' ');
  const after = await readScreen(actor);
  const moves = after.cursor?.col !== before.cursor?.col;
  await typeFromStart(actor, ' '.repeat(length), moves);
  return moves;
}

/** The whole field, and the guide's limit on its length checked: it holds exactly maxLength characters. */
async function readTextField(actor: Actor, spec: TextSpec): Promise<string> {
  const read = await readWholeField(actor, spec.maxLength + 4);
  if (read.length !== spec.maxLength) throw deviation(actor, `the field holds ${read.length} characters; the guide gives ${spec.maxLength}`, await readScreen(actor));
  return read;
}

/**
 * Where the Up arrow quits the procedure from a blank field (Manual DNS1: ERRATA-027), the first
 * two positions of a blank field get a character with DOWN first, so that scrolling one of them
 * through the space never leaves the field blank while UP is pressed. Hands back whether it did:
 * such a field's entry is then scrolled in without leading spaces (ENTER's verdict trims them).
 */
async function leaveBlankWithDown(actor: Actor, field: FuzzField): Promise<boolean> {
  const step = actor.guide.firmware.flows[field.flow]!.steps[field.step]!;
  if (!('cancel' in step) || step.cancel === undefined) return false;
  let screen = await moveToFirstPosition(actor);
  if (screen.lines[1].trim() !== '') return true;
  screen = await moveInField(actor, 'DOWN', screen);
  screen = await moveInField(actor, 'RIGHT', screen);
  await moveInField(actor, 'DOWN', screen);
  await moveToFirstPosition(actor);
  return true;
}

async function enterText(actor: Actor, field: FuzzField, spec: TextSpec, c: Extract<FieldCase, { kind: 'text' }>): Promise<string> {
  const allowed = allowedChars(spec);
  if (c.means === 'arrows') {
    const upQuits = await leaveBlankWithDown(actor, field);
    const absent = [...c.text].find((ch) => !allowed.has(ch));
    if (absent !== undefined) await checkCycle(actor, actor.guide.firmware, spec, absent);
    const entered = upQuits ? enteredByArrows(spec, c.text).trimStart() : enteredByArrows(spec, c.text);
    await setText(actor, spec, entered);
    const read = await readTextField(actor, spec);
    if (read.trimEnd() !== entered.trimEnd()) throw deviation(actor, `scrolled in ${JSON.stringify(entered)}, the field reads ${JSON.stringify(read.trimEnd())}`, await readScreen(actor));
    return read;
  }
  const moves = await blankByTyping(actor, spec.maxLength);
  await typeFromStart(actor, c.text, moves);
  const read = await readTextField(actor, spec);
  const foreign = [...read].find((ch) => !allowed.has(ch));
  if (foreign !== undefined) throw deviation(actor, `typed ${JSON.stringify(c.text)}, the field took ${JSON.stringify(foreign)}, which the guide does not allow`, await readScreen(actor));
  // What the guide allows, within the limit, must read back as typed; what it does not is only kept out (how is not documented).
  const fits = [...c.text].every((ch) => allowed.has(ch)) && c.text.length <= spec.maxLength;
  if (fits && read.trimEnd() !== c.text.trimEnd()) throw deviation(actor, `typed ${JSON.stringify(c.text)}, the field reads ${JSON.stringify(read.trimEnd())}`, await readScreen(actor));
  return read;
}

async function enterDigits(actor: Actor, c: Extract<FieldCase, { kind: 'digits' }>): Promise<string> {
  if (c.means === 'arrows') {
    await setDigits(actor, c.digits);
  } else {
    let screen = await moveToFirstPosition(actor);
    for (const d of c.digits.replace(/\./g, '')) {
      const before = screen;
      await typeOnKeyboard(actor, d);
      screen = await readScreen(actor);
      // A unit whose cursor stays after a typed digit is moved on with RIGHT (the guide does not say which it does).
      if (screen.cursor?.col === before.cursor?.col && screen.indicators.includes('RIGHT')) screen = await moveInField(actor, 'RIGHT', screen);
    }
  }
  const screen = await readScreen(actor);
  const read = screen.lines[1].trim();
  if (read !== c.digits) throw deviation(actor, `entered ${c.digits}, the field reads ${JSON.stringify(read)}`, screen);
  return read;
}

async function scrollListField(actor: Actor, field: FuzzField, c: Extract<FieldCase, { kind: 'list' }>): Promise<void> {
  const spec = field.spec as Extract<FuzzField['spec'], { kind: 'list' }>;
  const values = listValues(spec);
  let screen = await readScreen(actor);
  const at = values.indexOf(screen.lines[1].trim());
  if (at < 0) throw deviation(actor, `the field shows ${JSON.stringify(screen.lines[1].trim())}, which is not in the guide's list`, screen);
  const key = c.presses >= 0 ? spec.forward : spec.backward;
  for (let i = 0; i < Math.abs(c.presses); i++) screen = await pressAndRead(actor, key);
  const n = values.length;
  const want = values[(((at + c.presses) % n) + n) % n]!;
  if (screen.lines[1].trim() !== want) throw deviation(actor, `from ${values[at]}, ${Math.abs(c.presses)} presses of ${key} should show ${want}`, screen);
}

/** Enters the case's value, checks what the field reads, and what ENTER does with it. */
async function tryValue(actor: Actor, field: FuzzField, c: FieldCase): Promise<void> {
  let verdict: Verdict;
  switch (c.kind) {
    case 'list':
      await scrollListField(actor, field, c);
      verdict = { accepted: true, rule: 'every value of the list' };
      break;
    case 'digits': {
      const spec = field.spec as Extract<FuzzField['spec'], { kind: 'ipv4' | 'digits' }>;
      verdict = digitsVerdict(spec, await enterDigits(actor, c));
      break;
    }
    case 'text':
      verdict = textVerdict(field.spec as TextSpec, await enterText(actor, field, field.spec as TextSpec, c));
      break;
  }
  // A value ENTER would store at once (the VLAN ID) is confirmed only where the guide refuses it.
  if (field.storesAtOnce && verdict.accepted) {
    actor.note(`not confirmed: ENTER stores "${field.prompt}" at once, and the guide allows the value (${verdict.rule})`);
    return;
  }
  const accepted = await enterAnswer(actor, field);
  if (accepted !== verdict.accepted) {
    throw deviation(actor, `ENTER ${accepted ? 'accepted' : 'refused'} the value, which the guide ${verdict.accepted ? 'allows' : 'refuses'} (${verdict.rule})`, await readScreen(actor));
  }
}

/** One try: to the field, the value, the checks, and back to the status screen. */
export const TryField = (field: FuzzField, c: FieldCase, viaStrategy: boolean) =>
  Task.where(`at ${field.prompt}, ${describeCase(c)}`, async (actor) => {
    await openField(actor, field, viaStrategy);
    let failure: unknown = null;
    try {
      await tryValue(actor, field, c);
    } catch (error) {
      failure = error;
    }
    try {
      await actor.attemptsTo(GoToStatus());
    } catch (error) {
      // A deviation found first is what the try reports; leaving is retried by the next try's strategy.
      failure ??= error;
    }
    if (failure !== null) throw failure;
  });
