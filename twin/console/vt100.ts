// The remote console's picture of the appliance: the same two LCD lines and indicators, drawn
// for a VT100 terminal as the firmware profile's `console` section lays them out, with the MAC
// address once the console is woken. Only what changed since the last frame is sent: every byte
// costs 1.15 ms on a 9600-baud line.
import type { FirmwareProfile } from '../../fixtures/profiles.ts';
import type { LcdScreen } from '../appliance/lcd.ts';

export const TERMINAL = { rows: 24, columns: 80 } as const;
export const ESC = '\x1b';

export interface ConsoleFrame {
  /** The MAC address to show in the header. */
  mac: string;
  screen: LcdScreen;
  /** Woken by ENTER; a console that sleeps shows nothing. */
  awake: boolean;
}

/** Draws frames as VT100 output, sending only the cells that changed. */
export class Vt100Renderer {
  readonly #spec: FirmwareProfile['console'];
  readonly #width: number;
  #rows: string[] | null = null;
  #cursor: { row: number; col: number } | null | undefined = undefined;

  constructor(spec: FirmwareProfile['console'], lcdColumns: number) {
    this.#spec = spec;
    this.#width = lcdColumns;
  }

  /** The full picture, row by row (80 columns each). */
  rows(frame: ConsoleFrame): string[] {
    const out = Array.from({ length: TERMINAL.rows }, () => ' '.repeat(TERMINAL.columns));
    if (!frame.awake) return out;
    const put = (row: number, col: number, text: string) => {
      const line = out[row - 1]!;
      out[row - 1] = (line.slice(0, col - 1) + text + line.slice(col - 1 + text.length)).slice(0, TERMINAL.columns);
    };
    const s = this.#spec;
    const w = this.#width;
    put(s.headerRow, 1, `${s.macPrefix} ${frame.mac}`);
    // The indicators sit just outside the box, beside the first line: no character of the
    // LCD's text can be taken for one.
    const glyphs = frame.screen.indicators.map((k) => s.indicatorGlyphs[k]).join('');
    const line1 = frame.screen.lines[0].padEnd(w).slice(0, w);
    const line2 = frame.screen.lines[1].padEnd(w).slice(0, w);
    const left = s.lcdColumn - 1;
    put(s.lcdRow - 1, left, `+${'-'.repeat(w)}+`);
    put(s.lcdRow, left, `|${line1}|${glyphs.padEnd(5)}`);
    put(s.lcdRow + 1, left, `|${line2}|`);
    put(s.lcdRow + 2, left, `+${'-'.repeat(w)}+`);
    put(s.helpRow, 1, s.help);
    return out;
  }

  /** Where the terminal's cursor goes: the field cursor, or nowhere (hidden). */
  cursorOf(frame: ConsoleFrame): { row: number; col: number } | null {
    const c = frame.screen.cursor;
    if (!frame.awake || !c) return null;
    return { row: this.#spec.lcdRow + c.row, col: this.#spec.lcdColumn + c.col };
  }

  /** Everything needed to paint `frame` from scratch. */
  full(frame: ConsoleFrame): string {
    this.#rows = null;
    this.#cursor = undefined;
    return `${ESC}[0m${ESC}[2J` + this.update(frame);
  }

  /** The bytes that turn the last frame drawn into `frame`. */
  update(frame: ConsoleFrame): string {
    const next = this.rows(frame);
    let out = '';
    const before = this.#rows;
    for (let r = 0; r < next.length; r++) {
      const now = next[r]!;
      if (!before) {
        // After a clear, blank rows and trailing blanks need nothing.
        const trimmed = now.trimEnd();
        if (trimmed !== '') out += `${ESC}[${r + 1};1H${trimmed}`;
        continue;
      }
      const was = before[r]!;
      if (was === now) continue;
      let first = 0;
      while (was[first] === now[first]) first++;
      let last = now.length - 1;
      while (last > first && was[last] === now[last]) last--;
      out += `${ESC}[${r + 1};${first + 1}H${now.slice(first, last + 1)}`;
    }
    this.#rows = next;
    const cursor = this.cursorOf(frame);
    const same = cursor === null ? this.#cursor === null : this.#cursor !== undefined && this.#cursor !== null && cursor.row === this.#cursor.row && cursor.col === this.#cursor.col;
    if (out !== '' || !same) {
      if (cursor) out += `${ESC}[${cursor.row};${cursor.col}H` + (this.#cursor ? '' : `${ESC}[?25h`);
      else if (this.#cursor !== null) out += `${ESC}[?25l`;
    }
    this.#cursor = cursor;
    return out;
  }
}
