// The field editors of "Entering Information": what each key does in an entry field, what the
// field shows, and which keys act (the navigation indicators). Pure state machines over one
// field; the UI engine owns the flow around them.
import { isHostname, isIpv4, isIpv6, padIpv4, unpadIpv4 } from '../../fixtures/addresses.ts';
import type { EditorSpec, FirmwareProfile, Key } from '../../fixtures/profiles.ts';
import { expandAlphabet, listValues, scrollCycle } from '../../fixtures/field-values.ts';

/** LEFT and RIGHT pressed together. */
export type EditorKey = Key | 'LEFT+RIGHT';

export type EditResult =
  | { kind: 'editing' }
  | { kind: 'ignored' }
  | { kind: 'done'; value: string }
  | { kind: 'refused'; reason: string };

export interface FieldView {
  /** The field line as shown (the 16-character window for long text). */
  text: string;
  /** Cursor column within `text`, or null where the field has no cursor (the netmask). */
  cursor: number | null;
  /** Replaces the prompt on the first line (the insert/delete options). */
  title?: string;
}

export interface Editor {
  press(key: EditorKey): EditResult;
  /** A character typed on the remote console's keyboard. */
  type(char: string): EditResult;
  view(): FieldView;
  /** The keys that act now: the navigation indicators. */
  acts(): Key[];
  /** Whether holding UP/DOWN repeats ("When entering a user name or password, you can hold"). */
  readonly repeats: boolean;
  /** Hidden from transcripts (the proxy password). */
  readonly secret: boolean;
  /** True while nothing has been entered (a blank text entry). */
  blank(): boolean;
}

const editing: EditResult = { kind: 'editing' };
const ignored: EditResult = { kind: 'ignored' };

/** Orders keys as the indicators list them. */
function keysOf(set: Partial<Record<Key, boolean>>): Key[] {
  return (['UP', 'DOWN', 'LEFT', 'RIGHT', 'ENTER'] as const).filter((k) => set[k]);
}

// ---------------------------------------------------------------------------------------------

/** Fixed-format digit entry: "nnn.nnn.nnn.nnn" IP addresses and numbers like VLAN "0000". */
class DigitEditor implements Editor {
  readonly repeats = false;
  readonly secret = false;
  #chars: string[];
  #positions: number[];
  #at = 0;
  readonly #accept: (text: string) => EditResult;

  constructor(text: string, accept: (text: string) => EditResult) {
    this.#chars = [...text];
    this.#positions = this.#chars.flatMap((c, i) => (c >= '0' && c <= '9' ? [i] : []));
    this.#accept = accept;
  }

