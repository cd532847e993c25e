// npm run fuzz: tries values at every input field of a firmware profile (or one, --field) on any
// target, through its keypad and screen (and its console's keyboard where it has one), and checks
// what the unit accepts, refuses and reads back against the guide's rules as the profile states
// them. A failure is shrunk and written to reports/fuzz/<field>-<seed>.json; --replay <file>
// runs it again exactly. Every input is checked before anything runs: a bad one ends the run
// with one line naming what and where, and exit code 2.
//
// --soak <keys> drives one in-process twin instead, through its own API, with a seeded stream of
// keys, chords, holds, time, power presses and power cuts (steps/support/fuzz/soak.ts): a broken
// check stops it with one line, reports/fuzz/soak-<seed>.json and exit code 1.
//
// --against twin drives the target and an in-process twin of the same generation with the same
// generated key sequences, side by side, and stops at the first screen that differs
// (steps/support/fuzz/differential.ts): shrunk, written to reports/fuzz/differential-<seed>.json,
// exit code 1; --replay <file> runs it again.
//
//   npm run fuzz -- --target <t> --generation <g> [--statement <file>] [--field "<prompt>"]
//                   [--runs N] [--seed S] [--replay <file>]
//   npm run fuzz -- --soak <keys> [--generation 2017|2022|older] [--seed S]
//   npm run fuzz -- --target <t> --generation <g> --against twin [--keys N] [--runs R] [--seed S] [--replay <file>]
//   npm run fuzz -- --model --target <t> --generation 2017|2022 [--commands N] [--runs R] [--seed S] [--replay <file>]
//
// --model runs the model-based property over configuration procedures (steps/support/model/) on
// the target: for any sequence of procedures, confirmations and cancels, what the unit stores and
// its menus show follow the confirmed ones. A unit with no power button starts each run from the
// state it is in, reset the documented way; it must be activated. A failure is shrunk and written
// to reports/fuzz/model-<generation>-seed<S>.json; --replay <file> runs it again.
import { parseArgs } from 'node:util';
import { displayPath } from '../../fixtures/load.ts';
import { listGenerations, loadGeneration } from '../../fixtures/profiles.ts';
import type { TargetStatement } from '../../fixtures/targets.ts';
import { Inconclusive, NotApplicable } from '../support/errors.ts';
import type { FuzzField } from '../support/fuzz/fields.ts';
import { fuzzFieldOf, fuzzFields } from '../support/fuzz/fields.ts';
import type { FieldResult } from '../support/fuzz/run.ts';
import { fuzzField, readFailure, readReplayFile, replayFileKind } from '../support/fuzz/run.ts';
import { soak, writeSoakReport } from '../support/fuzz/soak.ts';
import { besideReferenceTwin, describeDifference, readDifferential, runDifferential } from '../support/fuzz/differential.ts';
import { openTarget, statementFor } from '../support/targets/index.ts';
import { modelFailureSchema, runModelProperty } from '../support/model/property.ts';
import type { ModelGeneration } from '../support/model/model.ts';
import { join } from 'node:path';
import { projectRoot } from '../../fixtures/load.ts';

import { UsageError, exitCodeFor } from './usage.ts';

export { UsageError };

export interface FuzzRequest {
  target: string;
  generation: string;
  statement: TargetStatement;
  fields: FuzzField[];
  runs: number;
  seed: number | undefined;
  /** A written failure's path, replayed with endOnFailure. */
  path: string | undefined;
}

/** The target against an in-process twin, key sequence by key sequence (--against twin). */
export interface DifferentialRequest {
  target: string;
  generation: string;
  statement: TargetStatement;
  maxKeys: number;
  runs: number;
  seed: number | undefined;
  /** A written difference's path, replayed with endOnFailure. */
  path: string | undefined;
}

/** The model-based property on a target (--model). */
export interface ModelRequest {
  target: string;
  generation: ModelGeneration;
  statement: TargetStatement;
  maxCommands: number;
  runs: number;
  seed: number | undefined;
  /** A written failure's path and replayPath, replayed exactly. */
  replay: { path: string; replayPath: string | null } | undefined;
}

/** A soak of one in-process twin (--soak). */
export interface SoakRequest {
  generation: string;
  keys: number;
  seed: number;
}

