// The platform twin as the live lab's platform container runs it (twin/platform-host.ts): a bad
// option is one line on stderr and exit status 2; --unit and --activated-by make the platform
// know that unit as shipped and activated, as its appliance API then answers the unit's poll;
// with --control, the portal also answers on a Unix socket the lab's machine reaches.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, test } from 'node:test';
import { projectRoot } from '../fixtures/load.ts';
import { loadAccount, platformHostnames } from '../fixtures/platform.ts';
import { loadFirmware } from './appliance/firmware.ts';
import { identityOf } from './appliance/identity.ts';
import { API_PATH } from './cloud/api.ts';
import { PORTAL_SOCKET } from '../fixtures/lab-protocols.ts';
import { LabBenchClient } from '../steps/support/targets/serial/control.ts';
import { portalOnLoopback } from '../steps/support/lab/live/portal-relay.ts';
import type { PollRequest } from './cloud/api.ts';

const host = join(projectRoot, 'twin', 'platform-host.ts');
const dir = mkdtempSync(join(tmpdir(), 'qsa-platform-host-test-'));
const children: ChildProcess[] = [];

after(() => {
  for (const child of children) child.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('platform-host: bad options are one line and exit status 2', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--unit', 'abc'], /--unit abc: not a serial number/],
    [['--unit', '0'], /--unit 0: not a serial number/],
    [['--activated-by', 'jdoe'], /--activated-by needs --unit/],
    [['--unit', '31022', '--activated-by', 'nobody'], /--activated-by nobody: no user nobody \(known: .*jdoe/],
    [['--unit', '31022', '--activated-by', 'auditor'], /--activated-by auditor: A Manager or Unit Manager account is required/],
    [['--generation', '1999'], /unknown firmware profile "1999"/],
    [['--port', '0'], /--port 0: not a TCP port/],
    [['--bogus'], /Unknown option '--bogus'; usage: /],
  ];
  for (const [args, message] of cases) {
    test(args.join(' '), () => {
      const { status, stdout, stderr } = spawnSync(process.execPath, [host, ...args], { encoding: 'utf8' });
      assert.equal(status, 2, stderr);
      assert.equal(stdout, '');
      const lines = stderr.split('\n').filter((l) => l !== '');
      assert.equal(lines.length, 1, stderr);
      assert.match(lines[0]!, /^platform-host: /);
      assert.match(lines[0]!, message);
    });
  }
});

/** A TCP port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/** Starts the platform host on `port` and waits until it says it answers. */
async function startHost(port: number, ...args: string[]): Promise<void> {
  const child = spawn(process.execPath, [host, '--port', String(port), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => { if (line === `platform: listening on ${port}`) resolve(); });
    child.once('exit', (code) => reject(new Error(`platform-host exited (${code}): ${stderr}`)));
  });
}

describe('platform-host --unit <serial> --activated-by <login>', () => {
  test('the unit\'s poll is answered as activated by that user; a unit never shipped is unknown', { timeout: 60_000 }, async () => {
    const generation = loadFirmware('2022');
    const serialNumber = generation.hardware.defaultSerialNumber;
    const port = await freePort();
    const caFile = join(dir, 'platform-ca.pem');
    await startHost(port, '--ca-out', caFile, '--unit', String(serialNumber), '--activated-by', 'jdoe');
    const hostname = platformHostnames(loadAccount())[0]!;
    const ca = readFileSync(caFile, 'utf8');
    const poll = (serial: number) => new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const body: PollRequest = {
        serialNumber: serial, activationCode: identityOf(serial).activationCode, reason: 'boot',
        health: { model: generation.hardware.model, softwareVersions: {}, mode: 'ipv4+v6', lanIpv4: null, uiVlan: 0, scanning: false, updating: false },
      };
      const req = request({ host: '127.0.0.1', port, servername: hostname, ca, method: 'POST', path: `${API_PATH}/poll`, headers: { host: hostname, 'content-type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => { text += c.toString(); });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });
    const shipped = await poll(serialNumber);
    assert.equal(shipped.status, 200, JSON.stringify(shipped.body));
    assert.equal((shipped.body as { activated: boolean }).activated, true);
    assert.equal((shipped.body as { name: string }).name, 'is_jdoe');
    const other = await poll(serialNumber + 1);
    assert.equal(other.status, 403, JSON.stringify(other.body));
    assert.equal((other.body as { error: string }).error, 'unknown-scanner');
  });
});

describe('platform-host --control <socket>', () => {
  test('the portal answers on portal.sock beside the control socket, reached from a loopback port, with the key the platform protocol names; "reset" puts the platform back as it started', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const control = join(dir, 'platform.sock');
    await startHost(port, '--control', control);
    const lab = await LabBenchClient.connect(control, 'platform host');
    const relay = await portalOnLoopback(join(dir, PORTAL_SOCKET));
    try {
      const access = await lab.call<{ url: string; spkiSha256: string }>('platform.portal', []);
      const page = await new Promise<{ status: number; spki: string; text: string }>((resolve, reject) => {
        // The browser pins the key; so does this request.
        const req = request({ host: '127.0.0.1', port: relay.port, path: '/login', rejectUnauthorized: false }, (res) => {
          const certificate = (res.socket as TLSSocket).getPeerX509Certificate()!;
          const spki = createHash('sha256').update(certificate.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
          let text = '';
          res.on('data', (c: Buffer) => { text += c.toString(); });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, spki, text }));
        });
        req.on('error', reject);
        req.end();
      });
      assert.equal(page.status, 200, page.text.slice(0, 200));
      assert.equal(page.spki, access.spkiSha256);
      assert.match(page.text, /User name/);
      // "reset" before each scenario: what a scenario changed (the subscription's POD) is as the lab started it.
      await lab.call('platform.usePod', ['PCP1']);
      assert.equal((await lab.call<{ indicator: string }>('platform.platform', [])).indicator, 'PCP1');
      await lab.call('reset', {});
      assert.equal((await lab.call<{ indicator: string }>('platform.platform', [])).indicator, 'US1');
    } finally {
      lab.close();
      await relay.close();
    }
  });
});
