// npm run certify -- --target <t> --statement <file> [--expect <name>] [--key <file>] --out <dir>:
// runs every scenario the capability statement selects, in every generation it names (no tag or
// path filter: everything is counted), and writes a bundle a third party can verify
// (npm run verify): the statement, the suite's identity, each generation's run with every
// scenario's evidence, the requirement table, the timing, and a manifest signed with the lab's
// Ed25519 key. Exits 0 only if every scenario passed, was not applicable or was an expected
// failure; a bad flag is one line and exit 2, before anything runs.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../fixtures/load.ts';
import { labKey, seal, suiteIdentity } from './bundle.ts';
import { requirementTable } from './runs.ts';
import type { RunRecord } from './runs.ts';

const usage = 'usage: npm run certify -- --target <target> --statement <file> [--expect <name>] [--key <private key>] --out <dir>';

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

if (import.meta.main) {
  let values;
  try {
    ({ values } = parseArgs({ options: { target: { type: 'string' }, statement: { type: 'string' }, expect: { type: 'string' }, key: { type: 'string' }, out: { type: 'string' } } }));
  } catch (error) {
    fail(`${(error as Error).message.split('\n')[0]}; ${usage}`);
  }
  if (!values.target) fail(`--target: which appliance to certify; ${usage}`);
  if (!values.statement) fail(`--statement: the capability statement that says what is in scope; ${usage}`);
  if (!existsSync(values.statement)) fail(`--statement ${values.statement}: no such file`);
  if (!values.out) fail(`--out: the folder for the bundle; ${usage}`);
  if (existsSync(values.out) && readdirSync(values.out).length > 0) fail(`--out ${values.out}: not empty (a bundle is never written over another)`);
  let key;
  try {
    key = labKey(values.key);
  } catch (error) {
    fail((error as Error).message);
  }
  if (key.made) process.stdout.write(`certify: made the lab's signing key ${key.file} (keep it; its public key goes in every bundle)\n`);
  const work = mkdtempSync(join(tmpdir(), 'qsa-certify-'));
  const run = spawnSync(process.execPath, [join(projectRoot, 'steps', 'cli', 'start.ts'), '--target', values.target, '--statement', values.statement,
    ...(values.expect ? ['--expect', values.expect] : []), '--reports', work], { cwd: projectRoot, stdio: 'inherit' });
  if (run.status === 2) fail('the run did not start (above)');
  const out = values.out;
  mkdirSync(join(out, 'runs'), { recursive: true });
  const runs: RunRecord[] = [];
  for (const entry of readdirSync(join(work, 'runs')).sort()) {
    const record = JSON.parse(readFileSync(join(work, 'runs', entry, 'run.json'), 'utf8')) as RunRecord;
    runs.push(record);
    cpSync(realpathSync(join(work, 'runs', entry)), join(out, 'runs', record.generation), { recursive: true });
  }
  rmSync(work, { recursive: true, force: true });
  copyFileSync(values.statement, join(out, 'statement.yaml'));
  const suite = suiteIdentity();
  writeFileSync(join(out, 'suite.json'), JSON.stringify(suite, null, 2) + '\n');
  writeFileSync(join(out, 'requirements.json'), JSON.stringify(requirementTable(runs), null, 2) + '\n');
  writeFileSync(join(out, 'timing.json'), JSON.stringify(Object.fromEntries(runs.map((r) => [r.generation, { wallMs: r.wallMs ?? null, applianceMs: r.applianceMs ?? null }])), null, 2) + '\n');
  writeFileSync(join(out, 'certification.json'), JSON.stringify({ target: values.target, generations: runs.map((r) => r.generation), expect: values.expect ?? null, exitCode: run.status, at: new Date().toISOString() }, null, 2) + '\n');
  seal(out, key.privateKey);
  if (suite.modified.length > 0) process.stdout.write(`certify: the suite has uncommitted changes (${suite.modified.slice(0, 3).join(', ')}${suite.modified.length > 3 ? ', ...' : ''}); verify will say so\n`);
  process.stdout.write(`certify: bundle ${out} (${runs.length} generations), signed with ${key.file}\n`);
  process.exitCode = run.status === 0 ? 0 : 1;
}
