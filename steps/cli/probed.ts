// The capability statement as declared and as probed: before a certification run on a unit's line
// (serial:, tcp:), the probe (npm run probe) looks at the unit as it stands and writes what it
// finds; the bundle keeps both statements and says where they differ, so that a reader sees
// whether the lab declared the unit it certified. The run itself goes by the declared statement.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FixtureError } from '../../fixtures/load.ts';
import type { TargetStatement } from '../../fixtures/targets.ts';
import { statementLayout } from '../../fixtures/targets.ts';
import { NavigationError } from '../support/errors.ts';
import { LinkError } from '../support/targets/serial/link.ts';
import { probe, ProbeError } from '../support/targets/serial/probe.ts';
import { statementYaml } from './probe.ts';

export const PROBED_STATEMENT = 'statement.probed.yaml';

export interface StatementDifference {
  /** The statement's key, as written in YAML. */
  field: string;
  declared: string;
  probed: string;
}

/** What certification.json says of the statement: the declared one, and the probed one or why there is none. */
export interface StatementRecord {
  declared: string;
  probed: Array<{ file: string; unit: string; differences: StatementDifference[] }>;
  /** Why a unit was not probed (a target that is no line, or a probe that failed), one line each. */
  notProbed: string[];
}

/** Whether the target is a unit's line, the only kind of target the probe reads. */
export const isLine = (target: string) => /^(serial|tcp):/.test(target);

/** Where the probed statement departs from the declared one, in what a probe can find. */
export function statementDifferences(declared: TargetStatement, probed: TargetStatement): StatementDifference[] {
  const differences: StatementDifference[] = [];
  const note = (field: string, d: unknown, p: unknown) => differences.push({ field, declared: show(d), probed: show(p) });
  const generation = probed.generations[0]!;
  if (!declared.generations.includes(generation)) note('generations', declared.generations, probed.generations);
  const layoutOf = (s: TargetStatement) => {
    const { lines, width, indicators, cursor } = statementLayout(s);
    return { lines, width, indicators, cursor };
  };
  if (show(layoutOf(declared)) !== show(layoutOf(probed))) note('console', layoutOf(declared), layoutOf(probed));
  if (declared.entry !== probed.entry) note('entry', declared.entry, probed.entry);
  // Only where both say: a statement may be silent on the unit, and the probe is where the status screen says nothing of it.
  if (probed.unit && declared.unit && declared.unit.activated !== probed.unit.activated) note('unit.activated', declared.unit.activated, probed.unit.activated);
  if (probed.unit?.activatedBy && declared.unit?.activatedBy && declared.unit.activatedBy !== probed.unit.activatedBy) note('unit.activatedBy', declared.unit.activatedBy, probed.unit.activatedBy);
  // Timing is not compared: each probe measures it afresh (with margins), and the run's target learns it as it goes.
  return differences;
}

function show(value: unknown): string {
  return value === undefined ? 'not said' : typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Probes the unit on `target` and writes the statement it finds to <out>/statement.probed.yaml,
 * with its differences from `declared`; a probe that fails is said, not fatal (the run will find
 * what it can). A target that is no line is not probed, and the record says why.
 */
export async function probeDeclared(target: string, declared: TargetStatement, out: string): Promise<StatementRecord> {
  const record: StatementRecord = { declared: 'statement.yaml', probed: [], notProbed: [] };
  if (!isLine(target)) {
    record.notProbed.push(`${target}: not probed: the probe reads a unit on a line (serial:, tcp:); this target's capabilities are its statement's`);
    return record;
  }
  try {
    const result = await probe({ target, name: declared.name });
    writeFileSync(join(out, PROBED_STATEMENT), statementYaml(result, target));
    record.probed.push({ file: PROBED_STATEMENT, unit: target, differences: statementDifferences(declared, result.statement) });
  } catch (error) {
    if (!(error instanceof LinkError || error instanceof ProbeError || error instanceof FixtureError || error instanceof NavigationError)) throw error;
    record.notProbed.push(`${target}: the probe failed: ${error.message.split('\n')[0]}`);
  }
  return record;
}

/** One line per unit: its probe agrees with the declared statement, or where it departs. */
export function statementSummary(record: StatementRecord): string[] {
  return [
    ...record.probed.map((p) => (p.differences.length === 0
      ? `${p.unit}: as probed (${p.file}), agrees with the declared statement`
      : `${p.unit}: as probed (${p.file}), differs from the declared statement: ${p.differences.map((d) => `${d.field} declared ${d.declared}, probed ${d.probed}`).join('; ')}`)),
    ...record.notProbed,
  ];
}
