// What the guide says a field does with a value, computed from the rules the firmware profile
// declares (character set, length, embedded spaces, syntax, range, list), never from a unit;
// and the values the fuzzer tries: inside and outside each rule.
import fc from 'fast-check';
import { isHostname, isIpv4, isIpv6 } from '../../../fixtures/addresses.ts';
import type { EditorSpec, FirmwareProfile } from '../../../fixtures/profiles.ts';
import { expandAlphabet, listValues, scrollCycle } from '../../../fixtures/field-values.ts';
import type { FuzzField, InputSpec } from './fields.ts';

type TextSpec = Extract<EditorSpec, { kind: 'text' }>;
type DigitSpec = Extract<EditorSpec, { kind: 'digits' }>;

/** How a value goes in: the arrow keys, or typed on the remote console's keyboard. */
export type Means = 'arrows' | 'typing';

/** One try at a field. */
export type FieldCase =
  /** An address "nnn.nnn.nnn.nnn" or a number "0000", every digit 0-9 (the field's positions). */
  | { kind: 'digits'; means: Means; digits: string }
  /** A list scrolled `presses` times: forward when positive, backward when negative. */
  | { kind: 'list'; presses: number }
  | { kind: 'text'; means: Means; text: string };

export interface Verdict {
  accepted: boolean;
  /** The rule that decides, in the guide's terms. */
  rule: string;
}

/** The characters a text field allows, and the space, which "may be used to remove characters". */
export function allowedChars(spec: TextSpec): Set<string> {
  return new Set([...expandAlphabet(spec.alphabet), ' ']);
}

/** The characters UP shows at a text field, in the guide's order. */
export function documentedCycle(fw: FirmwareProfile, spec: TextSpec): string[] {
  return scrollCycle(fw, expandAlphabet(spec.alphabet));
}

/** "IPv4+v6 mode: IPv4 addresses are allowed in dotted decimal format"; otherwise an FQDN of the allowed characters. */
function isHost(value: string, family: 'ipv4' | 'ipv6'): boolean {
  if (family === 'ipv4' && /^[0-9.]+$/.test(value)) return isIpv4(value);
  if (family === 'ipv6' && value.includes(':')) return isIpv6(value);
  return isHostname(value) && !/^[0-9.]+$/.test(value);
}

/** What ENTER does with the entry a text field reads (its unused positions blank). */
export function textVerdict(spec: TextSpec, entry: string): Verdict {
  let value = entry.trim();
  if (value.includes(' ')) {
    if (spec.embeddedSpaces === 'refuse') return { accepted: false, rule: 'embedded spaces are refused' };
    if (spec.embeddedSpaces === 'remove') value = value.replace(/ +/g, '');
  }
  if (value === '') return { accepted: true, rule: 'a blank entry is accepted' };
  switch (spec.syntax) {
    case 'host-ipv4': return isHost(value, 'ipv4') ? { accepted: true, rule: 'an FQDN or an IPv4 address' } : { accepted: false, rule: 'neither an FQDN nor an IPv4 address in dotted decimal' };
    case 'host-ipv6': return isHost(value, 'ipv6') ? { accepted: true, rule: 'an FQDN or an IPv6 address' } : { accepted: false, rule: 'neither an FQDN nor an IPv6 address' };
    case 'ipv6': return isIpv6(value) ? { accepted: true, rule: 'an IPv6 address' } : { accepted: false, rule: 'not an IPv6 address in expanded or compressed format' };
    case 'any': return { accepted: true, rule: 'any entry of the allowed characters' };
  }
}

/** What ENTER does with a digit field's entry ("176.034.020.005", "4095"). */
export function digitsVerdict(spec: Extract<InputSpec, { kind: 'ipv4' }> | DigitSpec, digits: string): Verdict {
  if (spec.kind === 'ipv4') {
    const over = digits.split('.').find((o) => Number(o) > 255);
    return over === undefined ? { accepted: true, rule: 'every octet 0-255' } : { accepted: false, rule: `octet ${over} over 255` };
  }
  const n = Number(digits);
  return n >= spec.min && n <= spec.max ? { accepted: true, rule: `${spec.min}-${spec.max}` } : { accepted: false, rule: `${n} outside ${spec.min}-${spec.max}` };
}

