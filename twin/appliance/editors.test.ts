// Unit and property tests of the field editors ("Entering Information" in both guides). Expected
// values come from the guides' text and tables (quoted next to each test) and from the errata
// register's readings, never from the editors' own output.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { EditorSpec, FirmwareProfile } from '../../fixtures/profiles.ts';
import { expandAlphabet, listValues, scrollCycle } from '../../fixtures/field-values.ts';
import type { Editor, EditorKey, EditResult, FieldView } from './editors.ts';
import { createEditor } from './editors.ts';
import { loadFirmware } from './firmware.ts';

const generations = ['2017', '2022'] as const;
type TextSpec = Extract<EditorSpec, { kind: 'text' }>;
type DigitsSpec = Extract<EditorSpec, { kind: 'digits' }>;
type ListSpec = Extract<EditorSpec, { kind: 'list' }>;

const allKeys: readonly EditorKey[] = ['UP', 'DOWN', 'LEFT', 'RIGHT', 'ENTER', 'LEFT+RIGHT'];
const indicatorKeys = ['UP', 'DOWN', 'LEFT', 'RIGHT', 'ENTER'] as const;

const lower = [...'abcdefghijklmnopqrstuvwxyz'];
const upper = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const digits = [...'0123456789'];
/**
 * "Special Characters in the PROXY PASSW field", orders 1 to 30 as the 2017 table prints them
 * (27 is the ASCII double quote: ERRATA-030; the 2022 table's garbled rows read the same:
 * ERRATA-032).
 */
const passwordTable = ['_', '-', '\\', '/', '|', '~', '!', '?', '@', '#', '$', '%', '^', '&', '*',
  '+', '=', '(', ')', '{', '}', '[', ']', '<', '>', ';', '"', '`', ',', '.'];

/**
 * "Starting from the space character, the characters appear in this order: lowercase letters (a
 * to z), space, numbers (0 to 9), underscore, special characters (for Proxy user name and
 * password only), uppercase letters (A to Z)." The underscore is character 1 of the table
 * (ERRATA-034); 2022 places the colon after the table (ERRATA-031).
 */
function documentedUpOrder(generation: string): string[] {
  return [' ', ...lower, ' ', ...digits, ...passwordTable, ...(generation === '2022' ? [':'] : []), ...upper];
}

interface Loaded {
  generation: string;
  fw: FirmwareProfile;
  window: number;
}

function load(generation: string): Loaded {
  const g = loadFirmware(generation);
  return { generation, fw: g.firmware, window: g.hardware.lcd.fieldWindow };
}

function editorsOf(l: Loaded, kind?: EditorSpec['kind']): Array<[string, EditorSpec]> {
  return Object.entries(l.fw.editors).filter(([, s]) => kind === undefined || s.kind === kind);
}

function textEditors(l: Loaded): Array<[string, TextSpec]> {
  return editorsOf(l, 'text') as Array<[string, TextSpec]>;
}

function textSpec(l: Loaded, name: string): TextSpec {
  const spec = l.fw.editors[name];
  assert.ok(spec && spec.kind === 'text', `${l.generation} has a text editor ${name}`);
  return spec;
}

function press(editor: Editor, keys: readonly EditorKey[]): EditResult[] {
  return keys.map((k) => editor.press(k));
}

/** Every press of `keys` keeps editing (no key ends or refuses the entry on the way). */
function pressAll(editor: Editor, keys: readonly EditorKey[]): void {
  press(editor, keys).forEach((r, i) => assert.deepEqual(r, { kind: 'editing' }, `press ${i} (${keys[i]})`));
}

function typeAll(editor: Editor, text: string): void {
  for (const ch of text) assert.deepEqual(editor.type(ch), { kind: 'editing' }, `typing ${JSON.stringify(ch)}`);
}

function repeat(key: EditorKey, n: number): EditorKey[] {
  return Array.from({ length: n }, () => key);
}

/**
 * The presses that enter `value` into a blank text field: for each character UP or DOWN from the
 * blank (space) through the field's scroll cycle, then RIGHT to the next position. Fields with
 * insert/delete (2022) scroll with UP only: DOWN opens the options there (ERRATA-044).
 */
