// Sessions of the serial targets: twin-serial (the twin process behind a real pseudo-terminal,
// with its bench on a control socket: a fresh unit for each scenario) and serial:<path> or
// tcp:<host>:<port> (whatever appliance answers there, the same unit for the whole run).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from '../../../../fixtures/load.ts';
import { loadGeneration } from '../../../../fixtures/profiles.ts';
import type { Capability, TargetSession } from '../../protocols.ts';
import { BenchClient } from './control.ts';
import type { Counts } from './control.ts';
import { LinkError, openLink, openTty } from './link.ts';
import { SerialLine, SerialTarget } from './target.ts';

/** How long an appliance's console may take to answer the first ENTER. */
const WAKE_MS = 5000;

export async function openTwinSerialSession(generation: string, capabilities: ReadonlySet<Capability>): Promise<TargetSession> {
  const { firmware, hardware } = loadGeneration(generation);
  const dir = mkdtempSync(join(tmpdir(), 'qsa-twin-serial-'));
  const pty = join(dir, 'console');
  const socket = join(dir, 'bench.sock');
  const child: ChildProcess = spawn(process.execPath, [join(projectRoot, 'twin', 'main.ts'), '--generation', generation, '--console', 'pty', '--console-path', pty, '--control', socket], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr!.on('data', (c: Buffer) => stderr.push(c.toString()));
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 15_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (l) => { if (l.startsWith('control: ')) { clearTimeout(timer); resolve(true); } });
    child.once('exit', () => { clearTimeout(timer); resolve(false); });
  });
  if (!ready) {
    child.kill();
    throw new LinkError(`twin-serial: the twin process did not start its console: ${stderr.join('').split('\n').find((l) => l.trim()) ?? 'no output'}`);
  }
  const link = await openTty(pty);
  const bench = await BenchClient.connect(socket);
  const line = new SerialLine(link, firmware, hardware);
  const options = { name: 'twin-serial', generation, capabilities, firmware, hardware, link, bench };
  return {
    name: 'twin-serial',
    generation,
    capabilities,
    forScenario: async () => {
      // A fresh unit, off, its console cabled. The bench switches it on when the scenario first
      // turns to the appliance (after the lab is set up, as a tester would), and the terminal
      // wakes its console with ENTER.
      const reset = await bench.call<Counts>('reset', { generation, powerOn: false });
      await line.receive(reset.queued);
      line.log = [];
      const start = async (): Promise<Counts> => {
        await bench.call<Counts>('power-on');
        await line.send('\r');
        const woken = await bench.call<Counts>('sync', { received: line.sent });
        await line.receive(woken.queued);
        return woken;
      };
      return new SerialTarget({ ...options, start }, line, reset.now);
    },
    close: async () => {
      bench.close();
      await link.close();
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A real appliance's console: checks that something answers ENTER with the console's screen. */
export async function openSerialSession(spec: string, generation: string, capabilities: ReadonlySet<Capability>): Promise<TargetSession> {
  const { firmware, hardware } = loadGeneration(generation);
  const link = await openLink(spec);
  const line = new SerialLine(link, firmware, hardware);
  await line.send('\r');
  await line.quiet(WAKE_MS);
  if (!line.decoder.framed()) {
    await link.close();
    if (line.received === 0) {
      throw new LinkError(`${link.name}: the console answered nothing to ENTER within ${WAKE_MS / 1000} s: is the appliance on, and was the console cable connected before it started (the guide: reboot the appliance after connecting the console)?`);
    }
    throw new LinkError(`${link.name}: the console answered ${line.received} bytes that are not the remote console's screen: check 9600 baud, 8 data bits, no parity, 2 stop bits, no flow control, VT100`);
  }
  const options = { name: spec, generation, capabilities, firmware, hardware, link };
  return {
    name: spec,
    generation,
    capabilities,
    forScenario: async () => {
      line.log = [];
      return new SerialTarget(options, line);
    },
    close: () => link.close(),
  };
}