  press(key: EditorKey): EditResult {
    const pos = this.#positions[this.#at]!;
    const digit = Number(this.#chars[pos]);
    switch (key) {
      case 'UP': this.#chars[pos] = String((digit + 1) % 10); return editing;
      case 'DOWN': this.#chars[pos] = String((digit + 9) % 10); return editing;
      case 'LEFT': if (this.#at === 0) return ignored; this.#at--; return editing;
      case 'RIGHT': if (this.#at === this.#positions.length - 1) return ignored; this.#at++; return editing;
      case 'ENTER': return this.#accept(this.#chars.join(''));
      default: return ignored;
    }
  }

  type(char: string): EditResult {
    if (!/^[0-9]$/.test(char)) return ignored;
    this.#chars[this.#positions[this.#at]!] = char;
    if (this.#at < this.#positions.length - 1) this.#at++;
    return editing;
  }

  view(): FieldView {
    return { text: this.#chars.join(''), cursor: this.#positions[this.#at]! };
  }

  acts(): Key[] {
    return keysOf({ UP: true, DOWN: true, LEFT: this.#at > 0, RIGHT: this.#at < this.#positions.length - 1, ENTER: true });
  }

  blank(): boolean {
    return this.#chars.every((c) => c === '0' || c === '.');
  }
}

// ---------------------------------------------------------------------------------------------

/** A scroller with no cursor: the netmask, prefix lengths, port link settings. */
class ListEditor implements Editor {
  readonly repeats = false;
  readonly secret = false;
  readonly #values: readonly string[];
  readonly #forward: Key;
  readonly #backward: Key;
  #index: number;

  constructor(values: readonly string[], forward: Key, backward: Key, initial: string) {
    this.#values = values;
    this.#forward = forward;
    this.#backward = backward;
    this.#index = Math.max(0, values.indexOf(initial));
  }

  press(key: EditorKey): EditResult {
    const n = this.#values.length;
    if (key === this.#forward) this.#index = (this.#index + 1) % n;
    else if (key === this.#backward) this.#index = (this.#index + n - 1) % n;
    else if (key === 'ENTER') return { kind: 'done', value: this.#values[this.#index]! };
    else return ignored;
    return editing;
  }

  type(): EditResult {
    return ignored;
  }

  view(): FieldView {
    return { text: this.#values[this.#index]!, cursor: null };
  }

  acts(): Key[] {
    return keysOf({ [this.#forward]: true, [this.#backward]: true, ENTER: true });
  }

  blank(): boolean {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------

type TextSpec = Extract<EditorSpec, { kind: 'text' }>;
type EditMenuOption = 'deletePrevious' | 'insertCharacter' | 'doneEditing';

/**
 * A text entry: UP/DOWN scroll the character under the cursor through the field's cycle,
 * LEFT/RIGHT move, a window of `window` characters follows the cursor ("it scrolls left").
 */
class TextEditor implements Editor {
  readonly repeats = true;
  readonly secret: boolean;
  readonly #spec: TextSpec;
  readonly #cycle: readonly string[];
  readonly #allowed: ReadonlySet<string>;
  readonly #window: number;
  readonly #refusals: FirmwareProfile['refusals'];
  readonly #menuTexts: NonNullable<FirmwareProfile['texts']['insertDelete']> | undefined;
  #cells: string[];
  #cursor = 0;
  #start = 0;
  /** Position in the cycle of the character under the cursor (the cycle holds two spaces). */
  #scroll: number;
  #menu: EditMenuOption | null = null;

  constructor(fw: FirmwareProfile, spec: TextSpec, window: number, initial: string) {
    this.#spec = spec;
    this.secret = spec.secret;
    this.#allowed = expandAlphabet(spec.alphabet);
    this.#cycle = scrollCycle(fw, this.#allowed);
    this.#window = window;
    this.#refusals = fw.refusals;
    this.#menuTexts = fw.texts.insertDelete;
    this.#cells = Array.from({ length: spec.maxLength }, (_, i) => initial[i] ?? ' ');
    this.#scroll = this.#indexOf(this.#cells[0]!);
  }

  #indexOf(char: string): number {
    const i = this.#cycle.indexOf(char);
    return i < 0 ? 0 : i;
  }

  #moveTo(cursor: number): void {
    this.#cursor = cursor;
    if (cursor < this.#start) this.#start = cursor;
    if (cursor >= this.#start + this.#window) this.#start = cursor - this.#window + 1;
    this.#scroll = this.#indexOf(this.#cells[cursor]!);
  }

  #scrollBy(delta: number): void {
    const n = this.#cycle.length;
    this.#scroll = (this.#scroll + delta + n) % n;
    this.#cells[this.#cursor] = this.#cycle[this.#scroll]!;
  }

  #menuOptions(): EditMenuOption[] {
    const options: EditMenuOption[] = [];
    if (this.#cursor > 0) options.push('deletePrevious');
    if (this.#cells[this.#cells.length - 1] === ' ') options.push('insertCharacter');
    options.push('doneEditing');
    return options;
  }

  press(key: EditorKey): EditResult {
    if (this.#menu) return this.#pressInMenu(key);
    switch (key) {
      case 'UP': this.#scrollBy(1); return editing;
      case 'DOWN':
        if (this.#spec.insertDelete) { this.#menu = this.#menuOptions()[0]!; return editing; }
        this.#scrollBy(-1);
        return editing;
      case 'LEFT': if (this.#cursor === 0) return ignored; this.#moveTo(this.#cursor - 1); return editing;
      case 'RIGHT': if (this.#cursor === this.#cells.length - 1) return ignored; this.#moveTo(this.#cursor + 1); return editing;
      case 'LEFT+RIGHT':
        if (!this.#spec.clearChord) return ignored;
        this.#cells.fill(' ');
        this.#start = 0;
        this.#moveTo(0);
        return editing;
      case 'ENTER': return this.#finish();
    }
  }

  #pressInMenu(key: EditorKey): EditResult {
    const options = this.#menuOptions();
    switch (key) {
      case 'DOWN': {
        const i = options.indexOf(this.#menu!);
        this.#menu = options[(i + 1) % options.length]!;
        return editing;
      }
      case 'UP': this.#menu = null; return editing;
      case 'ENTER': {
        const chosen = this.#menu!;
        this.#menu = null;
        if (chosen === 'deletePrevious') {
          this.#cells.splice(this.#cursor - 1, 1);
          this.#cells.push(' ');
          this.#moveTo(this.#cursor - 1);
          return editing;
        }
        if (chosen === 'insertCharacter') {
          this.#cells.splice(this.#cursor, 0, ' ');
          this.#cells.pop();
          this.#moveTo(this.#cursor);
          return editing;
        }
        return this.#finish();
      }
      default: return ignored;
    }
  }

  #finish(): EditResult {
    const entry = this.#cells.join('').trim();
    let value = entry;
    if (/ /.test(entry)) {
      if (this.#spec.embeddedSpaces === 'refuse') return { kind: 'refused', reason: this.#refusals.embeddedSpace };
      if (this.#spec.embeddedSpaces === 'remove') value = entry.replace(/ +/g, '');
    }
    if (value !== '') {
      const syntax = this.#spec.syntax;
      if ((syntax === 'host-ipv4' && !isHost(value, 'ipv4')) || (syntax === 'host-ipv6' && !isHost(value, 'ipv6'))) {
        return { kind: 'refused', reason: this.#refusals.hostSyntax };
      }
      if (syntax === 'ipv6' && !isIpv6(value)) return { kind: 'refused', reason: this.#refusals.ipv6Syntax };
    }
    return { kind: 'done', value };
  }

  type(char: string): EditResult {
    if (this.#menu || char.length !== 1 || (char !== ' ' && !this.#allowed.has(char))) return ignored;
    this.#cells[this.#cursor] = char;
    if (this.#cursor < this.#cells.length - 1) this.#moveTo(this.#cursor + 1);
    else this.#scroll = this.#indexOf(char);
    return editing;
  }

  view(): FieldView {
    const text = this.#cells.slice(this.#start, this.#start + this.#window).join('');
    const view: FieldView = { text, cursor: this.#cursor - this.#start };
    if (this.#menu && this.#menuTexts) view.title = this.#menuTexts[this.#menu];
    return view;
  }

  acts(): Key[] {
    // DOWN moves through the options only when there is more than one to move to.
    if (this.#menu) return keysOf({ UP: true, DOWN: this.#menuOptions().length > 1, ENTER: true });
    return keysOf({ UP: true, DOWN: true, LEFT: this.#cursor > 0, RIGHT: this.#cursor < this.#cells.length - 1, ENTER: true });
  }

  blank(): boolean {
    return this.#cells.every((c) => c === ' ');
  }
}

/** An FQDN of letters, digits and hyphens, or an IP address of the network mode's family. */
export function isHost(value: string, family: 'ipv4' | 'ipv6'): boolean {
  if (family === 'ipv4' && /^[0-9.]+$/.test(value)) return isIpv4(value);
  if (family === 'ipv6' && value.includes(':')) return isIpv6(value);
  return isHostname(value) && !/^[0-9.]+$/.test(value);
}

// ---------------------------------------------------------------------------------------------

/** A value shown for reading only: LEFT/RIGHT scroll it, ENTER goes on. */
class ViewEditor implements Editor {
  readonly repeats = false;
  readonly secret = false;
  readonly #value: string;
  readonly #window: number;
  #start = 0;

  constructor(value: string, window: number) {
    this.#value = value;
    this.#window = window;
  }

  press(key: EditorKey): EditResult {
    const last = Math.max(0, this.#value.length - this.#window);
    if (key === 'LEFT' && this.#start > 0) this.#start--;
    else if (key === 'RIGHT' && this.#start < last) this.#start++;
    else if (key === 'ENTER') return { kind: 'done', value: this.#value };
    else return ignored;
    return editing;
  }

  type(): EditResult {
    return ignored;
  }

  view(): FieldView {
    return { text: this.#value.slice(this.#start, this.#start + this.#window), cursor: null };
  }

  acts(): Key[] {
    return keysOf({ LEFT: this.#start > 0, RIGHT: this.#start < this.#value.length - this.#window, ENTER: true });
  }

  blank(): boolean {
    return this.#value === '';
  }
}

// ---------------------------------------------------------------------------------------------

/** Makes the editor a profile's spec describes, starting from `initial` (a stored value or default). */
export function createEditor(fw: FirmwareProfile, spec: EditorSpec, window: number, initial: string): Editor {
  switch (spec.kind) {
    case 'ipv4':
      return new DigitEditor(isIpv4(initial) ? padIpv4(initial) : '000.000.000.000', (text) => {
        const address = unpadIpv4(text);
        return address === null ? { kind: 'refused', reason: fw.refusals.ipv4Octet } : { kind: 'done', value: address };
      });
    case 'digits': {
      const start = /^\d+$/.test(initial) ? initial : '0';
      return new DigitEditor(start.padStart(spec.digits, '0').slice(-spec.digits), (text) => {
        const n = Number(text);
        return n < spec.min || n > spec.max ? { kind: 'refused', reason: fw.refusals.numberRange } : { kind: 'done', value: String(n) };
      });
    }
    case 'list':
      return new ListEditor(listValues(spec), spec.forward, spec.backward, initial);
    case 'text':
      return new TextEditor(fw, spec, window, initial);
    case 'view':
      return new ViewEditor(initial, window);
  }
}
