// A differential run: the same generated key sequences drive the unit under test and a twin of
// the same generation side by side, both started at their status screen; after each key both
// screens are read (the twin's clock advanced by the appliance time the unit's answer took) and
// compared, unit-specific values masked (masks.ts). The first screen that differs fails the run;
// fast-check shrinks the sequence to the shortest that still differs, which is written with both
// screens after each key to reports/fuzz/differential-<seed>.json; --replay runs it again.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { displayPath } from '../../../fixtures/load.ts';
import type { FirmwareProfile } from '../../../fixtures/profiles.ts';
import { isChoiceStep, isDoStep } from '../../../fixtures/profiles.ts';
import type { TargetStatement } from '../../../fixtures/targets.ts';
import { openTarget, statementFor } from '../targets/index.ts';
import { openTwinSession } from '../targets/twin/adapter.ts';
import { Actor } from '../actor.ts';
import { Inconclusive, NotApplicable } from '../errors.ts';
import type { Capability, Key, ScreenSnapshot, Target, TargetSession } from '../protocols.ts';
import { recognize } from '../recognize.ts';
import { normalize, screenText } from '../screens.ts';
import { reach } from '../strategy.ts';
import { press, readScreen } from '../tasks/panel.ts';
import { fuzzReportsDir, readReplayFile } from './run.ts';
import type { MaskContext } from './masks.ts';
import { difference, masks } from './masks.ts';

/** A key of the guide's keypad, or a pause of WAIT_MS appliance time on both sides (timed screens). */
export type DifferentialStep = Key | 'WAIT';
export const differentialSteps = ['UP', 'DOWN', 'LEFT', 'RIGHT', 'ENTER', 'WAIT'] as const satisfies readonly DifferentialStep[];

/** A pause long enough for a refusal or a timed message to give way. */
export const WAIT_MS = 3000;

/** Both screens after one step ('start': at the status screen, before any key). */
export interface StepRecord {
  step: DifferentialStep | 'start';
  /** ENTER here would start one of the guide's actions (a reboot, a shutdown, a change of settings): sent to neither side. */
  heldBack?: string;
  unit: ScreenSnapshot;
  twin: ScreenSnapshot;
  /** How the masked screens differ (null: they agree). */
  differs: string | null;
}

export interface DifferentialReport {
  kind: 'differential';
  target: string;
  against: 'twin';
  generation: string;
  seed: number;
  /** fast-check's path to the shrunk sequence; with seed and maxKeys, --replay runs exactly it. */
  path: string;
  maxKeys: number;
  steps: DifferentialStep[];
  /** Index in `screens` of the first screen that differs. */
  differsAt: number | null;
  screens: StepRecord[];
  masks: Array<{ name: string; why: string }>;
  note?: string;
}

export interface DifferentialResult {
  ok: boolean;
  runs: number;
  report: DifferentialReport | null;
  file: string | null;
  ms: number;
}

export interface DifferentialOptions {
  /** The target as the run names it (twin-unit, serial:/dev/ttyUSB0): a replay opens it again. */
  targetName: string;
  unitSession: TargetSession;
  unit: Target;
  twinSession: TargetSession;
  twin: Target;
  maxKeys: number;
  runs: number;
  seed?: number;
  /** Replays a written difference: its path, with endOnFailure. */
  path?: string;
  /** Where a difference is written (null: not written). */
  reportsDir?: string | null;
  onRun?: (runs: number) => void;
}

/**
 * The reference twin: in-process, of the guide's own profiles (never QSA_TWIN_FIRMWARE_DIR's,
 * which a planted deviation gives the unit), one fresh unit per run.
 */
export function openReferenceTwin(generation: string): TargetSession {
  const statement = statementFor('twin');
  return openTwinSession({ generation, capabilities: new Set<Capability>(statement.capabilities), statement, reference: true });
}

/** A unit of the target and an in-process twin of the same generation, side by side, for `use`; both closed after. */
export async function besideReferenceTwin<T>(target: string, generation: string, statement: TargetStatement | undefined,
  use: (pair: { unitSession: TargetSession; unit: Target; twinSession: TargetSession; twin: Target }) => Promise<T>): Promise<T> {
  const unitSession = await openTarget(target, generation, statement);
  const twinSession = openReferenceTwin(generation);
  try {
    const unit = await unitSession.forScenario();
    const twin = await twinSession.forScenario();
    try {
      return await use({ unitSession, unit, twinSession, twin });
    } finally {
      await unit.stop();
      await twin.stop();
    }
  } finally {
    await unitSession.close();
    await twinSession.close();
  }
}

