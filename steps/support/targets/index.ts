// Opens a target by name from its capability statement (fixtures/targets/<name>.yaml).
import { FixtureError } from '../../../fixtures/load.ts';
import { loadTargetStatement } from '../../../fixtures/targets.ts';
import type { Capability, TargetSession } from '../protocols.ts';
import { openTwinSession } from './twin/adapter.ts';

export async function openTarget(name: string, generation: string): Promise<TargetSession> {
  const statement = loadTargetStatement(name);
  if (!statement.generations.includes(generation)) {
    throw new FixtureError(`target ${name} runs firmware generation ${statement.generations.join(' or ')}, not ${generation}`);
  }
  const capabilities = new Set<Capability>(statement.capabilities);
  switch (statement.driver) {
    case 'twin': return openTwinSession({ generation, capabilities });
    default: throw new FixtureError(`target ${name}: driver ${statement.driver} is not available in this build`);
  }
}
