// The live lab's network: a NetworkSpec realized with real services in containers (testcontainers
// on Podman). One podman network per subnet and one toward the platform, all without IPAM and
// internal (no route off the machine); a router container that forwards and filters with
// nftables and serves DHCPv4, router advertisements, DHCPv6 and DNS with dnsmasq; a proxy
// container with squid; a syslog container with rsyslog; the platform twin's HTTPS server at the
// POD's addresses. A changed spec reconfigures the running
// services (a new ruleset, dnsmasq restarted, squid reconfigured); no container restarts.
// A unit of the twin's firmware joins the lab's networks in a container of its own (attachUnit,
// with unit.ts), its console a pseudo-terminal on this machine, as a terminal server's port.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GenericContainer } from 'testcontainers';
import type { StartedTestContainer } from 'testcontainers';
import { projectRoot } from '../../../../fixtures/load.ts';
import type { NetworkSpec } from '../../../../fixtures/networks.ts';
import { ensureLabAuthorityDir } from './authority.ts';
import { EngineUnavailable, LabServiceFailed, libpod } from './engine.ts';
import { LabBenchClient } from '../../targets/serial/control.ts';
import type { FaultProxyConfig } from './services.ts';
import { SyslogRelay } from './syslog-relay.ts';
import type { Endpoint } from './syslog-relay.ts';
import type { LiveUnit } from './unit.ts';
import { shellQuote, startUnit } from './unit.ts';
import {
  INTERNET_INTERFACE, SYSLOG_DIR, dhcpConfig, startDnsmasq, stopDaemon, syslogConfig, syslogPorts, dnsConfig, dnsServers, interfaceOf, internetAddresses, needsFaultProxy, proxyConfig, proxyFirewall, routerAddresses, routerRuleset, subnetHolding, withPrefix,
} from './services.ts';

const execFileAsync = promisify(execFile);

interface Host {
  container: StartedTestContainer;
  /** Addresses it holds now, as "address/prefix" on an interface. */
  addresses: Array<{ iface: string; address: string }>;
  /** What each configuration file holds now: a change rewrites and reloads only what differs. */
  files: Map<string, string>;
}

/**
 * Stops a daemon by its pid file and waits (at most 2 s) for it to go, so that its port is free
 * for the next one. The container's first process (sleep) reaps no child: a stopped daemon stays
 * a zombie, which counts as gone.
 */

export class LiveNetwork {
  /** The prefix of every container and network name of this lab (several labs may run at once). */
  readonly name: string;
  readonly #image: string;
  #spec: NetworkSpec;
  readonly #networks = new Map<string, string>();
  #router: Host | null = null;
  #proxy: Host | null = null;
  /** Which server plays the proxy now: squid, or fault-proxy.ts for what squid cannot. */
  #proxyServer: 'squid' | 'fault' | null = null;
  /** The platform's TLS faults as last told to its host ("valid/ok" as it starts). */
  #platformTls = 'valid/ok';
  #syslog: Host | null = null;
  readonly #syslogRelay = new SyslogRelay();
  /** Other hosts of the spec's subnets (one holding the appliance's address, say). */
  #others: Host | null = null;
  #platform: Host | null = null;
  readonly #attached: StartedTestContainer[] = [];
  readonly #units = new Set<LiveUnit>();
  /** The subnets each container is cabled to. */
  readonly #joined = new WeakMap<StartedTestContainer, Set<string>>();
  /** Where the platform's control socket appears on this machine (platform.sock). */
  #controlDir: string | null = null;
  /** Units attached so far, for their containers' names. */
  #unitsAttached = 0;
  /** This machine's interfaces put in the lab's bridges (a real unit's cables), released at stop. */
  readonly #hostCables = new Set<string>();

  private constructor(name: string, image: string, spec: NetworkSpec) {
    this.name = name;
    this.#image = image;
    this.#spec = spec;
  }

