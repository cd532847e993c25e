// The fuzzer's reading of the profiles: which fields it takes, and the guide's verdicts it
// expects, for values inside and outside each rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadGeneration } from '../../../fixtures/profiles.ts';
import { fuzzFieldOf, fuzzFields, slugOf } from './fields.ts';
import type { FieldCase } from './oracle.ts';
import { casesFor, digitsVerdict, enteredByArrows, textVerdict } from './oracle.ts';

const fw = loadGeneration('2022').firmware;
const text = (prompt: string) => {
  const spec = fuzzFieldOf(fw, prompt)!.spec;
  assert.equal(spec.kind, 'text');
  return spec as Extract<typeof spec, { kind: 'text' }>;
};

test('the 2022 fields: every prompt with an editor, in the mode its procedure is offered in', () => {
  const fields = fuzzFields(fw);
  const prompts = fields.map((f) => f.prompt);
  for (const p of ['VLAN 0-4094', 'LAN IP ADDR', 'LAN NETMASK', 'WINS DOMAIN', 'PROXY HOST', 'PROXY PASSW', 'WAN DNS2', 'IPv6 ADDR', 'Manual DNS1']) assert.ok(prompts.includes(p), p);
  assert.ok(!prompts.includes('Auto v6 ADDR'), 'a read-only view takes no value');
  assert.equal(fuzzFieldOf(fw, 'VLAN 0-4094')!.storesAtOnce, true);
  assert.equal(fuzzFieldOf(fw, 'PROXY PASSW')!.storesAtOnce, false);
  assert.equal(fuzzFieldOf(fw, 'IPv6 GW')!.mode, 'ipv6-only');
  assert.equal(fuzzFieldOf(fw, 'PROXY HOST')!.mode, 'ipv4+v6');
  assert.equal(fuzzFieldOf(fw, 'DOMAIN NAME')!.prompt, 'WINS DOMAIN', 'the guide\'s other name for the prompt');
  assert.equal(slugOf('PROXY USER:'), 'proxy-user');
});

test('verdicts: octets, ranges, embedded spaces, hosts and IPv6 forms, as the profile states them', () => {
  assert.equal(digitsVerdict({ kind: 'ipv4' }, '255.000.010.001').accepted, true);
  assert.equal(digitsVerdict({ kind: 'ipv4' }, '256.000.010.001').accepted, false);
  const vlan = fuzzFieldOf(fw, 'VLAN 0-4094')!.spec as Extract<ReturnType<typeof fuzzFields>[number]['spec'], { kind: 'digits' }>;
  assert.equal(digitsVerdict(vlan, '4094').accepted, true);
  assert.equal(digitsVerdict(vlan, '4095').accepted, false);
  assert.equal(textVerdict(text('PROXY PASSW'), 'a b').accepted, false, 'the password refuses embedded spaces');
  assert.equal(textVerdict(text('PROXY USER:'), 'DOM\\u ser').accepted, true, 'the user\'s spaces are removed');
  assert.equal(textVerdict(text('PROXY HOST'), 'PROXY.LAB.TEST').accepted, true);
  assert.equal(textVerdict(text('PROXY HOST'), '198.18.10.8').accepted, true);
  assert.equal(textVerdict(text('PROXY HOST'), '198.18.10.256').accepted, false);
  assert.equal(textVerdict(text('PROXY HOST'), '-A.B').accepted, false);
  assert.equal(textVerdict(text('IPv6 ADDR'), '2001:db8:3c4d:15:0:d234:3eee::').accepted, true);
  assert.equal(textVerdict(text('IPv6 ADDR'), '1::2::3').accepted, false);
  assert.equal(textVerdict(text('IPv6 ADDR'), '   ').accepted, true, 'a blank entry');
  assert.equal(enteredByArrows(text('PROXY USER:'), 'a!b'), 'ab', 'a character the field does not offer cannot be scrolled in');
  assert.equal(enteredByArrows(text('PROXY PASSW'), 'x'.repeat(20)).length, 16);
});

test('the tries reach outside every rule: over the length, outside the characters, refused values', () => {
  const draw = (prompt: string): FieldCase[] => fc.sample(casesFor(fuzzFieldOf(fw, prompt)!, true), { numRuns: 400, seed: 1 });
  const user = draw('PROXY USER:').filter((c) => c.kind === 'text');
  const spec = text('PROXY USER:');
  assert.ok(user.some((c) => c.text.length > spec.maxLength), 'over the length');
  assert.ok(user.some((c) => c.text.includes('\\')), 'a backslash');
  assert.ok(user.some((c) => [...c.text].some((ch) => ch !== ' ' && !/[a-zA-Z0-9_\-\\.@]/.test(ch))), 'a character outside the set');
  assert.ok(user.some((c) => c.means === 'typing') && user.some((c) => c.means === 'arrows'));
  const ip = draw('LAN IP ADDR').filter((c) => c.kind === 'digits');
  assert.ok(ip.some((c) => !digitsVerdict({ kind: 'ipv4' }, c.digits).accepted) && ip.some((c) => digitsVerdict({ kind: 'ipv4' }, c.digits).accepted));
  const v6 = draw('IPv6 ADDR').filter((c) => c.kind === 'text');
  const v6spec = text('IPv6 ADDR');
  assert.ok(v6.some((c) => textVerdict(v6spec, c.text).accepted && c.text.includes(':')) && v6.some((c) => !textVerdict(v6spec, c.text).accepted));
});
