// A session opened before the run (to check the port and the statement before anything is
// written), handed to the run's hooks instead of opening the unit a second time: a second wake-up
// would press ENTER on the unit again.
import type { TargetSession } from '../protocols.ts';

const waiting = new Map<string, TargetSession>();

function keyOf(target: string, generation: string): string {
  return `${target} ${generation}`;
}

export function handOver(target: string, generation: string, session: TargetSession): void {
  waiting.set(keyOf(target, generation), session);
}

/** The session opened for this target and generation before the run, once. */
export function takeOver(target: string, generation: string): TargetSession | null {
  const key = keyOf(target, generation);
  const session = waiting.get(key) ?? null;
  waiting.delete(key);
  return session;
}

/** Closes sessions no run took (a run that never started). */
export async function closeUnclaimed(): Promise<void> {
  for (const session of waiting.values()) await session.close();
  waiting.clear();
}
