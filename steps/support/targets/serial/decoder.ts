// Reads the remote console's VT100 stream into screens: a headless terminal (@xterm/headless)
// interprets the bytes (full repaints and partial updates alike), and a console layout
// (fixtures/consoles/) says where the LCD's two lines, the indicators and the cursor are.
import xterm from '@xterm/headless';
import type { ConsoleLayout } from '../../../../fixtures/consoles.ts';
import { indicatorKeys } from '../../../../fixtures/consoles.ts';
import { keys } from '../../../../fixtures/profiles.ts';
import type { ScreenSnapshot } from '../../protocols.ts';
import { macIn } from '../../screens.ts';

export class ConsoleDecoder {
  readonly #terminal: InstanceType<typeof xterm.Terminal>;
  readonly #layout: ConsoleLayout;
  readonly #indicatorKeys: ReturnType<typeof indicatorKeys>;
  #cursorVisible = true;

  constructor(layout: ConsoleLayout) {
    // Garbage on the line is a finding, not something for xterm to log.
    this.#terminal = new xterm.Terminal({ cols: 80, rows: 24, allowProposedApi: true, logLevel: 'off' });
    this.#layout = layout;
    this.#indicatorKeys = indicatorKeys(layout);
    // DECTCEM (CSI ? 25 h / l) shows or hides the cursor; xterm keeps it private, so watch it.
    const watch = (visible: boolean) => (params: (number | number[])[]) => {
      if (params.some((p) => p === 25)) this.#cursorVisible = visible;
      return false;
    };
    this.#terminal.parser.registerCsiHandler({ prefix: '?', final: 'h' }, watch(true));
    this.#terminal.parser.registerCsiHandler({ prefix: '?', final: 'l' }, watch(false));
  }

  get layout(): ConsoleLayout {
    return this.#layout;
  }

  /** Feeds bytes from the line; resolves once the terminal has taken them in. */
  write(bytes: Uint8Array): Promise<void> {
    return new Promise((resolve) => this.#terminal.write(bytes, resolve));
  }

  #row(row: number): string {
    return this.#terminal.buffer.active.getLine(row - 1)?.translateToString(false) ?? '';
  }

  /** The rows of the terminal, for evidence. */
  rows(): string[] {
    return Array.from({ length: 24 }, (_, i) => this.#row(i + 1).trimEnd());
  }

  /** The MAC address the console shows anywhere on its screen ("You will notice the MAC address ... appears"). */
  mac(): string | null {
    return macIn(this.rows());
  }

  /** The keys whose indicators the layout's indicator region shows. */
  #indicators(): ScreenSnapshot['indicators'] {
    const { row, column, width } = this.#layout.indicators;
    const region = this.#row(row).slice(column - 1, column - 1 + width);
    const shown = this.#layout.indicators.style === 'glyphs' ? [...region] : region.split(/\s+/);
    const found = new Set(shown.map((t) => this.#indicatorKeys.get(t)).filter((k) => k !== undefined));
    return keys.filter((k) => found.has(k));
  }

  snapshot(at: number): ScreenSnapshot {
    const { lines, width } = this.#layout;
    const text = lines.map((l) => this.#row(l.row).slice(l.column - 1, l.column - 1 + width).trimEnd()) as [string, string];
    const buffer = this.#terminal.buffer.active;
    let cursor: ScreenSnapshot['cursor'] = null;
    if (this.#cursorVisible) {
      const r = lines.findIndex((l) => l.row === buffer.cursorY + 1);
      const col = r >= 0 ? buffer.cursorX + 1 - lines[r]!.column : -1;
      if (r >= 0 && col >= 0 && col < width) cursor = { row: r, col };
    }
    return { lines: text, indicators: this.#indicators(), cursor, at };
  }

  /** Whether the console shows a screen at all (before it is woken it shows nothing). */
  drawn(): boolean {
    const s = this.snapshot(0);
    return s.lines[0] !== '' || s.lines[1] !== '' || s.indicators.length > 0;
  }
}
