// npm run certify -- --merge <bundle>... --out <dir>: a lab with several units certifies one
// shard of the selection per unit (npm run certify -- --shard k/n), often on several machines;
// the shard bundles merge into one that verifies as one. The merge checks that every shard is
// intact under its own key, that they share the suite version, the statement (all but its
// unit: each shard's unit is its own) and the expectations, and that they cover the selection exactly once: shards 1..n each once, and no
// scenario in two of them (verify then checks that none is missing). The merged bundle keeps
// each shard's evidence under runs/<generation>/shards/<k>/.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { MANIFEST, PUBLIC_KEY, checkSeal, sha256 } from './bundle.ts';
import type { SuiteIdentity } from './bundle.ts';
import type { CertificationRecord } from './certify.ts';
import { readRuns, writeRunRecord } from './runs.ts';
import type { StatementRecord } from './probed.ts';
import type { RunRecord } from './runs.ts';

interface Shard {
  bundle: string;
  certification: CertificationRecord;
  suite: SuiteIdentity;
  statement: string;
  runs: RunRecord[];
}

function readShard(bundle: string): Shard {
  for (const file of ['certification.json', 'suite.json', 'statement.yaml', MANIFEST, PUBLIC_KEY]) {
    if (!existsSync(join(bundle, file))) throw new Error(`--merge ${bundle}: not a certification bundle (no ${file})`);
  }
  const broken = checkSeal(bundle, readFileSync(join(bundle, PUBLIC_KEY), 'utf8'));
  if (broken.length > 0) throw new Error(`--merge ${bundle}: not intact: ${broken[0]}${broken.length > 1 ? ` (and ${broken.length - 1} more)` : ''}`);
  const json = <T>(file: string) => JSON.parse(readFileSync(join(bundle, file), 'utf8')) as T;
  const certification = json<CertificationRecord>('certification.json');
  if (!certification.shard) throw new Error(`--merge ${bundle}: not a shard bundle (certified without --shard k/n)`);
  return { bundle, certification, suite: json<SuiteIdentity>('suite.json'), statement: readFileSync(join(bundle, 'statement.yaml'), 'utf8'), runs: readRuns(bundle, '--merge') };
}

/** What a statement says of the appliance and the run, without the unit it describes (each shard's unit is its own). */
function statementScope(text: string): string {
  const { unit: _unit, ...scope } = parse(text) as Record<string, unknown>;
  return JSON.stringify(scope);
}

/** Problems that keep the shards from being one selection, each naming the shard (empty: they are). */
export function shardProblems(shards: readonly Shard[]): string[] {
  const problems: string[] = [];
  const [first] = shards;
  if (!first) return ['--merge: no shard bundle'];
  const n = first.certification.shard!.n;
  const suiteOf = (s: Shard) => JSON.stringify([s.suite.commit, s.suite.modified, s.suite.files]);
  for (const s of shards.slice(1)) {
    const name = `shard ${s.certification.shard!.k}/${s.certification.shard!.n} (${s.bundle})`;
    if (s.certification.shard!.n !== n) problems.push(`${name}: one of ${s.certification.shard!.n} shards, the first bundle's is one of ${n}`);
    if (suiteOf(s) !== suiteOf(first)) problems.push(`${name}: another suite version (commit ${s.suite.commit.slice(0, 12)}, the first bundle's ${first.suite.commit.slice(0, 12)})`);
    if (statementScope(s.statement) !== statementScope(first.statement)) problems.push(`${name}: another capability statement than ${first.bundle}'s`);
    if (s.certification.expect !== first.certification.expect) problems.push(`${name}: other expectations (${s.certification.expect ?? 'none'}) than ${first.bundle}'s (${first.certification.expect ?? 'none'})`);
  }
  for (let k = 1; k <= n; k++) {
    const given = shards.filter((s) => s.certification.shard!.k === k);
    if (given.length === 0) problems.push(`shard ${k}/${n}: missing`);
    if (given.length > 1) problems.push(`shard ${k}/${n}: given twice (${given.map((s) => s.bundle).join(', ')})`);
  }
  if (problems.length > 0) return problems;
  const seen = new Map<string, number>();
  for (const s of shards) {
    for (const run of s.runs) {
      for (const r of run.results) {
        const at = `${run.generation} ${r.key}`;
        const other = seen.get(at);
        if (other !== undefined) problems.push(`${run.generation}: scenario ${r.key} (${r.name}): in shards ${other} and ${s.certification.shard!.k}`);
        seen.set(at, s.certification.shard!.k);
      }
    }
  }
  return problems;
}

