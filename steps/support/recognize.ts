// What a screen is, judged from outside the way a person who has read the guide would: by its
// navigation indicators and the guide's texts (the firmware profile). The strategy acts on this,
// so every kind of screen the profile can show has a documented way on, and a screen no text of
// the guide matches is named as such rather than guessed at.
import type { FieldStep, FirmwareProfile, FlowStep, NetworkMode } from '../../fixtures/profiles.ts';
import { isChoiceStep, isConfirmStep, isDoStep, isFieldStep, isLinkStep } from '../../fixtures/profiles.ts';
import type { Key, ScreenSnapshot } from './protocols.ts';
import { normalize, screenText } from './screens.ts';

export type Recognized =
  /** Nothing drawn: the unit off, or its console not yet woken. */
  | { kind: 'blank' }
  /** Text that takes no keys: a boot or contacting message, a notice that moves on by itself. */
  | { kind: 'message'; text: string }
  | { kind: 'menu'; menu: string; label: string }
  /** A confirmation ("REALLY SET LAN STATIC NETWORK?"): `ups` Up presses quit it. */
  | { kind: 'confirm'; flow: string; step: number; ups: number }
  /** One option of a choice (RESET NETWORK SETTINGS' options): Up quits. */
  | { kind: 'choice'; flow: string; step: number; ups: number }
  /** An entry field under its prompt. */
  | { kind: 'field'; flow: string; step: number; prompt: string }
  /** A port link setting (LAN PORT LINK), or its confirmation (REALLY SET LAN TO <value>). */
  | { kind: 'link'; flow: string; step: number; ups: number; confirming: boolean }
  /** 2022 insert/delete mode: Delete Previous?, Insert Character? or Done editing?. */
  | { kind: 'insert-delete'; option: 'deletePrevious' | 'insertCharacter' | 'doneEditing' }
  /** The status screen: the name and IP address, the activation code, an error, a communication failure. */
  | { kind: 'status'; shows: 'name-and-ip' | 'activation-code' | 'error' | 'communication-failure' }
  | { kind: 'unknown' };

/** The texts a step shows (a field's prompt and its other documented names). */
export function stepTexts(step: FlowStep): string[] {
  if (isConfirmStep(step)) return [step.confirm];
  if (isFieldStep(step)) return [step.prompt, ...(step.aliases ?? [])];
  if (isLinkStep(step)) return [step.prompt];
  if (isChoiceStep(step)) return step.choose.map((o) => o.text);
  return [];
}

/** The field step of the profile that shows `prompt` (or one of its other names). */
export function fieldStepOf(fw: FirmwareProfile, prompt: string): FieldStep | null {
  const want = normalize(prompt);
  for (const flow of Object.values(fw.flows)) {
    for (const step of flow.steps) if (isFieldStep(step) && stepTexts(step).some((t) => normalize(t) === want)) return step;
  }
  return null;
}

/** The texts of a profile's status screens that are not the name and IP address. */
export function errorTexts(fw: FirmwareProfile): string[] {
  const out: string[] = [];
  if (fw.errors.style === 'long-form') out.push(...Object.values(fw.errors.messages));
  else out.push(fw.errors.title);
  if (fw.errors.style === 'network-err') out.push(...Object.values(fw.errors.descriptions));
  for (const fault of Object.values(fw.storageFaults)) if (fault.show === 'error') out.push(fault.text);
  return out.map(normalize);
}

/** "Unexpected QG HTTP/{code}" matches "Unexpected QG HTTP/500". */
function matchesTemplate(text: string, template: string): boolean {
  if (!template.includes('{code}')) return text === template || text.startsWith(`${template} `);
  const [before, after] = template.split('{code}') as [string, string];
  return text.startsWith(before) && /^\d{3}/.test(text.slice(before.length)) && text.slice(before.length + 3).startsWith(after);
}

const ipv4 = /\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/;
const ipv6 = /[0-9a-f]*:[0-9a-f:]*:[0-9a-f]*/i;

export function recognize(screen: ScreenSnapshot, fw: FirmwareProfile): Recognized {
  const line1 = normalize(screen.lines[0]);
  const text = screenText(screen);
  if (text === '' && screen.indicators.length === 0) return { kind: 'blank' };
  if (screen.indicators.length === 0) return { kind: 'message', text };
  const is = (t: string) => normalize(t) === text || normalize(t) === line1;
  if (fw.texts.insertDelete) {
    for (const [option, t] of Object.entries(fw.texts.insertDelete)) {
      if (normalize(t) === line1) return { kind: 'insert-delete', option: option as 'deletePrevious' | 'insertCharacter' | 'doneEditing' };
    }
  }
  for (const [menu, spec] of Object.entries(fw.menus)) {
    const item = spec.items.find((i) => normalize(i.label) === text);
    if (item) return { kind: 'menu', menu, label: item.label };
  }
  for (const [flow, spec] of Object.entries(fw.flows)) {
    for (const [step, s] of spec.steps.entries()) {
      if (isConfirmStep(s) && is(s.confirm)) return { kind: 'confirm', flow, step, ups: s.cancel.upPresses };
      if (isChoiceStep(s) && s.choose.some((o) => is(o.text))) return { kind: 'choice', flow, step, ups: s.cancel.upPresses };
      if (isLinkStep(s)) {
        if (normalize(s.prompt) === line1) return { kind: 'link', flow, step, ups: s.cancel.upPresses, confirming: false };
        if (text.startsWith(`${normalize(s.confirm)} `)) return { kind: 'link', flow, step, ups: s.cancel.upPresses, confirming: true };
      }
      if (isFieldStep(s) && stepTexts(s).some((t) => normalize(t) === line1)) return { kind: 'field', flow, step, prompt: s.prompt };
    }
  }
  if (normalize(fw.texts.activationCode) === line1) return { kind: 'status', shows: 'activation-code' };
  if (normalize(fw.texts.communicationFailure) === text || normalize(fw.texts.communicationFailure) === line1) return { kind: 'status', shows: 'communication-failure' };
  if (errorTexts(fw).some((t) => matchesTemplate(text, t) || matchesTemplate(line1, t))) return { kind: 'status', shows: 'error' };
  // "The Scanner Appliance name and IP address": a name on the first line, an address on the second.
  if (line1 !== '' && (ipv4.test(screen.lines[1]) || ipv6.test(screen.lines[1]))) return { kind: 'status', shows: 'name-and-ip' };
  return { kind: 'unknown' };
}

