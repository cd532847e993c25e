// Changes to the lab's network, as data: each takes the lab's spec, changes one thing a Given
// step names, and hands it back. A lab realizes the result (the twin models it in-process).
import type { NetworkSpec, SubnetSpec } from '../../../fixtures/networks.ts';
import { loadNetwork } from '../../../fixtures/networks.ts';
import type { Port } from '../protocols.ts';
import type { Actor } from '../actor.ts';

/** The platform's host name (from its URL), which DNS must resolve. */
export async function platformHost(actor: Actor): Promise<string> {
  return new URL((await actor.need('lab').platform()).url).hostname;
}

/** Changes the lab's network with `change` and hands it back. */
export async function changeNetwork(actor: Actor, description: string, change: (spec: NetworkSpec) => void | Promise<void>): Promise<void> {
  const lab = actor.need('lab');
  await actor.act(`lab: ${description}`, async () => {
    const spec = await lab.network();
    await change(spec);
    await lab.setNetwork(spec);
  });
}

export async function useNetwork(actor: Actor, name: string): Promise<void> {
  const spec = loadNetwork(name);
  const lab = actor.need('lab');
  await actor.act(`lab: the "${name}" network (${spec.description})`, () => lab.setNetwork(spec));
}

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
