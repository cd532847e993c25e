// npm run certify -- --target <t> --statement <file> [--expect <name>] [--shard k/n] [--key <file>] --out <dir>:
// runs every scenario the capability statement selects, in every generation it names (no tag or
// path filter: everything is counted; --shard k/n runs one unit's share), and writes a bundle a
// third party can verify (npm run verify): the statement, the suite's identity, the appliance's
// identity as it showed it, the statement as probed where the target is a unit's line (serial:,
// tcp:) beside the one declared, each generation's run with every scenario's evidence, the
// requirement table, the timing, a certificate page (index.html), and a manifest signed with
// the lab's Ed25519 key. Exits 0 only if every scenario passed, was not applicable or was an
// expected failure.
// npm run certify -- --merge <bundle>... --out <dir>: merges the shard bundles of one selection
// (steps/cli/merge.ts). A bad flag is one line and exit 2, before anything runs.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { KeyObject } from 'node:crypto';
import { parse } from 'yaml';
import { projectRoot } from '../../fixtures/load.ts';
import { labKey, seal, suiteIdentity } from './bundle.ts';
import { writeCertificate } from './certificate.ts';
import { mergeBundles } from './merge.ts';
import { probeDeclared, statementSummary } from './probed.ts';
import type { StatementRecord } from './probed.ts';
import { statementFor } from '../support/targets/index.ts';
import { requirementTable } from './runs.ts';
import type { RunRecord } from './runs.ts';

const usage = 'usage: npm run certify -- --target <target> --statement <file> [--expect <name>] [--shard <k>/<n>] [--key <private key>] --out <dir>, or npm run certify -- --merge <bundle>... [--key <private key>] --out <dir>';

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

/** What certification.json says of how the bundle was made. */
export interface CertificationRecord {
  target: string;
  generations: string[];
  expect: string | null;
  /** The share of the selection this bundle holds (k of n), or null for the whole selection. */
  shard: { k: number; n: number } | null;
  exitCode: number | null;
  at: string;
  /** The statement as declared and as probed (absent from bundles made before the probe was). */
  statement?: StatementRecord;
  /** A merged bundle: the shard bundles it was made of. */
  merged?: Array<{ k: number; target: string; manifest: string }>;
}

/**
 * Writes what every bundle holds beside its runs (runs/<generation>/run.json, already there):
 * the requirement table, the timing, the appliance's identity (as declared in the statement, and
 * as each run showed it), the certification record and the certificate page; then seals it.
 */
export function finishBundle(out: string, runs: readonly RunRecord[], certification: CertificationRecord, privateKey: KeyObject): void {
  const statement = parse(readFileSync(join(out, 'statement.yaml'), 'utf8')) as { unit?: { model?: string; serialNumber?: number } };
  writeFileSync(join(out, 'requirements.json'), JSON.stringify(requirementTable(runs), null, 2) + '\n');
  writeFileSync(join(out, 'timing.json'), JSON.stringify(Object.fromEntries(runs.map((r) => [r.generation, { wallMs: r.wallMs ?? null, applianceMs: r.applianceMs ?? null }])), null, 2) + '\n');
  const declared = statement.unit?.model || statement.unit?.serialNumber ? { model: statement.unit.model ?? null, serialNumber: statement.unit.serialNumber === undefined ? null : String(statement.unit.serialNumber) } : null;
  const shown = Object.fromEntries(runs.map((r) => [r.generation, r.identity ?? { mac: null, model: null, serialNumber: null, how: 'the target showed no identity' }]));
  // A merged bundle has written its own, one per shard's unit.
  if (!existsSync(join(out, 'identity.json'))) writeFileSync(join(out, 'identity.json'), JSON.stringify({ declared, shown }, null, 2) + '\n');
  writeFileSync(join(out, 'certification.json'), JSON.stringify(certification, null, 2) + '\n');
  writeCertificate(out);
  seal(out, privateKey);
}

