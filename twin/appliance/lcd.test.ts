// The two-line LCD: word wrapping, the indicators "in the top right corner", and a check that
// every text the profiles can show fits the 2x20 display without losing a word (ERRATA-011).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FirmwareProfile, HardwareProfile, Key } from '../../fixtures/profiles.ts';
import { isChoiceStep, isConfirmStep, isFieldStep, isLinkStep } from '../../fixtures/profiles.ts';
import { drawLcd, firstLineWidth, layout, wrapTwoLines } from './lcd.ts';
import { loadFirmware } from './firmware.ts';

const generations = ['2017', '2022'] as const;
const order: Key[] = ['UP', 'DOWN', 'LEFT', 'RIGHT', 'ENTER'];
const collapse = (s: string) => s.trim().replace(/\s+/g, ' ');

/** Texts shown on their own (no field line under them), with where they come from. */
function freeTexts(fw: FirmwareProfile): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(fw.texts)) {
    if (typeof value === 'string') out.push([`texts.${key}`, value]);
    else if (Array.isArray(value)) value.forEach((v, i) => out.push([`texts.${key}[${i}]`, v]));
    else if (value) for (const [k, v] of Object.entries(value)) out.push([`texts.${key}.${k}`, v]);
  }
  for (const [name, menu] of Object.entries(fw.menus)) menu.items.forEach((item, i) => out.push([`menus.${name}.items[${i}]`, item.label]));
  for (const [name, flow] of Object.entries(fw.flows)) {
    if (flow.message) out.push([`flows.${name}.message`, flow.message]);
    flow.steps.forEach((step, i) => {
      const where = `flows.${name}.steps[${i}]`;
      if (isConfirmStep(step)) out.push([`${where}.confirm`, step.confirm]);
      if (isChoiceStep(step)) step.choose.forEach((c, j) => out.push([`${where}.choose[${j}]`, c.text]));
      if (isFieldStep(step)) out.push([`${where}.prompt`, step.prompt]);
      if (isLinkStep(step)) {
        out.push([`${where}.prompt`, step.prompt]);
        const editor = fw.editors[step.editor]!;
        const values = editor.kind === 'list' && editor.values ? editor.values : [];
        for (const v of values) out.push([`${where}.confirm + ${v}`, `${step.confirm} ${v}`]);
      }
    });
  }
  // HTTP status codes are three digits: "prxy HTTP/<code>" is at its longest as "prxy HTTP/407".
  const filled = (v: string) => v.replace('{code}', '407');
  if (fw.errors.style === 'long-form') for (const [k, v] of Object.entries(fw.errors.messages)) out.push([`errors.messages.${k}`, filled(v)]);
  else if (fw.errors.style === 'network-err') {
    for (const [k, v] of Object.entries(fw.errors.descriptions)) out.push([`errors.descriptions.${k}`, filled(v)]);
    for (const c of fw.errors.codes) out.push([`errors.title + ${c.code}`, `${fw.errors.title} ${c.code}`]);
  } else {
    for (const c of fw.errors.codes) out.push([`errors.title + ${c.code}`, `${fw.errors.title} ${c.code}`]);
  }
  for (const [k, v] of Object.entries(fw.storageFaults)) if (v.show === 'error') out.push([`storageFaults.${k}`, v.text]);
  for (const [k, v] of Object.entries(fw.refusals)) out.push([`refusals.${k}`, v]);
  return out;
}

/** Texts shown on the first line above a second line of their own (a field, a code, a reason). */
function titleTexts(fw: FirmwareProfile): Array<[string, string, number]> {
  // [where, text, indicators shown with it]
  const out: Array<[string, string, number]> = [];
  for (const [name, flow] of Object.entries(fw.flows)) {
    flow.steps.forEach((step, i) => {
      // A field can show all five indicators ("one column each, up to five": ERRATA-011).
      if (isFieldStep(step) || isLinkStep(step)) out.push([`flows.${name}.steps[${i}].prompt`, step.prompt, 5]);
    });
  }
  // The insert/delete options replace the field's title, with UP, DOWN and ENTER.
  for (const [k, v] of Object.entries(fw.texts.insertDelete ?? {})) out.push([`texts.insertDelete.${k}`, v, 3]);
  // The status screens: DOWN and ENTER.
  out.push(['texts.activationCode', fw.texts.activationCode, 2]);
  if (fw.errors.style === 'network-err') for (const c of fw.errors.codes) out.push([`errors.title + ${c.code}`, `${fw.errors.title} ${c.code}`, 2]);
  return out;
}