/** The unit's serial number where it can be read (its label) or is declared (its statement): the twin takes the same. */
async function unitSerialNumber(unit: Target, session: TargetSession): Promise<number | undefined> {
  if (unit.label && unit.capabilities.has('label')) return (await unit.label.read()).serialNumber;
  return session.statement.unit?.serialNumber;
}

/** The guide's action ENTER on `screen` would start at once, if any (held back: it would change the unit or its lab). */
export function actionOnEnter(screen: ScreenSnapshot, fw: FirmwareProfile): string | null {
  const r = recognize(screen, fw);
  const doOf = (flow: string, step: number): string | null => {
    const s = fw.flows[flow]!.steps[step];
    return s && isDoStep(s) ? s.do : null;
  };
  switch (r.kind) {
    case 'confirm':
    case 'field':
      return doOf(r.flow, r.step + 1);
    case 'link':
      return r.confirming ? `${r.flow} (a port link)` : null;
    case 'choice': {
      const step = fw.flows[r.flow]!.steps[r.step];
      const option = step && isChoiceStep(step) ? step.choose.find((o) => normalize(o.text) === screenText(screen) || normalize(o.text) === normalize(screen.lines[0])) : undefined;
      return option?.then ?? null;
    }
    case 'menu': {
      const item = fw.menus[r.menu]!.items.find((i) => i.label === r.label);
      return item?.starts ? doOf(item.starts, 0) : null;
    }
    case 'status':
      // ENTER on the ACTIVATION CODE screen or an error contacts the platform again.
      return r.shows === 'name-and-ip' ? null : `contact the platform (${r.shows})`;
    default:
      return null;
  }
}

/** Both sides at their status screen, then every step on both; stops at the first screen that differs. */
async function drive(unit: Actor, twin: Actor, steps: readonly DifferentialStep[], context: MaskContext, user: string): Promise<StepRecord[]> {
  await reach(unit, 'name-and-ip', { user });
  await reach(twin, 'name-and-ip', { user });
  const read = async (step: StepRecord['step'], heldBack?: string): Promise<StepRecord> => {
    const [u, t] = [await readScreen(unit), await readScreen(twin)];
    return { step, ...(heldBack ? { heldBack } : {}), unit: u, twin: t, differs: difference(u, t, context) };
  };
  const records = [await read('start')];
  for (const step of steps) {
    if (records[records.length - 1]!.differs) break;
    const action = step === 'ENTER' ? actionOnEnter(records[records.length - 1]!.unit, context.fw) : null;
    if (action) {
      records.push(await read(step, action));
      continue;
    }
    // The unit's answer takes appliance time (a serial line's); the twin lives through as much.
    const before = unit.target.time.now();
    if (step === 'WAIT') await unit.target.time.wait(WAIT_MS);
    else await press(unit, step);
    const elapsed = Math.max(0, unit.target.time.now() - before);
    if (step !== 'WAIT') await press(twin, step);
    await twin.target.time.wait(elapsed);
    records.push(await read(step));
  }
  return records;
}

/** A run's screens differed (its records are read again from the shrunk sequence). */
class ScreensDiffer extends Error {
  override name = 'ScreensDiffer';
}

function firstDifference(records: readonly StepRecord[]): number | null {
  const i = records.findIndex((r) => r.differs !== null);
  return i < 0 ? null : i;
}

