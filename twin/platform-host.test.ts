// The platform twin as the live lab's platform container runs it (twin/platform-host.ts): a bad
// option is one line on stderr and exit status 2; --unit and --activated-by make the platform
// know that unit as shipped and activated, as its appliance API then answers the unit's poll.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
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

describe('platform-host --unit <serial> --activated-by <login>', () => {
  test('the unit\'s poll is answered as activated by that user; a unit never shipped is unknown', { timeout: 60_000 }, async () => {
    const generation = loadFirmware('2022');
    const serialNumber = generation.hardware.defaultSerialNumber;
    const port = await freePort();
    const caFile = join(dir, 'platform-ca.pem');
    const child = spawn(process.execPath, [host, '--port', String(port), '--ca-out', caFile, '--unit', String(serialNumber), '--activated-by', 'jdoe'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => { if (line === `platform: listening on ${port}`) resolve(); });
      child.once('exit', (code) => reject(new Error(`platform-host exited (${code}): ${stderr}`)));
    });
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
