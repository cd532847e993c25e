// npm run error-report: every documented error (the requirements of the troubleshooting chapter's
// error sections), the scenarios that produce it per firmware generation, and whether they passed
// in the last run (reports/<target>-<generation>/messages.ndjson). Writes <reports>/errors.md and
// exits non-zero when a documented error has no passing scenario for one of its editions.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import type { Pickle } from '@cucumber/messages';
import { IdGenerator } from '@cucumber/messages';
import parseTagExpression from '@cucumber/tag-expressions';
import { projectRoot } from '../../fixtures/load.ts';
import { listGenerations } from '../../fixtures/profiles.ts';
import type { Edition, Requirement } from '../../fixtures/registers.ts';
import { editionsOf, loadRequirementRegister } from '../../fixtures/registers.ts';
import { generationFilter } from './start.ts';
import { nodeLines, readTally, scenarioKey } from './tally.ts';

/** The sections whose requirements are the documented errors. */
export const errorSections = ['network-errors-2017', 'appliance-network-errors', 'older-model-errors', 'communication-failure'] as const;

export type Outcome = 'passed' | 'failed' | 'not applicable' | 'inconclusive' | 'informative' | 'not run';

export interface ScenarioRef {
  /** "features/x.feature:12" or, for an Examples row, "features/x.feature:12:40" (scenario, row). */
  key: string;
  uri: string;
  line: number;
  name: string;
  tags: string[];
}

// ---------------------------------------------------------------------------------------------
// Scenarios, identified the same way in the feature files and in the run's messages.

function refOf(pickle: Pickle, lines: Map<string, number>): ScenarioRef {
  const key = scenarioKey(pickle, lines);
  const line = Number(key.split(':').pop()) || 0;
  return { key, uri: pickle.uri, line, name: pickle.name, tags: pickle.tags.map((t) => t.name) };
}

function featureFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? featureFiles(path) : entry.endsWith('.feature') ? [path] : [];
  }).sort();
}

/** Every scenario (each Examples row is one) of the feature files, with its tags. */
export function readFeatureScenarios(featuresDir = join(projectRoot, 'features')): ScenarioRef[] {
  const out: ScenarioRef[] = [];
  for (const file of featureFiles(featuresDir)) {
    const uri = relative(projectRoot, file);
    const newId = IdGenerator.incrementing();
    const document = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher()).parse(readFileSync(file, 'utf8'));
    const lines = nodeLines(document);
    for (const pickle of compile(document, uri, newId)) out.push(refOf(pickle, lines));
  }
  return out;
}

/** The outcome of every scenario of a run, from its cucumber messages. */
export function readRunOutcomes(messagesFile: string): Map<string, Outcome> {
  const tally = readTally(messagesFile);
  return new Map((tally?.scenarios ?? []).map((s) => [s.key, s.status === 'not-applicable' ? 'not applicable' : s.status]));
}

// ---------------------------------------------------------------------------------------------
// The report.

export interface ErrorEntry {
  requirement: Requirement;
  /** Per edition: each scenario that runs for it, the generation it ran in and its outcome. */
  byEdition: Map<Edition, Array<{ scenario: ScenarioRef; generation: string; outcome: Outcome }>>;
  /** Editions without a passing scenario (empty for a requirement verified by inspection). */
  missing: Edition[];
}

export function buildEntries(
  requirements: Requirement[],
  scenarios: ScenarioRef[],
  runs: Map<string, Map<string, Outcome>>,
): ErrorEntry[] {
  const filters = new Map([...runs.keys()].map((g) => [g, parseTagExpression(generationFilter(g, undefined))]));
  return requirements.map((requirement) => {
    const tagged = scenarios.filter((s) => s.tags.includes(`@${requirement.id}`));
    const byEdition = new Map<Edition, Array<{ scenario: ScenarioRef; generation: string; outcome: Outcome }>>();
    for (const edition of requirement.editions) {
      const list: Array<{ scenario: ScenarioRef; generation: string; outcome: Outcome }> = [];
      for (const [generation, outcomes] of runs) {
        if (!editionsOf(generation).includes(edition)) continue;
        for (const scenario of tagged) {
          if (!filters.get(generation)!.evaluate(scenario.tags)) continue;
          list.push({ scenario, generation, outcome: outcomes.get(scenario.key) ?? 'not run' });
        }
      }
      byEdition.set(edition, list);
    }
    const missing = requirement.verification === 'inspection'
      ? []
      : requirement.editions.filter((e) => !(byEdition.get(e) ?? []).some((x) => x.outcome === 'passed'));
    return { requirement, byEdition, missing };
  });
}