/** What the field reads after arrows put `text` in: characters the field does not offer cannot be scrolled, and it holds maxLength. */
export function enteredByArrows(spec: TextSpec, text: string): string {
  const allowed = allowedChars(spec);
  return [...text].filter((c) => allowed.has(c)).join('').slice(0, spec.maxLength);
}

// ---------------------------------------------------------------------------------------------
// Values

/** Printable ASCII: what a VT100 keyboard sends, and what the fuzzer draws characters outside a field's set from. */
const printable = Array.from({ length: 0x7e - 0x20 }, (_, i) => String.fromCharCode(0x21 + i)).join('');

const octet = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 256, max: 999 }));
const anyIpv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const pad3 = (n: number) => String(n).padStart(3, '0');

/** Text values for a field: its own characters, spaces and others, short and over the limit, and the forms its syntax names. */
function textValues(spec: TextSpec): fc.Arbitrary<string> {
  const allowed = [...expandAlphabet(spec.alphabet)];
  const outside = [...printable].filter((c) => !allowed.includes(c));
  const unit = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...allowed) },
    { weight: 1, arbitrary: fc.constant(' ') },
    ...(outside.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...outside) }] : []),
  );
  const L = spec.maxLength;
  const forms: Array<fc.Arbitrary<string>> = [
    fc.string({ unit, maxLength: Math.min(L, 12) }),
    fc.string({ unit, maxLength: L + 4, size: 'max' }),
    fc.string({ unit: fc.constantFrom(...allowed), minLength: L, maxLength: L + 3 }),
  ];
  if (spec.syntax === 'host-ipv4' || spec.syntax === 'host-ipv6') {
    const label = fc.stringMatching(/^[A-Z0-9-]{1,8}$/);
    forms.push(fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join('.')), anyIpv4, fc.constantFrom('198.18.10.8', 'PROXY.LAB.TEST', '-A.B', 'A..B', '1.2.3'));
  }
  if (spec.syntax === 'ipv6' || spec.syntax === 'host-ipv6') {
    const mixedCase = fc.tuple(fc.ipV6(), fc.boolean()).map(([a, up]) => (up ? a.toUpperCase() : a));
    forms.push(mixedCase, fc.constantFrom('2001:470:8418:ffe:250:56ff:feb3:b89', '2001:db8:3c4d:15:0:d234:3eee::', '::', '1::2::3', '12345::', 'g::1'));
  }
  if (allowed.includes('\\')) forms.push(fc.tuple(fc.stringMatching(/^[A-Z]{1,6}$/), fc.stringMatching(/^[a-z0-9_.]{1,8}$/)).map(([d, u]) => `${d}\\${u}`));
  if (allowed.includes('!')) forms.push(fc.string({ unit: fc.constantFrom(...'-\\/|~!?@#$%^&*+=(){}[]<>;"`,.'), minLength: 1, maxLength: L }));
  // A failure found in a long or structured form shrinks into the short one where it still fails.
  return fc.oneof({ withCrossShrink: true }, ...forms);
}

/** The tries for a field; `typing` where the target's console takes typed characters. */
export function casesFor(field: FuzzField, typing: boolean): fc.Arbitrary<FieldCase> {
  const means: fc.Arbitrary<Means> = typing ? fc.constantFrom('arrows', 'typing') : fc.constant('arrows');
  const spec = field.spec;
  switch (spec.kind) {
    case 'ipv4':
      return fc.record({ kind: fc.constant('digits' as const), means, digits: fc.tuple(octet, octet, octet, octet).map((o) => o.map(pad3).join('.')) });
    case 'digits': {
      const top = 10 ** spec.digits - 1;
      const n = fc.oneof(fc.integer({ min: spec.min, max: spec.max }), fc.integer({ min: 0, max: top }), fc.constantFrom(spec.min, spec.max, Math.max(0, spec.min - 1), Math.min(top, spec.max + 1)));
      return fc.record({ kind: fc.constant('digits' as const), means, digits: n.map((v) => String(v).padStart(spec.digits, '0')) });
    }
    case 'list': {
      const n = listValues(spec).length;
      return fc.record({ kind: fc.constant('list' as const), presses: fc.integer({ min: -(2 * n + 1), max: 2 * n + 1 }) });
    }
    case 'text':
      return fc.record({ kind: fc.constant('text' as const), means, text: textValues(spec) });
  }
}
