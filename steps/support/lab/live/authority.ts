// The live lab platform's certificate authority, kept on this machine: every lab's platform signs
// its server certificate with it (the platform host makes it on first use: ca.pem, and ca-key.pem
// readable by root only), so a unit given its ca.pem once (a twin's --platform-ca, or a unit of a
// vendor's that takes a CA) trusts the platform of every lab after. QSA_LAB_CA_DIR puts it
// elsewhere.
import { mkdirSync } from 'node:fs';

export function labAuthorityDir(): string {
  return process.env['QSA_LAB_CA_DIR'] || '/var/lib/qsa-lab/platform-ca';
}

/** The directory for ca.pem and ca-key.pem, made when missing (the platform host fills it). */
export function ensureLabAuthorityDir(dir = labAuthorityDir()): string {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  return dir;
}
