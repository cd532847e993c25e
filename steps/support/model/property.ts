// The model-based property: for any sequence of configuration procedures, confirmations and
// cancels, the stored configuration is exactly what was confirmed (read back through the
// procedures that show it) and the menu labels always agree with it; a reset restores the
// documented defaults. Runs against any target session (the twin, or another target), each run
// from where the strategy brings a unit (a fresh one, or the one unit reset). A failing run is shrunk, replayed with a full transcript, and saved with
// its seed, path and replayPath in reports/model-failures/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { projectRoot } from '../../../fixtures/load.ts';
import type { TargetSession } from '../protocols.ts';
import { reach } from '../strategy.ts';
import { Actor } from '../actor.ts';
import type { NetworkCommand, Real } from './commands.ts';
import { readBack, ResetNetwork } from './commands.ts';
import { checkMenus } from './checks.ts';
import { networkCommands } from './arbitraries.ts';
import type { ModelGeneration, NetworkModel } from './model.ts';
import { defaultModel } from './model.ts';

/** Longest transcript kept of a model run: the latest lines, where a failure happened. */
const TRANSCRIPT_LIMIT = 3000;

export const failuresDir = join(projectRoot, 'reports', 'model-failures');

export interface ModelRunOptions {
  generation: ModelGeneration;
  session: TargetSession;
  numRuns: number;
  /** Commands generated per run, at most (fc.commands with size 'max'). */
  maxCommands: number;
  seed?: number;
  /** To replay a saved failure: its counterexample path and replayPath. */
  path?: string;
  replayPath?: string;
  checkWanMenu?: boolean;
  reboot?: boolean;
  /** Where a failure is written (null: not written). */
  saveFailureTo?: string | null;
  /** The target's name and how to replay a written failure, as its file says. */
  target?: string;
  replayCommand?: (file: string) => string;
}

export interface ModelRunResult {
  ok: boolean;
  runs: number;
  /** Commands carried out over all runs (their precondition held). */
  executed: number;
  failure?: ModelFailure;
}

/** What --replay reads back of a written model failure. */
export const modelFailureSchema = z.object({
  kind: z.literal('model'),
  target: z.string().optional(),
  generation: z.enum(['2017', '2022']),
  seed: z.number().int(),
  path: z.string(),
  replayPath: z.string().nullable(),
  maxCommands: z.number().int().positive(),
});

export interface ModelFailure {
  generation: string;
  seed: number;
  path: string;
  replayPath: string | null;
  /** The bound the sequence was generated under: a replay must generate under the same. */
  maxCommands: number;
  commands: string;
  error: string;
  transcript: string[];
  file: string | null;
}

/**
 * A target at the documented defaults, activated, its menus checked against them: brought there
 * by the strategy as any scenario's first Given is (a fresh unit switched on and activated in the
 * portal; a unit that lives through the run taken to its status screen, which must be activated
 * already where there is no platform to activate it), and, on a unit that lives through the run,
 * reset the documented way ("RESET NETWORK SETTINGS ... to the default settings").
 */
export async function startRun(session: TargetSession, generation: ModelGeneration, options: { recording?: boolean; checkWanMenu?: boolean } = {}): Promise<{ model: NetworkModel; real: Real }> {
  const target = await session.forScenario();
  const actor = Actor.using(target, { session, recording: options.recording ?? false, transcriptLimit: TRANSCRIPT_LIMIT });
  const real: Real = { actor, generation, executed: 0, checkWanMenu: options.checkWanMenu ?? true };
  await reach(actor, 'name-and-ip');
  const model = defaultModel(generation);
  if (session.unit) {
    // Whatever an earlier run stored: the reset reads everything back and checks the menus against the defaults.
    await new ResetNetwork(false).run(model, real);
    real.executed = 0;
  } else {
    // The appliance as shipped: the factory default's menus.
    await checkMenus(model, real);
  }
  return { model, real };
}

