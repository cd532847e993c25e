// Opens a target by name from its capability statement (fixtures/targets/<name>.yaml), or a
// serial line by its address: serial:/dev/ttyUSB0, tcp:host:port.
import { FixtureError } from '../../../fixtures/load.ts';
import { loadTargetStatement } from '../../../fixtures/targets.ts';
import type { Capability, TargetSession } from '../protocols.ts';
import { openSerialSession, openTwinSerialSession } from './serial/session.ts';
import { openTwinSession } from './twin/adapter.ts';

/** A serial line's address names the serial target's statement. */
export function statementName(target: string): string {
  return /^(serial|tcp):/.test(target) ? 'serial' : target;
}

export async function openTarget(name: string, generation: string): Promise<TargetSession> {
  const statement = loadTargetStatement(statementName(name));
  if (!statement.generations.includes(generation)) {
    throw new FixtureError(`target ${name} runs firmware generation ${statement.generations.join(' or ')}, not ${generation}`);
  }
  const capabilities = new Set<Capability>(statement.capabilities);
  switch (statement.driver) {
    case 'twin': return openTwinSession({ generation, capabilities });
    case 'twin-serial': return openTwinSerialSession(generation, capabilities);
    case 'serial': return openSerialSession(name, generation, capabilities);
  }
}
