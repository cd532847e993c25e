// The register rule: every requirement of a section marked covered has a scenario for each of
// its editions, and every tag names something the registers know. The first test is the gate
// (it fails while sections marked covered still lack scenarios).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Requirement, RequirementRegister, Section } from '../../fixtures/registers.ts';
import { loadRequirementRegister } from '../../fixtures/registers.ts';
import type { ScenarioInfo } from './coverage.ts';
import { computeCoverage, readScenarios } from './coverage.ts';

const tmp = mkdtempSync(join(tmpdir(), 'qsa-coverage-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('requirement coverage of the suite', () => {
  test('no gaps in sections marked covered and no tag problems', () => {
    const coverage = computeCoverage();
    const gaps = coverage.gaps.map((g) => `${g.id} [${g.edition}] (${g.section})`);
    assert.deepEqual(gaps, [], `${gaps.length} gaps`);
    assert.deepEqual(coverage.problems, [], `${coverage.problems.length} problems`);
  });
});

/**
 * A register made of the real sections (all planned, so the real errata still find their
 * sections) and a synthetic covered section with requirements of its own.
 */
function syntheticRegister(): RequirementRegister {
  const real = loadRequirementRegister();
  const sections = new Map<string, Section & { file: string }>();
  for (const [id, s] of real.sections) sections.set(id, { ...s, coverage: 'planned' });
  sections.set('synthetic', { id: 'synthetic', title: 'Synthetic', editions: ['2017', '2022'], coverage: 'covered', issue: 1, file: 'synthetic.yaml' });
  sections.set('synthetic-planned', { id: 'synthetic-planned', title: 'Planned', editions: ['2017', '2022'], coverage: 'planned', issue: 1, file: 'synthetic.yaml' });
  const requirement = (r: Partial<Requirement> & Pick<Requirement, 'id' | 'section' | 'editions'>) =>
    ({ quote: 'quote', verification: 'scenario' as const, file: 'synthetic.yaml', ...r });
  const requirements = new Map<string, Requirement & { file: string }>([
    ['SYN-001', requirement({ id: 'SYN-001', section: 'synthetic', editions: ['2017', '2022'] })],
    ['SYN-002', requirement({ id: 'SYN-002', section: 'synthetic', editions: ['2022'] })],
    ['SYN-003', requirement({ id: 'SYN-003', section: 'synthetic', editions: ['2017'], verification: 'inspection', reason: 'a person looks' })],
    ['SYN-004', requirement({ id: 'SYN-004', section: 'synthetic-planned', editions: ['2017', '2022'] })],
  ]);
  return { sections, requirements };
}

function scenario(tags: string[], name = 'a scenario'): ScenarioInfo {
  const fw = tags.filter((t) => /^@fw-\d{4}$/.test(t)).map((t) => t.slice(4) as '2017' | '2022');
  return { uri: 'features/synthetic.feature', name, line: 3, tags, editions: fw.length ? fw : ['2017', '2022'] };
}

