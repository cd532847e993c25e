// A certification bundle: a folder a lab hands over, complete and untampered. manifest.json holds
// the SHA-256 of every other file; manifest.sig is the lab's Ed25519 signature over manifest.json's
// bytes (node:crypto); key.pub is the lab's public key. The suite's identity (its version, git
// commit and a hash of every feature, profile and register file) is in suite.json.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { projectRoot } from '../../fixtures/load.ts';

export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
export const PUBLIC_KEY = 'key.pub';

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Every file under `dir`, relative, sorted (links are not followed: a bundle holds none). */
export function filesOf(dir: string, under = dir): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return [];
    return stat.isDirectory() ? filesOf(path, under) : [relative(under, path)];
  }).sort();
}

/** What defines the suite's verdicts: the features, the firmware profiles, the registers and lab networks. */
export function suiteFiles(): string[] {
  return ['features', 'fixtures/firmware', 'fixtures/requirements', 'fixtures/networks', 'fixtures/hardware']
    .filter((d) => existsSync(join(projectRoot, d)))
    .flatMap((d) => filesOf(join(projectRoot, d)).map((f) => join(d, f)))
    .concat(['fixtures/errata.yaml'])
    .sort();
}

export interface SuiteIdentity {
  version: string;
  commit: string;
  /** Files changed since the commit (a suite that is not the commit's is named so). */
  modified: string[];
  files: Record<string, string>;
}

export function suiteIdentity(): SuiteIdentity {
  // Not trimmed: porcelain's lines begin with a status column that may be a space.
  const git = (...args: string[]) => execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8' });
  const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const files = Object.fromEntries(suiteFiles().map((f) => [f, sha256(readFileSync(join(projectRoot, f)))]));
  const modified = git('status', '--porcelain', '--', ...Object.keys(files).map((f) => f.split('/')[0]!).filter((v, i, a) => a.indexOf(v) === i))
    .split('\n').filter((l) => l.trim() !== '').map((l) => l.slice(3));
  return { version, commit: git('rev-parse', 'HEAD').trim(), modified, files };
}

/** The lab's signing key: --key, or one made on first use and kept outside the repository. */
export function labKey(file?: string): { privateKey: KeyObject; file: string; made: boolean } {
  const path = file ?? join(process.env['QSA_LAB_KEY_DIR'] ?? join(homedir(), '.config', 'qsa-conformance'), 'lab-key.pem');
  if (existsSync(path)) return { privateKey: createPrivateKey(readFileSync(path)), file: path, made: false };
  if (file) throw new Error(`--key ${file}: no such file`);
  const { privateKey } = generateKeyPairSync('ed25519');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  chmodSync(path, 0o600);
  return { privateKey, file: path, made: true };
}

/** Writes manifest.json over every file of the bundle, signs it, and adds the public key. */
export function seal(bundle: string, privateKey: KeyObject): void {
  const files = Object.fromEntries(filesOf(bundle).filter((f) => ![MANIFEST, SIGNATURE, PUBLIC_KEY].includes(f)).map((f) => [f, sha256(readFileSync(join(bundle, f)))]));
  const manifest = Buffer.from(JSON.stringify({ algorithm: 'sha256', files }, null, 2) + '\n');
  writeFileSync(join(bundle, MANIFEST), manifest);
  writeFileSync(join(bundle, SIGNATURE), sign(null, manifest, privateKey).toString('base64') + '\n');
  writeFileSync(join(bundle, PUBLIC_KEY), createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }));
}

/** Problems with the bundle's signature and hashes, one line each (empty: intact). */
export function checkSeal(bundle: string, publicKeyPem: string): string[] {
  const problems: string[] = [];
  for (const f of [MANIFEST, SIGNATURE]) if (!existsSync(join(bundle, f))) return [`${f}: missing`];
  const manifest = readFileSync(join(bundle, MANIFEST));
  let signed = false;
  try {
    signed = verify(null, manifest, createPublicKey(publicKeyPem), Buffer.from(readFileSync(join(bundle, SIGNATURE), 'utf8').trim(), 'base64'));
  } catch (error) {
    problems.push(`${SIGNATURE}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!signed && problems.length === 0) problems.push(`${SIGNATURE}: the signature does not match ${MANIFEST} under this key`);
  const listed = (JSON.parse(manifest.toString('utf8')) as { files: Record<string, string> }).files;
  for (const [file, hash] of Object.entries(listed)) {
    if (!existsSync(join(bundle, file))) problems.push(`${file}: listed in the manifest, missing`);
    else if (sha256(readFileSync(join(bundle, file))) !== hash) problems.push(`${file}: changed since it was signed`);
  }
  for (const file of filesOf(bundle)) {
    if (![MANIFEST, SIGNATURE, PUBLIC_KEY].includes(file) && !(file in listed)) problems.push(`${file}: not in the manifest (added after signing)`);
  }
  return problems;
}