const usage = 'usage: npm run fuzz -- --target <t> --generation <g> [--statement <file>] [--field "<prompt>"] [--runs N] [--seed S] [--replay <file>]'
  + ' | --soak <keys> [--generation 2017|2022|older] [--seed S]'
  + ' | --target <t> --generation <g> --against twin [--keys N] [--runs R] [--seed S] [--replay <file>]'
  + ' | --model --target <t> --generation 2017|2022 [--commands N] [--runs R] [--seed S] [--replay <file>]';

function integer(flag: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) throw new UsageError(`--${flag} ${text}: expected a whole number of at least ${min}`);
  return Number(text);
}

function flags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        target: { type: 'string' }, generation: { type: 'string' }, statement: { type: 'string' }, field: { type: 'string' },
        runs: { type: 'string' }, seed: { type: 'string' }, replay: { type: 'string' }, soak: { type: 'string' },
        against: { type: 'string' }, keys: { type: 'string' }, model: { type: 'boolean' }, commands: { type: 'string' },
      },
      strict: true, allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (${usage})`);
  }
}

/** The soak's request, every input checked; null when --soak is not given. */
export function parseSoakRequest(argv: string[]): SoakRequest | null {
  const values = flags(argv);
  if (values.soak === undefined) return null;
  for (const other of ['target', 'statement', 'field', 'runs', 'replay', 'against', 'keys'] as const) {
    if (values[other] !== undefined) throw new UsageError(`--${other}: a soak drives the in-process twin with keys, not fields (${usage})`);
  }
  const keys = integer('soak', values.soak, 1)!;
  const generation = values.generation ?? '2022';
  const known = listGenerations();
  if (!known.includes(generation)) throw new UsageError(`--generation ${generation}: no such firmware generation (known: ${known.join(', ')})`);
  // A seed of the PRNG's 32 bits; by default a new one, printed so that the run can be made again.
  const seed = integer('seed', values.seed, 0) ?? Math.floor(Math.random() * 2 ** 32);
  if (seed >= 2 ** 32) throw new UsageError(`--seed ${seed}: expected a whole number below ${2 ** 32}`);
  return { generation, keys, seed };
}

/** The model-based run's request, every input checked; null unless --model is given or the replay is of one. */
export function parseModelRequest(argv: string[]): ModelRequest | null {
  const values = flags(argv);
  const replay = values.replay !== undefined && replayFileKind(values.replay) === 'model' ? readReplayFile(values.replay, modelFailureSchema) : null;
  if (!values.model && !replay) {
    if (values.commands !== undefined) throw new UsageError(`--commands: only a model-based run (--model) takes it (${usage})`);
    return null;
  }
  for (const other of ['field', 'soak', 'against', 'keys'] as const) {
    if (values[other] !== undefined) throw new UsageError(`--${other}: a model-based run drives configuration procedures, not ${other === 'field' ? 'one field' : 'keys'} (${usage})`);
  }
  if (values.model && values.replay !== undefined && !replay) throw new UsageError(`--replay ${displayPath(values.replay)}: not a model failure (a field's or a difference's is replayed without --model)`);
  const target = values.target ?? replay?.target;
  const generation = values.generation ?? replay?.generation;
  if (target === undefined) throw new UsageError(`--target is missing (${usage})`);
  if (generation === undefined) throw new UsageError(`--generation is missing (${usage})`);
  if (generation !== '2017' && generation !== '2022') throw new UsageError(`--generation ${generation}: the configuration procedures are modelled for 2017 and 2022`);
  if (replay && generation !== replay.generation) throw new UsageError(`--generation ${generation}: the replayed failure is of generation ${replay.generation}`);
  if (replay && values.commands !== undefined) throw new UsageError('--commands: a replay generates under the bound of its file');
  const statement = statementFor(target, values.statement);
  if (!statement.generations.includes(generation)) throw new UsageError(`--generation ${generation}: target ${target} runs firmware ${statement.generations.join(' or ')}`);
  const lacks = (['keypad', 'screen'] as const).filter((c) => !statement.capabilities.includes(c));
  if (lacks.length > 0) throw new UsageError(`--target ${target}: a model-based run needs a keypad and a screen; it has no ${lacks.join(' and no ')}`);
  return {
    target, generation, statement,
    maxCommands: integer('commands', values.commands, 1) ?? replay?.maxCommands ?? 25,
    runs: integer('runs', values.runs, 1) ?? 30,
    seed: integer('seed', values.seed, Number.MIN_SAFE_INTEGER) ?? replay?.seed,
    replay: replay ? { path: replay.path, replayPath: replay.replayPath } : undefined,
  };
}

/** The property on one session of the target: 0 it holds, 1 it failed (written), 3 not applicable or inconclusive. */
async function runModel(request: ModelRequest): Promise<number> {
  const session = await openTarget(request.target, request.generation, request.statement);
  const started = performance.now();
  try {
    process.stdout.write(`model: ${request.replay ? 'replaying a failure' : `${request.runs} runs of up to ${request.maxCommands} procedures`} on ${request.target} ${request.generation}${request.seed === undefined ? '' : `, seed ${request.seed}`}\n`);
    const result = await runModelProperty({
      generation: request.generation, session, numRuns: request.runs, maxCommands: request.maxCommands,
      // A reboot of a fresh twin is cheap; a unit on a line reboots in minutes, and still may.
      reboot: true,
      target: request.target,
      saveFailureTo: join(projectRoot, 'reports', 'fuzz'),
      replayCommand: (file) => `npm run fuzz -- --replay ${displayPath(file)}`,
      ...(request.seed === undefined ? {} : { seed: request.seed }),
      ...(request.replay ? { path: request.replay.path, ...(request.replay.replayPath ? { replayPath: request.replay.replayPath } : {}) } : {}),
    });
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    if (result.ok) {
      process.stdout.write(`model: passed ${result.runs} runs, ${result.executed} procedures carried out (${secs} s)\n`);
      return 0;
    }
    const f = result.failure!;
    process.stdout.write(`model: FAILED after ${result.runs} runs (${secs} s), seed ${f.seed}: ${f.commands}\n  ${f.error.split('\n')[0]}\n`
      + `  written to ${f.file ? displayPath(f.file) : '(not written)'}; again: npm run fuzz -- --replay ${f.file ? displayPath(f.file) : '<file>'}\n`);
    return 1;
  } catch (error) {
    if (!(error instanceof Inconclusive || error instanceof NotApplicable)) throw error;
    process.stdout.write(`model: ${error instanceof NotApplicable ? 'NOT APPLICABLE' : 'INCONCLUSIVE'}: ${error.message}\n`);
    return 3;
  } finally {
    await session.close();
  }
}

/** The differential run's request, every input checked; null unless --against is given or the replay is of one. */
export function parseDifferentialRequest(argv: string[]): DifferentialRequest | null {
  const values = flags(argv);
  const replaying = values.replay !== undefined && replayFileKind(values.replay) === 'differential';
  if (values.against === undefined && !replaying) {
    if (values.keys !== undefined) throw new UsageError(`--keys: only a differential run (--against twin) takes it (${usage})`);
    return null;
  }
  if (values.against !== undefined && values.against !== 'twin') throw new UsageError(`--against ${values.against}: a unit is compared with the in-process twin only (--against twin)`);
  for (const other of ['field', 'soak'] as const) {
    if (values[other] !== undefined) throw new UsageError(`--${other}: a differential run drives keys from the status screen, not fields (${usage})`);
  }
  const replay = values.replay === undefined ? undefined : readDifferential(values.replay);
  const target = values.target ?? replay?.target;
  const generation = values.generation ?? replay?.generation;
  if (target === undefined) throw new UsageError(`--target is missing (${usage})`);
  if (generation === undefined) throw new UsageError(`--generation is missing (${usage})`);
  if (replay && generation !== replay.generation) throw new UsageError(`--generation ${generation}: the replayed difference is of generation ${replay.generation}`);
  if (replay && values.keys !== undefined) throw new UsageError('--keys: a replay runs the sequence of its file');
  const maxKeys = integer('keys', values.keys, 1) ?? replay?.maxKeys ?? 20;
  const runs = integer('runs', values.runs, 1) ?? 100;
  const seed = integer('seed', values.seed, Number.MIN_SAFE_INTEGER) ?? replay?.seed;
  const statement = statementFor(target, values.statement);
  if (!statement.generations.includes(generation)) throw new UsageError(`--generation ${generation}: target ${target} runs firmware ${statement.generations.join(' or ')}`);
  if (!statementFor('twin').generations.includes(generation)) throw new UsageError(`--generation ${generation}: the twin runs no such firmware`);
  const lacks = (['keypad', 'screen'] as const).filter((c) => !statement.capabilities.includes(c));
  if (lacks.length > 0) throw new UsageError(`--target ${target}: a differential run needs a keypad and a screen; it has no ${lacks.join(' and no ')}`);
  return { target, generation, statement, maxKeys, runs, seed, path: replay?.path };
}

/** The request, every input checked: one line naming what and where otherwise. */
export function parseRequest(argv: string[]): FuzzRequest {
  const values = flags(argv);
  const replay = values.replay === undefined ? undefined : readFailure(values.replay);
  const target = values.target ?? replay?.target;
  const generation = values.generation ?? replay?.generation;
  if (target === undefined) throw new UsageError(`--target is missing (${usage})`);
  if (generation === undefined) throw new UsageError(`--generation is missing (${usage})`);
  if (replay && values.generation !== undefined && values.generation !== replay.generation) throw new UsageError(`--generation ${values.generation}: the replayed failure is of generation ${replay.generation}`);
  if (replay && values.field !== undefined) throw new UsageError('--field: a replay runs the field of its file');
  const runs = integer('runs', values.runs, 1) ?? 100;
  const seed = integer('seed', values.seed, Number.MIN_SAFE_INTEGER) ?? replay?.seed;
  const statement = statementFor(target, values.statement);
  if (!statement.generations.includes(generation)) throw new UsageError(`--generation ${generation}: target ${target} runs firmware ${statement.generations.join(' or ')}`);
  const fw = loadGeneration(generation).firmware;
  const prompt = replay?.field ?? values.field;
  let fields = fuzzFields(fw);
  if (prompt !== undefined) {
    const one = fuzzFieldOf(fw, prompt);
    const where = replay ? `--replay ${displayPath(values.replay!)}: field` : '--field';
    if (!one) throw new UsageError(`${where} "${prompt}": no input field of firmware ${generation} (known: ${fields.map((f) => `"${f.prompt}"`).join(', ')})`);
    fields = [one];
  }
  return { target, generation, statement, fields, runs, seed, path: replay?.path };
}

/** One line per field, rewritten in place on a terminal; plain lines otherwise. */
class Progress {
  readonly #tty = process.stdout.isTTY === true;
  #failures = 0;

  update(field: string, tries: number): void {
    if (this.#tty) process.stdout.write(`\r\x1b[K${field}: ${tries} tries, ${this.#failures} failing field(s) so far`);
  }

  done(r: FieldResult | { field: string; inconclusive: string }): void {
    if (this.#tty) process.stdout.write('\r\x1b[K');
    if ('inconclusive' in r) {
      process.stdout.write(`${r.field}: INCONCLUSIVE: ${r.inconclusive}\n`);
      return;
    }
    if (!r.ok) this.#failures++;
    const secs = (r.ms / 1000).toFixed(1);
    process.stdout.write(r.ok
      ? `${r.field}: passed ${r.tries} tries (${secs} s)\n`
      : `${r.field}: FAILED after ${r.tries} tries (${secs} s): ${r.failure!.described}: ${r.failure!.error.split('\n')[0]}\n  written to ${r.file ? displayPath(r.file) : '(not written)'}; again: npm run fuzz -- --target ${r.failure!.target} --replay ${r.file ? displayPath(r.file) : '<file>'}\n`);
  }
}

/** The soak's progress on a terminal, rewritten in place. */
function soakProgress(keys: number, powerCuts: number, ms: number): void {
  if (process.stdout.isTTY) process.stdout.write(`\r\x1b[K${keys} keys, ${Math.round(keys / (ms / 1000))} keys/s, ${powerCuts} power cuts`);
}

async function runSoak(request: SoakRequest): Promise<number> {
  process.stdout.write(`soak: ${request.keys} keys on the in-process twin ${request.generation}, seed ${request.seed}\n`);
  const result = await soak({ ...request, onProgress: (p) => soakProgress(p.keys, p.powerCuts, p.ms) });
  if (process.stdout.isTTY) process.stdout.write('\r\x1b[K');
  const v = result.violation;
  if (v) {
    const file = writeSoakReport(result);
    process.stdout.write(`soak: FAILED ${v.check} at key ${v.keyIndex} (seed ${result.seed}): ${v.message.split('\n')[0]}; written to ${displayPath(file)}\n`);
    return 1;
  }
  process.stdout.write(`soak: passed ${result.keys} keys in ${(result.ms / 1000).toFixed(1)} s, ${Math.round(result.keysPerSecond)} keys/s; `
    + `${result.powerCuts} power cuts (${result.cutsMidSave} mid-save, ${result.cutsMidEdit} mid-edit), ${result.saves} saves, ${result.boots} boots, `
    + `${result.keysTaken} keys on screens that take keys\n`);
  return 0;
}

/** One unit of the target and one in-process twin, side by side: 0 they agree, 1 a difference, 3 inconclusive. */
async function runAgainstTwin(request: DifferentialRequest): Promise<number> {
  return besideReferenceTwin(request.target, request.generation, request.statement, async (pair) => {
    try {
      const result = await runDifferential({
        targetName: request.target, ...pair, maxKeys: request.maxKeys, runs: request.runs, seed: request.seed,
        ...(request.path === undefined ? {} : { path: request.path }),
        onRun: (runs) => { if (process.stdout.isTTY) process.stdout.write(`\r\x1b[K${runs} runs`); },
      });
      if (process.stdout.isTTY) process.stdout.write('\r\x1b[K');
      process.stdout.write(result.ok
        ? `differential: ${request.target} and the in-process twin agree on ${request.path === undefined ? `${result.runs} runs of up to ${request.maxKeys} steps` : 'the replayed sequence'} (${(result.ms / 1000).toFixed(1)} s)\n`
        : `${describeDifference(result)}\n`);
      return result.ok ? 0 : 1;
    } catch (error) {
      if (!(error instanceof Inconclusive || error instanceof NotApplicable)) throw error;
      process.stdout.write(`differential: INCONCLUSIVE: ${error.message}\n`);
      return 3;
    }
  });
}

export async function main(argv: string[]): Promise<number> {
  let request: FuzzRequest;
  try {
    const soakRequest = parseSoakRequest(argv);
    if (soakRequest) return await runSoak(soakRequest);
    const modelRequest = parseModelRequest(argv);
    if (modelRequest) return await runModel(modelRequest);
    const differentialRequest = parseDifferentialRequest(argv);
    if (differentialRequest) return await runAgainstTwin(differentialRequest);
    request = parseRequest(argv);
  } catch (error) {
    const code = exitCodeFor(error);
    if (code === null) throw error;
    return code;
  }
  const progress = new Progress();
  let session: Awaited<ReturnType<typeof openTarget>>;
  try {
    session = await openTarget(request.target, request.generation, request.statement);
  } catch (error) {
    // A target that cannot be opened (no such serial port, the twin's process did not start): one line.
    const code = exitCodeFor(error);
    if (code === null) throw error;
    return code;
  }
  let failed = false;
  let inconclusive = false;
  try {
    // A unit of its own per field where the target hands out fresh ones; the one unit otherwise.
    for (const field of request.fields) {
      const target = await session.forScenario();
      try {
        const result = await fuzzField({
          session, target, field, targetName: request.target, runs: request.runs, seed: request.seed,
          ...(request.path === undefined ? {} : { path: request.path }),
          onTry: (tries) => progress.update(field.prompt, tries),
        });
        progress.done(result);
        failed ||= !result.ok;
      } catch (error) {
        if (!(error instanceof Inconclusive || error instanceof NotApplicable)) throw error;
        progress.done({ field: field.prompt, inconclusive: error.message });
        inconclusive = true;
      } finally {
        await target.stop();
      }
    }
  } finally {
    await session.close();
  }
  // 1: the unit departs from the guide; 3: nothing failed, but the lab broke somewhere (as npm start).
  if (failed) return 1;
  return inconclusive ? 3 : 0;
}

if (import.meta.main) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: unknown) => {
    process.stderr.write(`error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  });
}