describe('computeCoverage on a synthetic register', () => {
  test('a covered section with a requirement lacking a scenario gives a gap per edition', () => {
    const coverage = computeCoverage(syntheticRegister(), []);
    const gaps = coverage.gaps.map((g) => `${g.id} ${g.edition}`).sort();
    assert.deepEqual(gaps, ['SYN-001 2017', 'SYN-001 2022', 'SYN-002 2022']);
    assert.ok(coverage.gaps.every((g) => g.section === 'synthetic'));
  });

  test('a scenario for one edition leaves the other edition a gap', () => {
    const coverage = computeCoverage(syntheticRegister(), [scenario(['@guide:synthetic', '@SYN-001', '@SYN-002', '@fw-2017'])]);
    const gaps = coverage.gaps.map((g) => `${g.id} ${g.edition}`).sort();
    assert.deepEqual(gaps, ['SYN-001 2022', 'SYN-002 2022']);
    assert.deepEqual(coverage.problems, []);
    assert.equal(coverage.byRequirement.get('SYN-001')?.get('2017')?.length, 1);
    // A @fw-2017 scenario does not count for a 2022-only requirement.
    assert.equal(coverage.byRequirement.get('SYN-002')?.get('2022'), undefined);
  });

  test('scenarios for every edition close the gaps; inspection and planned sections need none', () => {
    const coverage = computeCoverage(syntheticRegister(), [scenario(['@guide:synthetic', '@SYN-001', '@SYN-002'])]);
    assert.deepEqual(coverage.gaps, []);
    assert.deepEqual(coverage.problems, []);
  });

  test('tag problems: unknown ids, missing requirement or section tags, unknown errata', () => {
    const coverage = computeCoverage(syntheticRegister(), [
      scenario(['@guide:synthetic', '@SYN-999'], 'unknown requirement'),
      scenario(['@SYN-001'], 'no section'),
      scenario(['@guide:synthetic'], 'no requirement'),
      scenario(['@guide:nowhere', '@SYN-001'], 'unknown section'),
      scenario(['@guide:synthetic', '@SYN-001', '@ERRATA-999'], 'unknown erratum'),
    ]);
    const problems = coverage.problems.join('\n');
    assert.match(problems, /"unknown requirement": unknown requirement @SYN-999/);
    assert.match(problems, /"no section": no @guide:<section> tag/);
    assert.match(problems, /"no requirement": no requirement tag/);
    assert.match(problems, /"unknown section": unknown section @guide:nowhere/);
    assert.match(problems, /"unknown erratum": unknown erratum @ERRATA-999/);
    assert.equal(coverage.problems.length, 5);
  });

  test('an erratum of a covered section needs a scenario testing its reading', () => {
    const register = syntheticRegister();
    const lanNetmask = register.sections.get('lan-netmask');
    assert.ok(lanNetmask, 'ERRATA-002 is about the lan-netmask section');
    register.sections.set('lan-netmask', { ...lanNetmask, coverage: 'covered' });
    const without = computeCoverage(register, [scenario(['@guide:synthetic', '@SYN-001', '@SYN-002'])]);
    assert.ok(without.problems.some((p) => p.startsWith('ERRATA-002 ')), without.problems.join('\n'));
    const withIt = computeCoverage(register, [scenario(['@guide:synthetic', '@SYN-001', '@SYN-002', '@ERRATA-002'])]);
    assert.ok(!withIt.problems.some((p) => p.startsWith('ERRATA-002 ')));
  });
});

describe('readScenarios', () => {
  test('each Examples row is a scenario, with the tags of the feature, the outline and the examples', () => {
    const dir = join(tmp, 'features', 'chapter');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'demo.feature'), [
      '@guide:synthetic',
      'Feature: Demo',
      '',
      '  @SYN-001',
      '  Scenario: plain',
      '    Given the appliance is running',
      '',
      '  @SYN-002',
      '  Scenario Outline: outline <n>',
      '    Given the appliance is running',
      '',
      '    @fw-2022',
      '    Examples:',
      '      | n |',
      '      | 1 |',
      '      | 2 |',
      '',
    ].join('\n'));
    const scenarios = readScenarios(join(tmp, 'features'));
    assert.equal(scenarios.length, 3);
    const [plain, one, two] = scenarios as [ScenarioInfo, ScenarioInfo, ScenarioInfo];
    assert.deepEqual(plain.tags, ['@guide:synthetic', '@SYN-001']);
    assert.deepEqual(plain.editions, ['2017', '2022']);
    assert.equal(plain.line, 5);
    assert.deepEqual(one.tags, ['@guide:synthetic', '@SYN-002', '@fw-2022']);
    assert.deepEqual(one.editions, ['2022']);
    assert.deepEqual([one.name, two.name], ['outline 1', 'outline 2']);
  });
});
