// npm run lab: the live lab on this machine.
//   npm run lab -- build [--rebuild]     build the lab image from Debian packages when it is missing
//   npm run lab -- up [--network <name>] realize a network of fixtures/networks until Ctrl-C
//   npm run lab -- status                the lab containers and networks on the engine
//   npm run lab -- down                  remove every lab container and network (after a crash)
// The engine (podman, runc, mmdebstrap) is installed as root when missing and its socket started.
// Bad input ends with one line and exit 2; an engine or service that cannot be had with exit 3.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { FixtureError } from '../../fixtures/load.ts';
import { loadNetwork } from '../../fixtures/networks.ts';
import { EngineUnavailable, ensureEngine } from '../support/lab/live/engine.ts';
import { ensureImage, imageReference, labImage } from '../support/lab/live/images.ts';
import { LabServiceFailed, LiveNetwork } from '../support/lab/live/network.ts';
import { unrealizable } from '../support/lab/live/services.ts';

const usage = 'usage: npm run lab -- build [--rebuild] | up [--network <name>] | status | down';

class UsageError extends Error {}

function parse(argv: string[]): { command: 'build' | 'up' | 'status' | 'down'; rebuild: boolean; network: string } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { rebuild: { type: 'boolean', default: false }, network: { type: 'string', default: 'office' }, help: { type: 'boolean', default: false } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; ${usage}`);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError(usage);
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError(`say what to do; ${usage}`);
  if (!['build', 'up', 'status', 'down'].includes(command)) throw new UsageError(`unknown command "${command}"; ${usage}`);
  if (rest.length > 0) throw new UsageError(`unexpected "${rest.join(' ')}"; ${usage}`);
  return { command: command as 'build' | 'up' | 'status' | 'down', rebuild: values.rebuild, network: values.network };
}

/** Names of the lab's containers and networks on the engine (every lab of this project is "qsa-lab-*"). */
function labObjects(): { containers: string[]; networks: string[] } {
  const lines = (args: string[]) => execFileSync('podman', args, { encoding: 'utf8' }).split('\n').filter((l) => l.length > 0);
  return {
    containers: lines(['ps', '-a', '--filter', 'label=qsa.lab', '--format', '{{.Names}} {{.Status}}']),
    networks: lines(['network', 'ls', '--format', '{{.Name}}']).filter((n) => n.startsWith('qsa-lab-')),
  };
}

async function main(argv: string[]): Promise<void> {
  const request = parse(argv);
  await ensureEngine();
  switch (request.command) {
    case 'build': {
      const { reference, built, seconds } = await ensureImage(labImage, { rebuild: request.rebuild, log: (line) => process.stdout.write(`  ${line}\n`) });
      process.stdout.write(built ? `built ${reference} in ${seconds} s\n` : `${reference} is already built (npm run lab -- build --rebuild builds it again)\n`);
      return;
    }
    case 'status': {
      const { containers, networks } = labObjects();
      process.stdout.write(`image: ${imageReference(labImage)}\ncontainers: ${containers.length === 0 ? 'none' : '\n  ' + containers.join('\n  ')}\nnetworks: ${networks.length === 0 ? 'none' : networks.join(' ')}\n`);
      return;
    }
    case 'down': {
      const { containers, networks } = labObjects();
      const names = containers.map((c) => c.split(' ')[0]!);
      if (names.length > 0) execFileSync('podman', ['rm', '-f', '-t', '1', ...names], { stdio: 'ignore' });
      if (networks.length > 0) execFileSync('podman', ['network', 'rm', '-f', ...networks], { stdio: 'ignore' });
      process.stdout.write(`removed ${names.length} containers and ${networks.length} networks\n`);
      return;
    }
    case 'up': {
      const spec = loadNetwork(request.network);
      const missing = unrealizable(spec);
      if (missing.length > 0) process.stdout.write(`not realized on this machine:\n  ${missing.join('\n  ')}\n`);
      // A signal at any point (even while the lab comes up) ends in a stopped lab, never a stray one.
      const stopped = new Promise<void>((resolve) => { process.once('SIGINT', resolve); process.once('SIGTERM', resolve); });
      const { reference } = await ensureImage(labImage, { log: (line) => process.stdout.write(`  ${line}\n`) });
      const started = performance.now();
      const lab = await LiveNetwork.realize(spec, { image: reference });
      process.stdout.write(`lab ${lab.name} realizes ${request.network} (${((performance.now() - started) / 1000).toFixed(1)} s): ${spec.description}\n`);
      for (const subnet of Object.keys(spec.subnets)) process.stdout.write(`  subnet ${subnet}: podman network ${lab.networkOf(subnet)} (attach a container with --network ${lab.networkOf(subnet)})\n`);
      process.stdout.write('Ctrl-C stops it.\n');
      // A timer keeps the process (and so the lab) alive until the signal.
      const alive = setInterval(() => undefined, 60_000);
      await stopped;
      clearInterval(alive);
      await lab.stop();
      process.stdout.write(`lab ${lab.name} stopped\n`);
      return;
    }
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || error instanceof FixtureError) {
    process.stderr.write(`npm run lab: ${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof EngineUnavailable || error instanceof LabServiceFailed) {
    process.stderr.write(`npm run lab: ${error.message}\n`);
    process.exit(3);
  }
  throw error;
}
