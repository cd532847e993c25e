// The container engine the live lab runs on: Podman behind its Docker-compatible socket, which
// testcontainers speaks to. No Docker engine runs here and no registry answers, so the engine is
// installed from Debian (as root), set to runc (crun fails on this kernel's cgroup layout) and
// given limits it accepts, and its API socket is started when nothing answers on it
// (../shared/platform-notes.md: "Containers for testcontainers").
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { ensureSystemPackages, missingSystemPackages, needs } from '../../../../fixtures/system.ts';

/** Where the engine's API listens. */
export const ENGINE_SOCKET = '/run/podman/podman.sock';
/** Seconds podman's API service stays up with no request. */
const ENGINE_IDLE_S = 300;
const CONTAINERS_CONF = '/etc/containers/containers.conf';
const ENGINE_CONF = `[containers]
default_ulimits = ["nofile=20000:20000", "nproc=1000:1000"]

[engine]
runtime = "runc"
`;

/** The engine is absent or does not answer: the run cannot build a live lab (inconclusive, never failed). */
export class EngineUnavailable extends Error {
  override name = 'EngineUnavailable';
}

/** A lab service that did not come up: the lab broke, not the appliance (inconclusive). */
export class LabServiceFailed extends Error {
  override name = 'LabServiceFailed';
}

/** Whether the engine's API answers on its socket. */
export function engineAnswers(socket = ENGINE_SOCKET, timeoutMs = 2000): Promise<boolean> {
  if (!existsSync(socket)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const req = request({ socketPath: socket, path: '/_ping', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => { req.destroy(); resolve(false); });
    req.on('error', () => resolve(false));
    req.end();
  });
}

/**
 * Makes the engine ready: installs podman, runc and mmdebstrap when missing (as root; not with
 * QSA_LAB_NO_INSTALL set), configures
 * it the first time, starts its socket when nothing answers, and points testcontainers at it.
 * Throws EngineUnavailable with one line naming what to install or start.
 */
export async function ensureEngine(): Promise<{ socket: string }> {
  const wanted = [needs.podman, needs.runc, needs.mmdebstrap];
  // QSA_LAB_NO_INSTALL: say what is missing rather than install it (a machine the user keeps).
  const missing = process.env.QSA_LAB_NO_INSTALL ? missingSystemPackages(wanted) : ensureSystemPackages(wanted, { quiet: true }).missing;
  if (missing.length > 0) {
    throw new EngineUnavailable(`the live lab needs a container engine: ${missing.map((m) => m.command).join(', ')} missing (as root: apt-get install -y podman runc mmdebstrap)`);
  }
  configureEngine();
  if (!(await engineAnswers())) {
    mkdirSync('/run/podman', { recursive: true });
    // It ends after 5 idle minutes, so that no service outlives the runs that use it: one left
    // running for hours refused to start any container ("exit status 1", "write child: broken
    // pipe") until it was restarted.
    const service = spawn('podman', ['system', 'service', `--time=${ENGINE_IDLE_S}`, `unix://${ENGINE_SOCKET}`], { detached: true, stdio: 'ignore' });
    service.unref();
    const deadline = performance.now() + 15_000;
    while (!(await engineAnswers())) {
      if (performance.now() > deadline) throw new EngineUnavailable(`podman's API did not answer on ${ENGINE_SOCKET} within 15 s (start it: podman system service --time=0 unix://${ENGINE_SOCKET} &)`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  // testcontainers reads these when it first makes its client: no reaper image can be pulled,
  // and mapped ports are reached on loopback.
  process.env.DOCKER_HOST = `unix://${ENGINE_SOCKET}`;
  process.env.TESTCONTAINERS_RYUK_DISABLED = 'true';
  process.env.TESTCONTAINERS_HOST_OVERRIDE = '127.0.0.1';
  return { socket: ENGINE_SOCKET };
}

/** Writes the engine's settings when the machine has none of its own; keeps a file someone wrote. */
function configureEngine(): void {
  if (existsSync(CONTAINERS_CONF)) {
    const text = readFileSync(CONTAINERS_CONF, 'utf8');
    if (!/runtime\s*=\s*"runc"/.test(text)) {
      throw new EngineUnavailable(`${CONTAINERS_CONF} does not set runtime = "runc" under [engine] (crun fails on this kernel): add it, or remove the file to let the lab write its own`);
    }
    return;
  }
  mkdirSync('/etc/containers', { recursive: true });
  writeFileSync(CONTAINERS_CONF, ENGINE_CONF);
}

/**
 * A call to Podman's own API on the socket, for what the Docker-compatible API that testcontainers
 * speaks cannot say: a network without IPAM (addresses come from the lab's own DHCP), and an
 * interface named after its subnet.
 */
export function libpod(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: ENGINE_SOCKET, path: `/v4.0.0/libpod${path}`, method, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', (e) => reject(new EngineUnavailable(`podman's API on ${ENGINE_SOCKET}: ${e.message}`)));
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end();
  });
}