/** Runs `commands` from a fresh target; the final checkpoint reads everything back. */
async function runOnce(session: TargetSession, generation: ModelGeneration, commands: Iterable<NetworkCommand>, options: { recording?: boolean; checkWanMenu?: boolean }, onReal?: (real: Real) => void): Promise<void> {
  let started: { model: NetworkModel; real: Real } | null = null;
  try {
    await fc.asyncModelRun(async () => {
      started = await startRun(session, generation, options);
      onReal?.(started.real);
      return started;
    }, commands);
    const s = started as { model: NetworkModel; real: Real } | null;
    if (s) await readBack(s.model, s.real);
  } finally {
    const s = started as { model: NetworkModel; real: Real } | null;
    if (s) await s.real.actor.target.stop();
  }
}

export async function runModelProperty(options: ModelRunOptions): Promise<ModelRunResult> {
  const { generation, session } = options;
  const runOptions = { checkWanMenu: options.checkWanMenu ?? true };
  const arbitraries = networkCommands(generation, { reboot: options.reboot ?? true });
  const commandsArb = fc.commands(arbitraries, {
    maxCommands: options.maxCommands,
    size: 'max',
    ...(options.replayPath ? { replayPath: options.replayPath } : {}),
  });
  let executed = 0;
  const property = fc.asyncProperty(commandsArb, async (commands) => {
    let real: Real | null = null;
    try {
      await runOnce(session, generation, commands, runOptions, (r) => { real = r; });
    } finally {
      executed += (real as Real | null)?.executed ?? 0;
    }
  });
  const details = await fc.check(property, {
    numRuns: options.numRuns,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.path ? { path: options.path, endOnFailure: true } : {}),
  });
  if (!details.failed) return { ok: true, runs: details.numRuns, executed };

  const [counterexample] = details.counterexample ?? [];
  const described = String(counterexample ?? '');
  const replayPath = /replayPath="([^"]*)"/.exec(described)?.[1] ?? null;
  const error = details.errorInstance instanceof Error ? (details.errorInstance.stack ?? details.errorInstance.message) : String(details.errorInstance);
  // Once more with every screen recorded, for the transcript of the (shrunk) failing run.
  let transcript: string[] = [];
  if (counterexample) {
    let replayed: Real | null = null;
    try {
      await runOnce(session, generation, counterexample, { ...runOptions, recording: true }, (real) => { replayed = real; });
    } catch {
      // The failure again, as expected.
    }
    transcript = (replayed as Real | null)?.actor.transcript ?? [];
  }
  const failure: ModelFailure = {
    generation,
    seed: details.seed,
    path: details.counterexamplePath ?? '',
    replayPath,
    maxCommands: options.maxCommands,
    commands: described.replace(/\s*\/\*replayPath=.*\*\/\s*$/, ''),
    error,
    transcript,
    file: null,
  };
  const dir = options.saveFailureTo === undefined ? failuresDir : options.saveFailureTo;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    failure.file = join(dir, `model-${generation}-seed${details.seed}.json`);
    writeFileSync(failure.file, `${JSON.stringify({
      kind: 'model',
      ...(options.target ? { target: options.target } : {}),
      ...failure,
      replay: options.replayCommand?.(failure.file) ?? `MODEL_REPLAY=${failure.file} npm run unit -- --test-name-pattern=model`,
    }, null, 2)}\n`);
  }
  return { ok: false, runs: details.numRuns, executed, failure };
}

/**
 * One run of exactly `count` commands carried out (the benchmark's "runs of 50 commands"):
 * commands are drawn from the same arbitraries, in a sequence fixed by `seed`, and those whose
 * precondition does not hold in the model are passed over. Throws as the property would.
 */
export async function runOfCommands(session: TargetSession, generation: ModelGeneration, count: number, seed: number, options: { checkWanMenu?: boolean } = {}): Promise<number> {
  const any = fc.oneof(...networkCommands(generation));
  const { model, real } = await startRun(session, generation, options);
  try {
    let batch = 0;
    while (real.executed < count) {
      const candidates = fc.sample(any, { numRuns: count * 2, seed: seed + batch++ });
      for (const command of candidates) {
        if (real.executed >= count) break;
        if (command.check(model)) await command.run(model, real);
      }
    }
    await readBack(model, real);
    return real.executed;
  } finally {
    await real.actor.target.stop();
  }
}
