// Keeping the lab's secrets (the proxy password, the portal passwords: fixtures/secrets.yaml)
// out of what a run writes. The serial line's raw byte log masks what the console draws in a
// secret field and the keys sent to it; the same log can be replayed on a terminal to show
// that nothing a person reading it would see spells a secret; and any text is searched for a
// secret in every form a report gives it (as typed, JSON- and HTML-escaped, URL-encoded).
import type { ConsoleLayout } from '../../fixtures/consoles.ts';
import type { FirmwareProfile } from '../../fixtures/profiles.ts';
import { generationOf, isFieldStep, listGenerations } from '../../fixtures/profiles.ts';
import { normalize } from './screens.ts';

export interface NamedSecret { name: string; value: string }

/** The prompts (normalized) of the fields whose entry is secret: the proxy password's. */
export function secretPrompts(firmware: FirmwareProfile): Set<string> {
  const prompts = new Set<string>();
  for (const flow of Object.values(firmware.flows)) {
    for (const step of flow.steps) {
      if (!isFieldStep(step)) continue;
      const editor = firmware.editors[step.editor];
      if (editor?.kind === 'text' && editor.secret) prompts.add(normalize(step.prompt));
    }
  }
  return prompts;
}

let someGuideSecrets: Set<string> | null = null;

/**
 * Whether some guide's profile says what is entered at `prompt` is secret: a task describes an
 * entry before it knows the unit it is entered on, and then says "a password" wherever any
 * generation would.
 */