/** Merges the shard bundles into `out` (made); hands back the merged runs and record, for certify to finish and seal. */
export function mergeBundles(bundles: readonly string[], out: string): { runs: RunRecord[]; certification: CertificationRecord } {
  const shards = bundles.map(readShard).sort((a, b) => a.certification.shard!.k - b.certification.shard!.k);
  const problems = shardProblems(shards);
  if (problems.length > 0) throw new Error(`--merge: ${problems.join('; ')}`);
  mkdirSync(out, { recursive: true });
  const [first] = shards as [Shard, ...Shard[]];
  cpSync(join(first.bundle, 'statement.yaml'), join(out, 'statement.yaml'));
  cpSync(join(first.bundle, 'suite.json'), join(out, 'suite.json'));
  const generations = [...new Set(shards.flatMap((s) => s.runs.map((r) => r.generation)))].sort();
  const runs = generations.map((generation): RunRecord => {
    const parts = shards.flatMap((s) => s.runs.filter((r) => r.generation === generation).map((run) => ({ k: s.certification.shard!.k, run, bundle: s.bundle })));
    for (const { k, bundle } of parts) cpSync(join(bundle, 'runs', generation), join(out, 'runs', generation, 'shards', String(k)), { recursive: true });
    const run: RunRecord = {
      ...parts[0]!.run,
      target: [...new Set(parts.map((p) => p.run.target))].join(', '),
      stamp: parts.map((p) => p.run.stamp).sort()[0]!,
      // The shards ran side by side: the wall time is the longest; the appliance time is every unit's.
      wallMs: Math.max(...parts.map((p) => p.run.wallMs ?? 0)),
      applianceMs: parts.reduce((sum, p) => sum + (p.run.applianceMs ?? 0), 0),
      results: parts.flatMap((p) => p.run.results),
    };
    writeRunRecord(join(out, 'runs', generation), run);
    return run;
  });
  for (const s of shards) if (existsSync(join(s.bundle, 'evidence'))) cpSync(join(s.bundle, 'evidence'), join(out, 'evidence'), { recursive: true });
  // Each unit showed its own identity: kept per shard.
  const identity = (s: Shard) => (existsSync(join(s.bundle, 'identity.json')) ? JSON.parse(readFileSync(join(s.bundle, 'identity.json'), 'utf8')) as { declared: unknown; shown: Record<string, unknown> } : null);
  writeFileSync(join(out, 'identity.json'), JSON.stringify({
    declared: identity(first)?.declared ?? null,
    shown: Object.fromEntries(shards.flatMap((s) => Object.entries(identity(s)?.shown ?? {}).map(([g, shown]) => [`${g} (shard ${s.certification.shard!.k}/${s.certification.shard!.n}, ${s.certification.target})`, shown]))),
  }, null, 2) + '\n');
  // Each unit was probed on its own: its probed statement is kept under probed/<k>/.
  const statement: StatementRecord = { declared: 'statement.yaml', probed: [], notProbed: [] };
  for (const s of shards) {
    const own = s.certification.statement;
    const k = s.certification.shard!.k;
    for (const p of own?.probed ?? []) {
      cpSync(join(s.bundle, p.file), join(out, 'probed', String(k), p.file));
      statement.probed.push({ ...p, file: join('probed', String(k), p.file) });
    }
    statement.notProbed.push(...(own ? own.notProbed : [`shard ${k}/${s.certification.shard!.n}: made before bundles held a probed statement`]));
  }
  const certification: CertificationRecord = {
    target: [...new Set(shards.map((s) => s.certification.target))].join(', '),
    generations,
    expect: first.certification.expect,
    shard: null,
    exitCode: Math.max(...shards.map((s) => s.certification.exitCode ?? 1)),
    at: new Date().toISOString(),
    statement,
    merged: shards.map((s) => ({ k: s.certification.shard!.k, target: s.certification.target, manifest: sha256(readFileSync(join(s.bundle, MANIFEST))) })),
  };
  return { runs, certification };
}

