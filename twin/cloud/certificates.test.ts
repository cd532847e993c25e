// The test CA: one made for a server alone, or one kept (a lab's, given to a unit once) that signs
// every server certificate after it. Checked with Node's own X.509, not the library that made them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keptAuthority, makeAuthority, makeServerCredentials } from './certificates.ts';

const leafOf = (chain: string) => new X509Certificate(chain.slice(0, chain.indexOf('-----END CERTIFICATE-----') + 25));

test('a kept authority signs each new server certificate: a unit given its CA once trusts every one', async () => {
  const authority = await makeAuthority();
  const ca = new X509Certificate(authority.cert);
  assert.equal(ca.ca, true);
  const first = await makeServerCredentials(['qualysguard.us1.qualys.test'], authority);
  const second = await makeServerCredentials(['qualysguard.us1.qualys.test'], authority);
  assert.equal(first.ca, second.ca);
  assert.equal(new X509Certificate(first.ca).fingerprint256, ca.fingerprint256);
  for (const credentials of [first, second]) {
    const leaf = leafOf(credentials.cert);
    assert.ok(leaf.verify(ca.publicKey), 'the server certificate is signed by the kept CA');
    assert.ok(leaf.checkHost('qualysguard.us1.qualys.test'));
  }
  assert.notEqual(leafOf(first.cert).serialNumber, leafOf(second.cert).serialNumber);
});

test('without one, each server gets a CA of its own, which signs its certificate and no other', async () => {
  const one = await makeServerCredentials(['a.test']);
  const other = await makeServerCredentials(['a.test']);
  assert.notEqual(new X509Certificate(one.ca).fingerprint256, new X509Certificate(other.ca).fingerprint256);
  assert.ok(leafOf(one.cert).verify(new X509Certificate(one.ca).publicKey));
  assert.ok(!leafOf(one.cert).verify(new X509Certificate(other.ca).publicKey));
});

test('a kept authority is made in its directory once (its key for its owner only), then read back', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qsa-ca-test-'));
  try {
    const made = await keptAuthority(dir);
    assert.deepEqual(readdirSync(dir).sort(), ['ca-key.pem', 'ca.pem']);
    assert.equal(statSync(join(dir, 'ca-key.pem')).mode & 0o777, 0o600);
    assert.deepEqual(await keptAuthority(dir), made);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