const marks: Record<Outcome, string> = { passed: 'passed', failed: 'FAILED', 'not applicable': 'not applicable', inconclusive: 'inconclusive', informative: 'informative', 'not run': 'not run' };

export function renderReport(entries: ErrorEntry[], sections: Map<string, { title: string }>, sources: string[]): string {
  const errors = entries.filter((e) => e.requirement.verification !== 'inspection');
  const missing = errors.filter((e) => e.missing.length > 0);
  const out = [
    '# Documented errors and the scenarios that produce them',
    '',
    'Generated by `npm run error-report` from fixtures/requirements/troubleshooting.yaml, the tags of',
    `the feature files and the last run's messages (${sources.join(', ')}).`,
    '',
    `${errors.length} documented errors (requirements verified by a scenario); ${errors.length - missing.length} with a passing`
      + ` scenario for each of their editions; ${missing.length} without.`,
    '',
  ];
  if (missing.length) {
    out.push('Without a passing scenario:', '');
    for (const e of missing) out.push(`- ${e.requirement.id} (${e.missing.join(', ')}): ${e.requirement.quote}`);
    out.push('');
  }
  for (const [id, section] of sections) {
    const here = entries.filter((e) => e.requirement.section === id);
    if (here.length === 0) continue;
    out.push(`## ${section.title} (\`${id}\`)`, '');
    for (const e of here) {
      const r = e.requirement;
      out.push(`### ${r.id} [${r.editions.join(', ')}]${e.missing.length ? ` - NO PASSING SCENARIO (${e.missing.join(', ')})` : ''}`, '', `> ${r.quote}`, '');
      if (r.verification === 'inspection') {
        out.push(`Verified by inspection: ${r.reason ?? ''}`, '');
        continue;
      }
      for (const [edition, list] of e.byEdition) {
        if (list.length === 0) {
          out.push(`- ${edition}: no scenario`);
          continue;
        }
        for (const { scenario, generation, outcome } of list) {
          out.push(`- ${edition}, firmware ${generation}: ${marks[outcome]} - ${scenario.uri}:${scenario.line} ${scenario.name}`);
        }
      }
      out.push('');
    }
  }
  return out.join('\n');
}

export function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      reports: { type: 'string', default: join(projectRoot, 'reports') },
      target: { type: 'string', default: 'twin' },
    },
  });
  const register = loadRequirementRegister();
  const sections = new Map([...errorSections].map((id) => [id, register.sections.get(id)!] as const).filter(([, s]) => s !== undefined));
  const requirements = [...register.requirements.values()].filter((r) => (errorSections as readonly string[]).includes(r.section));
  const scenarios = readFeatureScenarios();
  const runs = new Map<string, Map<string, Outcome>>();
  const sources: string[] = [];
  for (const generation of listGenerations()) {
    const file = join(values.reports, `${values.target}-${generation}`, 'messages.ndjson');
    runs.set(generation, readRunOutcomes(file));
    const shown = relative(projectRoot, file).startsWith('..') ? file : relative(projectRoot, file);
    sources.push(existsSync(file) ? shown : `${shown} (missing)`);
  }
  const entries = buildEntries(requirements, scenarios, runs);
  mkdirSync(values.reports, { recursive: true });
  const target = join(values.reports, 'errors.md');
  writeFileSync(target, renderReport(entries, sections, sources) + '\n');
  const missing = entries.filter((e) => e.missing.length > 0);
  const errors = entries.filter((e) => e.requirement.verification !== 'inspection').length;
  for (const e of missing) process.stdout.write(`no passing scenario: ${e.requirement.id} [${e.missing.join(', ')}] ${e.requirement.quote.slice(0, 80)}\n`);
  process.stdout.write(`${errors - missing.length} of ${errors} documented errors have a passing scenario for each edition; ${target} written\n`);
  return missing.length > 0 ? 1 : 0;
}

if (import.meta.main) {
  process.exitCode = main(process.argv.slice(2));
}
