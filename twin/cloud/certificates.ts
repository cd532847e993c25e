// The project's test certificate authority: made at start-up (nothing secret is committed, and
// nothing expires in the repository), it signs the platform twin's server certificate for the
// POD's host names and loopback. A twin process trusts the CA; the browser is told the server's
// public key; a real appliance in a lab is given the CA's PEM.
import { createHash, webcrypto } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export interface ServerCredentials {
  /** The CA certificate, PEM. */
  ca: string;
  /** The server's certificate chain (leaf then CA), PEM. */
  cert: string;
  /** The server's private key, PKCS#8 PEM. */
  key: string;
  /** base64 SHA-256 of the server key's SubjectPublicKeyInfo (Chromium's --ignore-certificate-errors-spki-list). */
  spkiSha256: string;
}

const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 24 * 60 * 60 * 1000;

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

function serial(): string {
  return Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1');
}

/** A certificate authority that outlives one server (a lab's, whose CA a unit is given once): PEM. */
export interface Authority {
  cert: string;
  /** PKCS#8. */
  key: string;
}

async function newAuthority(now: number): Promise<{ caKeys: webcrypto.CryptoKeyPair; caCert: x509.X509Certificate }> {
  const caKeys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']) as webcrypto.CryptoKeyPair;
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(), name: 'CN=Qualys Appliance Conformance Test CA, O=qualys-appliance-conformance',
    notBefore: new Date(now - DAY), notAfter: new Date(now + 10 * 365 * DAY), keys: caKeys, signingAlgorithm: algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  return { caKeys, caCert };
}

/** A new certificate authority, to keep (makeServerCredentials signs with it). */
export async function makeAuthority(): Promise<Authority> {
  const { caKeys, caCert } = await newAuthority(Date.now());
  return { cert: caCert.toString('pem') + '\n', key: pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', caKeys.privateKey)) };
}

/**
 * The authority kept in `dir` (ca.pem, and ca-key.pem readable by its owner only), made there
 * when missing; each file is written whole before it is named, so a stopped start leaves no half.
 */
export async function keptAuthority(dir: string): Promise<Authority> {
  const certFile = join(dir, 'ca.pem');
  const keyFile = join(dir, 'ca-key.pem');
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    const made = await makeAuthority();
    writeFileSync(`${keyFile}.new`, made.key, { mode: 0o600 });
    renameSync(`${keyFile}.new`, keyFile);
    writeFileSync(`${certFile}.new`, made.cert, { mode: 0o644 });
    renameSync(`${certFile}.new`, certFile);
  }
  return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
}

async function loadAuthority(authority: Authority): Promise<{ caKeys: webcrypto.CryptoKeyPair; caCert: x509.X509Certificate }> {
  const caCert = new x509.X509Certificate(authority.cert);
  const der = Buffer.from(authority.key.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  const privateKey = await webcrypto.subtle.importKey('pkcs8', der, algorithm, true, ['sign']);
  return { caKeys: { privateKey, publicKey: await caCert.publicKey.export(algorithm, ['verify']) }, caCert };
}

/**
 * A server certificate for `hostnames` (and 127.0.0.1, ::1, localhost), signed by `authority`
 * (by default a new CA, made for this server alone).
 */
export async function makeServerCredentials(hostnames: readonly string[], authority?: Authority): Promise<ServerCredentials> {
  const now = Date.now();
  const notBefore = new Date(now - DAY);
  const { caKeys, caCert } = authority ? await loadAuthority(authority) : await newAuthority(now);
  const serverKeys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']) as webcrypto.CryptoKeyPair;
  const names = [...new Set([...hostnames, 'localhost'])];
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: serial(), subject: `CN=${names[0]}`, issuer: caCert.subject,
    notBefore, notAfter: new Date(now + 90 * DAY), signingKey: caKeys.privateKey, publicKey: serverKeys.publicKey, signingAlgorithm: algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension([
        ...names.map((value) => ({ type: 'dns' as const, value })),
        { type: 'ip', value: '127.0.0.1' }, { type: 'ip', value: '::1' },
      ], false),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const spki = await webcrypto.subtle.exportKey('spki', serverKeys.publicKey);
  return {
    ca: caCert.toString('pem') + '\n',
    cert: leaf.toString('pem') + '\n' + caCert.toString('pem') + '\n',
    key: pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', serverKeys.privateKey)),
    spkiSha256: createHash('sha256').update(Buffer.from(spki)).digest('base64'),
  };
}
