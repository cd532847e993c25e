// A plan before a run on hardware (npm start -- --plan), and the shards of a run shared by
// several units (--shard k/n). Neither touches the unit.
//
// Each selected scenario gets a projected time: the twin's virtual time for it (deterministic,
// so every machine projects the same) plus the line time of the bytes a console would carry
// (bytes x 11 bits / 9600 baud). Projections are kept in reports/projections/<generation>.json
// for the suite as it is (a hash of its features, fixtures, steps and twin) and are filled from
// any run against the in-process twin; the scenarios still missing are run on the in-process
// twin first. The order puts scenarios that need the same starting conditions together (mode
// switches, a unit that is not activated) and those that reboot or power-cycle the unit last,
// and shards are balanced by projected time, largest first, each to the least loaded shard.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import parseTagExpression from '@cucumber/tag-expressions';
import { projectRoot } from '../../fixtures/load.ts';
import type { ScenarioRef } from './scenarios.ts';
import { readFeatureScenarios } from './scenarios.ts';
import type { RunTally } from './tally.ts';

/** Line time of one byte at 9600 baud, 8 data bits, no parity, 2 stop bits (and a start bit). */
const BYTE_MS = (11 * 1000) / 9600;

export interface Projection {
  /** Appliance time on a unit that is up already (a fresh twin's first boot taken off). */
  applianceMs: number;
  /** Bytes a console carries both ways for the scenario. */
  consoleBytes: number;
  /** The first boot, which a scenario that power-cycles the unit goes through itself. */
  bootMs: number;
}

export type PlanGroup = 'as-is' | 'ipv6-only' | 'not-activated' | 'reboots' | 'power';

const groupOrder: readonly PlanGroup[] = ['as-is', 'ipv6-only', 'not-activated', 'reboots', 'power'];

export interface PlannedScenario extends ScenarioRef {
  group: PlanGroup;
  projection: Projection;
}

export interface PlanSelection {
  paths: string[];
  /** The tag expression the run would use (the generation's filter and the user's tags). */
  tags: string;
  /** The capabilities of the target's statement: scenarios that need others are not applicable. */
  capabilities: ReadonlySet<string>;
}

/** What the run selects, split into the scenarios that can run and those that are not applicable on the target. */
export function selectScenarios(selection: PlanSelection): { runnable: ScenarioRef[]; notApplicable: ScenarioRef[] } {
  const paths = selection.paths.length ? selection.paths.map((p) => join(projectRoot, p.replace(/:\d+$/, ''))) : undefined;
  const lineFilters = new Map<string, Set<number>>();
  for (const p of selection.paths) {
    const m = /^(.*):(\d+)$/.exec(p);
    if (m) lineFilters.set(relative(projectRoot, join(projectRoot, m[1]!)), new Set([...(lineFilters.get(m[1]!) ?? []), Number(m[2])]));
  }
  const expression = parseTagExpression(selection.tags);
  const chosen = readFeatureScenarios(paths).filter((s) => expression.evaluate(s.tags)).filter((s) => {
    const lines = lineFilters.get(s.uri);
    return !lines || s.key.split(':').slice(1).some((l) => lines.has(Number(l)));
  });
  const runs = (s: ScenarioRef) => s.tags.filter((t) => t.startsWith('@needs-')).every((t) => selection.capabilities.has(t.slice('@needs-'.length)));
  return { runnable: chosen.filter(runs), notApplicable: chosen.filter((s) => !runs(s)) };
}

/** What a scenario asks of the one unit it runs on, from its steps. */
export function groupOf(scenario: ScenarioRef): PlanGroup {
  const text = scenario.steps.join('\n');
  if (scenario.tags.includes('@needs-power') || /switched off|power button|AC power cord/i.test(text)) return 'power';
  if (/REBOOT|restart|reboot/.test(text)) return 'reboots';
  if (/ACTIVATION CODE screen/.test(text)) return 'not-activated';
  if (/IPv6-only mode|RESET TO IPv6 ONLY MODE/.test(text)) return 'ipv6-only';
  return 'as-is';
}

/** The suite as it is: a hash of what decides a scenario's course on the twin. */
export function suiteHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(feature|ya?ml|ts)$/.test(entry) && !entry.endsWith('.test.ts')) hash.update(relative(projectRoot, path)).update(readFileSync(path));
    }
  };
  for (const dir of ['features', 'fixtures', 'steps', 'twin']) walk(join(projectRoot, dir));
  return hash.digest('hex').slice(0, 16);
}

interface ProjectionFile { suite: string; scenarios: Record<string, Projection> }

/** Keeps the format of the projections: a file of another shape is no projection. */
const PROJECTION_FORMAT = 2;

function projectionFile(generation: string): string {
  return join(projectRoot, 'reports', 'projections', `${generation}.json`);
}

/** The projections kept for the suite as it is (none when the suite changed since). */
export function readProjections(generation: string, suite = suiteHash()): Map<string, Projection> {
  const file = projectionFile(generation);
  if (!existsSync(file)) return new Map();
  const kept = JSON.parse(readFileSync(file, 'utf8')) as ProjectionFile;
  return kept.suite === `${PROJECTION_FORMAT}:${suite}` ? new Map(Object.entries(kept.scenarios)) : new Map();
}

