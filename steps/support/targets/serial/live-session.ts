// One unit on the live lab. twin-live: the twin's firmware on a real network stack; the lab
// realizes the default network ("office") with real services in containers, the unit's twin runs
// in a container of its own cabled to the LAN, and the suite reaches it only as it reaches
// hardware: through its console (a pseudo-terminal here), with the lab's network and cables as
// the protocols around it. A real unit on a serial line (--lab live) meets the same lab through
// this machine's interfaces its ports are wired to. Loaded only when a run asks for it
// (containers are not free).
import { loadNetwork } from '../../../../fixtures/networks.ts';
import { loadGeneration } from '../../../../fixtures/profiles.ts';
import type { TargetStatement } from '../../../../fixtures/targets.ts';
import { Inconclusive } from '../../errors.ts';
import { EngineUnavailable, LabServiceFailed, ensureEngine } from '../../lab/live/engine.ts';
import { ensureImage, labImage } from '../../lab/live/images.ts';
import { LiveNetwork } from '../../lab/live/network.ts';
import { containerCableEnds, hostCableEnds, liveLabProtocols } from '../../lab/live/protocols.ts';
import type { Capability, Faults, Platform, TargetSession } from '../../protocols.ts';
import type { SerialLink } from './link.ts';
import { openTty } from './link.ts';
import { LabBenchClient } from './control.ts';
import { PORTAL_SOCKET, faultsTable, platformTable } from '../../../../fixtures/lab-protocols.ts';
import { portalOnLoopback } from '../../lab/live/portal-relay.ts';
import { ledsTable, powerTable } from '../../../../fixtures/bench-protocols.ts';
import { dirname, join } from 'node:path';
import { client } from '../../../../fixtures/method-tables.ts';
import { oneUnitSession } from './session.ts';

/** The network every scenario starts from, as on the twin's bench. */
const DEFAULT_NETWORK = 'office';

/** A live lab realizing the default network, its platform's clock at `speed` (with `unit`, the platform knows that unit as shipped). */
async function startLab(generation: string, speed: number, unit?: { serialNumber: number; activatedBy?: string }): Promise<LiveNetwork> {
  await ensureEngine();
  const { reference } = await ensureImage(labImage, { log: (line) => process.stderr.write(`live lab: ${line}\n`) });
  return LiveNetwork.realize(loadNetwork(DEFAULT_NETWORK), { image: reference, generation, speed, ...(unit ? { unit } : {}) });
}

/** A lab that broke (no engine, an image that cannot be built, a service that did not come up) makes the run inconclusive. */
async function labOrInconclusive<T>(what: string, lab: () => LiveNetwork | null, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    await lab()?.stop().catch(() => undefined);
    if (error instanceof EngineUnavailable || error instanceof LabServiceFailed) throw new Inconclusive(`${what}: ${error.message}`);
    throw error;
  }
}

/** Each scenario starts from the default network and a platform that answers normally. */
function everyScenario(protocols: ReturnType<typeof liveLabProtocols> & { faults?: Faults }, platform: LabPlatform): () => Promise<void> {
  const spec = loadNetwork(DEFAULT_NETWORK);
  return async () => {
    await protocols.reset(spec);
    await platform.reset();
    // A storage fault an earlier scenario injected is taken back; the unit still shows it until it restarts.
    await protocols.faults?.injectStorageFault(null);
  };
}

