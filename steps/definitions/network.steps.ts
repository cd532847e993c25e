// The lab network around the appliance: named networks (fixtures/networks/) and the conditions
// the guide's troubleshooting tables name, each a change to the network's data.
import type { LinkSetting, NetworkSpec } from '../../fixtures/networks.ts';
import { linkSettings } from '../../fixtures/networks.ts';
import { Given, When } from '../support/define.ts';
import type { Port } from '../support/protocols.ts';
import { leasedAddress } from '../support/notes.ts';
import { ChangeNetwork, dnsServersOf, platformHost, subnetOf, UseNetwork } from '../support/tasks/network.ts';
import { InjectStorageFault, PlatformAnswers, platformSays } from '../support/tasks/lab.ts';
import { labAccount } from '../support/tasks/portal.ts';
import type { Actor } from '../support/actor.ts';
import { AnswerPrompt } from '../support/tasks/procedure.ts';

Given('the lab network is {string}', async function (name: string) {
  await this.attemptsTo(UseNetwork(name));
});

// --- DHCP ----------------------------------------------------------------------------------

Given('the {port} has a DHCP server that leases {ipv4} with gateway {ipv4} and DNS server {ipv4}', async function (port: Port, address: string, gateway: string, dns: string) {
  await this.attemptsTo(ChangeNetwork(`the ${port}'s DHCP server leases ${address}`, (spec) => {
    subnetOf(spec, port).dhcp = { address, netmask: '255.255.255.0', gateway, dns: [dns], wins: [] };
  }));
  if (port === 'LAN') this.notes.set(leasedAddress, address);
});

Given('the {port} has no DHCP server', async function (port: Port) {
  await this.attemptsTo(ChangeNetwork(`no DHCP server on the ${port}`, (spec) => {
    subnetOf(spec, port).dhcp = null;
  }));
});

Given("the {port}'s DHCP lease has no gateway", async function (port: Port) {
  await this.attemptsTo(ChangeNetwork(`the ${port}'s DHCP lease has no routers option`, (spec) => {
    const dhcp = subnetOf(spec, port).dhcp;
    if (!dhcp) throw new Error(`the ${port} has no DHCP server`);
    dhcp.gateway = null;
  }));
});

Given("the {port}'s DHCP lease has no DNS servers", async function (port: Port) {
  await this.attemptsTo(ChangeNetwork(`the ${port}'s DHCP lease has no DNS servers`, (spec) => {
    const dhcp = subnetOf(spec, port).dhcp;
    if (!dhcp) throw new Error(`the ${port} has no DHCP server`);
    dhcp.dns = [];
  }));
});

/** "option netbios-name-servers WINS1, WINS2;" */
Given("the {port}'s DHCP server gives the WINS servers {ipv4} and {ipv4}", async function (port: Port, wins1: string, wins2: string) {
  await this.attemptsTo(ChangeNetwork(`the ${port}'s DHCP server has option netbios-name-servers ${wins1}, ${wins2}`, (spec) => {
    const dhcp = subnetOf(spec, port).dhcp;
    if (!dhcp) throw new Error(`the ${port} has no DHCP server`);
    dhcp.wins = [wins1, wins2];
  }));
});

// --- DNS -----------------------------------------------------------------------------------

Given("the {port}'s DNS servers do not answer", async function (port: Port) {
  await this.attemptsTo(ChangeNetwork(`the ${port}'s DNS servers do not answer`, (spec) => {
    const subnet = subnetOf(spec, port);
    const servers = new Set(dnsServersOf(subnet));
    for (const s of Object.values(spec.subnets)) for (const h of s.hosts) if (servers.has(h.address)) h.answers = false;
  }));
});

Given('the DNS servers cannot resolve the platform URL', async function () {
  const host = await platformHost(this.actor);
  await this.attemptsTo(ChangeNetwork(`DNS has no record for ${host}`, (spec) => {
    delete spec.dns[host];
  }));
});

Given("the DNS servers cannot resolve the proxy's host name", async function () {
  await this.attemptsTo(ChangeNetwork("DNS has no record for the proxy's host name", (spec) => {
    if (!spec.proxy?.hostname) throw new Error('the lab network has no proxy with a host name');
    delete spec.dns[spec.proxy.hostname];
  }));
});

// --- Links, cables, other hosts ------------------------------------------------------------

Given("the switch port of the {port} is set to {string}", async function (port: Port, setting: string) {
  if (!(linkSettings as readonly string[]).includes(setting)) throw new Error(`not a port link setting: ${setting}`);
  await this.attemptsTo(ChangeNetwork(`the switch port of the ${port} is set to ${setting}`, (spec) => {
    (port === 'LAN' ? spec.lan : spec.wan).partner = setting as LinkSetting;
  }));
});

Given('the {port} cable is unplugged', async function (port: Port) {
  await this.attemptsTo(ChangeNetwork(`the ${port} cable is unplugged`, (spec) => {
    (port === 'LAN' ? spec.lan : spec.wan).cable = false;
  }));
});

Given('the {port} cable is plugged in', async function (port: Port) {
  await this.attemptsTo(ChangeNetwork(`the ${port} cable is plugged in`, (spec) => {
    (port === 'LAN' ? spec.lan : spec.wan).cable = true;
  }));
});

Given('another host on the {port} uses the address {ipv4}', async function (port: Port, address: string) {
  await this.attemptsTo(ChangeNetwork(`another host on the ${port} uses ${address}`, (spec) => {
    subnetOf(spec, port).hosts.push({ address, role: 'host', answers: true, services: [] });
  }));
});

// --- The way to the platform ---------------------------------------------------------------

