// Reading screens the way a person reads the LCD: a message may wrap over both lines, a prompt
// sits on the first line above its field. Texts are compared after the typography of the guide
// (’ “ – …) is folded to what a character LCD can show.
import type { Key, ScreenSnapshot } from './protocols.ts';

const typography: Record<string, string> = { '’': "'", '‘': "'", '“': '"', '”': '"', '–': '-', '—': '-', '…': '...' };

/** Folds typographic characters, collapses spaces, trims. */
export function normalize(text: string): string {
  return text.replace(/[’‘“”–—…]/g, (c) => typography[c] ?? c).replace(/\s+/g, ' ').trim();
}

/** Both lines read as one text. */
export function screenText(screen: ScreenSnapshot): string {
  return normalize(`${screen.lines[0]} ${screen.lines[1]}`);
}

/** Whether the screen shows `expected`: as its whole text, or as one of its lines. */
export function shows(screen: ScreenSnapshot, expected: string): boolean {
  const want = normalize(expected);
  return screenText(screen) === want || normalize(screen.lines[0]) === want || normalize(screen.lines[1]) === want;
}

/** The character under the cursor, or null when no cursor is shown. */
export function charAtCursor(screen: ScreenSnapshot): string | null {
  if (!screen.cursor) return null;
  return screen.lines[screen.cursor.row]?.[screen.cursor.col] ?? ' ';
}

export const glyphs: Record<Key, string> = { UP: '▲', DOWN: '▼', LEFT: '◄', RIGHT: '►', ENTER: '↵' };

/** One line for a transcript: "[line 1 | line 2] ▲▼↵ cursor 1:4". */
export function describeScreen(screen: ScreenSnapshot, maskField = false): string {
  const line2 = maskField ? '•'.repeat(screen.lines[1].length) : screen.lines[1];
  const indicators = screen.indicators.map((k) => glyphs[k]).join('');
  const cursor = screen.cursor ? ` cursor ${screen.cursor.row + 1}:${screen.cursor.col + 1}` : '';
  return `[${screen.lines[0]} | ${line2}]${indicators ? ` ${indicators}` : ''}${cursor}`;
}

const macPattern = /\b([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5})\b/;

/** The MAC address shown anywhere on a terminal's rows ("You will notice the MAC address ... appears"). */
export function macIn(rows: readonly string[]): string | null {
  for (const row of rows) {
    const found = macPattern.exec(row);
    if (found) return found[1]!;
  }
  return null;
}

export function formatTime(ms: number): string {
  const s = ms / 1000;
  return `${Math.floor(s / 60)}:${(s % 60).toFixed(1).padStart(4, '0')}`;
}
