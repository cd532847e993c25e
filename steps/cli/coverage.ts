// Requirement coverage: which scenarios verify which requirements, for which guide editions,
// from the tags of the feature files. `npm run coverage [section...]` prints the gaps; the unit
// tests fail when a section marked covered has a requirement without a scenario.
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { projectRoot } from '../../fixtures/load.ts';
import type { Edition, RequirementRegister } from '../../fixtures/registers.ts';
import { editions, loadErrataRegister, loadRequirementRegister } from '../../fixtures/registers.ts';

export interface ScenarioInfo {
  uri: string;
  name: string;
  line: number;
  tags: string[];
  /** The editions this scenario runs against (from @fw-YYYY tags; all when untagged). */
  editions: Edition[];
}

function featureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? featureFiles(path) : entry.endsWith('.feature') ? [path] : [];
  }).sort();
}

/** Every scenario (each Examples row is one) of every feature file, with its effective tags. */
export function readScenarios(featuresDir = join(projectRoot, 'features')): ScenarioInfo[] {
  const out: ScenarioInfo[] = [];
  for (const file of featureFiles(featuresDir)) {
    const uri = relative(projectRoot, file);
    const parser = new Parser(new AstBuilder(IdGenerator.uuid()), new GherkinClassicTokenMatcher());
    const document = parser.parse(readFileSync(file, 'utf8'));
    const pickles = compile(document, uri, IdGenerator.uuid());
    const lines = new Map<string, number>();
    const walk = (children: NonNullable<typeof document.feature>['children']) => {
      for (const child of children) {
        if (child.scenario) lines.set(child.scenario.id, child.scenario.location.line);
        if (child.rule) walk(child.rule.children);
      }
    };
    if (document.feature) walk(document.feature.children);
    for (const pickle of pickles) {
      const tags = pickle.tags.map((t) => t.name);
      // @fw-2017 / @fw-2022 restrict a scenario to an edition; other generations (the older
      // model, which both editions document) leave both.
      const fw = tags.filter((t) => /^@fw-\d{4}$/.test(t)).map((t) => t.slice(4) as Edition);
      out.push({ uri, name: pickle.name, line: lines.get(pickle.astNodeIds[0]!) ?? 0, tags, editions: fw.length ? fw : [...editions] });
    }
  }
  return out;
}

export interface Coverage {
  /** Requirement id -> edition -> scenarios that verify it there. */
  byRequirement: Map<string, Map<Edition, ScenarioInfo[]>>;
  /** Gaps in sections marked covered: requirement and edition with no scenario. */
  gaps: Array<{ id: string; section: string; edition: Edition }>;
  /** Tag problems: unknown requirement or errata ids, scenarios without requirement or section tags. */
  problems: string[];
}

/** The requirement ids among a scenario's tags (@ANE-006 gives ANE-006; errata ids are not requirements). */
export function requirementIds(tags: readonly string[]): string[] {
  return tags.filter((t) => /^@[A-Z0-9]+-\d{3}$/.test(t) && !t.startsWith('@ERRATA-')).map((t) => t.slice(1));
}