export async function runDifferential(options: DifferentialOptions): Promise<DifferentialResult> {
  const started = Date.now();
  const unit = Actor.using(options.unit, { session: options.unitSession, recording: false });
  const twin = Actor.using(options.twin, { session: options.twinSession, recording: false });
  const serialNumber = await unitSerialNumber(options.unit, options.unitSession);
  if (serialNumber !== undefined) await twin.need('stock').useUnit(serialNumber);
  const user = options.unitSession.statement.unit?.activatedBy ?? 'jdoe';
  const context: MaskContext = { fw: unit.guide.firmware, sameLab: options.unitSession.statement.driver !== 'serial' && options.unitSession.statement.driver !== 'twin-live' };
  let runs = 0;
  // The lab broke (the strategy gave up on the unit): no run after it counts, and the result is inconclusive.
  let labFault: Inconclusive | NotApplicable | null = null;
  const attempt = async (steps: DifferentialStep[]): Promise<void> => {
    if (labFault) return;
    runs++;
    options.onRun?.(runs);
    let records: StepRecord[];
    try {
      records = await drive(unit, twin, steps, context, user);
    } catch (error) {
      if (!(error instanceof Inconclusive || error instanceof NotApplicable)) throw error;
      labFault = error;
      return;
    }
    if (firstDifference(records) !== null) throw new ScreensDiffer();
  };
  const sequences = fc.array(fc.constantFrom(...differentialSteps), { maxLength: options.maxKeys });
  const details = await fc.check(fc.asyncProperty(sequences, attempt), {
    numRuns: options.runs,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.path === undefined ? {} : { path: options.path, endOnFailure: true }),
  });
  if (labFault) throw labFault;
  // Anything but a difference (an error of the suite's own) is not shrunk away.
  if (details.failed && !(details.errorInstance instanceof ScreensDiffer)) throw details.errorInstance;
  if (!details.failed) return { ok: true, runs, report: null, file: null, ms: Date.now() - started };

  const [steps] = details.counterexample as [DifferentialStep[]];
  // Once more, for both screens after each key of the shrunk sequence.
  const screens = await drive(unit, twin, steps, context, user);
  const differsAt = firstDifference(screens);
  const report: DifferentialReport = {
    kind: 'differential',
    target: options.targetName,
    against: 'twin',
    generation: options.unit.generation,
    seed: details.seed,
    path: details.counterexamplePath ?? '',
    maxKeys: options.maxKeys,
    steps,
    differsAt,
    screens,
    masks: masks.map(({ name, why }) => ({ name, why })),
    ...(differsAt === null ? { note: 'the shrunk sequence agreed when run again: the difference depends on timing or on what ran before it' } : {}),
  };
  const dir = options.reportsDir === undefined ? fuzzReportsDir : options.reportsDir;
  let file: string | null = null;
  if (dir !== null) {
    mkdirSync(dir, { recursive: true });
    file = join(dir, `differential-${details.seed}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  }
  return { ok: false, runs, report, file, ms: Date.now() - started };
}

/** One screen on one line, as the summary and the transcript write it. */
export function oneLine(screen: ScreenSnapshot): string {
  const cursor = screen.cursor ? ` cursor ${screen.cursor.row}:${screen.cursor.col}` : '';
  return `"${screen.lines[0]}" / "${screen.lines[1]}" [${screen.indicators.join(' ')}]${cursor}`;
}

/** The one line a difference is reported in. */
export function describeDifference(result: DifferentialResult): string {
  const report = result.report!;
  const where = report.differsAt ?? report.screens.length - 1;
  const last = report.screens[where]!;
  const keys = report.steps.slice(0, Math.max(0, where)).join(' ') || '(no key)';
  const file = result.file ? displayPath(result.file) : '<file>';
  return `differential: ${report.target} DIFFERS from the in-process twin after ${where} step(s): ${keys}: `
    + `${last.differs ?? 'no longer (see the file\'s note)'}: unit ${oneLine(last.unit)}, twin ${oneLine(last.twin)} `
    + `(${result.runs} runs, ${(result.ms / 1000).toFixed(1)} s, seed ${report.seed}); written to ${file}; again: npm run fuzz -- --replay ${file}`;
}

const reportSchema = z.object({
  kind: z.literal('differential'),
  target: z.string().min(1),
  against: z.literal('twin'),
  generation: z.string().min(1),
  seed: z.number().int(),
  path: z.string(),
  maxKeys: z.number().int().positive(),
});

/** Whether a replay file is a differential run's (rather than a field's): its `kind`. */
/** A written difference, to replay: its target, generation, seed, path and longest sequence. */
export function readDifferential(file: string): z.infer<typeof reportSchema> {
  return readReplayFile(file, reportSchema);
}
