// A unit of the twin's firmware in a container, as the live lab runs one (LiveNetwork.attachUnit,
// cabled to the lab's networks) or a test runs one on a cable of its own: its twin runs from the
// project mounted read-only, its console a Unix socket that socat on this machine makes a
// pseudo-terminal, as a terminal server's port.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StartedTestContainer } from 'testcontainers';
import { projectRoot } from '../../../../fixtures/load.ts';
import { ensureSystemPackages, needs } from '../../../../fixtures/system.ts';
import { LabServiceFailed } from './engine.ts';

/** A unit of the twin's firmware on the lab's networks (LiveNetwork.attachUnit). */
export interface LiveUnit {
  /** The pseudo-terminal on this machine that leads to the unit's console (9600 8N2, VT100). */
  console: string;
  /**
   * The host directory the unit's container has at /run/console: console.sock (the twin's
   * console), console (the pseudo-terminal's link), unit.log (what the twin printed),
   * platform-ca.pem (the lab platform's test CA).
   */
  dir: string;
  container: StartedTestContainer;
  /** What the unit's twin printed so far (stdout and stderr). */
  log: () => Promise<string>;
  /** Closes the console's pseudo-terminal, removes the container and the directory. */
  stop: () => Promise<void>;
}

/** The unit's twin: where it runs, its console socket and its log, as its container sees them. */
const UNIT_DIR = '/run/console';
/** How long a unit's twin has to open its console socket (it loads the firmware first). */
const UNIT_START_MS = 30_000;

/** A word for sh, whatever it holds. */
export const shellQuote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A unit of the twin's firmware in a container that `create` makes with the given mounts (the
 * project read-only at /project, the unit's directory at /run/console): its twin runs from the
 * project with `args` (its console a Unix socket there), trusting `platformCa`; socat on this
 * machine makes the console a pseudo-terminal, as a terminal server's port. Throws
 * LabServiceFailed, with the end of the twin's log, when the unit does not come up.
 */
export async function startUnit(role: string, generation: string, args: string[], platformCa: string,
  create: (mounts: Array<{ source: string; target: string; mode: 'ro' | 'rw' }>) => Promise<StartedTestContainer>): Promise<LiveUnit> {
  const { missing, note } = ensureSystemPackages([needs.socat], { quiet: true });
  if (missing.length > 0) throw new LabServiceFailed(`a live unit's console needs socat, which is missing and could not be installed (${note}): apt-get install -y socat`);
  const dir = mkdtempSync(join(tmpdir(), 'qsa-live-unit-'));
  const socket = join(dir, 'console.sock');
  const link = join(dir, 'console');
  const logFile = join(dir, 'unit.log');
  let container: StartedTestContainer | null = null;
  let socat: ChildProcess | null = null;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    socat?.kill();
    try {
      await container?.stop({ timeout: 1, remove: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    writeFileSync(join(dir, 'platform-ca.pem'), platformCa);
    // The twin writes its own platform's CA to reports/: a directory of the unit's over the project's.
    mkdirSync(join(dir, 'reports'));
    const started = container = await create([
      { source: projectRoot, target: '/project', mode: 'ro' },
      { source: dir, target: UNIT_DIR, mode: 'rw' },
      { source: join(dir, 'reports'), target: '/project/reports', mode: 'rw' },
    ]);
    const twin = ['--generation', generation, '--console', 'unix', '--console-path', `${UNIT_DIR}/console.sock`, ...args].map(shellQuote).join(' ');
    const launched = await started.exec(['sh', '-c', `cd /project && (nohup node_modules/node/bin/node twin/main.ts ${twin} > ${UNIT_DIR}/unit.log 2>&1 &)`]);
    if (launched.exitCode !== 0) throw new Error(`its twin did not start: ${launched.output.trim()}`);
    const deadline = performance.now() + UNIT_START_MS;
    while (!existsSync(socket)) {
      if (performance.now() > deadline) throw new Error(`its console socket did not appear within ${UNIT_START_MS / 1000} s`);
      if ((await started.exec(['pgrep', '-f', 'twin/main.ts'])).exitCode !== 0) throw new Error('its twin exited');
      await sleep(100);
    }
    const relay = socat = spawn('socat', [`pty,raw,echo=0,link=${link}`, `UNIX-CONNECT:${socket}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let said = '';
    relay.stderr!.on('data', (chunk: Buffer) => { said = (said + chunk.toString()).slice(-400); });
    const linked = performance.now() + 5000;
    while (!existsSync(link)) {
      if (relay.exitCode !== null || performance.now() > linked) throw new Error(`socat made no pseudo-terminal at ${link}: ${said.trim().split('\n').pop() ?? ''}`);
      await sleep(10);
    }
    return { console: link, dir, container: started, stop, log: () => readFile(logFile, 'utf8').catch(() => '') };
  } catch (error) {
    const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-3).join(' / ') : '(no log)';
    await stop().catch(() => undefined);
    if (error instanceof LabServiceFailed) throw new LabServiceFailed(`${error.message}; the twin's log: ${tail}`);
    throw new LabServiceFailed(`the lab's ${role} (firmware ${generation}) did not come up: ${(error as Error).message}; the twin's log: ${tail}`);
  }
}