interface LabPlatform {
  platform: Platform;
  /** The platform as the lab started it: the account's settings, appliances and jobs, answering normally. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The lab's platform, through its host's control socket, with its portal on a loopback port of this machine's. */
async function labPlatform(running: LiveNetwork): Promise<LabPlatform> {
  const control = await LabBenchClient.connect(running.platformControl, "the live lab's platform");
  const inner = client(platformTable, (op, args) => control.call(op, args));
  const relay = await portalOnLoopback(join(dirname(running.platformControl), PORTAL_SOCKET));
  return {
    platform: { ...inner, portal: async () => ({ ...(await inner.portal()), url: `https://127.0.0.1:${relay.port}` }) },
    reset: async () => { await control.call('reset'); },
    close: async () => {
      control.close();
      await relay.close();
    },
  };
}

export async function openTwinLiveSession(generation: string, capabilities: ReadonlySet<Capability>, statement: TargetStatement): Promise<TargetSession> {
  const twin = statement.twin!;
  const spec = loadNetwork(DEFAULT_NETWORK);
  const serialNumber = loadGeneration(generation).hardware.defaultSerialNumber;
  const activatedBy = statement.unit?.activated ? statement.unit.activatedBy : undefined;
  let lab: LiveNetwork | null = null;
  return labOrInconclusive('twin-live', () => lab, async () => {
    // The platform's clock runs as fast as the unit's: a slow answer takes the time the unit's clock says.
    const running = lab = await startLab(generation, twin.speed, { serialNumber, ...(activatedBy ? { activatedBy } : {}) });
    // Both ports cabled to their subnets; the default network's WAN cable is out (its carrier down).
    const args = ['--network', 'live', '--lan-if', 'lan0', ...(spec.wan.untagged ? ['--wan-if', 'wan0'] : []), '--bench', '/run/console/bench.sock', '--platform-ca', '/run/console/platform-ca.pem', '--serial', String(serialNumber), '--on',
      '--speed', String(twin.speed), '--line', twin.line, '--console-layout', twin.layout, ...(activatedBy ? ['--activated-by', activatedBy] : [])];
    if (!spec.lan.untagged) throw new LabServiceFailed(`the ${DEFAULT_NETWORK} network has no untagged LAN subnet to cable the unit to`);
    const unit = await running.attachUnit({ generation, lan: spec.lan.untagged, ...(spec.wan.untagged ? { wan: spec.wan.untagged } : {}), args });
    const platform = await labPlatform(running);
    const benchClient = await LabBenchClient.connect(join(unit.dir, 'bench.sock'), "the live unit's bench");
    const protocols = {
      ...liveLabProtocols(running, containerCableEnds(unit), platform.platform),
      power: client(powerTable, (op, args) => benchClient.call(op, args)),
      leds: client(ledsTable, (op, args) => benchClient.call(op, args)),
      faults: client(faultsTable, (op, args) => benchClient.call(op, args)),
    };
    await protocols.reset(spec);
    const link = await openTty(unit.console);
    const stop = async () => {
      await platform.close();
      benchClient.close();
      await running.stop();
    };
    return oneUnitSession(statement.name, link, generation, capabilities, statement, { factory: true, mode: loadGeneration(generation).firmware.networkModes[0]! }, stop, {
      protocols,
      beforeScenario: everyScenario(protocols, platform),
    });
  });
}

/**
 * A real unit on a serial line whose network ports are wired to this machine's interfaces
 * (statement.lab: --lab live --lab-lan, --lab-wan): the live lab puts them in its LAN and WAN
 * bridges, realizes each scenario's network around the unit, and unplugs a cable by taking the
 * interface down. The unit's settings are not known to the suite (as on any serial target).
 */
export async function openCabledSerialSession(name: string, link: SerialLink, generation: string, capabilities: ReadonlySet<Capability>, statement: TargetStatement): Promise<TargetSession> {
  const cabling = statement.lab!;
  const spec = loadNetwork(DEFAULT_NETWORK);
  let lab: LiveNetwork | null = null;
  return labOrInconclusive(`${name} on the live lab`, () => lab, async () => {
    // The lab's platform knows the unit by the serial number on its label, activated as the statement says.
    const unit = statement.unit?.serialNumber === undefined ? undefined : { serialNumber: statement.unit.serialNumber, ...(statement.unit.activatedBy ? { activatedBy: statement.unit.activatedBy } : {}) };
    const running = lab = await startLab(generation, statement.timeScale, unit);
    if (!spec.lan.untagged) throw new LabServiceFailed(`the ${DEFAULT_NETWORK} network has no untagged LAN subnet to cable the unit to`);
    await running.cableHostInterface(cabling.lan, spec.lan.untagged);
    if (cabling.wan !== undefined && spec.wan.untagged) await running.cableHostInterface(cabling.wan, spec.wan.untagged);
    const platform = await labPlatform(running);
    const protocols = liveLabProtocols(running, hostCableEnds({ LAN: cabling.lan, WAN: cabling.wan }), platform.platform);
    await protocols.reset(spec);
    const stop = async () => {
      await platform.close();
      await running.stop();
    };
    return oneUnitSession(name, link, generation, capabilities, statement, { factory: false, mode: null }, stop, { protocols, beforeScenario: everyScenario(protocols, platform) });
  });
}
