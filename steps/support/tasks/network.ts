// Changes to the lab's network, as data: each takes the lab's spec, changes one thing a Given
// step names, and hands it back. A lab realizes the result (the twin models it in-process).
import type { NetworkSpec, SubnetSpec } from '../../../fixtures/networks.ts';
import { loadNetwork } from '../../../fixtures/networks.ts';
import { inCidr } from '../../../fixtures/addresses.ts';
import type { Port } from '../protocols.ts';
import type { Actor } from '../actor.ts';
import { Task } from './task.ts';

/** The platform's host name (from its URL), which DNS must resolve. */
export async function platformHost(actor: Actor): Promise<string> {
  return new URL((await actor.need('platform').platform()).url).hostname;
}

/** The lab's network as it is now. */
export async function labNetwork(actor: Actor): Promise<NetworkSpec> {
  return actor.need('network').network();
}

/** Changes the lab's network with `change` and hands it back; `description` says what changes. */
export const ChangeNetwork = (description: string, change: (spec: NetworkSpec) => void | Promise<void>) =>
  Task.where(`lab: ${description}`, async (actor) => {
    const lab = actor.need('network');
    const spec = await lab.network();
    await change(spec);
    await lab.setNetwork(spec);
  });

/** One of the named networks of fixtures/networks/. */
export function UseNetwork(name: string): Task<void> {
  const spec = loadNetwork(name);
  return Task.where(`lab: the "${name}" network (${spec.description})`, (actor) => actor.need('network').setNetwork(spec));
}

/** The subnet of the lab network an address belongs to. */
export function subnetHolding(spec: NetworkSpec, address: string): SubnetSpec {
  const subnet = Object.values(spec.subnets).find((s) => (s.ipv4 && inCidr(address, s.ipv4.network)) || (s.ipv6 && inCidr(address, s.ipv6.prefix)));
  if (!subnet) throw new Error(`no subnet of the lab network holds ${address}`);
  return subnet;
}

/**
 * A server on the lab network: a host at `address` (added to its subnet where the network has
 * none) offering `port` over each of `protocols`, each reaching `endpoint(protocol)` (a server
 * of the suite's standing in for it).
 */
export const AddServer = (what: string, address: string, protocols: ReadonlyArray<'udp' | 'tcp'>, port: number, endpoint: (protocol: 'udp' | 'tcp') => { host: string; port: number }) =>
  Task.where(`lab: a ${what} at ${address} listens on ${protocols.map((p) => p.toUpperCase()).join(' and ')} port ${port}`, async (actor) => {
    const lab = actor.need('network');
    const spec = await lab.network();
    const subnet = subnetHolding(spec, address);
    let host = subnet.hosts.find((h) => h.address === address);
    if (!host) {
      host = { address, role: 'host', answers: true, services: [] };
      subnet.hosts.push(host);
    }
    for (const protocol of protocols) {
      if (!host.services.some((s) => s.protocol === protocol && s.port === port)) host.services.push({ protocol, port });
      await lab.attachService({ address, protocol, port }, endpoint(protocol));
    }
    await lab.setNetwork(spec);
  });

/** The subnet a port's untagged frames (or a VLAN's) reach. */
export function subnetOf(spec: NetworkSpec, port: Port, vlan = 0): SubnetSpec {
  const side = port === 'LAN' ? spec.lan : spec.wan;
  const name = vlan === 0 ? side.untagged : side.vlans[String(vlan)];
  if (!name || !spec.subnets[name]) throw new Error(`the lab network has no subnet on the ${port} port${vlan ? ` for VLAN ${vlan}` : ''}`);
  return spec.subnets[name]!;
}

/** The DNS servers a subnet's DHCP lease gives, or its DNS hosts. */
export function dnsServersOf(subnet: SubnetSpec): string[] {
  return subnet.dhcp?.dns.length ? subnet.dhcp.dns : subnet.hosts.filter((h) => h.role === 'dns').map((h) => h.address);
}