/** The menus, prompts and messages of a profile, for naming what an unknown screen is not. */
export function describeRecognized(r: Recognized): string {
  switch (r.kind) {
    case 'menu': return `menu item "${r.label}"`;
    case 'field': return `the "${r.prompt}" field`;
    case 'status': return `the status screen (${r.shows})`;
    default: return r.kind;
  }
}

/**
 * Whether `key` is sure to change what the screen shows, as the guide predicts: a key whose
 * indicator is not shown does nothing ("indicating the navigation options available from the
 * current screen"); the first of two Up presses that quit a procedure may leave the prompt as it
 * was (ERRATA-019); the cursor moving in a field may show nothing new. A serial target waits
 * long for an answer only where one is sure to come.
 */
export function answers(screen: ScreenSnapshot, key: Key, fw: FirmwareProfile, fieldWindow = 16): boolean {
  if (!screen.indicators.includes(key)) return false;
  const r = recognize(screen, fw);
  // The cursor moving at the edge of a long field's window may scroll it over blanks: the same picture.
  if ((key === 'LEFT' || key === 'RIGHT') && r.kind === 'field') {
    const col = screen.cursor?.col ?? 0;
    return key === 'LEFT' ? col > 0 : col < fieldWindow - 1;
  }
  if (key !== 'UP') return true;
  return !((r.kind === 'confirm' || r.kind === 'choice' || (r.kind === 'link' && !r.confirming)) && r.ups > 1);
}

/** Actions of the profiles that leave the network settings as they were (the rest change them). */
const keepsSettings = new Set(['reboot', 'shutdown', 'renew-dhcp-lan', 'renew-dhcp-wan']);

/** What ENTER on this screen does to the stored settings, as the guide's procedures say. */
/** A reset stores the factory settings of a mode (`mode`), or of the mode the unit is in (null). */
export type StoredByEnter = { kind: 'nothing' } | { kind: 'change' } | { kind: 'reset'; action: string; mode: NetworkMode | null };

/** The profiles' reset actions that switch the network mode ("Switch Between Modes"). */
const modeAfterReset: Readonly<Record<string, NetworkMode>> = { 'reset-ipv4v6': 'ipv4+v6', 'reset-ipv6-only': 'ipv6-only' };

/** The action `ENTER` on step `step` of `flow` leads to at once, if the next step is one. */
function actionAfter(fw: FirmwareProfile, flow: string, step: number): string | null {
  const next = fw.flows[flow]!.steps[step + 1];
  return next && isDoStep(next) ? next.do : null;
}

function storedBy(action: string | null): StoredByEnter {
  if (action === null || keepsSettings.has(action)) return { kind: 'nothing' };
  return action.startsWith('reset-') ? { kind: 'reset', action, mode: modeAfterReset[action] ?? null } : { kind: 'change' };
}

/**
 * Whether ENTER on `screen` stores a change of the network settings (a confirmation right before
 * the change, the VLAN ID, a port link, a menu item whose procedure is one action) or resets them.
 */
export function storedByEnter(screen: ScreenSnapshot, fw: FirmwareProfile): StoredByEnter {
  const r = recognize(screen, fw);
  switch (r.kind) {
    case 'confirm':
    case 'field':
      return storedBy(actionAfter(fw, r.flow, r.step));
    case 'link':
      return r.confirming ? { kind: 'change' } : { kind: 'nothing' };
    case 'choice': {
      const step = fw.flows[r.flow]!.steps[r.step];
      const option = step && isChoiceStep(step) ? step.choose.find((o) => normalize(o.text) === screenText(screen) || normalize(o.text) === normalize(screen.lines[0])) : undefined;
      return option ? storedBy(option.then) : { kind: 'nothing' };
    }
    case 'menu': {
      const item = fw.menus[r.menu]!.items.find((i) => i.label === r.label);
      const first = item?.starts ? fw.flows[item.starts]!.steps[0] : undefined;
      return storedBy(first && isDoStep(first) ? first.do : null);
    }
    default:
      return { kind: 'nothing' };
  }
}
