// The indicators: the cells outside the LCD's two lines that change between screens, read as
// tokens, and which token stands for which key (by what changes, else by common conventions).
import type { ConsoleLayout } from '../../../../fixtures/consoles.ts';
import type { Key } from '../../../../fixtures/profiles.ts';
import { keys } from '../../../../fixtures/profiles.ts';
import { gist } from './guide-texts.ts';
import { COLS, ProbeError, ROWS } from './raw-console.ts';

export interface Place { row: number; column: number }

export interface Samples {
  /** The main menu from SETUP NETWORK down to EXIT THIS MENU, then the SETUP NETWORK menu likewise. */
  menus: string[][][];
  /** Screens where only UP and ENTER act (a confirmation). */
  others: string[][];
  /** The field at its first position (UP, DOWN, RIGHT, ENTER), after RIGHT (LEFT too), and back. */
  fieldFirst: string[];
  fieldRight: string[];
  fieldBack: string[];
}

type Indicators = ConsoleLayout['indicators'];

const conventions: Record<Key, string[]> = {
  UP: ['^', '▲', '↑', '∧', '△'],
  DOWN: ['v', 'V', '▼', '↓', '∨', '▽'],
  LEFT: ['<', '◄', '←', '◀', '◁'],
  RIGHT: ['>', '►', '→', '▶', '▷'],
  ENTER: ['#', '↵', '⏎', '*', '●', '•', '□', 'E'],
};

/** The key a token stands for by common conventions (glyphs, or words with or without brackets). */
function byConvention(token: string): Key | null {
  for (const k of keys) if (conventions[k].includes(token)) return k;
  const word = token.replace(/^[[<({]+|[\]>)}]+$/g, '').toUpperCase();
  if ((keys as readonly string[]).includes(word)) return word as Key;
  if (word === 'ENT' || word === 'OK' || word === 'RETURN' || word === 'SELECT') return 'ENTER';
  if (word === 'DN' || word === 'DWN') return 'DOWN';
  if (word === 'LT') return 'LEFT';
  if (word === 'RT') return 'RIGHT';
  return null;
}

/** Cells outside the lines that show two different things once drawn (a cell merely drawn late does not count). */
function changedCells(grids: readonly string[][], outside: (row: number, col: number) => boolean): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let r = 1; r <= ROWS; r++) {
    for (let c = 1; c <= COLS; c++) {
      if (!outside(r, c)) continue;
      let first: string | null = null;
      let changed = false;
      for (const g of grids) {
        const ch = g[r - 1]![c - 1]!;
        if (first === null) {
          if (ch !== ' ') first = ch;
        } else if (ch !== first) {
          changed = true;
          break;
        }
      }
      if (changed) out.set(r, [...(out.get(r) ?? []), c]);
    }
  }
  return out;
}

const intersect = (sets: ReadonlyArray<ReadonlySet<string>>): Set<string> => new Set([...(sets[0] ?? [])].filter((t) => sets.every((s) => s.has(t))));
const minus = (a: ReadonlySet<string>, ...others: ReadonlyArray<ReadonlySet<string>>): Set<string> => new Set([...a].filter((t) => others.every((o) => !o.has(t))));

interface Solution { table: Partial<Record<Key, string>>; byConvention: Key[] }

/**
 * Which token stands for which key: at a menu's first item DOWN and ENTER show, in the middle UP
 * too, at the last UP and ENTER; in a field at its first position RIGHT shows, and after RIGHT,
 * LEFT. Keys the differences leave open (a unit whose menus wrap) are read by convention.
 */
function solve(samples: Samples, tokensOf: (grid: string[]) => string[]): Solution | null {
  const T = (g: string[]) => new Set(tokensOf(g));
  const menuSets = samples.menus.map((m) => m.map(T));
  const allMenu = menuSets.flat();
  const fieldFirst = T(samples.fieldFirst);
  const fieldRight = T(samples.fieldRight);
  const single = (c: Set<string>): string | undefined => (c.size === 1 ? [...c][0] : undefined);
  const enter = single(intersect([...allMenu, ...samples.others.map(T), fieldFirst, fieldRight, T(samples.fieldBack)]));
  const without = (s: Set<string>) => (enter === undefined ? s : minus(s, new Set([enter])));
  const up = new Set<string>();
  const down = new Set<string>();
  for (const m of menuSets) {
    if (m.length < 2) continue;
    for (const t of without(minus(m[1]!, m[0]!))) up.add(t);
    if (m.length >= 3) for (const t of without(minus(intersect([m[0]!, m[1]!]), m[m.length - 1]!))) down.add(t);
  }
  const table: Partial<Record<Key, string>> = {};
  const take = (k: Key, c: Set<string>) => { const t = single(c); if (t !== undefined) table[k] = t; };
  if (enter !== undefined) table.ENTER = enter;
  take('UP', up);
  take('DOWN', down);
  take('RIGHT', without(minus(fieldFirst, ...allMenu)));
  take('LEFT', minus(fieldRight, fieldFirst));
  const seen = new Set([...allMenu, fieldFirst, fieldRight].flatMap((s) => [...s]));
  const used: Key[] = [];
  for (const k of keys) {
    if (table[k] !== undefined) continue;
    const t = [...seen].find((token) => byConvention(token) === k && !Object.values(table).includes(token));
    if (t !== undefined) {
      table[k] = t;
      used.push(k);
    }
  }
  const tokens = Object.values(table);
  if (new Set(tokens).size !== tokens.length) return null;
  return { table, byConvention: used };
}

