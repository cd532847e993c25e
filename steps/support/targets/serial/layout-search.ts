// Where the LCD is on the grid: from the status screen, the main menu and SETUP NETWORK walked
// and a procedure opened at its first field, by the guides' texts alone; the rows and columns
// of the two lines, the LCD's width, the indicators, and whether characters can be typed.
import type { ConsoleLayout } from '../../../../fixtures/consoles.ts';
import { consoleLayoutSchema } from '../../../../fixtures/consoles.ts';
import { validate } from '../../../../fixtures/load.ts';
import type { Key } from '../../../../fixtures/profiles.ts';
import { keys, listGenerations, loadGeneration } from '../../../../fixtures/profiles.ts';
import { normalize } from '../../screens.ts';
import { BOOT_TIMEOUT_MS } from '../../tasks/navigation.ts';
import { generationsFitting } from '../claims.ts';
import type { Found, GuideText } from './guide-texts.ts';
import { classify, gist, ipv4 } from './guide-texts.ts';
import type { IndicatorFinding, Place } from './indicator-search.ts';
import { findIndicators } from './indicator-search.ts';
import type { Cursor, RawConsole } from './raw-console.ts';
import { ProbeError, ROWS } from './raw-console.ts';
import { WAKE_MS } from './session.ts';

/** The unit's state after the waking ENTER, brought to the status screen the guide's way, by its texts alone. */
export async function toStatus(raw: RawConsole, texts: readonly GuideText[], port: string, waitMs = BOOT_TIMEOUT_MS): Promise<Found> {
  const deadline = performance.now() + waitMs;
  for (let guard = 0; guard < 80; guard++) {
    const rows = raw.rows();
    const seen = classify(rows, texts);
    if (!seen) throw new ProbeError(`${port}: the console shows ${gist(rows)}, where no text of any firmware profile (${listGenerations().join(', ')}) appears`);
    const press = async (key: Key) => {
      if (!(await raw.press(key))) throw new ProbeError(`${port}: ${key} on "${seen.text}" got no answer within ${WAKE_MS / 1000} s`);
    };
    switch (seen.kind) {
      case 'name-and-ip':
      case 'activation':
      case 'failure':
      case 'error':
        return seen;
      case 'message':
        // Booting, contacting, a notice: it moves on by itself.
        if (performance.now() > deadline || !(await raw.change(deadline - performance.now()))) {
          throw new ProbeError(`${port}: the console still shows "${seen.text}" after ${Math.round(waitMs / 1000)} s`);
        }
        break;
      case 'exit':
      case 'done-editing':
        await press('ENTER');
        break;
      case 'menu':
      case 'insert-delete':
        await press('DOWN');
        break;
      case 'confirm':
      case 'choice':
      case 'link':
        await press('UP');
        break;
      case 'field':
        if (seen.entry?.storesOnEnter) throw new ProbeError(`${port}: the unit shows the "${seen.text}" field, which ENTER would store: bring it back to its status screen first`);
        await press('ENTER');
        break;
    }
  }
  throw new ProbeError(`${port}: could not get back to the status screen; the console shows ${gist(raw.rows())}`);
}

/** Presses `key` until what the grid shows passes `stop`, and returns it; the grids and labels seen are added to `grids` and `labels`. */
async function walk(raw: RawConsole, texts: readonly GuideText[], key: Key, stop: (f: Found | null) => boolean, grids: string[][], labels: string[], port: string, max = 30): Promise<Found> {
  for (let i = 0; i < max; i++) {
    if (!(await raw.press(key))) throw new ProbeError(`${port}: ${key} in a menu got no answer within ${WAKE_MS / 1000} s; the console shows ${gist(raw.rows())}`);
    const rows = raw.rows();
    grids.push(rows);
    const found = classify(rows, texts);
    labels.push(found?.text ?? '?');
    if (stop(found)) return found!;
  }
  throw new ProbeError(`${port}: ${max} presses of ${key} in a menu did not reach the item wanted; the console shows ${gist(raw.rows())}`);
}

export interface Exploration {
  line1: Place;
  line2: Place;
  /** The LCD's width, from the hardware profile of the provisional generation. */
  width: number;
  /** The generation whose SETUP NETWORK has every label seen (the tasks need one to read screens). */
  provisional: string;
  entry: 'typing' | 'arrows';
  found: IndicatorFinding;
}

/**
 * From the status screen: the main menu and SETUP NETWORK walked down and up, a procedure with a
 * confirmation opened at its first field, RIGHT, LEFT and a typed digit tried there. Ends in the
 * field, its value as it was.
 */
