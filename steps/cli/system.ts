// Debian packages the suite needs on the machine it runs on (socat for pseudo-terminals, Debian's
// Chromium for the portal, picocom and tmux for the console tests), installed with apt-get when
// a command is missing: `npm start` and `npm test` set a fresh machine up themselves.
import { spawnSync } from 'node:child_process';

export interface SystemNeed { command: string; packages: string[] }

export const needs = {
  /** The browser the portal scenarios drive (Playwright with Debian's Chromium). */
  chromium: { command: 'chromium', packages: ['chromium'] },
  socat: { command: 'socat', packages: ['socat'] },
  picocom: { command: 'picocom', packages: ['picocom'] },
  tmux: { command: 'tmux', packages: ['tmux'] },
} satisfies Record<string, SystemNeed>;

const present = (n: SystemNeed) => spawnSync('sh', ['-c', `command -v ${n.command}`]).status === 0;

/** Installs what is missing; which needs are still missing afterwards, and what was done. */
export function ensureSystemPackages(wanted: SystemNeed[], options: { quiet?: boolean } = {}): { missing: SystemNeed[]; note: string } {
  const missing = wanted.filter((n) => !present(n));
  if (missing.length === 0) return { missing: [], note: 'all present' };
  const packages = [...new Set(missing.flatMap((m) => m.packages))];
  const stdio = options.quiet ? 'ignore' : 'inherit';
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) => spawnSync('apt-get', args, { stdio, env }).status ?? 1;
  const update = apt(['update', '-qq']);
  const install = update === 0 ? apt(['install', '-y', '-qq', '--no-install-recommends', ...packages]) : update;
  const still = missing.filter((n) => !present(n));
  return { missing: still, note: install === 0 ? `installed ${packages.join(' ')}` : `apt-get failed for ${packages.join(' ')} (needs root and Debian's package archive)` };
}