export function secretInSomeGuide(prompt: string): boolean {
  someGuideSecrets ??= new Set(listGenerations().flatMap((g) => [...secretPrompts(generationOf(g).firmware)]));
  return someGuideSecrets.has(normalize(prompt));
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The forms a value takes in the files of a run: as typed; inside a JSON string (cucumber's
 * messages; the HTML report's embedded messages write < as \x3C, other writers as \u003c); in
 * HTML or XML text (JUnit); URL- and form-encoded.
 */
export function encodings(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const forms = [
    value,
    json,
    json.replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`),
    json.replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16).toUpperCase()}`),
    json.replace(/</g, '\\x3C'),
    value.replace(/[&<>"']/g, (c) => htmlEntities[c]!),
    value.replace(/[&<>"']/g, (c) => (c === "'" ? '&apos;' : htmlEntities[c]!)),
    value.replace(/[&<>"']/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`),
    encodeURIComponent(value),
    encodeURIComponent(value).replace(/%20/g, '+'),
  ];
  return [...new Set(forms)];
}

/** The names of the secrets that occur in `text`, in any of their forms. */
export function secretsIn(text: string, secrets: readonly NamedSecret[]): string[] {
  return secrets.filter((s) => encodings(s.value).some((form) => text.includes(form))).map((s) => s.name);
}

const ESC = 0x1b;
const MASK = 0x2a; // '*'

/** The pieces of VT100 output: control sequences (CSI), control bytes, text. */
interface Vt100Handlers {
  csi(params: string, final: number): void;
  control(byte: number): void;
  printable(index: number, byte: number): void;
}

/**
 * Reads VT100 output chunk by chunk as a terminal does: an escape sequence split across two
 * reads (a serial line delivers what has arrived) is taken up where the last chunk left it.
 */
class Vt100Reader {
  #state: 'text' | 'escape' | 'csi' = 'text';
  #params = '';

  feed(bytes: Uint8Array, on: Vt100Handlers): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (this.#state === 'escape') {
        // ESC [ params final; any other escape is two bytes.
        this.#state = b === 0x5b ? 'csi' : 'text';
        this.#params = '';
      } else if (this.#state === 'csi') {
        if (b >= 0x40 && b <= 0x7e) {
          this.#state = 'text';
          on.csi(this.#params, b);
        } else this.#params += String.fromCharCode(b);
      } else if (b === ESC) this.#state = 'escape';
      else if (b >= 0x20 && b <= 0x7e) on.printable(i, b);
      else on.control(b);
    }
  }
}

/** CSI r;c H (or f): cursor position. */
const isCursorPosition = (final: number) => final === 0x48 || final === 0x66;
const numbers = (params: string) => params.split(';').map((p) => Number(p) || 0);

/**
 * Follows the console's output to mask what it writes on one terminal row (the LCD's field
 * line): those characters become '*'. Fed every chunk in order, from the start of the line.
 */
export class FieldMask {
  readonly #reader = new Vt100Reader();
  readonly #row: number;
  #at = 1;

  constructor(row: number) {
    this.#row = row;
  }

  /** The chunk with the field row's characters masked. */
  mask(bytes: Uint8Array): Uint8Array {
    const out = Uint8Array.from(bytes);
    this.#reader.feed(bytes, {
      csi: (params, final) => { if (isCursorPosition(final)) this.#at = numbers(params)[0] || 1; },
      control: (b) => { if (b === 0x0a) this.#at++; },
      printable: (i) => { if (this.#at === this.#row) out[i] = MASK; },
    });
    return out;
  }
}

/** Keys sent while a secret field is on screen: every byte but ENTER (CR) becomes '*'. */
export function maskKeys(bytes: Uint8Array): Uint8Array {
  return bytes.map((b) => (b === 0x0d ? b : MASK));
}

/** The bytes a serial log line stands for ("\e", "\r", "\n", "\xNN" escapes; see the serial target). */
export function unescapeBytes(text: string): Buffer {
  return Buffer.from(text.replace(/\\(e|r|n|x[0-9a-f]{2})/g, (_m, e: string) => (e === 'e' ? '\x1b' : e === 'r' ? '\r' : e === 'n' ? '\n' : String.fromCharCode(parseInt(e.slice(1), 16)))), 'latin1');
}

/**
 * A VT100 screen as the remote console draws it (cursor positioning, clears, text; no wrapping),
 * kept in plain rows so a long log replays fast.
 */
class Vt100Grid {
  readonly rows = Array.from({ length: 24 }, () => Array<string>(80).fill(' '));
  readonly #reader = new Vt100Reader();
  #row = 0;
  #col = 0;

  /**
   * Takes a chunk in; returns the (0-based) rows it wrote text on. `writing` hears of each
   * character before it is put at its (0-based) row and column.
   */
  write(bytes: Uint8Array, writing?: (row: number, col: number, byte: number) => void): Set<number> {
    const written = new Set<number>();
    this.#reader.feed(bytes, {
      csi: (params, final) => {
        const n = numbers(params);
        if (isCursorPosition(final)) {
          this.#row = Math.min(23, Math.max(0, (n[0] || 1) - 1));
          this.#col = Math.min(79, Math.max(0, (n[1] || 1) - 1));
        } else if (final === 0x4a && n[0] === 2) for (const row of this.rows) row.fill(' ');
        else if (final === 0x4b) this.rows[this.#row]!.fill(' ', n[0] === 1 ? 0 : this.#col, n[0] === 1 ? this.#col + 1 : 80);
      },
      control: (b) => {
        if (b === 0x0d) this.#col = 0;
        else if (b === 0x0a) this.#row = Math.min(23, this.#row + 1);
        else if (b === 0x08) this.#col = Math.max(0, this.#col - 1);
      },
      printable: (_i, b) => {
        writing?.(this.#row, this.#col, b);
        if (this.#col < 80) this.rows[this.#row]![this.#col] = String.fromCharCode(b);
        this.#col = Math.min(80, this.#col + 1);
        written.add(this.#row);
      },
    });
    return written;
  }
}

/**
 * What a person reading a serial log (`> ` bytes to the appliance, `< ` from it, one chunk a
 * line) would learn: each terminal row a received chunk wrote, as it read after the chunk, and
 * the characters typed (sent bytes, escape sequences left out).
 */
export function replaySerialLog(log: string): { rows: string[]; typed: string } {
  const grid = new Vt100Grid();
  const keys = new Vt100Reader();
  const rows = new Set<string>();
  let typed = '';
  for (const line of log.split('\n')) {
    const bytes = unescapeBytes(line.slice(2));
    if (line.startsWith('> ')) keys.feed(bytes, { csi: () => undefined, control: () => undefined, printable: (_i, b) => { typed += String.fromCharCode(b); } });
    else if (line.startsWith('< ')) for (const row of grid.write(bytes)) rows.add(grid.rows[row]!.join('').trimEnd());
  }
  return { rows: [...rows], typed };
}

/**
 * How many characters a serial log, replayed, writes into a secret field (its prompt on the LCD's
 * first line at that moment) other than the mask: what the masking must never let out, whole or
 * in part. The characters themselves are not returned.
 */
export function unmaskedSecretFields(log: string, firmware: FirmwareProfile, layout: ConsoleLayout): number {
  const prompts = secretPrompts(firmware);
  const grid = new Vt100Grid();
  // 0-based rows and columns of the LCD's prompt line and field line.
  const [prompt, field] = layout.lines.map((l) => ({ row: l.row - 1, col: l.column - 1 })) as [{ row: number; col: number }, { row: number; col: number }];
  let unmasked = 0;
  const writing = (row: number, col: number, byte: number) => {
    if (row !== field.row || col < field.col || col >= field.col + layout.width || byte === MASK || byte === 0x20) return;
    if (prompts.has(normalize(grid.rows[prompt.row]!.slice(prompt.col, prompt.col + layout.width).join('')))) unmasked++;
  };
  for (const line of log.split('\n')) if (line.startsWith('< ')) grid.write(unescapeBytes(line.slice(2)), writing);
  return unmasked;
}

/** The secrets a serial log gives away: drawn on the terminal, or typed, or in its text. */
export function secretsInSerialLog(log: string, secrets: readonly NamedSecret[]): string[] {
  const { rows, typed } = replaySerialLog(log);
  const seen = [log, typed, ...rows].join('\n');
  return secretsIn(seen, secrets);
}