if (import.meta.main) {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { target: { type: 'string' }, statement: { type: 'string' }, expect: { type: 'string' }, shard: { type: 'string' }, key: { type: 'string' }, out: { type: 'string' }, merge: { type: 'boolean', default: false } } });
  } catch (error) {
    fail(`${(error as Error).message.split('\n')[0]}; ${usage}`);
  }
  const { values, positionals } = parsed;
  if (!values.out) fail(`--out: the folder for the bundle; ${usage}`);
  if (existsSync(values.out) && readdirSync(values.out).length > 0) fail(`--out ${values.out}: not empty (a bundle is never written over another)`);
  if (values.merge && (values.target || values.statement || values.expect || values.shard)) fail(`--merge takes the shards' target, statement and expectations from the bundles; ${usage}`);
  if (!values.merge && positionals.length > 0) fail(`${positionals[0]}: certify takes no paths (everything the statement selects is run); ${usage}`);
  if (values.merge && positionals.length < 2) fail(`--merge: name the shard bundles (two or more); ${usage}`);
  if (!values.merge) {
    if (!values.target) fail(`--target: which appliance to certify; ${usage}`);
    if (!values.statement) fail(`--statement: the capability statement that says what is in scope; ${usage}`);
    if (!existsSync(values.statement)) fail(`--statement ${values.statement}: no such file`);
    if (values.shard !== undefined && !/^\d+\/\d+$/.test(values.shard)) fail(`--shard ${values.shard}: expected k/n, as 2/3`);
  }
  let key;
  try {
    key = labKey(values.key);
  } catch (error) {
    fail((error as Error).message);
  }
  if (key.made) process.stdout.write(`certify: made the lab's signing key ${key.file} (keep it; its public key goes in every bundle)\n`);
  const out = values.out;
  if (values.merge) {
    let merged;
    try {
      merged = mergeBundles(positionals, out);
    } catch (error) {
      rmSync(out, { recursive: true, force: true });
      fail((error as Error).message);
    }
    finishBundle(out, merged.runs, merged.certification, key.privateKey);
    process.stdout.write(`certify: merged ${positionals.length} shard bundles into ${out}, signed with ${key.file}\n`);
    process.exitCode = merged.certification.exitCode === 0 ? 0 : 1;
  } else {
    let declared;
    try {
      declared = statementFor(values.target!, values.statement);
    } catch (error) {
      fail((error as Error).message.split('\n')[0]!);
    }
    mkdirSync(out, { recursive: true });
    // Before the run: the unit as it stands, not as the last scenario left it.
    const statement = await probeDeclared(values.target!, declared, out);
    for (const line of statementSummary(statement)) process.stdout.write(`certify: ${line}\n`);
    const work = mkdtempSync(join(tmpdir(), 'qsa-certify-'));
    const run = spawnSync(process.execPath, [join(projectRoot, 'steps', 'cli', 'start.ts'), '--target', values.target!, '--statement', values.statement!,
      ...(values.expect ? ['--expect', values.expect] : []), ...(values.shard ? ['--shard', values.shard] : []), '--reports', work], { cwd: projectRoot, stdio: 'inherit' });
    if (run.status === 2) {
      // --out was empty or absent: nothing of a bundle is left half-made.
      rmSync(out, { recursive: true, force: true });
      fail('the run did not start (above)');
    }
    mkdirSync(join(out, 'runs'), { recursive: true });
    const runs: RunRecord[] = [];
    for (const entry of readdirSync(join(work, 'runs')).sort()) {
      const record = JSON.parse(readFileSync(join(work, 'runs', entry, 'run.json'), 'utf8')) as RunRecord;
      runs.push(record);
      cpSync(realpathSync(join(work, 'runs', entry)), join(out, 'runs', record.generation), { recursive: true });
    }
    rmSync(work, { recursive: true, force: true });
    cpSync(values.statement!, join(out, 'statement.yaml'));
    const suite = suiteIdentity();
    writeFileSync(join(out, 'suite.json'), JSON.stringify(suite, null, 2) + '\n');
    const [k, n] = values.shard ? values.shard.split('/').map(Number) : [];
    finishBundle(out, runs, { target: values.target!, generations: runs.map((r) => r.generation), expect: values.expect ?? null, shard: k && n ? { k, n } : null, exitCode: run.status, at: new Date().toISOString(), statement }, key.privateKey);
    if (suite.modified.length > 0) process.stdout.write(`certify: the suite has uncommitted changes (${suite.modified.slice(0, 3).join(', ')}${suite.modified.length > 3 ? ', ...' : ''}); verify will say so\n`);
    process.stdout.write(`certify: bundle ${out} (${runs.length} generations), signed with ${key.file}\n`);
    process.exitCode = run.status === 0 ? 0 : 1;
  }
}
