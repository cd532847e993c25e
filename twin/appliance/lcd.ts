// The two-line character LCD: how a screen's text is laid out around the navigation
// indicators, which sit in the top right corner ("Each Scanner Appliance screen displays one or
// more indicators in the top right corner").
import type { HardwareProfile, Key } from '../../fixtures/profiles.ts';

/** What the firmware wants shown, before the LCD's geometry is applied. */
export interface ScreenContent {
  /** A message, prompt or menu label; wraps onto the second line when there is no body. */
  text: string;
  /** A second line of its own: a field, a value, an IP address. */
  body?: string;
  /** Right-aligned on the second line (the platform indicator: "lower right corner"). */
  bodyRight?: string;
  /** Cursor column within the body. */
  cursor?: number | null;
  indicators: Key[];
}

/** The LCD as it reads: two lines of text, the indicators, and the cursor position. */
export interface LcdScreen {
  lines: [string, string];
  indicators: Key[];
  cursor: { row: number; col: number } | null;
}


/**
 * Columns the first line leaves for text next to the indicators: all but the glyphs (a text
 * that fills them, like "Insert Character?" beside three indicators, runs up to the glyphs).
 */
export function firstLineWidth(columns: number, indicators: number): number {
  return columns - indicators;
}

/** Word-wraps text into a first line of `first` columns and a second of `second`. */
export function wrapTwoLines(text: string, first: number, second: number): [string, string] {
  const words = text.trim().split(/\s+/);
  let line1 = '';
  let i = 0;
  while (i < words.length) {
    const candidate = line1 === '' ? words[i]! : `${line1} ${words[i]}`;
    if (candidate.length > first) break;
    line1 = candidate;
    i++;
  }
  if (line1 === '' && words.length > 0) {
    // One word longer than the first line: break it where the line ends.
    const word = words[0]!;
    line1 = word.slice(0, first);
    words[0] = word.slice(first);
  }
  const line2 = words.slice(i).join(' ');
  return [line1, line2.slice(0, second)];
}

export function layout(content: ScreenContent, lcd: HardwareProfile['lcd']): LcdScreen {
  const columns = lcd.columns;
  const first = firstLineWidth(columns, content.indicators.length);
  let lines: [string, string];
  let cursor: LcdScreen['cursor'] = null;
  if (content.body === undefined) {
    lines = wrapTwoLines(content.text, first, columns);
  } else {
    const right = content.bodyRight ?? '';
    const room = right === '' ? columns : columns - right.length - 1;
    const body = content.body.slice(0, room);
    const line2 = right === '' ? body : body.padEnd(room) + ' ' + right;
    lines = [content.text.slice(0, first), line2.trimEnd()];
    if (content.cursor !== undefined && content.cursor !== null) cursor = { row: 1, col: content.cursor };
  }
  return { lines: [lines[0].trimEnd(), lines[1].trimEnd()], indicators: [...content.indicators], cursor };
}

/** The LCD drawn as text, `columns` wide, the indicator glyphs in the top right corner. */
export function drawLcd(screen: LcdScreen, hardware: HardwareProfile): [string, string] {
  const columns = hardware.lcd.columns;
  const glyphs = screen.indicators.map((k) => hardware.indicatorGlyphs[k]).join('');
  const first = firstLineWidth(columns, screen.indicators.length);
  const line1 = screen.lines[0].padEnd(first) + glyphs;
  return [line1, screen.lines[1].padEnd(columns)];
}
