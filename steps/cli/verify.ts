// npm run verify -- <bundle> [--key <public key file>]: checks a certification bundle
// (npm run certify): the signature over its manifest (against the given key; without one, against
// the key in the bundle, and it says so), every file's hash and that no file was added; that the
// suite it names is one this checkout knows (its commit is in the git history and every feature,
// profile and register file hashes as in that commit, with no uncommitted change); and that it is
// complete (every scenario the suite at that commit selects for each generation has a result, no
// result the suite does not select, every requirement a verdict). Prints the verdict and the
// counts; exit 1 with one line per problem; a bad argument is one line and exit 2.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfiguration, loadSources } from '@cucumber/cucumber/api';
import { projectRoot } from '../../fixtures/load.ts';
import { PUBLIC_KEY, checkSeal, sha256 } from './bundle.ts';
import { requirementIds } from './coverage.ts';
import type { SuiteIdentity } from './bundle.ts';
import type { CertificationRecord } from './certify.ts';
import { statementSummary } from './probed.ts';
import type { RunRecord } from './runs.ts';
import { generationFilter } from './start.ts';

const git = (...args: string[]) => execFileSync('git', args, { cwd: projectRoot, encoding: 'buffer', stdio: ['ignore', 'pipe', 'ignore'] });

/** The suite's files at `commit`, as hashed in suite.json: problems where they differ, or the commit is unknown. */
function checkSuite(suite: SuiteIdentity): string[] {
  try {
    git('cat-file', '-e', `${suite.commit}^{commit}`);
  } catch {
    return [`suite.json: commit ${suite.commit} is not in this checkout's history`];
  }
  const problems = suite.modified.map((f) => `suite.json: the suite ran with an uncommitted change to ${f}`);
  for (const [file, hash] of Object.entries(suite.files)) {
    let bytes: Buffer;
    try {
      bytes = git('show', `${suite.commit}:${file}`);
    } catch {
      problems.push(`suite.json: ${file} is not in commit ${suite.commit.slice(0, 12)}`);
      continue;
    }
    if (sha256(bytes) !== hash) problems.push(`suite.json: ${file} differs from commit ${suite.commit.slice(0, 12)}`);
  }
  return problems;
}

/** Every scenario (feature file and name) the suite at `commit` selects for `generation`. */
async function selectedAt(commit: string, generation: string): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'qsa-verify-'));
  try {
    execFileSync('sh', ['-c', `git -C '${projectRoot}' archive ${commit} features | tar -x -C '${root}'`]);
    const { runConfiguration } = await loadConfiguration({ file: false, provided: { paths: ['features/**/*.feature'], tags: generationFilter(generation, undefined) } }, { cwd: root });
    const sources = await loadSources(runConfiguration.sources, { cwd: root });
    return sources.plan.map((p) => `${p.uri}: ${p.name}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Scenarios selected and missing from a run, and results for scenarios not selected. */
function completeness(run: RunRecord, selected: string[]): string[] {
  const count = (list: string[]) => list.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
  const want = count(selected);
  const have = count(run.results.map((r) => `${r.uri}: ${r.name}`));
  const problems: string[] = [];
  for (const [k, n] of want) if ((have.get(k) ?? 0) < n) problems.push(`runs/${run.generation}: scenario ${k}: selected, no result`);
  for (const [k, n] of have) if ((want.get(k) ?? 0) < n) problems.push(`runs/${run.generation}: scenario ${k}: a result the suite does not select`);
  return problems;
}

if (import.meta.main) {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { key: { type: 'string' } } });
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message.split('\n')[0]}\n`);
    process.exit(2);
  }
  const [bundle, ...rest] = parsed.positionals;
  if (!bundle || rest.length > 0 || !existsSync(bundle)) {
    process.stderr.write(`error: ${bundle && rest.length === 0 ? `${bundle}: no such bundle` : 'name one bundle'}; usage: npm run verify -- <bundle> [--key <public key file>]\n`);
    process.exit(2);
  }
  if (parsed.values.key && !existsSync(parsed.values.key)) {
    process.stderr.write(`error: --key ${parsed.values.key}: no such file\n`);
    process.exit(2);
  }
  const keyFile = parsed.values.key ?? join(bundle, PUBLIC_KEY);
  if (!parsed.values.key) process.stdout.write(`verify: checked against the key in the bundle (${PUBLIC_KEY}); give --key <the lab's public key> to check whose it is\n`);
  const problems = existsSync(keyFile) ? checkSeal(bundle, readFileSync(keyFile, 'utf8')) : [`${PUBLIC_KEY}: missing`];
  const read = <T>(file: string): T | null => { try { return JSON.parse(readFileSync(join(bundle, file), 'utf8')) as T; } catch { problems.push(`${file}: missing or not JSON`); return null; } };
  const suite = read<SuiteIdentity>('suite.json');
  if (suite) problems.push(...checkSuite(suite));
  const runs = existsSync(join(bundle, 'runs')) ? readdirSync(join(bundle, 'runs')).sort().map((g) => read<RunRecord>(join('runs', g, 'run.json'))).filter((r): r is RunRecord => r !== null) : [];
  if (runs.length === 0) problems.push('runs/: no run');
  const requirements = read<Record<string, { outcome: string }>>('requirements.json') ?? {};
  for (const [id, r] of Object.entries(requirements)) if (!['verified', 'failed', 'inconclusive', 'not applicable'].includes(r.outcome)) problems.push(`requirements.json: ${id} has no verdict`);
  const tagged = new Set(runs.flatMap((r) => r.results.flatMap((x) => requirementIds(x.tags))));
  for (const id of tagged) if (!(id in requirements)) problems.push(`requirements.json: ${id} is missing`);
  if (suite && problems.every((p) => !p.startsWith('suite.json: commit'))) {
    for (const run of runs) problems.push(...completeness(run, await selectedAt(suite.commit, run.generation)));
  }
  // The statement as probed beside the declared one; a probed file it names must be there.
  const statement = read<CertificationRecord>('certification.json')?.statement;
  const statementLines = statement ? statementSummary(statement) : ['no probed statement recorded (a bundle made before they were)'];
  for (const p of statement?.probed ?? []) if (!existsSync(join(bundle, p.file))) problems.push(`certification.json: names ${p.file}, which is missing`);
  const counts = runs.map((r) => `${r.generation}: ${['passed', 'failed', 'not-applicable', 'inconclusive', 'informative'].map((s) => `${r.results.filter((x) => x.status === s).length} ${s}`).join(', ')}`);
  process.stdout.write(`${statementLines.map((l) => `statement: ${l}`).join('\n')}\n${counts.join('\n')}\n${Object.keys(requirements).length} requirements\n`);
  for (const p of problems) process.stdout.write(`PROBLEM ${p}\n`);
  process.stdout.write(problems.length === 0 ? 'verify: the bundle is intact and complete\n' : `verify: ${problems.length} problems\n`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
