// The scenarios of the feature files, each Examples row one, read with gherkin the way cucumber
// compiles them: identified by the same key as a run's messages (steps/cli/tally.ts), with their
// tags and step texts, for the reports and the plan that work over features without running them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import type { Pickle } from '@cucumber/messages';
import { IdGenerator } from '@cucumber/messages';
import { projectRoot } from '../../fixtures/load.ts';
import { nodeLines, scenarioKey } from './tally.ts';

export interface ScenarioRef {
  /** "features/x.feature:12" or, for an Examples row, "features/x.feature:12:40" (scenario, row). */
  key: string;
  uri: string;
  /** The scenario's line, or its Examples row's: what cucumber takes as uri:line. */
  line: number;
  name: string;
  tags: string[];
  steps: string[];
}

function refOf(pickle: Pickle, lines: Map<string, number>): ScenarioRef {
  const key = scenarioKey(pickle, lines);
  const line = Number(key.split(':').pop()) || 0;
  return { key, uri: pickle.uri, line, name: pickle.name, tags: pickle.tags.map((t) => t.name), steps: pickle.steps.map((s) => s.text) };
}

function featureFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return path.endsWith('.feature') ? [path] : [];
  return readdirSync(path).flatMap((entry) => featureFiles(join(path, entry))).sort();
}

/** Every scenario of the feature files under `paths` (files or folders; default: all of features/). */
export function readFeatureScenarios(paths: string[] = [join(projectRoot, 'features')]): ScenarioRef[] {
  return paths.flatMap((p) => featureFiles(p)).flatMap((file) => scenariosOf(file));
}

/** A feature file's scenarios, parsed once per process while the file is unchanged (a run selects per generation). */
const parsed = new Map<string, { mtimeMs: number; scenarios: ScenarioRef[] }>();
function scenariosOf(file: string): ScenarioRef[] {
  const { mtimeMs } = statSync(file);
  const known = parsed.get(file);
  if (known?.mtimeMs === mtimeMs) return known.scenarios;
  const uri = relative(projectRoot, file);
  const newId = IdGenerator.incrementing();
  const document = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher()).parse(readFileSync(file, 'utf8'));
  const lines = nodeLines(document);
  const scenarios = compile(document, uri, newId).map((pickle) => refOf(pickle, lines));
  parsed.set(file, { mtimeMs, scenarios });
  return scenarios;
}