export function computeCoverage(register: RequirementRegister = loadRequirementRegister(), scenarios = readScenarios()): Coverage {
  const errata = loadErrataRegister(undefined, register.sections);
  const byRequirement = new Map<string, Map<Edition, ScenarioInfo[]>>();
  const problems: string[] = [];
  for (const s of scenarios) {
    const where = `${s.uri}:${s.line} "${s.name}"`;
    const reqTags = requirementIds(s.tags);
    const errataTags = s.tags.filter((t) => /^@ERRATA-\d{3}$/.test(t));
    const sections = s.tags.filter((t) => t.startsWith('@guide:')).map((t) => t.slice('@guide:'.length));
    // A scenario of an erratum's reading is tagged by the erratum alone.
    if (reqTags.length === 0 && errataTags.length === 0) problems.push(`${where}: no requirement tag`);
    if (sections.length === 0) problems.push(`${where}: no @guide:<section> tag`);
    for (const section of sections) if (!register.sections.has(section)) problems.push(`${where}: unknown section @guide:${section}`);
    for (const tag of errataTags) if (!errata.has(tag.slice(1))) problems.push(`${where}: unknown erratum ${tag}`);
    for (const id of reqTags) {
      const requirement = register.requirements.get(id);
      if (!requirement) {
        problems.push(`${where}: unknown requirement @${id}`);
        continue;
      }
      const perEdition = byRequirement.get(id) ?? new Map<Edition, ScenarioInfo[]>();
      for (const e of s.editions) {
        if (!requirement.editions.includes(e)) continue;
        perEdition.set(e, [...(perEdition.get(e) ?? []), s]);
      }
      byRequirement.set(id, perEdition);
    }
  }
  const gaps: Coverage['gaps'] = [];
  for (const r of register.requirements.values()) {
    if (r.verification !== 'scenario' || r.pending || register.sections.get(r.section)?.coverage !== 'covered') continue;
    for (const e of r.editions) {
      if (!(byRequirement.get(r.id)?.get(e)?.length)) gaps.push({ id: r.id, section: r.section, edition: e });
    }
  }
  for (const e of errata.values()) {
    if (register.sections.get(e.section)?.coverage !== 'covered') continue;
    if (!scenarios.some((s) => s.tags.includes(`@${e.id}`))) problems.push(`${e.id} (section ${e.section}, marked covered) has no scenario testing its reading`);
  }
  return { byRequirement, gaps, problems };
}

/** A readable register: each requirement, its scenarios per edition, or why it has none. */
export function renderCoverage(register: RequirementRegister, coverage: Coverage): string {
  const lines = ['# Requirement coverage', '', 'Generated by `npm run coverage` from the feature files and fixtures/requirements/.', ''];
  for (const section of register.sections.values()) {
    lines.push(`## ${section.title} (\`${section.id}\`, ${section.coverage === 'covered' ? 'covered' : `planned in issue ${section.issue}`})`, '');
    for (const r of register.requirements.values()) {
      if (r.section !== section.id) continue;
      if (r.verification === 'inspection') {
        lines.push(`- ${r.id} [${r.editions.join(', ')}] inspection: ${r.reason}`);
        continue;
      }
      if (r.pending && !coverage.byRequirement.get(r.id)?.size) {
        lines.push(`- ${r.id} [${r.editions.join(', ')}] pending issue ${r.pending.issue}: ${r.pending.reason}`);
        continue;
      }
      const per = coverage.byRequirement.get(r.id);
      const parts = r.editions.map((e) => {
        const list = per?.get(e) ?? [];
        return list.length ? `${e}: ${list.map((s) => `${s.uri}:${s.line}`).filter((v, i, a) => a.indexOf(v) === i).join(', ')}` : `${e}: none${section.coverage === 'covered' ? ' (GAP)' : ''}`;
      });
      lines.push(`- ${r.id} — ${parts.join('; ')}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

if (import.meta.main) {
  const only = process.argv.slice(2);
  const register = loadRequirementRegister();
  const coverage = computeCoverage(register);
  mkdirSync(join(projectRoot, 'reports'), { recursive: true });
  writeFileSync(join(projectRoot, 'reports', 'requirements.md'), renderCoverage(register, coverage));
  for (const p of coverage.problems) console.log(`problem: ${p}`);
  const want = (section: string) => only.length === 0 || only.includes(section);
  for (const r of register.requirements.values()) {
    if (!want(r.section) || r.verification === 'inspection' || (r.pending && only.length === 0)) continue;
    const missing = r.editions.filter((e) => !(coverage.byRequirement.get(r.id)?.get(e)?.length));
    if (missing.length && (only.length > 0 || register.sections.get(r.section)?.coverage === 'covered')) {
      console.log(`uncovered ${r.id} [${missing.join(', ')}] (${r.section}): ${r.quote.slice(0, 100)}`);
    }
  }
  console.log(`${coverage.gaps.length} gaps in covered sections, ${coverage.problems.length} problems; reports/requirements.md written`);
  process.exitCode = coverage.gaps.length + coverage.problems.length > 0 ? 1 : 0;
}