  /**
   * Builds the networks and starts the services the spec names. With `unit`, the platform knows
   * that unit as shipped (and activated by `activatedBy`, a user of the lab's account).
   */
  static async realize(spec: NetworkSpec, options: { image: string; name?: string; generation?: string; unit?: { serialNumber: number; activatedBy?: string }; speed?: number }): Promise<LiveNetwork> {
    const lab = new LiveNetwork(options.name ?? `qsa-lab-${randomBytes(3).toString('hex')}`, options.image, spec);
    try {
      await lab.#network(INTERNET_INTERFACE);
      for (const subnet of Object.keys(spec.subnets)) await lab.#network(subnet);
      await lab.#startRouter();
      await lab.#startPlatform(options.generation ?? '2022', options.unit, options.speed ?? 1);
      await lab.#applyServices();
    } catch (error) {
      await lab.stop();
      throw error;
    }
    return lab;
  }

  get spec(): NetworkSpec {
    return this.#spec;
  }

  /** The podman network of a subnet, where an appliance's LAN or WAN cable plugs in. */
  networkOf(subnet: string): string {
    const network = this.#networks.get(subnet);
    if (!network) throw new Error(`the live lab has no subnet ${subnet}`);
    return network;
  }

  /** Makes the running services realize a changed spec (same subnets). */
  async reconfigure(spec: NetworkSpec): Promise<void> {
    const added = Object.keys(spec.subnets).filter((s) => !this.#networks.has(s));
    if (added.length > 0) throw new Error(`the live lab cannot add subnets while it runs (${added.join(', ')}): realize a new one`);
    this.#spec = spec;
    await this.#applyServices();
  }

  /** Hands what the lab's syslog receiver gets on `protocol` `port` to a receiver of the suite's (until detachSyslog). */
  relaySyslog(protocol: 'udp' | 'tcp', port: number, endpoint: Endpoint): void {
    this.#syslogRelay.attach(protocol, port, endpoint);
  }

  detachSyslog(): void { this.#syslogRelay.detachAll(); }

  /** The syslog messages the lab's receiver got, oldest first, as they came. */
  async syslogReceived(): Promise<string[]> {
    return this.#syslogRelay.received();
  }

  /** Stops every container and removes every network of this lab; what fails to go is named. */
  async stop(): Promise<void> {
    const failures: string[] = [];
    this.#syslogRelay.stop();
    for (const unit of [...this.#units]) {
      try {
        await unit.stop();
      } catch (error) {
        failures.push(`${unit.container.getName()}: ${(error as Error).message}`);
      }
    }
    for (const container of this.#attached.splice(0)) {
      try {
        await container.stop({ timeout: 1, remove: true });
      } catch (error) {
        failures.push(`${container.getName()}: ${(error as Error).message}`);
      }
    }
    for (const host of [this.#platform, this.#syslog, this.#proxy, this.#others, this.#router]) {
      if (!host) continue;
      try {
        await host.container.stop({ timeout: 1, remove: true });
      } catch (error) {
        failures.push(`${host.container.getName()}: ${(error as Error).message}`);
      }
    }
    this.#router = this.#proxy = this.#syslog = this.#platform = this.#others = null;
    for (const hostInterface of this.#hostCables) {
      await execFileAsync('ip', ['link', 'set', hostInterface, 'nomaster']).catch((error: Error) => failures.push(`${hostInterface}: ${error.message}`));
    }
    this.#hostCables.clear();
    for (const network of this.#networks.values()) {
      const { status, body } = await libpod('DELETE', `/networks/${network}?force=true`);
      if (status !== 200 && status !== 404) failures.push(`network ${network}: ${status} ${body.trim()}`);
    }
    this.#networks.clear();
    if (this.#controlDir) rmSync(this.#controlDir, { recursive: true, force: true });
    this.#controlDir = null;
    if (failures.length > 0) throw new LabServiceFailed(`the live lab ${this.name} did not stop cleanly: ${failures.join('; ')}`);
  }

  async #network(subnet: string): Promise<void> {
    const name = `${this.name}-${subnet}`;
    const { status, body } = await libpod('POST', '/networks/create', { name, driver: 'bridge', internal: true, ipv6_enabled: true, ipam_options: { driver: 'none' } });
    if (status !== 200) throw new EngineUnavailable(`podman could not create the lab network ${name}: ${status} ${body.trim()}`);
    this.#networks.set(subnet, name);
  }

  /**
   * A container of the lab image on the given subnets, each interface named after its subnet
   * unless `interfaces` names them (in the same order). One that fails to get its interfaces is
   * removed again.
   */
  async #host(role: string, subnets: string[], options: { privileged?: boolean; mounts?: Array<{ source: string; target: string; mode: 'ro' | 'rw' }>; interfaces?: string[] } = {}): Promise<StartedTestContainer> {
    const names = options.interfaces ?? subnets.map((subnet) => this.#ifaceName(subnet));
    let container: GenericContainer = new GenericContainer(this.#image)
      .withName(`${this.name}-${role}`)
      .withNetworkMode(this.networkOf(subnets[0]!))
      .withCommand(['sleep', 'infinity'])
      .withBindMounts(options.mounts ?? [])
      .withLabels({ 'qsa.lab': this.name, 'qsa.role': role });
    container = options.privileged ? container.withPrivilegedMode() : container.withAddedCapabilities('NET_ADMIN', 'NET_RAW');
    let started: StartedTestContainer;
    try {
      started = await container.start();
    } catch (error) {
      throw new LabServiceFailed(`the lab's ${role} container did not start: ${(error as Error).message.split('\n')[0]}`);
    }
    try {
      await this.#run(started, role, `ip link set eth0 down && ip link set eth0 name ${names[0]} && ip link set ${names[0]} up && mkdir -p /run/lab /etc/lab /var/log/lab`);
      this.#joined.set(started, new Set([subnets[0]!]));
      await this.#join(started, role, subnets.slice(1), names.slice(1));
    } catch (error) {
      await started.stop({ timeout: 1, remove: true }).catch(() => undefined);
      throw error;
    }
    return started;
  }

  /** Cables a container to the subnets it is not yet on, each interface named after its subnet (or as given). */
  async #join(container: StartedTestContainer, role: string, subnets: string[], names = subnets.map((subnet) => this.#ifaceName(subnet))): Promise<void> {
    const joined = this.#joined.get(container) ?? new Set<string>();
    this.#joined.set(container, joined);
    for (const [i, subnet] of subnets.entries()) {
      if (joined.has(subnet)) continue;
      const { status, body } = await libpod('POST', `/networks/${this.networkOf(subnet)}/connect`, { container: container.getId(), interface_name: names[i] });
      if (status !== 200) throw new LabServiceFailed(`the lab's ${role} could not join ${subnet}: ${status} ${body.trim()}`);
      joined.add(subnet);
    }
  }

  #ifaceName(subnet: string): string {
    return subnet === INTERNET_INTERFACE ? INTERNET_INTERFACE : interfaceOf(subnet);
  }

  async #startRouter(): Promise<void> {
    const container = await this.#host('router', [INTERNET_INTERFACE, ...Object.keys(this.#spec.subnets)], { privileged: true });
    this.#router = { container, addresses: [], files: new Map() };
    await this.#run(container, 'router', 'sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1');
  }

  /**
   * The platform twin's HTTPS server (the same API handlers and portal) on the platform side, at
   * the POD's addresses, run by the project's own Node from the project mounted read-only.
   */
  async #startPlatform(generation: string, unit: { serialNumber: number; activatedBy?: string } | undefined, speed: number): Promise<void> {
    // The platform's control socket, on this machine through a directory both sides mount.
    this.#controlDir = mkdtempSync(join(tmpdir(), 'qsa-live-platform-'));
    const container = await this.#host('platform', [INTERNET_INTERFACE], {
      mounts: [
        { source: projectRoot, target: '/project', mode: 'ro' },
        { source: this.#controlDir, target: '/run/lab-control', mode: 'rw' },
        { source: ensureLabAuthorityDir(), target: '/run/lab-ca', mode: 'rw' },
      ],
    });
    this.#platform = { container, addresses: [], files: new Map() };
    const { platform, router } = internetAddresses(this.#spec);
    const gateways = router.map((a) => a.split('/')[0]!);
    const unitArgs = unit === undefined ? '' : [` --unit ${unit.serialNumber}`, ...(unit.activatedBy === undefined ? [] : [` --activated-by ${shellQuote(unit.activatedBy)}`])].join('');
    await this.#address(this.#platform, 'platform', platform.map((address) => ({ iface: INTERNET_INTERFACE, address })),
      gateways.map((g) => `ip ${g.includes(':') ? '-6 ' : ''}route replace default via ${g} dev ${INTERNET_INTERFACE}`));
    await this.#run(container, 'platform', `cd /project && (nohup node_modules/node/bin/node twin/platform-host.ts --generation ${shellQuote(generation)} --port 443 --ca-dir /run/lab-ca --ca-out /run/lab/platform-ca.pem --control /run/lab-control/platform.sock --speed ${speed}${unitArgs} > /var/log/lab/platform.log 2>&1 &)`);
    await this.#waitFor(container, 'platform', 'grep -q "platform: listening" /var/log/lab/platform.log', 30_000);
  }

