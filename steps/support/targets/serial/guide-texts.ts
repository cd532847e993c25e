// The guides' texts, found anywhere on the probe's grid: what a screen is, judged before the
// layout is known (so by the texts of every firmware profile, on any row, wrapped or not).
import { isChoiceStep, isConfirmStep, isFieldStep, isLinkStep, listGenerations, loadGeneration } from '../../../../fixtures/profiles.ts';
import { errorTexts, stepTexts } from '../../recognize.ts';
import { normalize } from '../../screens.ts';
import { confirmationAhead } from '../../tasks/navigation.ts';

type TextKind = 'menu' | 'exit' | 'confirm' | 'choice' | 'link' | 'field' | 'insert-delete' | 'done-editing' | 'activation' | 'failure' | 'error' | 'message';

export interface GuideText {
  text: string;
  kind: TextKind;
  /** A field whose ENTER stores the value at once (no confirmation after it): never left with ENTER here. */
  storesOnEnter?: boolean;
  /** The text on one row, or split after each word over two rows (an LCD wraps long texts). */
  whole: RegExp;
  splits: Array<[RegExp, RegExp]>;
}

export interface Found {
  kind: TextKind | 'name-and-ip';
  text: string;
  /** Where the text (or the name) starts, 1-based. */
  row: number;
  col: number;
  entry?: GuideText;
}

/** Classification order: what a screen is when it shows texts of several kinds. */
const kindOrder: TextKind[] = ['insert-delete', 'done-editing', 'exit', 'menu', 'confirm', 'choice', 'link', 'field', 'activation', 'failure', 'error', 'message'];

const boundaryBefore = '(?<![A-Za-z0-9])';
const boundaryAfter = '(?![A-Za-z0-9])';

function wordsPattern(words: readonly string[]): string {
  return words.map((w) => w.split('{code}').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\d{3}')).join('\\s+');
}

function guideText(text: string, kind: TextKind, storesOnEnter?: boolean): GuideText {
  const words = normalize(text).split(' ');
  const re = (w: readonly string[]) => new RegExp(`${boundaryBefore}${wordsPattern(w)}${boundaryAfter}`, 'g');
  const splits: Array<[RegExp, RegExp]> = [];
  for (let k = 1; k < words.length; k++) splits.push([re(words.slice(0, k)), re(words.slice(k))]);
  return { text: normalize(text), kind, whole: re(words), splits, ...(storesOnEnter === undefined ? {} : { storesOnEnter }) };
}

/** Every text of every firmware profile, by what it shows. */
export function guideTexts(): GuideText[] {
  const out = new Map<string, GuideText>();
  const add = (text: string, kind: TextKind, storesOnEnter?: boolean) => {
    const key = `${kind}:${normalize(text)}`;
    const known = out.get(key);
    // A prompt that any procedure stores on ENTER is never left with ENTER.
    if (known) known.storesOnEnter = known.storesOnEnter || storesOnEnter;
    else out.set(key, guideText(text, kind, storesOnEnter));
  };
  for (const g of listGenerations()) {
    const fw = loadGeneration(g).firmware;
    for (const m of Object.values(fw.menus)) for (const item of m.items) add(item.label, item.exits ? 'exit' : 'menu');
    for (const [name, flow] of Object.entries(fw.flows)) {
      if (flow.message) add(flow.message, 'message');
      flow.steps.forEach((s, i) => {
        const kind = isConfirmStep(s) ? 'confirm' : isChoiceStep(s) ? 'choice' : isLinkStep(s) ? 'link' : isFieldStep(s) ? 'field' : null;
        if (kind === null) return;
        const storesOnEnter = kind === 'field' ? !confirmationAhead(fw, name, i) : undefined;
        for (const t of stepTexts(s)) add(t, kind, storesOnEnter);
      });
    }
    const t = fw.texts;
    if (t.insertDelete) {
      add(t.insertDelete.deletePrevious, 'insert-delete');
      add(t.insertDelete.insertCharacter, 'insert-delete');
      add(t.insertDelete.doneEditing, 'done-editing');
    }
    for (const m of [...t.boot, ...t.contacting, t.contactingAfterChange, t.rebooting, t.safeToUnplug, t.cancelingScan, ...Object.values(fw.refusals)]) add(m, 'message');
    add(t.activationCode, 'activation');
    add(t.communicationFailure, 'failure');
    for (const m of errorTexts(fw)) add(m, 'error');
  }
  return [...out.values()];
}

function matchesIn(re: RegExp, row: string): RegExpExecArray[] {
  re.lastIndex = 0;
  return [...row.matchAll(re)];
}

/** Where `t` starts on the grid: on one row, or wrapped onto the next row (which shows nothing before it, or starts where it does). */
function locate(rows: readonly string[], t: GuideText): { row: number; col: number } | null {
  for (const [r, row] of rows.entries()) {
    const m = matchesIn(t.whole, row)[0];
    if (m) return { row: r + 1, col: m.index + 1 };
  }
  for (const [pre, suf] of t.splits) {
    for (let r = 0; r < rows.length - 1; r++) {
      const next = rows[r + 1]!;
      const tails = matchesIn(suf, next);
      if (tails.length === 0) continue;
      for (const head of matchesIn(pre, rows[r]!)) {
        if (tails.some((tail) => tail.index === head.index || !/[A-Za-z0-9]/.test(next.slice(0, tail.index)))) return { row: r + 1, col: head.index + 1 };
      }
    }
  }
  return null;
}

export const ipv4 = /(?<![\d.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d.])/;
const ipv6 = /(?<![0-9A-Fa-f:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Fa-f:])/;
const mac = /^[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}$/;

/** "The Scanner Appliance name and IP address": a name on one row and an address on the row below. */
function nameAndAddress(rows: readonly string[]): Found | null {
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const v4 = ipv4.exec(row);
    const v6 = ipv6.exec(row);
    const address = v4 ?? (v6 && (v6[0].includes('::') || v6[0].split(':').length > 3) && !mac.test(v6[0]) ? v6 : null);
    if (!address) continue;
    const above = rows[r - 1]!;
    // The name starts where the address does, or is the first name-like word of the row above.
    const same = /^[A-Za-z0-9_][\w.-]*/.exec(above.slice(address.index));
    const first = /(?<![\w.-])[A-Za-z0-9_][\w.-]*/.exec(above);
    const name = same ? { text: same[0], index: address.index } : first ? { text: first[0], index: first.index } : null;
    if (!name) continue;
    return { kind: 'name-and-ip', text: name.text, row: r, col: name.index + 1 };
  }
  return null;
}

/** What the grid shows, judged by the guides' texts alone (the layout is not known yet). */
export function classify(rows: readonly string[], texts: readonly GuideText[]): Found | null {
  const hits: Found[] = [];
  for (const t of texts) {
    const at = locate(rows, t);
    if (at) hits.push({ kind: t.kind, text: t.text, ...at, entry: t });
  }
  hits.sort((a, b) => kindOrder.indexOf(a.kind as TextKind) - kindOrder.indexOf(b.kind as TextKind) || b.text.length - a.text.length);
  return hits[0] ?? nameAndAddress(rows);
}

/** The screen in a few words, for one-line errors. */
export function gist(rows: readonly string[]): string {
  const shown = rows.map((r) => r.trim()).filter((r) => r !== '');
  if (shown.length === 0) return 'a blank screen';
  const text = shown.join(' / ');
  return `"${text.length > 120 ? `${text.slice(0, 117)}...` : text}"`;
}