const paths = { 'drops': 'drop', 'refuses': 'refuse', 'resets when the appliance sends': 'reset-on-send', 'loses the answers to': 'lose-responses' } as const;

Given(/^a firewall (drops|refuses|resets when the appliance sends|loses the answers to) the appliance's connections to the platform$/, async function (what: string) {
  await this.attemptsTo(ChangeNetwork(`a firewall ${what} connections to the platform`, (spec) => {
    spec.platform.path = paths[what as keyof typeof paths];
  }));
});

/** A slow platform: the API's named failure `slow`, each answer taking this long. */
Given('the platform answers only after {int} seconds', async function (seconds: number) {
  await this.attemptsTo(PlatformAnswers({ name: 'slow', ms: seconds * 1000 }));
});

Given("the platform's TLS certificate is not trusted", async function () {
  await this.attemptsTo(ChangeNetwork("the platform's certificate is not trusted", (spec) => {
    spec.platform.certificate = 'untrusted';
  }));
});

Given('the TLS handshake with the platform fails', async function () {
  await this.attemptsTo(ChangeNetwork('the TLS handshake with the platform fails', (spec) => {
    spec.platform.handshake = 'fails';
  }));
});

// --- The proxy -----------------------------------------------------------------------------

function proxyOf(spec: NetworkSpec) {
  if (!spec.proxy) throw new Error('the lab network has no proxy');
  return spec.proxy;
}

/**
 * The proxy's credentials. Features name the password ("the password named "proxy-basic"", a
 * secret of fixtures/secrets.yaml); its value reaches only the lab's proxy and the field it is
 * typed into, never the step's words or the transcript (ERRATA-401).
 */
async function proxyAsks(actor: Actor, auth: { kind: 'basic' } | { kind: 'ntlm'; domain: string }, user: string, password: string, which: string): Promise<void> {
  const who = auth.kind === 'ntlm' ? `NTLM authentication as ${auth.domain}\\${user}` : `Basic authentication as ${user}`;
  await actor.attemptsTo(ChangeNetwork(`the proxy asks for ${who}${which}`, (spec) => {
    proxyOf(spec).auth = { ...auth, user, password };
  }));
}

Given('the proxy asks for Basic authentication as {string} with the password named {string}', async function (user: string, name: string) {
  await proxyAsks(this.actor, { kind: 'basic' }, user, labAccount().secrets.value(name), ` (the password named "${name}")`);
});

Given('the proxy asks for NTLM authentication as {string} in domain {string} with the password named {string}', async function (user: string, domain: string, name: string) {
  await proxyAsks(this.actor, { kind: 'ntlm', domain }, user, labAccount().secrets.value(name), ` (the password named "${name}")`);
});

/**
 * A named password typed into the field on screen (`prompt` must be showing, as in the procedure
 * it continues), then ENTER. The transcript says which secret, never its value; the screens of
 * the field are masked (Actor.describe).
 */
When('I enter the password named {string} at the {string} prompt', async function (name: string, prompt: string) {
  await this.attemptsTo(AnswerPrompt(prompt, labAccount().secrets.value(name), `the password named "${name}"`));
});

Given('the proxy offers only authentication methods the appliance does not support', async function () {
  await this.attemptsTo(ChangeNetwork('the proxy offers only unsupported authentication methods', (spec) => {
    proxyOf(spec).auth = { kind: 'unsupported' };
  }));
});

Given('the proxy answers the appliance with HTTP {int}', async function (status: number) {
  await this.attemptsTo(ChangeNetwork(`the proxy answers HTTP ${status}`, (spec) => {
    proxyOf(spec).status = status;
  }));
});

const behaviours = {
  'closes the connection': 'close',
  'answers without HTTP/1': 'no-http1',
  'does not answer': 'no-answer',
  'refuses connections': 'refuse',
  'speaks only SOCKS': 'socks',
  'terminates the TLS session (SSL bridging)': 'ssl-bridging',
} as const;

Given(/^the proxy (closes the connection|answers without HTTP\/1|does not answer|refuses connections|speaks only SOCKS|terminates the TLS session \(SSL bridging\))$/, async function (what: string) {
  await this.attemptsTo(ChangeNetwork(`the proxy ${what}`, (spec) => {
    proxyOf(spec).behaviour = behaviours[what as keyof typeof behaviours];
  }));
});

// --- The platform's answers and the appliance's storage -------------------------------------

/** The failure the platform's words name (what it says, as lab.ts describes it). */
function failureSaying(what: string): keyof typeof platformSays {
  const name = (Object.keys(platformSays) as Array<keyof typeof platformSays>).find((n) => platformSays[n] === what);
  if (!name) throw new Error(`the platform has no failure saying "${what}"`);
  return name;
}

Given(/^the platform (does not know the scanner|has disabled the scanner|says the account has expired)$/, async function (what: string) {
  await this.attemptsTo(PlatformAnswers({ name: failureSaying(what) }));
});

Given('the platform answers the appliance with HTTP {int}', async function (status: number) {
  await this.attemptsTo(PlatformAnswers({ name: 'http-error', status }));
});

Given('the platform answers the appliance normally', async function () {
  await this.attemptsTo(PlatformAnswers({ name: 'normal' }));
});

Given(/^the appliance's filesystem (check|mount) will fail fatally at the next boot$/, async function (what: string) {
  await this.attemptsTo(InjectStorageFault(what === 'check' ? 'fsck' : 'mount'));
});

Given('the Qualys Cloud Platform cannot be reached', async function () {
  await this.attemptsTo(ChangeNetwork('a firewall drops connections to the platform', (spec) => {
    spec.platform.path = 'drop';
  }));
});
