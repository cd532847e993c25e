// Parse at the boundary: step text becomes typed values once, here.
import { defineParameterType } from '@cucumber/cucumber';
import { isIpv4 } from '../../fixtures/addresses.ts';
import type { Key, LedName, Port } from './protocols.ts';

const keyNames = ['UP', 'DOWN', 'LEFT', 'RIGHT', 'ENTER'] as const;

defineParameterType({
  name: 'key',
  regexp: /UP|DOWN|LEFT|RIGHT|ENTER/,
  transformer: (s: string): Key => s as Key,
});

/** "UP, DOWN and ENTER", "ENTER", "no keys". */
defineParameterType({
  name: 'keys',
  regexp: /no keys|(?:(?:UP|DOWN|LEFT|RIGHT|ENTER)(?:, | and )?)+/,
  transformer: (s: string): Key[] => (s === 'no keys' ? [] : s.split(/, | and /).map((k) => {
    if (!(keyNames as readonly string[]).includes(k)) throw new Error(`not a key: ${k}`);
    return k as Key;
  })),
});

defineParameterType({
  name: 'ipv4',
  regexp: /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/,
  transformer: (s: string): string => {
    if (!isIpv4(s)) throw new Error(`not an IPv4 address: ${s}`);
    return s;
  },
});

/** A netmask as the LAN NETMASK field shows it: "255.255.255.000". */
defineParameterType({
  name: 'netmask',
  regexp: /\d{3}\.\d{3}\.\d{3}\.\d{3}/,
  transformer: (s: string): string => s,
});

defineParameterType({
  name: 'led',
  regexp: /S1|S2|S3/,
  transformer: (s: string): LedName => s as LedName,
});

defineParameterType({
  name: 'port',
  regexp: /LAN|WAN/,
  transformer: (s: string): Port => s as Port,
});

defineParameterType({
  name: 'onOff',
  regexp: /on|off/,
  transformer: (s: string): boolean => s === 'on',
});
