// Fuzzing one field with fast-check: tries drawn for the field's editor, each through TryField
// on the session's unit; a failing try is shrunk, tried once more with its transcript recorded,
// and written with its seed and path to reports/fuzz/<field slug>-<seed>.json, which --replay
// runs again exactly (fast-check's seed, path and endOnFailure).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { FixtureError, displayPath, projectRoot } from '../../../fixtures/load.ts';
import { Actor } from '../actor.ts';
import { Inconclusive, NotApplicable } from '../errors.ts';
import type { Target, TargetSession } from '../protocols.ts';
import type { FuzzField } from './fields.ts';
import { slugOf } from './fields.ts';
import type { FieldCase } from './oracle.ts';
import { casesFor } from './oracle.ts';
import { describeCase, TryField } from './drive.ts';

export const fuzzReportsDir = join(projectRoot, 'reports', 'fuzz');

/** Transcript lines kept of one try: the latest, where a failure happened. */
const TRANSCRIPT_LIMIT = 4000;

export interface FuzzFailure {
  target: string;
  generation: string;
  field: string;
  seed: number;
  /** fast-check's path to the shrunk counterexample. */
  path: string;
  /** fast-check's replayPath is for command sequences (fc.commands); a field's try is one value: null. */
  replayPath: string | null;
  case: FieldCase;
  described: string;
  error: string;
  transcript: string[];
}

export interface FieldResult {
  field: string;
  ok: boolean;
  /** Tries run, shrinking included. */
  tries: number;
  failure: FuzzFailure | null;
  /** Where the failure was written (null: passed, or not written). */
  file: string | null;
  ms: number;
}

export interface FuzzFieldOptions {
  session: TargetSession;
  /** The target as the run names it (twin, serial:/dev/ttyUSB0): a replay opens it again. */
  targetName: string;
  /** The unit the session handed out for the run (one for every field on a unit that lives through the run). */
  target: Target;
  field: FuzzField;
  runs: number;
  seed?: number;
  /** Replays a written failure: its path, with endOnFailure. */
  path?: string;
  /** Where a failure is written (null: not written). */
  reportsDir?: string | null;
  onTry?: (tries: number) => void;
}

function canType(target: Target): boolean {
  return target.capabilities.has('console') && target.console !== undefined;
}

export async function fuzzField(options: FuzzFieldOptions): Promise<FieldResult> {
  const { session, target, field } = options;
  const started = Date.now();
  const actor = Actor.using(target, { session, transcriptLimit: TRANSCRIPT_LIMIT });
  let tries = 0;
  // The lab broke (the strategy gave up on the unit): no try after it counts, and the field is inconclusive, not failed.
  let labFault: Inconclusive | NotApplicable | null = null;
  // The strategy brings the unit to the field's starting state first, and again after a try that failed.
  let viaStrategy = true;
  const attempt = async (c: FieldCase): Promise<void> => {
    if (labFault) return;
    actor.transcript.length = 0;
    tries++;
    options.onTry?.(tries);
    try {
      await actor.attemptsTo(TryField(field, c, viaStrategy));
      viaStrategy = false;
    } catch (error) {
      viaStrategy = true;
      if (!(error instanceof Inconclusive || error instanceof NotApplicable)) throw error;
      labFault = error;
    }
  };
  const details = await fc.check(fc.asyncProperty(casesFor(field, canType(target)), attempt), {
    numRuns: options.runs,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.path === undefined ? {} : { path: options.path, endOnFailure: true }),
  });
  if (labFault) throw labFault;
  if (!details.failed) return { field: field.prompt, ok: true, tries, failure: null, file: null, ms: Date.now() - started };

  const [counterexample] = (details.counterexample ?? []) as [FieldCase | undefined];
  const caught = details.errorInstance;
  let error = caught instanceof Error ? (caught.name === 'FieldDeviation' ? caught.message : (caught.stack ?? caught.message)) : String(caught);
  // Once more, for the transcript of the shrunk try alone.
  if (counterexample) {
    try {
      await attempt(counterexample);
      error = `${error}\n(the shrunk try passed when run again: the failure depends on what ran before it)`;
    } catch {
      // The failure again, as expected.
    }
  }
  const failure: FuzzFailure = {
    target: options.targetName,
    generation: target.generation,
    field: field.prompt,
    seed: details.seed,
    path: details.counterexamplePath ?? '',
    replayPath: null,
    case: counterexample!,
    described: counterexample ? describeCase(counterexample) : '',
    error,
    transcript: [...actor.transcript],
  };
  const dir = options.reportsDir === undefined ? fuzzReportsDir : options.reportsDir;
  let file: string | null = null;
  if (dir !== null) {
    mkdirSync(dir, { recursive: true });
    file = join(dir, `${slugOf(field.prompt)}-${details.seed}.json`);
    writeFileSync(file, `${JSON.stringify(failure, null, 2)}\n`);
  }
  return { field: field.prompt, ok: false, tries, failure, file, ms: Date.now() - started };
}

const failureSchema = z.object({
  target: z.string().min(1),
  generation: z.string().min(1),
  field: z.string().min(1),
  seed: z.number().int(),
  path: z.string(),
});

/** A file a fuzz run wrote, to replay, checked against `schema`; a bad one is a one-line FixtureError naming it. */
export function readReplayFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FixtureError(`--replay ${displayPath(file)}: ${code === 'ENOENT' ? 'no such file' : code ? `cannot read (${code})` : 'not JSON'}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FixtureError(`--replay ${displayPath(file)}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** The kind a written file says it is ("differential", "model"; a field's failure says none), or null where it cannot be read. */
export function replayFileKind(file: string): string | null {
  try {
    const { kind } = JSON.parse(readFileSync(file, 'utf8')) as { kind?: unknown };
    return typeof kind === 'string' ? kind : null;
  } catch {
    return null;
  }
}

/** A written failure, to replay: its target, generation, field, seed and path. */
export function readFailure(file: string): z.infer<typeof failureSchema> {
  return readReplayFile(file, failureSchema);
}
