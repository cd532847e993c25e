// A lab's or twin's control socket that goes away is the environment breaking: every call in
// flight and every later call is inconclusive, never a failure of the appliance. An error the
// other side answers stays that side's error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inconclusive } from '../../errors.ts';
import { LabBenchClient } from './control.ts';

test('a control socket that closes makes calls inconclusive; an answered error is an error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qsa-control-'));
  const path = join(dir, 'platform.sock');
  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    socket.on('data', (line: string) => {
      const { id, op } = JSON.parse(line) as { id: number; op: string };
      if (op === 'platform.refused') socket.write(JSON.stringify({ id, error: 'no such appliance' }) + '\n');
      else socket.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  try {
    const client = await LabBenchClient.connect(path, "the live lab's platform");
    await assert.rejects(client.call('platform.refused'), (e: Error) => !(e instanceof Inconclusive) && /the live lab's platform: no such appliance/.test(e.message));
    await assert.rejects(client.call('platform.activate'), (e: Error) => e instanceof Inconclusive && /the live lab's platform: the control socket closed/.test(e.message));
    await assert.rejects(client.call('platform.activate'), (e: Error) => e instanceof Inconclusive);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
