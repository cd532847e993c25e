// The twin's lab bench providing the lab's protocols (fixtures/lab-protocols.ts), written once:
// the in-process target adapts these implementations, the twin process's control socket serves
// them. `bench` is the current lab bench (a fresh one each scenario); `portal` says where the
// platform's portal is served.
import type { LabImplementations, PortalAccess } from '../fixtures/lab-protocols.ts';
import type { platformTable } from '../fixtures/lab-protocols.ts';
import type { Implementation } from '../fixtures/method-tables.ts';
import type { PlatformApi } from './cloud/api.ts';
import type { Platform } from './cloud/platform.ts';
import type { LabBench } from './lab-bench.ts';
import { activateAs } from './lab-bench.ts';

export type BenchImplementations = Omit<LabImplementations, 'stock'>;

export function benchProtocols(bench: () => LabBench, portal: () => Promise<PortalAccess>): BenchImplementations {
  return {
    network: {
      network: () => bench().network(),
      setNetwork: (spec) => bench().setNetwork(spec),
      attachService: (service, endpoint) => bench().attachService(service, endpoint),
      connectInbound: (to) => bench().connectInbound(to.port, to.protocol, to.number),
      scanTraffic: () => bench().probes.map((p) => ({ ...p })),
    },
    platform: platformProtocol(() => ({ ...bench(), unitSerial: bench().appliance.identity.serialNumber }), portal),
    fleet: {
      addAppliance: (options) => {
        const unit = bench().addAppliance(options);
        return { serialNumber: unit.identity.serialNumber, activationCode: unit.identity.activationCode };
      },
    },
    faults: {
      injectStorageFault: (fault) => bench().injectStorageFault(fault),
    },
    ports: {
      plug: (port) => bench().cable(port, true),
      unplug: (port) => bench().cable(port, false),
    },
  };
}

/** The platform as a lab holds it: the platform, its API, and the unit under test's serial number. */
export interface PlatformSite {
  platform: Platform;
  api: PlatformApi;
  unitSerial: number;
}

/**
 * The platform protocol over a platform and its API, for the twin's bench and for the platform
 * host the live lab runs alike (`site` is the current one: a bench is fresh each scenario).
 */
export function platformProtocol(site: () => PlatformSite, portal: () => Promise<PortalAccess>): Implementation<typeof platformTable.methods> {
  return {
    activate: (code, username) => activateAs(site().platform, code, username),
    platform: () => ({ url: site().platform.pod.url, indicator: site().platform.pod.indicator }),
    activationCodeHolders: (code) => site().platform.activationCodeHolders(code),
    launch: (job, durationMs, options) => {
      const { platform, unitSerial } = site();
      const targets = options?.targets ?? [];
      platform.queue(options?.serialNumber ?? unitSerial, job === 'scan' ? { kind: 'scan', durationMs, targets } : { kind: 'software-update', durationMs });
    },
    failPlatform: (failure) => {
      const { api } = site();
      if (failure.name === 'normal') api.recover();
      else api.fail(failure.name, { ...('status' in failure ? { status: failure.status } : {}), ...('ms' in failure ? { ms: failure.ms } : {}) });
    },
    portal,
    platformRequests: () => site().api.requests.map((r) => ({ ...r })),
    usePod: (pod) => {
      const { platform, api } = site();
      platform.usePod(pod);
      api.rebase();
    },
    setSubscriptionFeature: (feature, on) => {
      const { features } = site().platform;
      if (feature === 'vlan-trunking') features.vlanTrunking = on;
      else features.ipv6Scanning = on;
    },
  };
}
