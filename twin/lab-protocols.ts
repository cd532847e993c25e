// The twin's lab bench providing the lab's protocols (fixtures/lab-protocols.ts), written once:
// the in-process target adapts these implementations, the twin process's control socket serves
// them. `bench` is the current lab bench (a fresh one each scenario); `portal` says where the
// platform's portal is served.
import type { LabImplementations, PortalAccess } from '../fixtures/lab-protocols.ts';
import type { LabBench } from './lab-bench.ts';

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
    platform: {
      activate: (code, username) => bench().activate(code, username),
      platform: () => bench().platformInfo(),
      activationCodeHolders: (code) => bench().platform.activationCodeHolders(code),
      launch: (job, durationMs, options) => { bench().launch(job, durationMs, options?.targets ?? [], options?.serialNumber); },
      failPlatform: (failure) => bench().failPlatform(failure.name, { ...('status' in failure ? { status: failure.status } : {}), ...('ms' in failure ? { ms: failure.ms } : {}) }),
      portal,
      platformRequests: () => bench().api.requests.map((r) => ({ ...r })),
      usePod: (pod) => bench().usePod(pod),
      setSubscriptionFeature: (feature, on) => bench().setSubscriptionFeature(feature, on),
    },
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
