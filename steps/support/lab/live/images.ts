// The live lab's images, built here from Debian packages: no registry answers, so nothing is ever
// pulled. mmdebstrap makes a root filesystem with the packages, `podman import` makes it an image,
// tagged with a hash of its recipe so that a changed package list builds a new one and an
// unchanged one is built once per machine.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineUnavailable } from './engine.ts';

export interface LabImageRecipe {
  name: string;
  suite: string;
  packages: string[];
}

/**
 * One image serves every lab host: the router and firewall (nftables), DHCP, RA and DNS (dnsmasq),
 * the proxy (squid; openssl writes its password file), syslog (rsyslog), and the hosts that lease,
 * resolve and probe (isc-dhcp-client, dnsutils, curl, arping). The project's own Node (mounted
 * read-only) runs the platform's HTTPS server and the twin in it.
 */
export const labImage: LabImageRecipe = {
  name: 'qsa-lab',
  suite: 'bookworm',
  packages: ['ca-certificates', 'curl', 'dnsmasq', 'dnsutils', 'iproute2', 'iputils-arping', 'iputils-ping', 'isc-dhcp-client', 'nftables', 'openssl', 'procps', 'rsyslog', 'squid'],
};

/** `localhost/<name>:<hash of the recipe>`. */
export function imageReference(recipe: LabImageRecipe): string {
  const hash = createHash('sha256').update(JSON.stringify({ suite: recipe.suite, variant: 'apt', packages: [...recipe.packages].sort() })).digest('hex').slice(0, 12);
  return `localhost/${recipe.name}:${hash}`;
}

export function imagePresent(reference: string): boolean {
  return spawnSync('podman', ['image', 'exists', reference]).status === 0;
}

/** Runs a command, its output to `log`; rejects with one line naming it and its last output. */
function runLogged(command: string, args: string[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-400);
      for (const line of text.split('\n')) if (line.trim()) log(line);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (e) => reject(new EngineUnavailable(`${command} could not run: ${e.message}`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new EngineUnavailable(`${command} ${args[0]} failed (exit ${code}): ${tail.trim().split('\n').pop()}`))));
  });
}

/** Builds the image when it is missing; returns its reference and whether it was built now. */
export async function ensureImage(recipe: LabImageRecipe, options: { rebuild?: boolean; log?: (line: string) => void } = {}): Promise<{ reference: string; built: boolean; seconds: number }> {
  const reference = imageReference(recipe);
  if (!options.rebuild && imagePresent(reference)) return { reference, built: false, seconds: 0 };
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'qsa-lab-image-'));
  try {
    const tar = join(dir, 'rootfs.tar');
    log(`building ${reference}: mmdebstrap ${recipe.suite} with ${recipe.packages.join(' ')}`);
    await runLogged('mmdebstrap', ['--variant=apt', '--quiet', `--include=${recipe.packages.join(',')}`, recipe.suite, tar], log);
    await runLogged('podman', ['import', '--quiet', tar, reference], log);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { reference, built: true, seconds: Math.round((performance.now() - started) / 100) / 10 };
}