  /**
   * A host on a subnet, where an appliance's cable would be (no address until it asks the lab's
   * DHCP), labelled as the lab's so that stop() and `npm run lab -- down` remove it too.
   */
  async attachHost(role: string, subnet: string): Promise<StartedTestContainer> {
    const container = await new GenericContainer(this.#image)
      .withName(`${this.name}-${role}`)
      .withNetworkMode(this.networkOf(subnet))
      .withAddedCapabilities('NET_ADMIN', 'NET_RAW')
      .withCommand(['sleep', 'infinity'])
      .withLabels({ 'qsa.lab': this.name, 'qsa.role': role })
      .start();
    this.#attached.push(container);
    return container;
  }

  /**
   * A unit of the twin's firmware with its LAN port on the subnet `lan` (interface lan0) and, with
   * `wan`, its WAN port on that one (wan0), labelled as the lab's. Its twin runs from the project
   * (mounted read-only) with the options in `args` (`--serial <n>`, say); its console is a
   * Unix socket that socat on this machine makes a pseudo-terminal, as a terminal server's port.
   * Throws LabServiceFailed, with the end of the twin's log, when the unit does not come up.
   */
  async attachUnit(options: { generation: string; lan: string; wan?: string; args: string[] }): Promise<LiveUnit> {
    this.#unitsAttached++;
    const role = this.#unitsAttached === 1 ? 'unit' : `unit-${this.#unitsAttached}`;
    const ca = await this.platformCa();
    const unit = await startUnit(role, options.generation, options.args, ca, (mounts) => this.#host(role, [options.lan, ...(options.wan === undefined ? [] : [options.wan])], { interfaces: ['lan0', 'wan0'], mounts }));
    const stop = unit.stop;
    const attached: LiveUnit = { ...unit, stop: async () => { this.#units.delete(attached); await stop(); } };
    this.#units.add(attached);
    return attached;
  }

  /**
   * Cables this machine's interface `hostInterface` into `subnet` (a real unit's LAN or WAN port
   * is wired to it): the interface joins the subnet's bridge and comes up, so the unit behind it
   * meets the lab's DHCP, DNS, router and proxy as a container of the lab would. stop() takes it
   * out again, unchanged otherwise.
   */
  async cableHostInterface(hostInterface: string, subnet: string): Promise<void> {
    const { status, body } = await libpod('GET', `/networks/${this.networkOf(subnet)}/json`);
    const bridge = status === 200 ? (JSON.parse(body) as { network_interface?: string }).network_interface : undefined;
    if (!bridge) throw new LabServiceFailed(`the lab's ${subnet} network has no bridge to cable ${hostInterface} to: ${status} ${body.trim()}`);
    try {
      await execFileAsync('ip', ['link', 'set', hostInterface, 'master', bridge]);
      await execFileAsync('ip', ['link', 'set', hostInterface, 'up']);
    } catch (error) {
      throw new LabServiceFailed(`this machine's interface ${hostInterface} could not join the lab's ${subnet} bridge ${bridge}: ${((error as { stderr?: string }).stderr ?? (error as Error).message).trim()}`);
    }
    this.#hostCables.add(hostInterface);
  }

  /**
   * The platform's control socket on this machine: the lab's platform protocol (activations,
   * failures, jobs, requests seen), one JSON request per line.
   */
  get platformControl(): string {
    if (!this.#controlDir) throw new LabServiceFailed(`the live lab ${this.name} has no platform running`);
    return join(this.#controlDir, 'platform.sock');
  }

  /** The platform's test CA (PEM), for a lab host to trust its HTTPS. */
  async platformCa(): Promise<string> {
    return this.#run(this.#platform!.container, 'platform', 'cat /run/lab/platform-ca.pem');
  }

  /** Runs a shell command in a lab container; a failure names the service and what it said. */
  async #run(container: StartedTestContainer, role: string, command: string): Promise<string> {
    const { exitCode, output } = await container.exec(['sh', '-c', command]);
    if (exitCode !== 0) throw new LabServiceFailed(`the lab's ${role}: "${command}" failed (${exitCode}): ${output.trim().split('\n').slice(-2).join(' ')}`);
    return output;
  }

  /** Gives a host exactly these addresses (and default routes via its subnet's router). */
  async #address(host: Host, role: string, wanted: Array<{ iface: string; address: string; flags?: string }>, routes: string[] = []): Promise<void> {
    const key = (a: { iface: string; address: string }) => `${a.iface} ${a.address}`;
    const have = new Set(host.addresses.map(key));
    const want = new Set(wanted.map(key));
    // Idempotent commands (an address already gone, one already there), so that after a failure
    // halfway the next change can put everything right from the union of both states.
    const commands = [
      ...host.addresses.filter((a) => !want.has(key(a))).map((a) => `{ ip addr del ${a.address} dev ${a.iface} 2>/dev/null || true; }`),
      // nodad: the address is usable at once, not tentative for a second.
      ...wanted.filter((a) => !have.has(key(a))).map((a) => `ip addr replace ${a.address} dev ${a.iface}${a.address.includes(':') ? ' nodad' : ''}${a.flags ? ` ${a.flags}` : ''}`),
      ...routes,
    ];
    try {
      if (commands.length > 0) await this.#run(host.container, role, commands.join(' && '));
    } catch (error) {
      host.addresses = [...host.addresses, ...wanted.filter((a) => !have.has(key(a)))];
      throw error;
    }
    host.addresses = wanted;
  }

  async #applyServices(): Promise<void> {
    const spec = this.#spec;
    const router = this.#router!;
    await this.#address(router, 'router', routerAddresses(spec));
    const changed = await this.#files(router, { '/etc/lab/ruleset.nft': routerRuleset(spec), '/etc/lab/dhcp.conf': dhcpConfig(spec), '/etc/lab/dns.conf': dnsConfig(spec) });
    const commands: string[] = [];
    if (changed.has('/etc/lab/ruleset.nft')) commands.push('nft -f /etc/lab/ruleset.nft');
    for (const daemon of ['dhcp', 'dns']) {
      if (!changed.has(`/etc/lab/${daemon}.conf`)) continue;
      commands.push(stopDaemon(daemon), startDnsmasq(daemon));
    }
    // Not applied: the next change writes these files and restarts the daemons again, rather than leave them down.
    const forget = (error: unknown) => { for (const file of changed) router.files.delete(file); throw error; };
    if (commands.length > 0) await this.#run(router.container, 'router', commands.join(' && ')).catch(forget);
    await this.#applyPlatformTls();
    await this.#applyProxy();
    await this.#applySyslog();
    await this.#applyOthers();
  }

  /**
   * The spec's other hosts (role "host", no service): one container holds their addresses and answers for
   * them (ARP, ping), as another machine on the subnet would: a duplicate of the appliance's.
   */
  async #applyOthers(): Promise<void> {
    // A host that listens on a service (a syslog receiver) is that service's container.
    const others = Object.entries(this.#spec.subnets).flatMap(([name, s]) => s.hosts.filter((h) => h.role === 'host' && h.services.length === 0).map((h) => ({ subnet: name, address: h.address })));
    if (others.length === 0 && !this.#others) return;
    const subnets = [...new Set(others.map((o) => o.subnet))];
    if (!this.#others) this.#others = { container: await this.#host('others', subnets), addresses: [], files: new Map() };
    await this.#join(this.#others.container, 'others', subnets);
    await this.#address(this.#others, 'others', others.map((o) => ({ iface: interfaceOf(o.subnet), address: withPrefix(this.#spec, o.address) })));
  }

  /** Writes the files whose content differs from what the host holds; returns their paths. */
  async #files(host: Host, files: Record<string, string>): Promise<Set<string>> {
    const changed = Object.entries(files).filter(([target, content]) => host.files.get(target) !== content);
    if (changed.length > 0) await host.container.copyContentToContainer(changed.map(([target, content]) => ({ content, target })));
    for (const [target, content] of changed) host.files.set(target, content);
    return new Set(changed.map(([target]) => target));
  }

  /** Default routes of a host on `subnet`: via the subnet's IPv4 and IPv6 routers. */
  #routesOn(subnet: string): string[] {
    const { ipv4, ipv6 } = this.#spec.subnets[subnet]!;
    const iface = interfaceOf(subnet);
    return [
      ...(ipv4?.router ? [`ip route replace default via ${ipv4.router} dev ${iface}`] : []),
      ...(ipv6?.router ? [`ip -6 route replace default via ${ipv6.router} dev ${iface}`] : []),
    ];
  }

  async #applyProxy(): Promise<void> {
    const proxy = this.#spec.proxy;
    if (!proxy) return;
    const held = subnetHolding(this.#spec, proxy.address);
    if (!held) throw new LabServiceFailed(`the proxy's address ${proxy.address} is on no subnet of the lab`);
    const [subnet] = held;
    // The project, for the proxies squid cannot play (fault-proxy.ts), run by the project's Node.
    if (!this.#proxy) this.#proxy = { container: await this.#host('proxy', [subnet], { mounts: [{ source: projectRoot, target: '/project', mode: 'ro' }] }), addresses: [], files: new Map() };
    const host = this.#proxy;
    // A spec may put the proxy on another subnet (the DMZ of a split network): its cable follows.
    await this.#join(host.container, 'proxy', [subnet]);
    await this.#address(host, 'proxy', [{ iface: interfaceOf(subnet), address: withPrefix(this.#spec, proxy.address) }], this.#routesOn(subnet));
    const nameservers = dnsServers(this.#spec);
    if ((await this.#files(host, { '/etc/lab/proxy.nft': proxyFirewall(proxy) })).size > 0) await this.#run(host.container, 'proxy', 'nft -f /etc/lab/proxy.nft');
    const stopFaultProxy = stopDaemon('fault-proxy');
    // squid's workers outlive a killed master: all of them go, and their port says when.
    const stopSquid = `if [ -f /run/lab/squid.pid ]; then pkill -9 squid; pkill -9 pinger; rm -f /run/lab/squid.pid; for i in $(seq 100); do ss -ltn | grep -q ':${proxy.port} ' || break; sleep 0.02; done; fi`;
    if (needsFaultProxy(proxy)) {
      const config: FaultProxyConfig = { proxy, nameservers };
      const changed = await this.#files(host, { '/etc/lab/fault-proxy.json': JSON.stringify(config) });
      if (changed.size === 0 && this.#proxyServer === 'fault') return;
      await this.#run(host.container, 'proxy', [
        stopFaultProxy,
        stopSquid,
        'cd /project && (nohup node_modules/node/bin/node steps/support/lab/live/fault-proxy.ts /etc/lab/fault-proxy.json > /var/log/lab/fault-proxy.log 2>&1 & echo $! > /run/lab/fault-proxy.pid)',
      ].join('; '));
      this.#proxyServer = 'fault';
      await this.#waitFor(host.container, 'proxy', 'grep -q "fault-proxy: listening" /var/log/lab/fault-proxy.log');
      return;
    }
    const { config, passwords } = proxyConfig(proxy, nameservers);
    // squid's files are written afresh when it takes over again (its plain password list is removed once read).
    if (this.#proxyServer !== 'squid') for (const file of ['/etc/lab/squid.conf', '/etc/lab/proxy-passwords.plain']) host.files.delete(file);
    const changed = await this.#files(host, { '/etc/lab/squid.conf': config, '/etc/lab/proxy-passwords.plain': passwords ?? '' });
    if (changed.size === 0 && this.#proxyServer === 'squid') return;
    // squid's Basic helper reads crypt()ed passwords: openssl makes them from the plain list.
    await this.#run(host.container, 'proxy', [
      stopFaultProxy,
      `: > /etc/lab/proxy-passwords`,
      `while IFS=: read -r user pass; do [ -n "$user" ] && echo "$user:$(openssl passwd -apr1 "$pass")" >> /etc/lab/proxy-passwords; done < /etc/lab/proxy-passwords.plain`,
      'rm -f /etc/lab/proxy-passwords.plain',
      'chown -R proxy /var/log/lab /run/lab; chmod 644 /etc/lab/proxy-passwords',
      '{ [ -f /run/lab/squid.pid ] && squid -f /etc/lab/squid.conf -k reconfigure || squid -f /etc/lab/squid.conf; }',
    ].join(' && '));
    this.#proxyServer = 'squid';
    await this.#waitFor(host.container, 'proxy', `ss -ltn | grep -q ':${proxy.port} '`);
  }

  /** The platform's certificate and handshake faults, told to its host over the control socket. */
  async #applyPlatformTls(): Promise<void> {
    const faults: Pick<NetworkSpec['platform'], 'certificate' | 'handshake'> = { certificate: this.#spec.platform.certificate, handshake: this.#spec.platform.handshake };
    const key = `${faults.certificate}/${faults.handshake}`;
    if (key === this.#platformTls) return;
    const control = await LabBenchClient.connect(this.platformControl, "the live lab's platform");
    try {
      await control.call('tls', { ...faults });
    } catch (error) {
      throw new LabServiceFailed(`the lab's platform did not take its TLS faults: ${(error as Error).message}`);
    } finally {
      control.close();
    }
    this.#platformTls = key;
  }

  async #applySyslog(): Promise<void> {
    const receivers = Object.values(this.#spec.subnets).flatMap((s) => s.hosts.filter((h) => h.services.length > 0));
    if (receivers.length === 0) return;
    const subnets = [...new Set(receivers.map((h) => subnetHolding(this.#spec, h.address)![0]))];
    if (!this.#syslog) this.#syslog = { container: await this.#host('syslog', subnets, { mounts: [{ source: this.#syslogRelay.directory(), target: SYSLOG_DIR, mode: 'rw' }] }), addresses: [], files: new Map() };
    const host = this.#syslog;
    await this.#join(host.container, 'syslog', subnets);
    const wanted = receivers.map((h) => ({ iface: interfaceOf(subnetHolding(this.#spec, h.address)![0]), address: withPrefix(this.#spec, h.address) }));
    await this.#address(host, 'syslog', wanted, this.#routesOn(subnets[0]!));
    const ports = syslogPorts(this.#spec);
    if ((await this.#files(host, { '/etc/lab/rsyslog.conf': syslogConfig(ports) })).size === 0) return;
    // Other ports: rsyslog starts again with them (it reads its inputs only as it starts).
    await this.#run(host.container, 'syslog', 'if [ -f /run/lab/rsyslog.pid ]; then kill $(cat /run/lab/rsyslog.pid); while [ -f /run/lab/rsyslog.pid ]; do sleep 0.05; done; fi; rsyslogd -f /etc/lab/rsyslog.conf -i /run/lab/rsyslog.pid');
    for (const port of ports.tcp) await this.#waitFor(host.container, 'syslog', `ss -ltn | grep -q ':${port} '`);
    for (const port of ports.udp) await this.#waitFor(host.container, 'syslog', `ss -lun | grep -q ':${port} '`);
    this.#syslogRelay.follow();
  }

  async #waitFor(container: StartedTestContainer, role: string, check: string, withinMs = 5000): Promise<void> {
    const deadline = performance.now() + withinMs;
    while ((await container.exec(['sh', '-c', check])).exitCode !== 0) {
      if (performance.now() > deadline) {
      const { output } = await container.exec(['sh', '-c', 'tail -n 3 /var/log/lab/*.log 2>/dev/null']);
      throw new LabServiceFailed(`the lab's ${role} did not come up within ${withinMs / 1000} s (${check}): ${output.trim().split('\n').slice(-2).join(' ')}`);
    }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
