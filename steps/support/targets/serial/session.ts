// Sessions of the serial targets:
// - twin-serial: the twin process behind a real pseudo-terminal, with its bench on a control
//   socket: a fresh unit for each scenario, virtual time;
// - serial:<path> or tcp:<host>:<port>: whatever appliance answers there, the same unit for the
//   whole run;
// - twin-unit: the twin process started here, then reached exactly as serial:<path> is (no
//   bench, no byte counts, real time sped up by the statement's factor).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from '../../../../fixtures/load.ts';
import type { FirmwareProfile } from '../../../../fixtures/profiles.ts';
import { loadGeneration } from '../../../../fixtures/profiles.ts';
import type { TargetStatement } from '../../../../fixtures/targets.ts';
import { statementLayout } from '../../../../fixtures/targets.ts';
import type { Capability, TargetSession, UnitNotes } from '../../protocols.ts';
import { recognize } from '../../recognize.ts';
import { describeScreen } from '../../screens.ts';
import { LabBenchClient } from './control.ts';
import type { Counts } from './control.ts';
import type { SerialLink } from './link.ts';
import { LinkError, openLink, openTty } from './link.ts';
import { AnswerTiming, SerialLine } from './line.ts';
import type { UnitSurroundings } from './target.ts';
import { SerialTarget } from './target.ts';

/** How long an appliance's console may take to answer the first ENTER. */
export const WAKE_MS = 5000;

