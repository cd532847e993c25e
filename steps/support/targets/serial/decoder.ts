// Reads the remote console's VT100 stream into screens: a headless terminal (@xterm/headless)
// interprets the bytes, and the firmware profile's `console` section says where the LCD's lines,
// the indicators and the cursor are.
import xterm from '@xterm/headless';
import type { FirmwareProfile, Key } from '../../../../fixtures/profiles.ts';
import type { ScreenSnapshot } from '../../protocols.ts';

const keyOrder: readonly Key[] = ['UP', 'DOWN', 'LEFT', 'RIGHT', 'ENTER'];

export class ConsoleDecoder {
  readonly #terminal: InstanceType<typeof xterm.Terminal>;
  readonly #spec: FirmwareProfile['console'];
  readonly #width: number;
  readonly #glyphToKey: Map<string, Key>;
  #cursorVisible = true;

  constructor(spec: FirmwareProfile['console'], lcdColumns: number) {
    // Garbage on the line is a finding, not something for xterm to log.
    this.#terminal = new xterm.Terminal({ cols: 80, rows: 24, allowProposedApi: true, logLevel: 'off' });
    this.#spec = spec;
    this.#width = lcdColumns;
    this.#glyphToKey = new Map(Object.entries(spec.indicatorGlyphs).map(([k, g]) => [g, k as Key]));
    // DECTCEM (CSI ? 25 h / l) shows or hides the cursor; xterm keeps it private, so watch it.
    const watch = (visible: boolean) => (params: (number | number[])[]) => {
      if (params.some((p) => p === 25)) this.#cursorVisible = visible;
      return false;
    };
    this.#terminal.parser.registerCsiHandler({ prefix: '?', final: 'h' }, watch(true));
    this.#terminal.parser.registerCsiHandler({ prefix: '?', final: 'l' }, watch(false));
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

  /** Whether the LCD's box is on the terminal (a console woken and drawn). */
  framed(): boolean {
    const top = this.#row(this.#spec.lcdRow - 1);
    const left = this.#spec.lcdColumn - 2;
    return top.slice(left, left + 2 + this.#width) === `+${'-'.repeat(this.#width)}+`;
  }

  /** The MAC address in the header, once the console is woken. */
  mac(): string | null {
    const header = this.#row(this.#spec.headerRow).trim();
    return header.startsWith(this.#spec.macPrefix) ? header.slice(this.#spec.macPrefix.length).trim() : null;
  }

  snapshot(at: number): ScreenSnapshot {
    if (!this.framed()) return { lines: ['', ''], indicators: [], cursor: null, at };
    const { lcdRow, lcdColumn } = this.#spec;
    const start = lcdColumn - 1;
    const line1 = this.#row(lcdRow);
    const line2 = this.#row(lcdRow + 1);
    const glyphs = line1.slice(start + this.#width + 1).trimEnd();
    const indicators = keyOrder.filter((k) => [...glyphs].some((g) => this.#glyphToKey.get(g) === k));
    const buffer = this.#terminal.buffer.active;
    const row = buffer.cursorY + 1 - lcdRow;
    const col = buffer.cursorX + 1 - lcdColumn;
    const cursor = this.#cursorVisible && (row === 0 || row === 1) && col >= 0 && col < this.#width ? { row, col } : null;
    return {
      lines: [line1.slice(start, start + this.#width).trimEnd(), line2.slice(start, start + this.#width).trimEnd()],
      indicators,
      cursor,
      at,
    };
  }
}