function planText(l: Loaded, spec: TextSpec, value: string, useDown: readonly boolean[]): EditorKey[] {
  const cycle = scrollCycle(l.fw, expandAlphabet(spec.alphabet));
  const keys: EditorKey[] = [];
  [...value].forEach((ch, i) => {
    if (i > 0) keys.push('RIGHT');
    const up = cycle.indexOf(ch);
    assert.ok(up > 0, `${JSON.stringify(ch)} is in the scroll cycle`);
    const down = !spec.insertDelete && (useDown[i % Math.max(1, useDown.length)] ?? false);
    keys.push(...(down ? repeat('DOWN', cycle.length - up) : repeat('UP', up)));
  });
  return keys;
}

/** The presses that turn the digits of `from` into those of `to` (same layout, dots skipped). */
function planDigits(from: string, to: string, useDown: readonly boolean[]): EditorKey[] {
  assert.equal(from.length, to.length);
  const positions = [...from].flatMap((c, i) => (/\d/.test(c) ? [i] : []));
  const keys: EditorKey[] = [];
  positions.forEach((p, i) => {
    if (i > 0) keys.push('RIGHT');
    const a = Number(from[p]);
    const b = Number(to[p]);
    const down = useDown[i % Math.max(1, useDown.length)] ?? false;
    keys.push(...(down ? repeat('DOWN', (a - b + 10) % 10) : repeat('UP', (b - a + 10) % 10)));
  });
  return keys;
}

/** "194.55.176.2" -> "194.055.176.002" (the guide's example of the nnn.nnn.nnn.nnn format). */
function pad(address: string): string {
  return address.split('.').map((o) => o.padStart(3, '0')).join('.');
}

// ---------------------------------------------------------------------------------------------
// Value generators

function charsOf(spec: TextSpec): string[] {
  return [...expandAlphabet(spec.alphabet)].filter((c) => c !== ' ');
}

function wordOver(chars: readonly string[], minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...chars), { minLength, maxLength }).map((a) => a.join(''));
}

const alnumUpper = [...upper, ...digits];

/** An FQDN of upper-case letters, digits and hyphens ("Supported characters for FQDN: Upper case letters, numbers, dot (.) and hyphen (-)"). */
function fqdn(maxLength: number): fc.Arbitrary<string> {
  const inner = fc.tuple(fc.constantFrom(...alnumUpper), wordOver([...alnumUpper, '-'], 0, 8), fc.constantFrom(...alnumUpper))
    .map(([a, mid, b]) => `${a}${mid}${b}`);
  const label = fc.oneof(fc.constantFrom(...alnumUpper), inner);
  return fc.array(label, { minLength: 1, maxLength: 5 }).map((ls) => ls.join('.'))
    .filter((v) => /[A-Z]/.test(v) && v.length <= maxLength);
}

/** An IPv6 address in expanded or compressed form, hex digits in either case. */
function ipv6(maxLength: number): fc.Arbitrary<string> {
  return fc.tuple(fc.ipV6(), fc.array(fc.boolean(), { minLength: 45, maxLength: 45 }))
    .filter(([a]) => !a.includes('.') && a.length <= maxLength)
    .map(([a, upperCase]) => [...a].map((c, i) => (upperCase[i] ? c.toUpperCase() : c)).join(''));
}

/** Values the field must accept: any word of its characters, or, for fields with a syntax, a valid entry. */
function validValue(spec: TextSpec): fc.Arbitrary<string> {
  const allowed = expandAlphabet(spec.alphabet);
  const inSet = (v: string) => [...v].every((c) => allowed.has(c));
  switch (spec.syntax) {
    case 'any': return wordOver(charsOf(spec), 1, spec.maxLength);
    case 'host-ipv4': return fc.oneof(fqdn(spec.maxLength), fc.ipV4()).filter(inSet);
    case 'host-ipv6': return fc.oneof(fqdn(spec.maxLength), ipv6(spec.maxLength)).filter(inSet);
    case 'ipv6': return ipv6(spec.maxLength).filter(inSet);
  }
}

/** A starting value for any editor: what a stored setting could hold. */
function initialFor(spec: EditorSpec): fc.Arbitrary<string> {
  switch (spec.kind) {
    case 'ipv4': return fc.oneof(fc.constant(''), fc.ipV4());
    case 'digits': return fc.integer({ min: spec.min, max: spec.max }).map(String);
    case 'list': return fc.constantFrom(...listValues(spec));
    case 'view': return fc.oneof(fc.constant(''), fc.ipV6(), fc.integer({ min: 1, max: 128 }).map(String));
    case 'text': return fc.oneof(
      fc.constant(''),
      wordOver(charsOf(spec), 1, spec.maxLength),
      wordOver(charsOf(spec), spec.maxLength, spec.maxLength),
    );
  }
}