/** Starts a twin process (npm run twin) and waits for the line it prints when its console is up. */
export async function startTwin(args: string[], ready: string, what: string): Promise<{ child: ChildProcess; line: string }> {
  const child: ChildProcess = spawn(process.execPath, [join(projectRoot, 'twin', 'main.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.on('data', (c: Buffer) => stderr.push(c.toString()));
  const found = await new Promise<string | null>((resolve) => {
    // Ten workers start ten twins at once on two cores: loading takes a while, and is no fault.
    const timer = setTimeout(() => resolve(null), 60_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (l) => { if (l.startsWith(ready)) { clearTimeout(timer); resolve(l.slice(ready.length)); } });
    child.once('exit', () => { clearTimeout(timer); resolve(null); });
  });
  if (found === null) {
    child.kill();
    throw new LinkError(`${what}: the twin process did not start its console: ${stderr.join('').split('\n').find((l) => l.trim()) ?? 'no output'}`);
  }
  // What it prints from now on (the LCD, line by line) is not read: drain it.
  child.stdout!.resume();
  return { child, line: found };
}

export async function openTwinSerialSession(generation: string, capabilities: ReadonlySet<Capability>, statement: TargetStatement): Promise<TargetSession> {
  const { firmware } = loadGeneration(generation);
  const dir = mkdtempSync(join(tmpdir(), 'qsa-twin-serial-'));
  const pty = join(dir, 'console');
  const socket = join(dir, 'bench.sock');
  const { child } = await startTwin(['--generation', generation, '--console', 'pty', '--console-path', pty, '--control', socket, '--line', statement.line ?? 'paced'], 'control: ', 'twin-serial');
  const link = await openTty(pty);
  const bench = await LabBenchClient.connect(socket);
  const line = new SerialLine(link, firmware, statementLayout(statement));
  const options = { name: 'twin-serial', generation, capabilities, statement, bench };
  return {
    name: 'twin-serial',
    generation,
    capabilities,
    statement,
    broken: null,
    unit: null,
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

/** Where the terminal picture of a line is kept between runs (as a terminal server keeps its screen). */
export function pictureFile(link: SerialLink): string {
  return join(tmpdir(), 'qsa-console-pictures', `${link.name.replace(/[^A-Za-z0-9.-]+/g, '_')}.json`);
}

/** The bytes that draw a saved picture (rows and cursor) on a fresh terminal. */
export function redraw(rows: string[]): string {
  return '\x1b[2J' + rows.map((r, i) => (r.trimEnd() === '' ? '' : `\x1b[${i + 1};1H${r.trimEnd()}`)).join('') + '\x1b[?25l';
}

/** Bytes that are neither printable nor the controls a VT100 console sends. */
export function garbled(bytes: Uint8Array): number {
  return [...bytes].filter((b) => !(b >= 0x20 && b <= 0x7e) && ![0x1b, 0x0d, 0x0a, 0x08, 0x07].includes(b)).length;
}

/**
 * Wakes an appliance's console with one ENTER and checks what came back. If the console was
 * already awake, that ENTER acted on the unit like any key (the strategy takes it from there),
 * and the console may have sent only what changed: the terminal picture kept from the last run
 * on this line is put back first, as the terminal would still show it. What cannot be read is
 * named as what it is: silence, garbage, a screen where the layout does not look, or a screen no
 * text of the guide matches.
 */
async function wake(line: SerialLine, firmware: FirmwareProfile, generation: string, statement: TargetStatement): Promise<void> {
  const saved = pictureFile(line.link);
  if (existsSync(saved)) {
    try {
      const rows = JSON.parse(readFileSync(saved, 'utf8')) as string[];
      await line.decoder.write(Buffer.from(redraw(rows), 'latin1'));
    } catch {
      // A picture that cannot be read is no picture.
    }
  }
  const raw: number[] = [];
  line.link.onData((b) => { if (raw.length < 4096) raw.push(...b); });
  await line.send('\r');
  await line.answer(WAKE_MS, WAKE_MS);
  const name = line.link.name;
  if (line.received === 0) {
    throw new LinkError(`${name}: the console answered nothing to ENTER within ${WAKE_MS / 1000} s: is the appliance on, and was the console cable connected before it started (the guide: reboot the appliance after connecting the console)?`);
  }
  const bytes = Uint8Array.from(raw);
  if (garbled(bytes) > bytes.length / 10) {
    throw new LinkError(`${name}: the console answered ${line.received} bytes of garbage, not a VT100 screen: check 9600 baud, 8 data bits, no parity, 2 stop bits, no flow control, VT100`);
  }
  const layout = statementLayout(statement);
  if (!line.decoder.drawn()) {
    throw new LinkError(`${name}: the console drew a screen, but not where the statement's "${layout.name}" layout looks for the LCD's lines and indicators (rows ${layout.lines[0].row}-${layout.lines[1].row}): probe the unit (npm run probe -- --target ${name}) and run with the statement it writes`);
  }
  const screen = line.decoder.snapshot(0);
  if (recognize(screen, firmware).kind === 'unknown') {
    throw new LinkError(`${name}: the console shows ${describeScreen(screen)}, which no screen of the ${generation} guide matches: is the unit of generation ${generation}, and does the statement's layout fit it (npm run probe)?`);
  }
}

/** Keeps the terminal picture of the line for the next run on it. */
export function keepPicture(line: SerialLine): void {
  try {
    const file = pictureFile(line.link);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, JSON.stringify(line.decoder.rows()));
  } catch {
    // Only a convenience for the next run.
  }
}

/**
 * What a lab adds around one unit: the protocols it provides, and what it puts back before each
 * scenario (the live lab's default network).
 */
export interface UnitLab {
  protocols: UnitSurroundings;
  beforeScenario(): Promise<void>;
}

/** A session on one unit reached through its console alone (a real appliance, twin-unit, twin-live), with its lab if it has one. */
export async function oneUnitSession(name: string, link: SerialLink, generation: string, capabilities: ReadonlySet<Capability>, statement: TargetStatement, unit: UnitNotes, cleanup: () => Promise<void>, lab?: UnitLab): Promise<TargetSession> {
  const { firmware } = loadGeneration(generation);
  const line = new SerialLine(link, firmware, statementLayout(statement), new AnswerTiming(statement.timing));
  try {
    await wake(line, firmware, generation, statement);
  } catch (error) {
    await link.close();
    await cleanup();
    throw error;
  }
  const options = { name, generation, capabilities, statement, unit, ...(lab ? { lab: lab.protocols } : {}) };
  let now = 0;
  let current: SerialTarget | null = null;
  return {
    name,
    generation,
    capabilities,
    statement,
    broken: null,
    unit,
    forScenario: async () => {
      line.log = [];
      await lab?.beforeScenario();
      // One unit, one clock: each scenario's appliance time goes on from the last one's.
      if (current) now = current.time.now();
      current = new SerialTarget(options, line, now);
      return current;
    },
    close: async () => {
      keepPicture(line);
      await link.close();
      await cleanup();
    },
  };
}

/** A real appliance's console on a serial port or terminal server. */
export async function openSerialSession(spec: string, generation: string, capabilities: ReadonlySet<Capability>, statement: TargetStatement): Promise<TargetSession> {
  const link = await openLink(spec);
  // Its ports wired to this machine's interfaces: the live lab around it (containers are loaded only then).
  if (statement.lab) {
    try {
      return await (await import('./live-session.ts')).openCabledSerialSession(spec, link, generation, capabilities, statement);
    } catch (error) {
      await link.close().catch(() => undefined);
      throw error;
    }
  }
  // Whatever settings the unit has, the suite has not seen them set.
  return oneUnitSession(spec, link, generation, capabilities, statement, { factory: false, mode: null }, async () => {});
}

/**
 * twin-unit: the twin in a process of its own, switched on (and activated, if the statement
 * says so) as a unit on a bench is, its console on a pseudo-terminal; from then on reached only
 * as serial:<path> is.
 */
export async function openTwinUnitSession(generation: string, capabilities: ReadonlySet<Capability>, statement: TargetStatement): Promise<TargetSession> {
  const twin = statement.twin!;
  const dir = mkdtempSync(join(tmpdir(), 'qsa-twin-unit-'));
  const pty = join(dir, 'console');
  const args = ['--generation', generation, '--console', 'pty', '--console-path', pty, '--on', '--speed', String(twin.speed), '--line', twin.line, '--console-layout', twin.layout];
  if (statement.unit?.activated && statement.unit.activatedBy) args.push('--activated-by', statement.unit.activatedBy);
  let child: ChildProcess;
  try {
    ({ child } = await startTwin(args, 'console: ', statement.name));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const cleanup = async () => {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  // The console service starts with the boot: the cable is connected before, as the guide says.
  const link = await openTty(pty);
  // The twin starts from the factory settings.
  return oneUnitSession(statement.name, link, generation, capabilities, statement, { factory: true, mode: loadGeneration(generation).firmware.networkModes[0]! }, cleanup);
}
