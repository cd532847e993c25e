// The lab's network modeled in-process, behind the interface the appliance holds: each question
// is answered from the lab's spec as it is at that moment (the lab changes or replaces it between
// any two), and what the appliance puts on its cables is handed to the lab, which sees it on its
// switch ports and relays it to real receivers.
import type { NetworkSpec } from '../../fixtures/networks.ts';
import type { Attachment, Connection, Egress, Ipv6Lease, Lease, Network, Port, ScanRoutes } from './interface.ts';
import { reachPlatform, requestIpv6, requestLease } from './path.ts';
import type { Leg } from './traffic.ts';
import { resolveName, scanEgress, serviceEgress } from './traffic.ts';

/** What the lab sees of the traffic the appliance sends. */
export interface SwitchPorts {
  probed(packet: { jobId: string; target: string }, egress: Egress | null): void;
  delivered(to: { address: string; protocol: 'udp' | 'tcp'; port: number }, message: string): void;
}

const egress = (leg: Leg | null): Egress | null => (leg ? { port: leg.port, vlan: leg.vlan, source: leg.source } : null);

export class ModeledNetwork implements Network {
  /** The lab's network as it is now: its cables, subnets, DNS, proxy and platform path. */
  spec: NetworkSpec;
  readonly #ports: SwitchPorts;

  constructor(spec: NetworkSpec, ports: SwitchPorts) {
    this.spec = spec;
    this.#ports = ports;
  }

  requestLease(port: Port, vlan: number, link: string): Lease | null {
    return requestLease(this.spec, port === 'LAN' ? 'lan' : 'wan', vlan, link);
  }

  requestIpv6(vlan: number, link: string): Ipv6Lease | null {
    return requestIpv6(this.spec, vlan, link);
  }

  resolve(host: Attachment, name: string): string | null {
    return resolveName(host, this.spec, name);
  }

  connect(host: Attachment, platformHost: string): Connection {
    return reachPlatform(host, this.spec, platformHost);
  }

  route(host: Attachment, routes: ScanRoutes | null, address: string): Egress | null {
    return egress(scanEgress(host, this.spec, routes, address));
  }

  probe(host: Attachment, routes: ScanRoutes | null, packet: { jobId: string; target: string }): Egress | null {
    const way = this.route(host, routes, packet.target);
    this.#ports.probed(packet, way);
    return way;
  }

  send(host: Attachment, routes: ScanRoutes | null, to: { address: string; protocol: 'udp' | 'tcp'; port: number }, message: string): boolean {
    if (!serviceEgress(host, this.spec, routes, to.address, to.protocol, to.port)) return false;
    this.#ports.delivered(to, message);
    return true;
  }
}
