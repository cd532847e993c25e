// Opens a target by name from its capability statement (fixtures/targets/<name>.yaml), or a
// serial line by its address (serial:/dev/ttyUSB0, tcp:host:port), optionally with a statement
// of its own (one `npm run probe` wrote).
import { FixtureError } from '../../../fixtures/load.ts';
import type { TargetStatement } from '../../../fixtures/targets.ts';
import { loadStatementFile, loadTargetStatement } from '../../../fixtures/targets.ts';
import type { Capability, TargetSession } from '../protocols.ts';
import { openSerialSession, openTwinSerialSession, openTwinUnitSession } from './serial/session.ts';
import { openTwinSession } from './twin/adapter.ts';

/** A serial line's address names the serial target's statement. */
export function statementName(target: string): string {
  return /^(serial|tcp):/.test(target) ? 'serial' : target;
}

/** The statement a run goes by: the target's own, or the file given, which must be for the same kind of target. */
export function statementFor(target: string, file?: string): TargetStatement {
  const own = loadTargetStatement(statementName(target));
  if (file === undefined) return own;
  const given = loadStatementFile(file);
  if (given.driver !== own.driver) throw new FixtureError(`${file}: driver: the statement is for a ${given.driver} target, not ${target} (${own.driver})`);
  return given;
}

export async function openTarget(name: string, generation: string, statement = statementFor(name)): Promise<TargetSession> {
  if (!statement.generations.includes(generation)) {
    throw new FixtureError(`target ${name} runs firmware generation ${statement.generations.join(' or ')}, not ${generation}`);
  }
  const capabilities = new Set<Capability>(statement.capabilities);
  switch (statement.driver) {
    case 'twin': return openTwinSession({ generation, capabilities, statement });
    case 'twin-serial': return openTwinSerialSession(generation, capabilities, statement);
    case 'twin-unit': return openTwinUnitSession(generation, capabilities, statement);
    // Containers and testcontainers are loaded only by a run that asks for the live lab.
    case 'twin-live': return (await import('./serial/live-session.ts')).openTwinLiveSession(generation, capabilities, statement);
    case 'serial': return openSerialSession(name, generation, capabilities, statement);
  }
}
