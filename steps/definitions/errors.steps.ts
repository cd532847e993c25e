// The actions the troubleshooting chapter names as what leads to a network error: "A user
// enabled proxy settings", "A user disabled proxy settings", "A user configured the LAN
// interface", "A user configured VLANs", "A user configured the WAN interface", the boot ("Using
// its boot time network configuration") and a restart; each made through the menus and prompts
// the guide names, as one step, so that an Examples row can name it.
import type { Port } from '../support/protocols.ts';
import { When } from '../support/define.ts';
import { reach } from '../support/strategy.ts';
import { FollowProcedure, itemsStarting, RestartAppliance, SetPortLink } from '../support/tasks/procedure.ts';
import type { Actor } from '../support/actor.ts';

/** The procedure `flow` from its menu item, its fields entered from `values` (by field name). */
async function configure(actor: Actor, flow: string, values: Readonly<Record<string, string>>): Promise<void> {
  await reach(actor, 'booted');
  await actor.attemptsTo(FollowProcedure(itemsStarting(actor, flow), [flow], values));
}

// ---------------------------------------------------------------------------------------------
// "A user enabled proxy settings" / "A user disabled proxy settings"

/** 2022: "PROXY HOST ... the proxy server's fully qualified domain name (FQDN) or IP address". */
When('I enable proxy support through the host name {string} port {int}', async function (host: string, port: number) {
  await configure(this.actor, 'configure-proxy', { host, port: String(port) });
});

/** "Disable Proxy ... When the REALLY DISABLE PROXY? prompt appears, press ENTER". */
When('I disable proxy support', async function () {
  await configure(this.actor, 'disable-proxy', {});
});

// ---------------------------------------------------------------------------------------------
// "A user configured the LAN interface" / "A user configured VLANs"

When('I renew DHCP on the LAN', async function () {
  await configure(this.actor, 'renew-dhcp-lan', {});
});

When('I enable VLAN {int} on the LAN', async function (vlan: number) {
  await configure(this.actor, 'configure-vlan', { vlan: String(vlan) });
});

// ---------------------------------------------------------------------------------------------
// The Ethernet port settings: "A change to an Ethernet port setting takes effect right away."

When('I set the {port} port link to {string}', async function (port: Port, value: string) {
  await reach(this.actor, 'booted');
  await this.attemptsTo(SetPortLink(port, value));
});

// ---------------------------------------------------------------------------------------------
// A restart: "Using its boot time network configuration the Scanner Appliance attempted to make a
// connection".

When('I restart the appliance', async function () {
  await reach(this.actor, 'booted');
  await this.attemptsTo(RestartAppliance());
});
