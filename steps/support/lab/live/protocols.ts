// The live lab's protocols around one unit on it (fixtures/lab-protocols.ts): the network, realized
// by real services (network.ts), and the cables of the unit's ports. What this machine cannot
// realize of a spec, and what the live lab does not do (hand a service to the suite, capture scan
// packets, connect inbound), makes the scenario not applicable, with the reason; a service that
// breaks makes it inconclusive.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { NetworkSpec } from '../../../../fixtures/networks.ts';
import type { Implementation } from '../../../../fixtures/method-tables.ts';
import { adapt } from '../../../../fixtures/method-tables.ts';
import type { Platform, networkTable, portsTable } from '../../../../fixtures/lab-protocols.ts';
import { networkTable as networkMethods, portsTable as portsMethods } from '../../../../fixtures/lab-protocols.ts';
import { Inconclusive, NotApplicable } from '../../errors.ts';
import type { UnitSurroundings } from '../../targets/serial/target.ts';
import type { LiveNetwork } from './network.ts';
import type { LiveUnit } from './unit.ts';
import { LabServiceFailed } from './engine.ts';
import { unrealizable } from './services.ts';

const exec = promisify(execFile);

/** The unit's interface for a port, as attachUnit names it. */
export const unitInterface = { LAN: 'lan0', WAN: 'wan0' } as const;

/** This machine's end of a unit's cable on `port` (null: no cable there): the interface that goes down to unplug it. */
export type CableEnds = (port: 'LAN' | 'WAN') => Promise<string | null>;

/** A unit in a container of the lab: its cables end in the host's peers of its veth interfaces. */
export function containerCableEnds(unit: LiveUnit): CableEnds {
  return async (port) => {
    const { exitCode, output } = await unit.container.exec(['cat', `/sys/class/net/${unitInterface[port]}/iflink`]);
    if (exitCode !== 0) {
      if (port === 'WAN') return null; // No WAN network cabled to this unit: its WAN port has no cable anyway.
      throw new LabServiceFailed(`the unit has no ${unitInterface[port]} interface: ${output.trim()}`);
    }
    const peer = Number(output.trim());
    const { stdout } = await exec('ip', ['-j', 'link', 'show']);
    const host = (JSON.parse(stdout) as Array<{ ifindex: number; ifname: string }>).find((l) => l.ifindex === peer);
    if (!host) throw new LabServiceFailed(`the host end of the unit's ${port} cable (interface ${peer}) is gone`);
    return host.ifname;
  };
}

/** A real unit wired to this machine's interfaces (--lab-lan, --lab-wan). */
export function hostCableEnds(ends: { LAN: string; WAN?: string | undefined }): CableEnds {
  return async (port) => ends[port] ?? null;
}

/**
 * Plugs or unplugs a cable for real: this machine's end of it goes up or down, so the unit's
 * kernel sees carrier come and go.
 */
async function setCable(ends: CableEnds, port: 'LAN' | 'WAN', plugged: boolean): Promise<void> {
  const host = await ends(port);
  if (host === null) return;
  await exec('ip', ['link', 'set', host, plugged ? 'up' : 'down']);
}

/** A lab fault surfaces as inconclusive, naming the service. */
async function asLab<T>(what: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof NotApplicable || error instanceof Inconclusive) throw error;
    throw new Inconclusive(`the live lab could not ${what}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * The live lab's protocols around a unit whose cables end at `ends`: the network and the ports'
 * cables, realized here, and the platform, a client of the platform host's control socket.
 */
export function liveLabProtocols(lab: LiveNetwork, ends: CableEnds, platform: Platform): UnitSurroundings & { reset(spec: NetworkSpec): Promise<void> } {
  const cables = async (spec: NetworkSpec) => {
    await setCable(ends, 'LAN', spec.lan.cable);
    await setCable(ends, 'WAN', spec.wan.cable);
  };
  const realize = (spec: NetworkSpec) => asLab('realize the network', async () => {
    const why = unrealizable(spec);
    if (why.length > 0) throw new NotApplicable(`the live lab cannot realize this network on this machine: ${why.join('; ')}`);
    if (spec.lan.untagged !== lab.spec.lan.untagged || spec.wan.untagged !== lab.spec.wan.untagged) {
      throw new NotApplicable('the live lab does not move a unit\'s cable to another subnet during a run');
    }
    await lab.reconfigure(spec);
    await cables(spec);
  });
  const network: Implementation<typeof networkTable.methods> = {
    network: () => structuredClone(lab.spec),
    setNetwork: realize,
    // The spec's host at the service's address is the lab's rsyslog (realized with the spec); what
    // it receives there goes on to the suite's receiver.
    attachService: (service, endpoint) => asLab(`relay syslog on ${service.protocol.toUpperCase()} ${service.port}`, async () => lab.relaySyslog(service.protocol, service.port, endpoint)),
    connectInbound: () => { throw new NotApplicable('the live lab does not yet connect to the unit from its networks'); },
    scanTraffic: () => { throw new NotApplicable('the live lab does not capture scan packets'); },
  };
  const ports: Implementation<typeof portsTable.methods> = {
    plug: (port) => asLab(`plug the ${port} cable`, () => setCable(ends, port, true)),
    unplug: (port) => asLab(`unplug the ${port} cable`, () => setCable(ends, port, false)),
  };
  // Each scenario attaches its own receivers.
  const reset = async (spec: NetworkSpec) => {
    lab.detachSyslog();
    await realize(spec);
  };
  return { network: adapt(networkMethods, network), ports: adapt(portsMethods, ports), platform, reset };
}
