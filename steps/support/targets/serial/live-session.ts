// twin-live: the twin's firmware on a real network stack, one unit on the live lab. The lab
// realizes the default network ("office") with real services in containers, the unit's twin runs
// in a container of its own cabled to the LAN, and the suite reaches it only as it reaches
// hardware: through its console (a pseudo-terminal here), with the lab's network and cables as
// the protocols around it. Loaded only when a run asks for it (containers are not free).
import { loadNetwork } from '../../../../fixtures/networks.ts';
import { loadGeneration } from '../../../../fixtures/profiles.ts';
import type { TargetStatement } from '../../../../fixtures/targets.ts';
import { Inconclusive } from '../../errors.ts';
import { EngineUnavailable, ensureEngine } from '../../lab/live/engine.ts';
import { ensureImage, labImage } from '../../lab/live/images.ts';
import { LabServiceFailed, LiveNetwork } from '../../lab/live/network.ts';
import { liveLabProtocols } from '../../lab/live/protocols.ts';
import type { Capability, TargetSession } from '../../protocols.ts';
import { openTty } from './link.ts';
import { LabBenchClient } from './control.ts';
import { platformTable } from '../../../../fixtures/lab-protocols.ts';
import { ledsTable, powerTable } from '../../../../fixtures/bench-protocols.ts';
import { join } from 'node:path';
import { client } from '../../../../fixtures/method-tables.ts';
import { oneUnitSession } from './session.ts';

/** The network every scenario starts from, as on the twin's bench. */
const DEFAULT_NETWORK = 'office';

export async function openTwinLiveSession(generation: string, capabilities: ReadonlySet<Capability>, statement: TargetStatement): Promise<TargetSession> {
  const twin = statement.twin!;
  const spec = loadNetwork(DEFAULT_NETWORK);
  const serialNumber = loadGeneration(generation).hardware.defaultSerialNumber;
  const activatedBy = statement.unit?.activated ? statement.unit.activatedBy : undefined;
  let lab: LiveNetwork | null = null;
  try {
    await ensureEngine();
    const { reference } = await ensureImage(labImage, { log: (line) => process.stderr.write(`live lab: ${line}\n`) });
    // The platform's clock runs as fast as the unit's: a slow answer takes the time the unit's clock says.
    lab = await LiveNetwork.realize(spec, { image: reference, generation, speed: twin.speed, unit: { serialNumber, ...(activatedBy ? { activatedBy } : {}) } });
    // Both ports cabled to their subnets; the default network's WAN cable is out (its carrier down).
    const args = ['--network', 'live', '--lan-if', 'lan0', ...(spec.wan.untagged ? ['--wan-if', 'wan0'] : []), '--bench', '/run/console/bench.sock', '--platform-ca', '/run/console/platform-ca.pem', '--serial', String(serialNumber), '--on',
      '--speed', String(twin.speed), '--line', twin.line, '--console-layout', twin.layout, ...(activatedBy ? ['--activated-by', activatedBy] : [])];
    if (!spec.lan.untagged) throw new LabServiceFailed(`the ${DEFAULT_NETWORK} network has no untagged LAN subnet to cable the unit to`);
    const unit = await lab.attachUnit({ generation, lan: spec.lan.untagged, ...(spec.wan.untagged ? { wan: spec.wan.untagged } : {}), args });
    const platformClient = await LabBenchClient.connect(lab.platformControl, "the live lab's platform");
    const benchClient = await LabBenchClient.connect(join(unit.dir, 'bench.sock'), "the live unit's bench");
    const protocols = {
      ...liveLabProtocols(lab, unit, client(platformTable, (op, args) => platformClient.call(op, args))),
      power: client(powerTable, (op, args) => benchClient.call(op, args)),
      leds: client(ledsTable, (op, args) => benchClient.call(op, args)),
    };
    await protocols.reset(spec);
    const link = await openTty(unit.console);
    const running = lab;
    const stop = async () => {
      platformClient.close();
      benchClient.close();
      await running.stop();
    };
    return await oneUnitSession(statement.name, link, generation, capabilities, statement, { factory: true, mode: loadGeneration(generation).firmware.networkModes[0]! }, stop, {
      protocols,
      // Each scenario starts from the default network and a platform that answers normally.
      beforeScenario: async () => {
        await protocols.reset(spec);
        await protocols.platform!.failPlatform({ name: 'normal' });
      },
    });
  } catch (error) {
    await lab?.stop().catch(() => undefined);
    // No engine, an image that cannot be built, a service that did not come up: the lab broke.
    if (error instanceof EngineUnavailable || error instanceof LabServiceFailed) throw new Inconclusive(`twin-live: ${error.message}`);
    throw error;
  }
}
