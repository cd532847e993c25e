// npm run lab: the live lab on this machine.
//   npm run lab -- build [--rebuild]     build the lab image from Debian packages when it is missing
//   npm run lab -- up [--network <name>] realize a network of fixtures/networks until Ctrl-C
//   npm run lab -- status                the lab containers and networks on the engine
//   npm run lab -- down                  remove every lab container and network (after a crash)
//   npm run lab -- calibrate [--generation 2017|2022] [feature paths...]
//                                        the selection (the network chapter by default) on twin and
//                                        on twin-live; reports/lab-calibration.md lists both outcomes
//                                        of each scenario and every disagreement (exit 1 if any)
// The engine (podman, runc, mmdebstrap) is installed as root when missing and its socket started.
// Bad input ends with one line and exit 2; an engine or service that cannot be had with exit 3.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../fixtures/load.ts';
import { UsageError, exitCodeFor } from './usage.ts';
import { writeCalibration } from './calibration.ts';
import { loadNetwork } from '../../fixtures/networks.ts';
import { EngineUnavailable, ensureEngine } from '../support/lab/live/engine.ts';
import { ensureImage, imageReference, labImage } from '../support/lab/live/images.ts';
import { LabServiceFailed } from '../support/lab/live/engine.ts';
import { LiveNetwork } from '../support/lab/live/network.ts';
import { unrealizable } from '../support/lab/live/services.ts';

const usage = 'usage: npm run lab -- build [--rebuild] | up [--network <name>] | status | down | calibrate [--generation 2017|2022] [<feature path>...]';

/** What calibrate runs when no path is given: the chapters whose scenarios a network produces. */
const CALIBRATION_PATHS = ['features/network', 'features/troubleshooting'];


type Command = 'build' | 'up' | 'status' | 'down' | 'calibrate';

function parse(argv: string[]): { command: Command; rebuild: boolean; network: string; generation: string; paths: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { rebuild: { type: 'boolean', default: false }, network: { type: 'string', default: 'office' }, generation: { type: 'string', default: '2022' }, help: { type: 'boolean', default: false } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; ${usage}`);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError(usage);
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError(`say what to do; ${usage}`);
  if (!['build', 'up', 'status', 'down', 'calibrate'].includes(command)) throw new UsageError(`unknown command "${command}"; ${usage}`);
  if (rest.length > 0 && command !== 'calibrate') throw new UsageError(`unexpected "${rest.join(' ')}"; ${usage}`);
  if (!['2017', '2022'].includes(values.generation)) throw new UsageError(`--generation ${values.generation}: the live lab's unit runs 2017 or 2022`);
  return { command: command as Command, rebuild: values.rebuild, network: values.network, generation: values.generation, paths: rest.length > 0 ? rest : CALIBRATION_PATHS };
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
    case 'calibrate': {
      // Each run is npm start's own; its exit status says only whether scenarios failed.
      const reports = join(projectRoot, 'reports');
      for (const target of ['twin', 'twin-live']) {
        const run = spawnSync(process.execPath, [join(projectRoot, 'steps', 'cli', 'start.ts'), '--target', target, '--generation', request.generation, ...request.paths], { stdio: 'inherit' });
        if (run.status === 2 || run.status === 3) throw new LabServiceFailed(`npm start -- --target ${target} ended with exit ${run.status}`);
      }
      const out = join(reports, 'lab-calibration.md');
      const c = writeCalibration(join(reports, 'summary-twin.json'), join(reports, 'summary-twin-live.json'), out);
      process.stdout.write(`calibration: ${c.compared.length} scenarios run by both, ${c.disagreements.length} disagreements, ${c.notRealized.length} not realized by the live lab (${out})\n`);
      if (c.disagreements.length > 0) process.exitCode = 1;
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
  const code = exitCodeFor(error, process.stderr, 'npm run lab: ');
  if (code !== null) process.exit(code);
  if (error instanceof EngineUnavailable || error instanceof LabServiceFailed) {
    process.stderr.write(`npm run lab: ${error.message}\n`);
    process.exit(3);
  }
  throw error;
}
