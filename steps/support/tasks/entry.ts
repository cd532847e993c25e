// Entering values in fields with the arrow keys, as "Entering Information" documents: digits
// scrolled 0-9, characters scrolled through the field's cycle, the netmask scrolled through its
// list. Every press is checked on the screen, so an appliance whose order differs from the
// guide's fails here, naming the character and the screen.
import { isFieldStep, isLinkStep } from '../../../fixtures/profiles.ts';
import type { EditorSpec, FirmwareProfile } from '../../../fixtures/profiles.ts';
import { expandAlphabet, scrollCycle } from '../../../fixtures/profiles.ts';
import type { Key, ScreenSnapshot } from '../protocols.ts';
import { charAtCursor, normalize } from '../screens.ts';
import type { ApplianceWorld } from '../world.ts';
import { NavigationError } from './navigation.ts';

export class EntryError extends Error {
  override name = 'EntryError';
}

/** The guide's editor for a prompt (IPv6-only mode picks the alternative where there is one). */
export function editorFor(fw: FirmwareProfile, prompt: string, ipv6Only = false): EditorSpec {
  const want = normalize(prompt);
  for (const flow of Object.values(fw.flows)) {
    for (const step of flow.steps) {
      if (isFieldStep(step) && normalize(step.prompt) === want) {
        const name = ipv6Only && step.editorIpv6Only ? step.editorIpv6Only : step.editor;
        return fw.editors[name]!;
      }
      if (isLinkStep(step) && normalize(step.prompt) === want) return fw.editors[step.editor]!;
    }
  }
  throw new NavigationError(`the guide has no field "${prompt}"`);
}

/** "194.55.176.2" -> "194.055.176.002". */
export function padIpv4(address: string): string {
  return address.split('.').map((o) => o.padStart(3, '0')).join('.');
}

async function read(world: ApplianceWorld): Promise<ScreenSnapshot> {
  return world.target.screen.read();
}

async function key(world: ApplianceWorld, k: Key, counter: { presses: number }): Promise<ScreenSnapshot> {
  await world.target.keypad.press(k);
  counter.presses++;
  return read(world);
}

/** Sets a fixed-format digit field ("nnn.nnn.nnn.nnn", "0000") to `target`, digit by digit. */
export async function setDigits(world: ApplianceWorld, target: string, counter = { presses: 0 }): Promise<void> {
  let screen = await read(world);
  if (!screen.cursor) throw new EntryError(`the field has no cursor: ${world.describe(screen)}`);
  const positions = [...target].flatMap((c, i) => (/\d/.test(c) ? [i] : []));
  // Back to the first digit if the cursor is elsewhere (LEFT acts until the first).
  for (let i = 0; i < positions.length && screen.indicators.includes('LEFT'); i++) screen = await key(world, 'LEFT', counter);
  for (let p = 0; p < positions.length; p++) {
    const want = Number(target[positions[p]!]);
    const have = Number(charAtCursor(screen));
    if (Number.isNaN(have)) throw new EntryError(`no digit under the cursor: ${world.describe(screen)}`);
    const up = (want - have + 10) % 10;
    const down = (have - want + 10) % 10;
    for (let i = 0; i < Math.min(up, down); i++) screen = await key(world, up <= down ? 'UP' : 'DOWN', counter);
    if (charAtCursor(screen) !== String(want)) throw new EntryError(`digit ${p + 1} did not become ${want}: ${world.describe(screen)}`);
    if (p < positions.length - 1) screen = await key(world, 'RIGHT', counter);
  }
  if (screen.lines[1].trim() !== target) throw new EntryError(`the field reads "${screen.lines[1].trim()}", not "${target}"`);
}

/** Scrolls the character under the cursor to `want`, the shorter way round the guide's cycle. */
async function scrollChar(world: ApplianceWorld, cycle: readonly string[], want: string, canGoDown: boolean, counter: { presses: number }): Promise<ScreenSnapshot> {
  let screen = await read(world);
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
    screen = await key(world, direction, counter);
    if (charAtCursor(screen) === want) return screen;
  }
  throw new EntryError(`"${want}" never appeared under the cursor after ${n + 1} presses of ${direction}: ${world.describe(screen)}`);
}

/** Types `value` into a text field from its first position, then blanks what was there after it. */
export async function setText(world: ApplianceWorld, spec: Extract<EditorSpec, { kind: 'text' }>, value: string, counter = { presses: 0 }): Promise<void> {
  const fw = world.guide.firmware;
  const cycle = scrollCycle(fw, expandAlphabet(spec.alphabet));
  // 2022 PROXY HOST and WINS DOMAIN: DOWN opens the insert/delete options instead of scrolling.
  const canGoDown = !spec.insertDelete;
  let screen = await read(world);
  while (screen.cursor && screen.indicators.includes('LEFT')) screen = await key(world, 'LEFT', counter);
  // From the first position the window shows the entry's start: entries are stored left-aligned,
  // so a blank window there is a blank field (beyond it, a scrolled window could show blanks).
  const wasBlank = screen.lines[1].trim() === '';
  for (let i = 0; i < spec.maxLength; i++) {
    const want = value[i] ?? ' ';
    if (i >= value.length && wasBlank) break;
    await scrollChar(world, cycle, want, canGoDown, counter);
    if (i < spec.maxLength - 1 && (i < value.length - 1 || !wasBlank)) await key(world, 'RIGHT', counter);
  }
}

/** Scrolls a list field (netmask, prefix length, port link) to `value`. */
export async function scrollList(world: ApplianceWorld, spec: Extract<EditorSpec, { kind: 'list' }>, value: string, counter = { presses: 0 }): Promise<void> {
  const values = spec.values ?? [];
  let screen = await read(world);
  const at = values.indexOf(screen.lines[1].trim());
  const to = values.indexOf(value);
  const n = Math.max(values.length, 1);
  const direction: Key = at >= 0 && to >= 0 && (at - to + n) % n < (to - at + n) % n ? spec.backward : spec.forward;
  for (let i = 0; i <= n + 1 && screen.lines[1].trim() !== value; i++) screen = await key(world, direction, counter);
  if (screen.lines[1].trim() !== value) throw new EntryError(`"${value}" never appeared in the list field: ${world.describe(screen)}`);
}

/** Enters `value` at the field on screen (whose prompt is `prompt`) and leaves it unconfirmed. */
export async function fillField(world: ApplianceWorld, prompt: string, value: string, ipv6Only = false): Promise<number> {
  const spec = editorFor(world.guide.firmware, prompt, ipv6Only);
  const counter = { presses: 0 };
  switch (spec.kind) {
    case 'ipv4': await setDigits(world, padIpv4(value), counter); break;
    case 'digits': await setDigits(world, value.padStart(spec.digits, '0'), counter); break;
    case 'text': await setText(world, spec, value, counter); break;
    case 'list': await scrollList(world, spec, value, counter); break;
    case 'view': throw new EntryError(`"${prompt}" cannot be changed`);
  }
  return counter.presses;
}