type Action = { key: EditorKey } | { char: string };

function replay(make: () => Editor, actions: readonly Action[]): Editor {
  const editor = make();
  for (const a of actions) {
    if ('key' in a) editor.press(a.key);
    else editor.type(a.char);
  }
  return editor;
}

// ---------------------------------------------------------------------------------------------

for (const generation of generations) {
  const l = load(generation);

  describe(`${generation} editors: any value within a field's limits can be entered`, () => {
    for (const [name, spec] of textEditors(l)) {
      test(`${name}: keyed in with UP/DOWN/RIGHT from the documented scroll order, it reads back on ENTER`, () => {
        fc.assert(fc.property(validValue(spec), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (value, dirs) => {
          const editor = createEditor(l.fw, spec, l.window, '');
          pressAll(editor, planText(l, spec, value, dirs));
          assert.deepEqual(editor.press('ENTER'), { kind: 'done', value });
        }), { numRuns: 150 });
      });

      test(`${name}: typed on the remote console, it reads back on ENTER`, () => {
        fc.assert(fc.property(validValue(spec), (value) => {
          const editor = createEditor(l.fw, spec, l.window, '');
          typeAll(editor, value);
          assert.deepEqual(editor.press('ENTER'), { kind: 'done', value });
        }), { numRuns: 150 });
      });
    }

    for (const [name, spec] of editorsOf(l, 'ipv4')) {
      test(`${name}: any IPv4 address, keyed over any pre-filled address, reads back on ENTER`, () => {
        fc.assert(fc.property(fc.ipV4(), fc.ipV4(), fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }), (initial, target, dirs) => {
          const editor = createEditor(l.fw, spec, l.window, initial);
          assert.equal(editor.view().text, pad(initial), 'pre-filled as nnn.nnn.nnn.nnn');
          pressAll(editor, planDigits(pad(initial), pad(target), dirs));
          assert.equal(editor.view().text, pad(target));
          assert.deepEqual(editor.press('ENTER'), { kind: 'done', value: target });
        }), { numRuns: 200 });
      });

      test(`${name}: typed digits ("194.055.176.002") read back`, () => {
        fc.assert(fc.property(fc.ipV4(), fc.ipV4(), (initial, target) => {
          const editor = createEditor(l.fw, spec, l.window, initial);
          typeAll(editor, pad(target).replaceAll('.', ''));
          assert.deepEqual(editor.press('ENTER'), { kind: 'done', value: target });
        }), { numRuns: 150 });
      });
    }

    for (const [name, spec] of editorsOf(l, 'digits') as Array<[string, DigitsSpec]>) {
      test(`${name}: any number ${spec.min}..${spec.max} reads back on ENTER`, () => {
        fc.assert(fc.property(
          fc.integer({ min: spec.min, max: spec.max }), fc.integer({ min: spec.min, max: spec.max }), fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
          (initial, target, dirs) => {
            const editor = createEditor(l.fw, spec, l.window, String(initial));
            const from = String(initial).padStart(spec.digits, '0');
            assert.equal(editor.view().text, from);
            pressAll(editor, planDigits(from, String(target).padStart(spec.digits, '0'), dirs));
            assert.deepEqual(editor.press('ENTER'), { kind: 'done', value: String(target) });
          },
        ), { numRuns: 200 });
      });

      test(`${name}: typed digits read back`, () => {
        fc.assert(fc.property(fc.integer({ min: spec.min, max: spec.max }), (target) => {
          const editor = createEditor(l.fw, spec, l.window, '');
          typeAll(editor, String(target).padStart(spec.digits, '0'));
          assert.deepEqual(editor.press('ENTER'), { kind: 'done', value: String(target) });
        }), { numRuns: 100 });
      });
    }
  });

  describe(`${generation} editors: no character outside a field's set can be entered`, () => {
    for (const [name, spec] of editorsOf(l)) {
      if (spec.kind === 'view') continue;
      const allowedOnScreen: (c: string) => boolean = spec.kind === 'text'
        ? ((set) => (c: string) => c === ' ' || set.has(c))(expandAlphabet(spec.alphabet))
        : (c) => /[0-9.]/.test(c) || spec.kind === 'list';
      const action: fc.Arbitrary<Action> = fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...allKeys).map((key) => ({ key })) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).map((char) => ({ char })) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }).map((char) => ({ char })) },
      );
      test(`${name}: any keys and typed characters keep the field within its set`, () => {
        fc.assert(fc.property(initialFor(spec), fc.array(action, { maxLength: 80 }), (initial, actions) => {
          const editor = createEditor(l.fw, spec, l.window, initial);
          for (const a of actions) {
            const before = editor.view();
            const result = 'key' in a ? editor.press(a.key) : editor.type(a.char);
            const view = editor.view();
            for (const c of view.text) assert.ok(allowedOnScreen(c), `${JSON.stringify(c)} shown in ${JSON.stringify(view.text)}`);
            if (spec.kind === 'list') assert.ok(listValues(spec).includes(view.text), `${view.text} is a listed value`);
            if ('char' in a && !allowedOnScreen(a.char)) {
              assert.deepEqual(result, { kind: 'ignored' }, `typed ${JSON.stringify(a.char)} is ignored`);
              assert.deepEqual(view, before);
            }
            if (result.kind === 'done') {
              if (spec.kind === 'text') {
                const set = expandAlphabet(spec.alphabet);
                for (const c of result.value) assert.ok(set.has(c) || (c === ' ' && spec.embeddedSpaces === 'keep'), `${JSON.stringify(c)} in the value`);
                assert.ok(result.value.length <= spec.maxLength);
              } else if (spec.kind === 'digits') {
                const n = Number(result.value);
                assert.ok(Number.isInteger(n) && n >= spec.min && n <= spec.max, `${result.value} within ${spec.min}..${spec.max}`);
              } else if (spec.kind === 'ipv4') {
                assert.match(result.value, /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/);
              } else {
                assert.ok(listValues(spec).includes(result.value));
              }
              return;
            }
          }
        }), { numRuns: 150 });
      });
    }
  });

  describe(`${generation} editors: the indicators are the keys that act`, () => {
    for (const [name, spec] of editorsOf(l)) {
      const chars = spec.kind === 'text' ? charsOf(spec) : digits;
      const action: fc.Arbitrary<Action> = fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom<EditorKey>('UP', 'DOWN', 'LEFT', 'RIGHT', 'LEFT+RIGHT').map((key) => ({ key })) },
        { weight: 1, arbitrary: fc.constantFrom(...chars, ' ').map((char) => ({ char })) },
      );
      test(`${name}: a key is shown iff pressing it changes the view or ends the edit`, () => {
        fc.assert(fc.property(initialFor(spec), fc.array(action, { maxLength: 60 }), (initial, actions) => {
          const make = () => createEditor(l.fw, spec, l.window, initial);
          const state = replay(make, actions);
          const before: FieldView = state.view();
          const shown = state.acts();
          for (const key of indicatorKeys) {
            const copy = replay(make, actions);
            assert.deepEqual(copy.view(), before, 'replaying the same keys gives the same state');
            const result = copy.press(key);
            const acts = result.kind === 'done' || result.kind === 'refused' || JSON.stringify(copy.view()) !== JSON.stringify(before);
            assert.equal(shown.includes(key), acts, `${key} ${acts ? 'acts' : 'does nothing'} at ${JSON.stringify(before)} but indicators are ${shown.join(',')}`);
          }
        }), { numRuns: 200 });
      });
    }
  });

  describe(`${generation} LAN NETMASK`, () => {
    /**
     * "Scrolling netmask values in the Netmask field", orders 1 to 30 ("If you press the Down
     * arrow, the values appear in this order"); order 21 (/4) is 240.000.000.000 (ERRATA-002).
     */
    const table = [
      '255.255.255.000', '255.255.254.000', '255.255.252.000', '255.255.248.000', '255.255.240.000',
      '255.255.224.000', '255.255.192.000', '255.255.128.000', '255.255.000.000', '255.254.000.000',
      '255.252.000.000', '255.248.000.000', '255.240.000.000', '255.224.000.000', '255.192.000.000',
      '255.128.000.000', '255.000.000.000', '254.000.000.000', '252.000.000.000', '248.000.000.000',
      '240.000.000.000', '224.000.000.000', '192.000.000.000', '128.000.000.000', '255.255.255.252',
      '255.255.255.248', '255.255.255.240', '255.255.255.224', '255.255.255.192', '255.255.255.128',
    ];
    const spec = l.fw.editors['netmask']!;
    const make = () => createEditor(l.fw, spec, l.window, '255.255.255.000');

    test('"At first, the netmask 255.255.255.000 appears"; no cursor, no characters to enter', () => {
      const editor = make();
      assert.deepEqual(editor.view(), { text: '255.255.255.000', cursor: null });
      assert.deepEqual(editor.acts(), ['UP', 'DOWN', 'ENTER']);
      assert.deepEqual(editor.type('1'), { kind: 'ignored' });
      assert.deepEqual(editor.press('LEFT'), { kind: 'ignored' });
      assert.deepEqual(editor.press('RIGHT'), { kind: 'ignored' });
    });

    test('DOWN visits the 30 values in the table\'s order and wraps', () => {
      const editor = make();
      const seen = [editor.view().text];
      for (let i = 0; i < 30; i++) {
        editor.press('DOWN');
        seen.push(editor.view().text);
      }
      assert.deepEqual(seen, [...table, table[0]]);
      assert.equal(new Set(seen).size, 30);
    });

    test('UP visits them in reverse: "255.255.255.000, 255.255.255.128, 255.255.255.192"...', () => {
      const editor = make();
      const seen = [editor.view().text];
      for (let i = 0; i < 30; i++) {
        editor.press('UP');
        seen.push(editor.view().text);
      }
      assert.deepEqual(seen.slice(0, 3), ['255.255.255.000', '255.255.255.128', '255.255.255.192']);
      assert.deepEqual(seen, [table[0], ...[...table].reverse()]);
    });

    test('ENTER takes the value shown; 255.000.000.000 appears once and 240.000.000.000 once', () => {
      for (let i = 0; i < 30; i++) {
        const editor = make();
        press(editor, repeat('DOWN', i));
        assert.deepEqual(editor.press('ENTER'), { kind: 'done', value: table[i] });
      }
      assert.deepEqual(listValues(spec as ListSpec), table);
    });
  });

  describe(`${generation} scroll order of characters`, () => {
    for (const [name, spec] of textEditors(l)) {
      const allowed = expandAlphabet(spec.alphabet);
      // The documented order, narrowed to the field's characters (the space is always offered).
      const narrowed = documentedUpOrder(generation).filter((c) => c === ' ' || allowed.has(c))
        .filter((c, i, a) => !(c === ' ' && a[i - 1] === ' '));
      const upFromBlank = [...narrowed.slice(1), ' '];
      test(`${name}: UP from a blank position gives the guide's ascending order, then the space again`, () => {
        const editor = createEditor(l.fw, spec, l.window, '');
        const seen: string[] = [];
        for (let i = 0; i < upFromBlank.length; i++) {
          editor.press('UP');
          seen.push(editor.view().text[0]!);
        }
        assert.deepEqual(seen, upFromBlank);
      });
      if (!spec.insertDelete) {
        test(`${name}: DOWN from a blank position gives the descending order ("uppercase letters (Z to A), special characters ..., underscore, numbers (9 to 0), space, lowercase letters (z to a)")`, () => {
          const editor = createEditor(l.fw, spec, l.window, '');
          const seen: string[] = [];
          for (let i = 0; i < upFromBlank.length; i++) {
            editor.press('DOWN');
            seen.push(editor.view().text[0]!);
          }
          assert.deepEqual(seen, [...narrowed.slice(1)].reverse().concat(' '));
        });
      }
    }

    test('PROXY PASSW: UP scrolls a..z, space, 0..9, then the 30 table characters in order, then A..Z', () => {
      const spec = textSpec(l, 'proxy-password');
      const editor = createEditor(l.fw, spec, l.window, '');
      const expected = [...lower, ' ', ...digits, ...passwordTable, ...upper, ' '];
      const seen = expected.map(() => {
        editor.press('UP');
        return editor.view().text[0]!;
      });
      assert.deepEqual(seen, expected);
      assert.equal(expected.length, 26 + 1 + 10 + 30 + 26 + 1);
    });

    test('PROXY PASSW: DOWN scrolls Z..A, characters 30 to 1, 9..0, space, z..a', () => {
      const spec = textSpec(l, 'proxy-password');
      const editor = createEditor(l.fw, spec, l.window, '');
      const expected = [...[...upper].reverse(), ...[...passwordTable].reverse(), ...[...digits].reverse(), ' ', ...[...lower].reverse(), ' '];
      const seen = expected.map(() => {
        editor.press('DOWN');
        return editor.view().text[0]!;
      });
      assert.deepEqual(seen, expected);
    });

    test('PROXY USER: the special characters are "underscore (_), dash (-), backslash (\\), period (.), at sign (@)", in the table\'s order (ERRATA-004)', () => {
      const spec = textSpec(l, 'proxy-user');
      const editor = createEditor(l.fw, spec, l.window, '');
      const expected = [...lower, ' ', ...digits, '_', '-', '\\', '@', '.', ...upper, ' '];
      const seen = expected.map(() => {
        editor.press('UP');
        return editor.view().text[0]!;
      });
      assert.deepEqual(seen, expected);
    });

    test('domain: "uppercase letters, numbers, underscore(_), and period (.)" only (ERRATA-003)', () => {
      const spec = textSpec(l, 'domain');
      assert.deepEqual([...expandAlphabet(spec.alphabet)].sort(), [...upper, ...digits, '_', '.'].sort());
    });
  });

  describe(`${generation} text fields: window, lengths, spaces, clearing`, () => {
    test('the LCD shows a 16-character window of long fields ("The screen displays 16 characters")', () => {
      assert.equal(l.window, 16);
    });

    for (const [name, sample] of [['domain', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'], ['proxy-user', 'abcdefghijklmnopqrstuvwxyz012345']] as const) {
      test(`${name}: the first character is hidden when the 17th is entered, and the entry scrolls left`, () => {
        const spec = textSpec(l, name);
        const editor = createEditor(l.fw, spec, l.window, '');
        pressAll(editor, planText(l, spec, sample.slice(0, 16), [false]));
        assert.deepEqual(editor.view(), { text: sample.slice(0, 16), cursor: 15 });
        pressAll(editor, planText(l, spec, sample.slice(0, 17), [false]).slice(planText(l, spec, sample.slice(0, 16), [false]).length));
        assert.deepEqual(editor.view(), { text: sample.slice(1, 17), cursor: 15 });
        const rest = planText(l, spec, sample, [false]).slice(planText(l, spec, sample.slice(0, 17), [false]).length);
        pressAll(editor, rest);
        assert.deepEqual(editor.view(), { text: sample.slice(16, 32), cursor: 15 });
        // Going back to the start shows the first 16 characters again.
        pressAll(editor, repeat('LEFT', 31));
        assert.deepEqual(editor.view(), { text: sample.slice(0, 16), cursor: 0 });
        assert.deepEqual(editor.press('ENTER'), { kind: 'done', value: sample });
      });
    }

    for (const [name, max] of [['domain', 32], ['proxy-user', 32], ['proxy-password', 16]] as const) {
      test(`${name}: at most ${max} characters`, () => {
        const spec = textSpec(l, name);
        assert.equal(spec.maxLength, max);
        const editor = createEditor(l.fw, spec, l.window, '');
        let moves = 0;
        while (editor.press('RIGHT').kind === 'editing') moves++;
        assert.equal(moves + 1, max, 'positions the cursor can reach');
        assert.ok(!editor.acts().includes('RIGHT'));
        const typed = createEditor(l.fw, spec, l.window, '');
        const ch = charsOf(spec).find((c) => /[A-Z]/.test(c))!;
        for (let i = 0; i < max + 5; i++) typed.type(ch);
        const result = typed.press('ENTER');
        assert.deepEqual(result, { kind: 'done', value: ch.repeat(max) });
      });
    }

    test('domain and proxy user: a space inside the entry removes characters; spaces around it are dropped (ERRATA-041)', () => {
      for (const [name, entry, value] of [['domain', 'MY DOMAIN.COM', 'MYDOMAIN.COM'], ['proxy-user', 'dom\\ us er', 'dom\\user']] as const) {
        const editor = createEditor(l.fw, textSpec(l, name), l.window, '');
        typeAll(editor, `  ${entry}`);
        assert.deepEqual(editor.press('ENTER'), { kind: 'done', value }, name);
      }
    });

    test('proxy password: spaces around the entry are padding (ERRATA-041)', () => {
      const editor = createEditor(l.fw, textSpec(l, 'proxy-password'), l.window, '');
      typeAll(editor, '  s3cr#t');
      assert.deepEqual(editor.press('ENTER'), { kind: 'done', value: 's3cr#t' });
    });

    if (generation === '2017') {
      test('proxy password keeps an embedded space ("except in the Proxy password field")', () => {
        const editor = createEditor(l.fw, textSpec(l, 'proxy-password'), l.window, '');
        typeAll(editor, 'ab cd');
        assert.deepEqual(editor.press('ENTER'), { kind: 'done', value: 'ab cd' });
      });
    } else {
      test('proxy password refuses an embedded space and stays on screen (ERRATA-008)', () => {
        const editor = createEditor(l.fw, textSpec(l, 'proxy-password'), l.window, '');
        typeAll(editor, 'ab cd');
        const before = editor.view();
        const result = editor.press('ENTER');
        assert.equal(result.kind, 'refused');
        assert.deepEqual(editor.view(), before);
        // Without the space the same password is accepted.
        const fixed = createEditor(l.fw, textSpec(l, 'proxy-password'), l.window, '');
        typeAll(fixed, 'abcd');
        assert.deepEqual(fixed.press('ENTER'), { kind: 'done', value: 'abcd' });
      });
    }

    test('LEFT and RIGHT together clear the domain entry and put the cursor first (ERRATA-040)', () => {
      const editor = createEditor(l.fw, textSpec(l, 'domain'), l.window, 'MYDOMAIN.COM');
      pressAll(editor, ['RIGHT', 'RIGHT', 'RIGHT']);
      assert.deepEqual(editor.press('LEFT+RIGHT'), { kind: 'editing' });
      assert.deepEqual(editor.view(), { text: ' '.repeat(16), cursor: 0 });
      assert.ok(editor.blank());
      assert.deepEqual(editor.press('ENTER'), { kind: 'done', value: '' });
    });

    test('LEFT and RIGHT together do nothing in any other field', () => {
      for (const [name, spec] of editorsOf(l)) {
        if (name === 'domain') continue;
        fc.assert(fc.property(initialFor(spec), (initial) => {
          const editor = createEditor(l.fw, spec, l.window, initial);
          const before = editor.view();
          assert.deepEqual(editor.press('LEFT+RIGHT'), { kind: 'ignored' }, name);
          assert.deepEqual(editor.view(), before, name);
        }), { numRuns: 20 });
      }
    });
  });

  if (generation === '2022') {
    describe('2022 inserting and deleting characters (PROXY HOST and WINS DOMAIN)', () => {
      const texts = { deletePrevious: 'Delete Previous?', insertCharacter: 'Insert Character?', doneEditing: 'Done editing?' };

      test('"This is supported for PROXY HOST and WINS DOMAIN" and no other field', () => {
        const withMenu = textEditors(l).filter(([, s]) => s.insertDelete).map(([n]) => n).sort();
        assert.deepEqual(withMenu, ['domain', 'proxy-host', 'proxy-host-v6']);
        // In the other text fields DOWN scrolls characters.
        for (const [name, spec] of textEditors(l).filter(([, s]) => !s.insertDelete)) {
          const editor = createEditor(l.fw, spec, l.window, '');
          editor.press('DOWN');
          assert.equal(editor.view().title, undefined, name);
          assert.notEqual(editor.view().text[0], ' ', name);
        }
      });

      for (const name of ['domain', 'proxy-host'] as const) {
        test(`${name}: DOWN opens the options; DOWN moves through them and round again; UP goes back (ERRATA-044)`, () => {
          const editor = createEditor(l.fw, textSpec(l, name), l.window, 'ABCD');
          pressAll(editor, ['RIGHT', 'RIGHT']);
          const field = editor.view();
          editor.press('DOWN');
          assert.deepEqual(editor.view(), { ...field, title: texts.deletePrevious });
          assert.deepEqual(editor.acts(), ['UP', 'DOWN', 'ENTER']);
          editor.press('DOWN');
          assert.equal(editor.view().title, texts.insertCharacter);
          editor.press('DOWN');
          assert.equal(editor.view().title, texts.doneEditing);
          editor.press('DOWN');
          assert.equal(editor.view().title, texts.deletePrevious);
          editor.press('UP');
          assert.deepEqual(editor.view(), field);
        });

        test(`${name}: "Delete Previous?" deletes the character in the previous position`, () => {
          const editor = createEditor(l.fw, textSpec(l, name), l.window, 'ABCD');
          pressAll(editor, ['RIGHT', 'RIGHT', 'DOWN']);
          assert.equal(editor.view().title, texts.deletePrevious);
          assert.deepEqual(editor.press('ENTER'), { kind: 'editing' });
          assert.equal(editor.view().text.trimEnd(), 'ACD');
          assert.equal(editor.view().title, undefined);
          editor.press('DOWN');
          while (editor.view().title !== texts.doneEditing) editor.press('DOWN');
          assert.deepEqual(editor.press('ENTER'), { kind: 'done', value: 'ACD' });
        });

        test(`${name}: "Delete Previous?" does not appear for the first character`, () => {
          const editor = createEditor(l.fw, textSpec(l, name), l.window, 'ABCD');
          editor.press('DOWN');
          const titles = [editor.view().title];
          for (let i = 0; i < 4; i++) {
            editor.press('DOWN');
            titles.push(editor.view().title);
          }
          assert.ok(!titles.includes(texts.deletePrevious), titles.join(', '));
          assert.deepEqual(titles.slice(0, 2), [texts.insertCharacter, texts.doneEditing]);
        });

        test(`${name}: "Insert Character?" opens a position at the cursor for a new character`, () => {
          const editor = createEditor(l.fw, textSpec(l, name), l.window, 'ABCD');
          pressAll(editor, ['RIGHT', 'RIGHT', 'DOWN', 'DOWN']);
          assert.equal(editor.view().title, texts.insertCharacter);
          assert.deepEqual(editor.press('ENTER'), { kind: 'editing' });
          assert.deepEqual(editor.view(), { text: 'AB CD'.padEnd(16), cursor: 2 });
          typeAll(editor, 'X');
          assert.deepEqual(editor.press('ENTER'), { kind: 'done', value: 'ABXCD' });
        });

        test(`${name}: "Insert Character?" is not offered while the last position is used (ERRATA-045)`, () => {
          const spec = textSpec(l, name);
          const full = 'A'.repeat(spec.maxLength);
          const editor = createEditor(l.fw, spec, l.window, full);
          pressAll(editor, ['RIGHT', 'DOWN']);
          const titles = new Set<string | undefined>();
          for (let i = 0; i < 4; i++) {
            titles.add(editor.view().title);
            editor.press('DOWN');
          }
          assert.deepEqual([...titles].sort(), [texts.deletePrevious, texts.doneEditing].sort());
        });

        test(`${name}: "Done editing?" confirms the entry`, () => {
          const editor = createEditor(l.fw, textSpec(l, name), l.window, 'ABC');
          pressAll(editor, ['DOWN']);
          while (editor.view().title !== texts.doneEditing) editor.press('DOWN');
          assert.deepEqual(editor.press('ENTER'), { kind: 'done', value: 'ABC' });
        });
      }
    });
  }
}

describe('2017 has no insert/delete mode: DOWN scrolls characters in every text field', () => {
  const l = load('2017');
  test('no text field of 2017 opens options on DOWN', () => {
    for (const [name, spec] of textEditors(l)) {
      assert.equal(spec.insertDelete, false, name);
      const editor = createEditor(l.fw, spec, l.window, '');
      editor.press('DOWN');
      assert.equal(editor.view().title, undefined);
      assert.equal(editor.view().text[0], 'Z', `${name}: DOWN from the space gives Z first`);
    }
  });
});

describe('numeric entry fields', () => {
  const l = load('2017');
  test('"In numeric entry fields, you press the Up and Down arrows to select a value between 0 and 9", wrapping (ERRATA-042)', () => {
    const editor = createEditor(l.fw, l.fw.editors['vlan']!, l.window, '0');
    assert.deepEqual(editor.view(), { text: '0000', cursor: 0 });
    editor.press('DOWN');
    assert.equal(editor.view().text, '9000');
    editor.press('UP');
    editor.press('UP');
    assert.equal(editor.view().text, '1000');
    assert.deepEqual(editor.press('LEFT'), { kind: 'ignored' });
    pressAll(editor, ['RIGHT', 'RIGHT', 'RIGHT']);
    assert.deepEqual(editor.press('RIGHT'), { kind: 'ignored' });
  });

  test('IP address fields skip the dots: 12 digit positions', () => {
    const editor = createEditor(l.fw, l.fw.editors['ipv4']!, l.window, '194.55.176.2');
    assert.deepEqual(editor.view(), { text: '194.055.176.002', cursor: 0 });
    const cursors = [0];
    while (editor.press('RIGHT').kind === 'editing') cursors.push(editor.view().cursor!);
    assert.deepEqual(cursors, [0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14]);
  });

  test('an octet over 255 and a VLAN over 4094 are refused (ERRATA-020, ERRATA-021)', () => {
    const ip = createEditor(l.fw, l.fw.editors['ipv4']!, l.window, '');
    typeAll(ip, '256');
    assert.equal(ip.press('ENTER').kind, 'refused');
    const vlan = createEditor(l.fw, l.fw.editors['vlan']!, l.window, '');
    typeAll(vlan, '4095');
    assert.equal(vlan.press('ENTER').kind, 'refused');
    const port = createEditor(l.fw, l.fw.editors['port']!, l.window, '443');
    assert.equal(port.view().text, '0443', 'Port "0443" appears in the screen by default');
    typeAll(port, '0000');
    assert.equal(port.press('ENTER').kind, 'refused');
  });
});