export async function explore(raw: RawConsole, texts: readonly GuideText[], port: string): Promise<Exploration> {
  const fw0 = loadGeneration(listGenerations()[0]!).firmware;
  const mainMenu = fw0.menus[fw0.mainMenu]!;
  const first = normalize(mainMenu.items[0]!.label);
  if (!(await raw.press('DOWN'))) throw new ProbeError(`${port}: DOWN on the status screen got no answer within ${WAKE_MS / 1000} s`);
  const opened = classify(raw.rows(), texts);
  if (opened?.text !== first) throw new ProbeError(`${port}: DOWN on the status screen did not open the main menu at ${first}; the console shows ${gist(raw.rows())}`);
  const line1: Place = { row: opened.row, column: opened.col };
  const mainGrids = [raw.rows()];
  const mainLabels = [opened.text];
  await walk(raw, texts, 'DOWN', (f) => f?.kind === 'exit', mainGrids, mainLabels, port, 12);
  for (let i = 1; i < mainGrids.length; i++) {
    if (!(await raw.press('UP'))) throw new ProbeError(`${port}: UP in the main menu got no answer within ${WAKE_MS / 1000} s`);
  }
  if (classify(raw.rows(), texts)?.text !== first) throw new ProbeError(`${port}: UP did not bring the main menu back to ${first}; the console shows ${gist(raw.rows())}`);

  // The SETUP NETWORK menu, down to EXIT THIS MENU, then back up to a procedure with an IP field and a confirmation.
  if (!(await raw.press('ENTER'))) throw new ProbeError(`${port}: ENTER on ${first} got no answer within ${WAKE_MS / 1000} s`);
  const subGrids = [raw.rows()];
  const subLabels = [classify(raw.rows(), texts)?.text ?? '?'];
  if (classify(raw.rows(), texts)?.kind !== 'exit') await walk(raw, texts, 'DOWN', (f) => f?.kind === 'exit', subGrids, subLabels, port, 30);
  const staticIp = subLabels.findIndex((l) => /^(ENABLE|CHANGE) STATIC IP ON LAN$/.test(l));
  const proxy = subLabels.findIndex((l) => l === 'ENABLE PROXY' || l === 'CHANGE PROXY PARAMS');
  const pick = staticIp >= 0 ? staticIp : proxy;
  if (pick < 0) throw new ProbeError(`${port}: SETUP NETWORK shows neither ENABLE/CHANGE STATIC IP ON LAN nor ENABLE PROXY/CHANGE PROXY PARAMS (it shows ${subLabels.join(' / ')}): no field to find the cursor in`);
  for (let i = subLabels.length - 1; i > pick; i--) {
    if (!(await raw.press('UP'))) throw new ProbeError(`${port}: UP in SETUP NETWORK got no answer within ${WAKE_MS / 1000} s`);
  }
  if (classify(raw.rows(), texts)?.text !== subLabels[pick]) throw new ProbeError(`${port}: UP did not bring SETUP NETWORK back to ${subLabels[pick]}; the console shows ${gist(raw.rows())}`);
  // A provisional generation for the tasks: the one whose SETUP NETWORK has every label seen.
  const fitting = generationsFitting(subLabels.filter((l) => l !== '?'));
  const provisional = fitting[0] ?? listGenerations().find((g) => loadGeneration(g).firmware.scope === 'all')!;

  // ENTER, then ENTER at the confirmation ("CFG LAN STATIC NETWORK PARAMS?", "CONFIG PROXY PARAMETERS").
  if (!(await raw.press('ENTER'))) throw new ProbeError(`${port}: ENTER on ${subLabels[pick]} got no answer within ${WAKE_MS / 1000} s`);
  const confirm = classify(raw.rows(), texts);
  if (confirm?.kind !== 'confirm') throw new ProbeError(`${port}: ENTER on ${subLabels[pick]} showed ${gist(raw.rows())}, not the procedure's confirmation`);
  const others = [raw.rows()];
  if (!(await raw.press('ENTER'))) throw new ProbeError(`${port}: ENTER on "${confirm.text}" got no answer within ${WAKE_MS / 1000} s`);
  const field = classify(raw.rows(), texts);
  if (field?.kind !== 'field') throw new ProbeError(`${port}: ENTER on "${confirm.text}" showed ${gist(raw.rows())}, not an entry field`);
  if (field.row !== line1.row) throw new ProbeError(`${port}: the "${field.text}" prompt is on row ${field.row}, menu labels on row ${line1.row}: the LCD's first line is not where it was`);

  // 4. The field: its value is the second line, the terminal's cursor on its first character.
  const fieldFirst = raw.rows();
  const cursor = raw.cursor();
  const valueRow = [cursor.row, ...Array.from({ length: ROWS }, (_, i) => i + 1)].find((r) => r !== line1.row && ipv4.test(fieldFirst[r - 1]!));
  const line2Row = cursor.visible && cursor.row !== line1.row ? cursor.row : valueRow;
  if (line2Row === undefined) throw new ProbeError(`${port}: the "${field.text}" field shows no value below its prompt and no cursor; the console shows ${gist(fieldFirst)}`);
  const value = ipv4.exec(fieldFirst[line2Row - 1]!);
  const line2: Place = { row: line2Row, column: value && (!cursor.visible || value.index + 1 <= cursor.col) ? value.index + 1 : cursor.col };
  const generation0 = loadGeneration(provisional);
  const width = generation0.hardware.lcd.columns;
  const inLine2 = (c: Cursor) => c.visible && c.row === line2.row && c.col >= line2.column && c.col < line2.column + width;
  if (!inLine2(cursor)) {
    throw new ProbeError(`${port}: the console shows no cursor in the "${field.text}" field (the terminal's cursor is ${cursor.visible ? `at row ${cursor.row}, column ${cursor.col}` : 'hidden'}; the field's value is on row ${line2.row} from column ${line2.column})`);
  }
  // "Left and Right arrow buttons move the cursor to left/right in an entry field."
  if (!(await raw.press('RIGHT'))) throw new ProbeError(`${port}: RIGHT in the "${field.text}" field got no answer within ${WAKE_MS / 1000} s`);
  const fieldRight = raw.rows();
  if (!(await raw.press('LEFT'))) throw new ProbeError(`${port}: LEFT in the "${field.text}" field got no answer within ${WAKE_MS / 1000} s`);
  const fieldBack = raw.rows();
  const home = raw.cursor();
  if (home.col !== cursor.col || home.row !== cursor.row) throw new ProbeError(`${port}: RIGHT then LEFT did not bring the cursor back to the first position of the "${field.text}" field`);

  // "Using the Remote Console interface you have the option ... to use your keyboard to enter characters":
  // one digit typed, then the character that was there typed back, nothing confirmed.
  const at = (rows: string[], c: Cursor) => rows[c.row - 1]![c.col - 1]!;
  const original = at(fieldBack, home);
  const digit = original === '0' ? '1' : '0';
  await raw.send(digit, 2000);
  let entry: 'typing' | 'arrows' = 'arrows';
  if (at(raw.rows(), home) === digit) {
    entry = 'typing';
    const moved = raw.cursor().col !== home.col;
    if (moved) await raw.press('LEFT');
    await raw.send(original, 2000);
    if (moved) await raw.press('LEFT');
    const now = raw.rows();
    const span = (rows: string[]) => rows[line2.row - 1]!.slice(line2.column - 1, line2.column - 1 + width);
    if (span(now) !== span(fieldBack)) throw new ProbeError(`${port}: the "${field.text}" field could not be put back after the typing test (it shows "${span(now).trim()}", was "${span(fieldBack).trim()}"); nothing was confirmed`);
  }

  // 5. The indicators.
  const lines: [Place, Place] = [line1, line2];
  const found = findIndicators({ menus: [mainGrids, subGrids], others, fieldFirst, fieldRight, fieldBack }, lines, width, port);
  return { line1, line2, width, provisional, entry, found };
}

/** The layout found, written out as a console layout (checked as fixtures/consoles/ are). */
export function layoutOf(port: string, { line1, line2, found }: Exploration, width: number): ConsoleLayout {
  const ind = found.indicators;
  const tokens = keys.map((k) => (ind.style === 'glyphs' ? ind.glyphs[k] : ind.words[k])).join(' ');
  return validate(consoleLayoutSchema, {
    name: 'probed',
    description: `Found by npm run probe on ${port}: the LCD's lines at row ${line1.row} column ${line1.column} and row ${line2.row} column ${line2.column}, `
      + `indicator ${ind.style} ${tokens} on row ${ind.row} from column ${ind.column}${found.byConvention.length ? ` (${found.byConvention.join(', ')} by convention)` : ''}`,
    lines: [line1, line2],
    width,
    indicators: ind,
    cursor: 'terminal',
  }, `the layout found on ${port}`);
}