/** Keeps the projections of a run against the in-process twin (its virtual time and console bytes). */
export function keepProjections(generation: string, tally: RunTally, suite = suiteHash()): void {
  const known = readProjections(generation, suite);
  for (const s of tally.scenarios) {
    if (s.status === 'not-applicable' || !s.consoleBytes) continue;
    // A fresh twin boots first; one unit on a bench is up already (unless the scenario power-cycles it).
    const bootMs = Math.round(s.consoleBytes.bootMs ?? 0);
    known.set(s.key, { applianceMs: Math.round(s.applianceMs) - bootMs, consoleBytes: s.consoleBytes.sent + s.consoleBytes.received, bootMs });
  }
  const file = projectionFile(generation);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify({ suite: `${PROJECTION_FORMAT}:${suite}`, scenarios: Object.fromEntries(known) } satisfies ProjectionFile) + '\n');
}

/** Projected time of a scenario on one unit: its appliance time and its line time. */
export function projectedMs(p: Projection): number {
  return p.applianceMs + p.consoleBytes * BYTE_MS;
}

/**
 * The plan: every runnable scenario with its projection, in the order for one unit. `project`
 * runs the scenarios still missing on the in-process twin and returns its tally.
 */
export async function makePlan(generation: string, runnable: ScenarioRef[], project: (paths: string[], reportsDir: string) => Promise<RunTally>): Promise<PlannedScenario[]> {
  const suite = suiteHash();
  let known = readProjections(generation, suite);
  const missing = runnable.filter((s) => !known.has(s.key));
  if (missing.length > 0) {
    const dir = mkdtempSync(join(tmpdir(), 'qsa-projection-'));
    try {
      keepProjections(generation, await project(missing.map((s) => `${s.uri}:${s.line}`), dir), suite);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    known = readProjections(generation, suite);
  }
  const planned = runnable.map((s) => {
    const group = groupOf(s);
    const p = known.get(s.key) ?? { applianceMs: 0, consoleBytes: 0, bootMs: 0 };
    // Scenarios that power-cycle the unit go through its boot themselves.
    return { ...s, group, projection: group === 'power' ? { ...p, applianceMs: p.applianceMs + p.bootMs } : p };
  });
  return planned.sort((a, b) => groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group) || a.uri.localeCompare(b.uri) || a.line - b.line);
}

/** Shard `k` (1-based) of `n`: largest projected time first, each to the least loaded shard; plan order kept. */
export function shardOf(plan: PlannedScenario[], k: number, n: number): PlannedScenario[] {
  const loads = Array.from({ length: n }, () => 0);
  const assigned = new Map<string, number>();
  const byTime = [...plan].sort((a, b) => projectedMs(b.projection) - projectedMs(a.projection) || a.key.localeCompare(b.key));
  for (const s of byTime) {
    const least = loads.indexOf(Math.min(...loads));
    loads[least]! += projectedMs(s.projection);
    assigned.set(s.key, least + 1);
  }
  return plan.filter((s) => assigned.get(s.key) === k);
}

function minutes(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 3600 ? `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min` : s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** The plan as text: each scenario with its projection, the totals, and each shard's. */
export function formatPlan(target: string, generation: string, plan: PlannedScenario[], notApplicable: number, shards: number): string {
  const out: string[] = [`plan for ${target}, firmware ${generation}: ${plan.length} scenarios to run, ${notApplicable} not applicable on this target`, ''];
  let group: PlanGroup | null = null;
  for (const [i, s] of plan.entries()) {
    if (s.group !== group) {
      group = s.group;
      out.push(`  -- ${group === 'as-is' ? 'from the unit as it is' : group === 'ipv6-only' ? 'in IPv6-only mode' : group === 'not-activated' ? 'on a unit not yet activated' : group === 'reboots' ? 'rebooting the unit' : 'power-cycling the unit'}`);
    }
    out.push(`  ${String(i + 1).padStart(4)}  ${minutes(projectedMs(s.projection)).padStart(10)}  ${s.key}  ${s.name}`);
  }
  const total = plan.reduce((t, s) => t + projectedMs(s.projection), 0);
  const line = plan.reduce((t, s) => t + s.projection.consoleBytes * BYTE_MS, 0);
  out.push('', `total on one unit: ${minutes(total)} (${minutes(total - line)} of appliance time, ${minutes(line)} on a 9600-baud line); `
    + `${plan.filter((s) => s.group === 'reboots').length} scenarios reboot the unit, ${plan.filter((s) => s.group === 'power').length} power-cycle it, each group run together`);
  if (shards > 1) {
    for (let k = 1; k <= shards; k++) {
      const shard = shardOf(plan, k, shards);
      out.push(`shard ${k}/${shards}: ${shard.length} scenarios, ${minutes(shard.reduce((t, s) => t + projectedMs(s.projection), 0))}`);
    }
  }
  return out.join('\n') + '\n';
}
