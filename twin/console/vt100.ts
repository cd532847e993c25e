// The remote console's picture of the appliance: the same two LCD lines and indicators, drawn
// for a VT100 terminal as a console layout (fixtures/consoles/) places them, with the MAC
// address once the console is woken. A layout that repaints partially sends only the cells that
// changed (every byte costs 1.15 ms on a 9600-baud line); one that repaints fully clears the
// screen and draws it all again.
import type { ConsoleLayout } from '../../fixtures/consoles.ts';
import type { LcdScreen } from '../appliance/lcd.ts';

export const TERMINAL = { rows: 24, columns: 80 } as const;
export const ESC = '\x1b';

export interface ConsoleFrame {
  /** The MAC address to show. */
  mac: string;
  screen: LcdScreen;
  /** Woken by ENTER; a console that sleeps shows nothing. */
  awake: boolean;
}

type Drawing = NonNullable<ConsoleLayout['draw']>;

const defaultDrawing: Drawing = { frame: false, mac: { row: 24, column: 1, prefix: '' }, repaint: 'partial' };

/** Draws frames as VT100 output. */
export class Vt100Renderer {
  readonly #layout: ConsoleLayout;
  readonly #draw: Drawing;
  #rows: string[] | null = null;
  #cursor: { row: number; col: number } | null | undefined = undefined;

  constructor(layout: ConsoleLayout) {
    this.#layout = layout;
    this.#draw = layout.draw ?? defaultDrawing;
  }

  /** The full picture, row by row (80 columns each). */
  rows(frame: ConsoleFrame): string[] {
    const out = Array.from({ length: TERMINAL.rows }, () => ' '.repeat(TERMINAL.columns));
    if (!frame.awake) return out;
    const put = (row: number, col: number, text: string) => {
      const line = out[row - 1]!;
      out[row - 1] = (line.slice(0, col - 1) + text + line.slice(col - 1 + text.length)).slice(0, TERMINAL.columns);
    };
    const { lines, width, indicators } = this.#layout;
    const d = this.#draw;
    put(d.mac.row, d.mac.column, `${d.mac.prefix}${frame.mac}`);
    frame.screen.lines.forEach((text, i) => put(lines[i]!.row, lines[i]!.column, text.padEnd(width).slice(0, width)));
    if (d.frame) {
      // A box around the two lines (they are on adjacent rows, one above the other).
      const [top, bottom] = [Math.min(lines[0].row, lines[1].row), Math.max(lines[0].row, lines[1].row)];
      const left = lines[0].column - 1;
      put(top - 1, left, `+${'-'.repeat(width)}+`);
      put(bottom + 1, left, `+${'-'.repeat(width)}+`);
      for (const l of lines) {
        put(l.row, left, '|');
        put(l.row, left + width + 1, '|');
      }
    }
    const shown = frame.screen.indicators.map((k) => (indicators.style === 'glyphs' ? indicators.glyphs[k] : indicators.words[k]));
    put(indicators.row, indicators.column, (indicators.style === 'glyphs' ? shown.join('') : shown.join(' ')).padEnd(indicators.width).slice(0, indicators.width));
    if (d.help) put(d.help.row, 1, d.help.text);
    return out;
  }

  /** Where the terminal's cursor goes: the field cursor, or nowhere (hidden). */
  cursorOf(frame: ConsoleFrame): { row: number; col: number } | null {
    const c = frame.screen.cursor;
    if (!frame.awake || !c) return null;
    const line = this.#layout.lines[c.row]!;
    return { row: line.row, col: line.column + c.col };
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
    if (this.#draw.repaint === 'full' && this.#rows !== null && next.some((row, i) => row !== this.#rows![i])) return this.full(frame);
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