/** The runs of non-space characters of a row that overlap columns a..b (1-based), as a span. */
function wordSpan(grids: readonly string[][], row: number, a: number, b: number): [number, number] {
  let lo = a;
  let hi = b;
  for (const g of grids) {
    const text = g[row - 1]!;
    for (const m of text.matchAll(/\S+/g)) {
      const start = m.index + 1;
      const end = m.index + m[0].length;
      if (end >= a && start <= b) {
        lo = Math.min(lo, start);
        hi = Math.max(hi, end);
      }
    }
  }
  return [lo, hi];
}

/** Adjacent cells beside a..b that show a character on some screen and never change (an ENTER always in one place). */
function steadyNeighbours(grids: readonly string[][], row: number, a: number, b: number): Array<[number, number]> {
  const steady = (c: number) => c >= 1 && c <= COLS && grids.some((g) => g[row - 1]![c - 1] !== ' ');
  const out: Array<[number, number]> = [];
  let right = b;
  while (right - b < 2 && steady(right + 1)) right++;
  let left = a;
  while (a - left < 2 && steady(left - 1)) left--;
  if (right > b) out.push([a, right]);
  if (left < a) out.push([left, b]);
  if (right > b && left < a) out.push([left, right]);
  return out;
}

export interface IndicatorFinding { indicators: Indicators; byConvention: Key[] }

/** The indicator region and the token of each key, from the screens seen (exported for its tests). */
export function findIndicators(samples: Samples, lines: readonly [Place, Place], width: number, port: string): IndicatorFinding {
  const grids = [...samples.menus.flat(), ...samples.others, samples.fieldFirst, samples.fieldRight, samples.fieldBack];
  const inLine = (r: number, c: number) => lines.some((l) => l.row === r && c >= l.column && c < l.column + width);
  const changed = changedCells(grids, (r, c) => !inLine(r, c));
  const [row, cols] = [...changed.entries()].sort((x, y) => y[1].length - x[1].length)[0] ?? [0, []];
  if (cols.length === 0) throw new ProbeError(`${port}: no cell outside the LCD's two lines changed between menu items: the console shows no navigation indicators`);
  const a = Math.min(...cols);
  const b = Math.max(...cols);
  const slice = (g: string[], lo: number, hi: number) => g[row - 1]!.slice(lo - 1, hi);
  const attempts: Array<{ style: 'glyphs' | 'words'; span: [number, number] }> = [];
  const words = wordSpan(grids, row, a, b);
  const wordTokens = (g: string[]) => slice(g, words[0], words[1]).split(/\s+/).filter((t) => t !== '');
  // Single characters apart are glyphs; longer tokens are words, unless only glyphs side by side make sense of them.
  if (grids.every((g) => wordTokens(g).every((t) => t.length === 1))) attempts.push({ style: 'glyphs', span: words });
  else attempts.push({ style: 'words', span: words });
  attempts.push({ style: 'glyphs', span: [a, b] });
  for (const span of steadyNeighbours(grids, row, a, b)) attempts.push({ style: 'glyphs', span });
  attempts.push({ style: 'glyphs', span: words });
  const tokenizer = (style: 'glyphs' | 'words', [lo, hi]: [number, number]) => (g: string[]) => {
    const text = slice(g, lo, hi);
    return style === 'glyphs' ? [...text].filter((ch) => ch !== ' ') : text.split(/\s+/).filter((t) => t !== '');
  };
  const solved = attempts.map((at) => ({ ...at, solution: solve(samples, tokenizer(at.style, at.span)) }));
  const complete = (s: Solution | null): s is Solution => s !== null && keys.every((k) => s.table[k] !== undefined);
  const best = solved.find((s) => complete(s.solution) && s.solution!.byConvention.length === 0) ?? solved.find((s) => complete(s.solution));
  if (!best) {
    const partial = solved[0]!.solution?.table ?? {};
    const open = keys.filter((k) => partial[k] === undefined);
    throw new ProbeError(`${port}: the indicators on row ${row}, columns ${a}-${b} do not tell which stands for ${open.join(', ') || 'each key'} (they read ${gist([slice(samples.fieldRight, a, b)])})`);
  }
  const table = best.solution!.table as Record<Key, string>;
  const [lo, hi] = best.span;
  const indicators: Indicators = best.style === 'glyphs'
    ? { style: 'glyphs', row, column: lo, width: hi - lo + 1, glyphs: table }
    : { style: 'words', row, column: lo, width: hi - lo + 1, words: table };
  return { indicators, byConvention: best.solution!.byConvention };
}
