// What a differential run does not compare: the fields of a screen that hold values of the unit
// itself or of its lab, which differ between conformant units. Each mask says why; a masked
// screen reads the mask's name in place of the value, on both sides alike, so the rest of the
// screen (its texts, indicators and cursor) is still compared.
import type { FirmwareProfile } from '../../../fixtures/profiles.ts';
import { isFieldStep } from '../../../fixtures/profiles.ts';
import type { ScreenSnapshot } from '../protocols.ts';
import { recognize } from '../recognize.ts';
import { normalize } from '../screens.ts';

/** What the masks know of the run: whether the unit sits on the twin's own lab network. */
export interface MaskContext {
  fw: FirmwareProfile;
  /**
   * The unit is a twin on the twin's office network (twin, twin-unit): the values its lab gives
   * it (addresses, gateway, domain) are the reference twin's, and are compared.
   */
  sameLab: boolean;
}

interface Mask {
  name: string;
  why: string;
  apply(lines: [string, string], screen: ScreenSnapshot, context: MaskContext): [string, string];
}

const macAddress = /\b[0-9a-f]{2}(?:[:-][0-9a-f]{2}){5}\b/gi;

/** Profile sources whose value the unit's lab gives it (DHCP, router advertisements), not the guide. */
const labSources = /^(lan|wan|auto)-(ip|netmask|gateway|dns\d|wins\d|domain|ipv6-address|ipv6-prefix|ipv6-gateway)$|^proxy-host$/;

/** Progress texts: how far along they are when read depends on the line's timing. */
function progressTexts(fw: FirmwareProfile): Set<string> {
  return new Set([...fw.texts.boot, ...fw.texts.contacting, fw.texts.contactingAfterChange, fw.texts.rebooting].map(normalize));
}

export const masks: readonly Mask[] = [
  {
    name: '<mac>',
    why: 'every unit has MAC addresses of its own (the remote console and the network screens show them)',
    apply: (lines) => [lines[0].replace(macAddress, '<mac>'), lines[1].replace(macAddress, '<mac>')],
  },
  {
    name: '<name and IP>',
    why: 'the status screen shows the unit\'s name (given in the portal) and the address its lab gave it',
    apply: (lines, screen, { fw, sameLab }) => {
      const r = recognize(screen, fw);
      if (r.kind !== 'status' || r.shows !== 'name-and-ip') return lines;
      return sameLab ? ['<name>', lines[1]] : ['<name>', '<IP address>'];
    },
  },
  {
    name: '<activation code>',
    why: 'each unit has its own activation code',
    apply: (lines, screen, { fw }) => {
      const r = recognize(screen, fw);
      return r.kind === 'status' && r.shows === 'activation-code' ? [lines[0], '<activation code>'] : lines;
    },
  },
  {
    name: '<value from the lab>',
    why: 'a field whose first value comes from the unit\'s lab (its address, gateway, DNS servers, domain) shows that lab\'s values; only on a unit outside the twin\'s lab',
    apply: (lines, screen, { fw, sameLab }) => {
      if (sameLab) return lines;
      const r = recognize(screen, fw);
      if (r.kind !== 'field') return lines;
      const step = fw.flows[r.flow]!.steps[r.step];
      return step && isFieldStep(step) && labSources.test(step.initial) ? [lines[0], '<value from the lab>'] : lines;
    },
  },
  {
    name: '<progress>',
    why: 'which of a procedure\'s progress texts is up when the screen is read depends on how long the line took to answer',
    apply: (lines, screen, { fw }) => {
      const text = normalize(`${lines[0]} ${lines[1]}`);
      return screen.indicators.length === 0 && (progressTexts(fw).has(normalize(lines[0])) || progressTexts(fw).has(text)) ? ['<progress>', ''] : lines;
    },
  },
];

/** The screen as the run compares it: every mask applied, and its time left out. */
export interface ComparedScreen {
  lines: [string, string];
  indicators: string[];
  cursor: { row: number; col: number } | null;
}

export function masked(screen: ScreenSnapshot, context: MaskContext): ComparedScreen {
  let lines: [string, string] = [screen.lines[0], screen.lines[1]];
  for (const mask of masks) lines = mask.apply(lines, screen, context);
  return { lines, indicators: [...screen.indicators], cursor: screen.cursor ? { ...screen.cursor } : null };
}

/** How two screens differ once masked (null: they agree): lines, indicators or cursor. */
export function difference(unit: ScreenSnapshot, twin: ScreenSnapshot, context: MaskContext): string | null {
  const a = masked(unit, context);
  const b = masked(twin, context);
  const what: string[] = [];
  if (a.lines[0] !== b.lines[0] || a.lines[1] !== b.lines[1]) what.push('lines');
  if (a.indicators.join() !== b.indicators.join()) what.push('indicators');
  if (a.cursor?.row !== b.cursor?.row || a.cursor?.col !== b.cursor?.col) what.push('cursor');
  return what.length === 0 ? null : what.join(', ');
}