/** Texts shown as the second line (under a prompt or an error code). */
function bodyTexts(fw: FirmwareProfile): Array<[string, string]> {
  const out: Array<[string, string]> = Object.entries(fw.refusals).map(([k, v]) => [`refusals.${k}`, v]);
  if (fw.errors.style === 'network-err') for (const [k, v] of Object.entries(fw.errors.descriptions)) out.push([`errors.descriptions.${k}`, v]);
  return out;
}

for (const generation of generations) {
  const { firmware: fw, hardware } = loadFirmware(generation);
  const lcd = hardware.lcd;

  describe(`${generation}: every screen text fits the LCD`, () => {
    test('the LCD has two lines of 20 columns (ERRATA-011)', () => {
      assert.equal(lcd.lines, 2);
      assert.equal(lcd.columns, 20);
    });

    test('property: with 0 to 3 indicators, the two lines re-joined are the whole text', () => {
      const texts = freeTexts(fw);
      assert.ok(texts.length > 50, `${texts.length} texts collected`);
      fc.assert(fc.property(fc.constantFrom(...texts), fc.subarray(order, { maxLength: 3 }), ([where, text], indicators) => {
        const screen = layout({ text, indicators }, lcd);
        const [l1, l2] = screen.lines;
        // "the top right corner of the first line holds the indicator glyphs (one column each,
        // up to five); text on the first line runs up to them" (ERRATA-011).
        const width = 20 - indicators.length;
        assert.ok(l1.length <= width, `${where}: "${l1}" is wider than ${width}`);
        assert.ok(l2.length <= 20, `${where}: "${l2}" is wider than 20`);
        assert.equal(collapse(`${l1} ${l2}`), collapse(text), `${where} with ${indicators.length} indicators loses a word: "${l1}" / "${l2}"`);
        assert.deepEqual(screen.indicators, indicators);
      }), { numRuns: 300 });
      // And exhaustively for the three-indicator case, the narrowest.
      for (const [where, text] of texts) {
        const [l1, l2] = layout({ text, indicators: ['UP', 'DOWN', 'ENTER'] }, lcd).lines;
        assert.equal(collapse(`${l1} ${l2}`), collapse(text), `${where}: "${l1}" / "${l2}"`);
      }
    });

    test('titles above a second line fit the first line next to their indicators', () => {
      const cut: string[] = [];
      for (const [where, text, count] of titleTexts(fw)) {
        const indicators = order.slice(0, count);
        const screen = layout({ text, body: 'X', indicators }, lcd);
        if (screen.lines[0] !== text) cut.push(`${where}: "${text}" (${text.length} characters) next to ${count} indicators shows as "${screen.lines[0]}"`);
      }
      assert.deepEqual(cut, []);
    });

    test('second-line texts (descriptions, refusals) fit 20 columns', () => {
      for (const [where, text] of bodyTexts(fw)) {
        const screen = layout({ text: 'PROMPT', body: text, indicators: [] }, lcd);
        assert.equal(screen.lines[1], text, where);
      }
    });
  });

  describe(`${generation}: layout`, () => {
    test('a confirmation wraps at a word boundary beside the UP and ENTER indicators', () => {
      const screen = layout({ text: 'REALLY SHUTDOWN SYSTEM?', indicators: ['UP', 'ENTER'] }, lcd);
      assert.deepEqual(screen, { lines: ['REALLY SHUTDOWN', 'SYSTEM?'], indicators: ['UP', 'ENTER'], cursor: null });
    });

    test('a text that fits stays on the first line', () => {
      const screen = layout({ text: 'SETUP NETWORK', indicators: ['DOWN', 'ENTER'] }, lcd);
      assert.deepEqual(screen.lines, ['SETUP NETWORK', '']);
    });

    test('without indicators the first line has all 20 columns', () => {
      assert.equal(firstLineWidth(20, 0), 20);
      const screen = layout({ text: 'Qualys Scanner is starting up...', indicators: [] }, lcd);
      assert.deepEqual(screen.lines, ['Qualys Scanner is', 'starting up...']);
      const exact = layout({ text: 'ABCDEFGHIJ KLMNOPQRS', indicators: [] }, lcd);
      assert.deepEqual(exact.lines, ['ABCDEFGHIJ KLMNOPQRS', '']);
    });

    test('the indicators take one column each at the right of the first line (ERRATA-011)', () => {
      for (let k = 0; k <= 5; k++) assert.equal(firstLineWidth(20, k), 20 - k);
    });

    test('a first line may run up to the glyphs: "Insert Character?" beside three indicators', () => {
      const screen = layout({ text: 'Insert Character?', body: 'AB CD', cursor: 2, indicators: ['UP', 'DOWN', 'ENTER'] }, lcd);
      assert.deepEqual(screen.lines, ['Insert Character?', 'AB CD']);
      const [line1] = drawLcd(screen, hardware as HardwareProfile);
      assert.equal(line1, `Insert Character?${hardware.indicatorGlyphs.UP}${hardware.indicatorGlyphs.DOWN}${hardware.indicatorGlyphs.ENTER}`);
    });

    test('drawn, the indicator glyphs sit in the top right corner', () => {
      const glyphs = hardware.indicatorGlyphs;
      for (let k = 0; k <= 5; k++) {
        const indicators = order.slice(0, k);
        const screen = layout({ text: 'REALLY REBOOT SYSTEM?', indicators }, lcd);
        const [line1, line2] = drawLcd(screen, hardware as HardwareProfile);
        assert.equal([...line1].length, 20);
        assert.equal([...line2].length, 20);
        const expected = indicators.map((i) => glyphs[i]).join('');
        assert.ok(line1.endsWith(expected), `"${line1}" ends with "${expected}"`);
        assert.equal([...line1].slice(0, 20 - k).join('').trimEnd(), screen.lines[0], 'the text, then the glyphs');
        assert.ok(line1.startsWith('REALLY REBOOT'));
      }
    });

    test('a field: prompt on the first line, the field on the second, the cursor under its character', () => {
      const screen = layout({ text: 'LAN IP ADDR', body: '194.055.176.002', cursor: 4, indicators: order }, lcd);
      assert.deepEqual(screen, { lines: ['LAN IP ADDR', '194.055.176.002'], indicators: order, cursor: { row: 1, col: 4 } });
      const noCursor = layout({ text: 'LAN NETMASK', body: '255.255.255.000', cursor: null, indicators: ['UP', 'DOWN', 'ENTER'] }, lcd);
      assert.equal(noCursor.cursor, null);
    });

    test('the platform indicator appears in the lower right corner', () => {
      const screen = layout({ text: 'is_john', body: '198.18.10.20', bodyRight: 'US1', indicators: ['DOWN', 'ENTER'] }, lcd);
      const [, line2] = drawLcd(screen, hardware as HardwareProfile);
      assert.ok(line2.startsWith('198.18.10.20'), line2);
      assert.ok(line2.endsWith('US1'), `"${line2}" ends with the indicator`);
      assert.equal(line2.length, 20);
    });

    test('a word longer than the first line is broken where the line ends', () => {
      assert.deepEqual(wrapTwoLines('ABCDEFGHIJKLMNOPQRSTUVWX', 16, 20), ['ABCDEFGHIJKLMNOP', 'QRSTUVWX']);
    });

    test('property: wrapped lines never exceed their widths and keep the words in order', () => {
      const word = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ?.'), minLength: 1, maxLength: 10 });
      fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.integer({ min: 10, max: 20 }), (words, first) => {
        const text = words.join(' ');
        const [l1, l2] = wrapTwoLines(text, first, 20);
        assert.ok(l1.length <= first && l2.length <= 20);
        if (text.length <= first) assert.deepEqual([l1, l2], [text, '']);
        // Whatever fits is the text's beginning, word for word.
        const shown = collapse(`${l1} ${l2}`);
        if (words.every((w) => w.length <= first)) assert.ok(text.startsWith(shown), `"${shown}" begins "${text}"`);
      }), { numRuns: 300 });
    });
  });
}
