// The twin on its lab bench: an appliance plugged into AC and switched off, cabled to a lab network,
// its platform with a fleet of other shipped units, and the clock they share. What a lab can do
// to it (network, platform answers, faults, power, cables) and what can be observed (screens,
// LEDs, the label, the packets on the switch ports) are here once, for the in-process target and
// for the twin process behind a serial port alike. The network belongs to the lab: each unit holds
// only the interface its cables lead to.
import { withLastOctet } from '../fixtures/addresses.ts';
import type { NetworkSpec } from '../fixtures/networks.ts';
import { loadNetwork } from '../fixtures/networks.ts';
import type { PlatformAccount, PortalEdition } from '../fixtures/platform.ts';
import { loadAccount, loadEdition } from '../fixtures/platform.ts';
import type { Generation, Key } from '../fixtures/profiles.ts';
import { Secrets } from '../fixtures/secrets.ts';
import type { Probe } from '../fixtures/wire.ts';
import type { FetchLike } from './appliance/agent.ts';
import { Appliance } from './appliance/appliance.ts';
import type { StorageFault } from './appliance/panel.ts';
import { loadFirmware } from './appliance/firmware.ts';
import { identityOf } from './appliance/identity.ts';
import type { LcdScreen } from './appliance/lcd.ts';
import type { Clock } from './clock.ts';
import { VirtualClock } from './clock.ts';
import type { FailureName, FailureOptions } from './cloud/api.ts';
import { handlerFetch, PlatformApi } from './cloud/api.ts';
import type { Job } from './cloud/records.ts';
import { Platform } from './cloud/platform.ts';
import type { Portal } from './cloud/portal/index.ts';
import { createPortal } from './cloud/portal/index.ts';
import type { RequestHandler } from './cloud/server.ts';
import { platformSite } from './cloud/server.ts';
import type { NetworkConfig } from './appliance/config.ts';
import type { Egress } from './network/interface.ts';
import type { SwitchPorts } from './network/model.ts';
import { ModeledNetwork } from './network/model.ts';
import type { Endpoint, ServiceAddress } from './network/relay.ts';
import { Relay } from './network/relay.ts';
import { RemoteConsole } from './console/console.ts';
import type { LineClock, LineSettings } from './console/uart.ts';

export interface ScreenRecord extends LcdScreen {
  /** Appliance time of the screen, in milliseconds. */
  at: number;
}

export interface LabBenchOptions {
  /** A firmware generation's name, or a generation already loaded (a test's modified copy). */
  generation: string | Generation;
  serialNumber?: number;
  /** The lab network the lab bench starts with (fixtures/networks/<name>.yaml). */
  network?: string;
  clock?: Clock;
  /**
   * How the unit's cloud agent reaches the platform's API: by default in-process from the
   * handlers; the global fetch (answered by msw's setupServer), or a fetch bound to a real server.
   */
  fetch?: FetchLike;
}

/** A scan packet as the lab's switch port saw it. */
export type { Probe };

// Fixture data shared by every lab bench of a process (read once; each copies what they change).
let shared: { account: PlatformAccount; secrets: Secrets; editions: Map<string, PortalEdition> } | null = null;
function fixtures() {
  shared ??= { account: loadAccount(), secrets: new Secrets(), editions: new Map() };
  return shared;
}

/** The Qualys Cloud Platform twin a generation's units report to, and its appliance API, on `clock`. */
export function platformOf(generation: Generation, clock: Clock): { platform: Platform; api: PlatformApi } {
  const { account, secrets } = fixtures();
  const platform = new Platform({
    account, edition: edition(generation.firmware.platformEdition), now: () => clock.now(),
    pollIntervalMs: generation.hardware.timing.pollIntervalMs, password: (name) => secrets.value(name),
  });
  // On real time the API's slow answers take the clock's time (a sped-up clock's, for a sped-up unit).
  return { platform, api: new PlatformApi(platform, clock instanceof VirtualClock ? {} : { sleep: (ms) => new Promise((r) => { clock.setTimer(ms, () => r(undefined)); }) }) };
}

/**
 * New > Scanner Appliance by a user of the lab's account (the shortcut past the portal): the unit
 * with this activation code is activated by `login`.
 */
export function activateAs(platform: Platform, activationCode: string, login: string): void {
  platform.activate(platform.user(login), activationCode, null);
}

function edition(name: string): PortalEdition {
  const { editions } = fixtures();
  let loaded = editions.get(name);
  if (!loaded) {
    loaded = loadEdition(name);
    editions.set(name, loaded);
  }
  return loaded;
}

/** Recent screens kept; older ones are let go so long fuzzing runs stay small. */
const HISTORY_LIMIT = 4000;
/** Other units the platform has on record. */
const FLEET = 200;

function sameScreen(a: LcdScreen, b: LcdScreen | undefined): boolean {
  return b !== undefined && a.lines[0] === b.lines[0] && a.lines[1] === b.lines[1]
    && a.indicators.join() === b.indicators.join() && a.cursor?.row === b.cursor?.row && a.cursor?.col === b.cursor?.col;
}

export class LabBench {
  readonly clock: Clock;
  readonly platform: Platform;
  readonly api: PlatformApi;
  readonly appliance: Appliance;
  readonly relay = new Relay();
  readonly probes: Probe[] = [];
  /** Other appliances of the subscription (added by the lab), on the same clock and network. */
  readonly fleet: Appliance[] = [];
  /** The network each unit is cabled to: the unit under test's, then the fleet's in order. */
  readonly #networks: ModeledNetwork[] = [];
  /** What the lab's switch ports see of the units' traffic. */
  readonly #ports: SwitchPorts = {
    probed: ({ jobId, target }, egress) => this.probes.push(probeOf(jobId, target, egress)),
    delivered: (to, message) => this.relay.send(to, message),
  };
  readonly #fetch: FetchLike;
  #portal: Portal | null = null;
  readonly #history: ScreenRecord[] = [];
  #dropped = 0;

  constructor(options: LabBenchOptions) {
    this.clock = options.clock ?? new VirtualClock();
    const generation = typeof options.generation === 'string' ? loadFirmware(options.generation) : options.generation;
    ({ platform: this.platform, api: this.api } = platformOf(generation, this.clock));
    this.#fetch = options.fetch ?? handlerFetch(this.api);
    this.appliance = this.#unit(generation, loadNetwork(options.network ?? 'office'), options.serialNumber);
    const { model } = generation.hardware;
    this.platform.ship(this.appliance.identity, model);
    const first = this.appliance.identity.serialNumber + 1;
    this.platform.shipLater(Array.from({ length: FLEET }, (_, i) => () => ({ identity: identityOf(first + i), model })));
    this.#record();
    this.appliance.subscribe(() => this.#record());
  }

  #unit(generation: Generation, spec: NetworkSpec, serialNumber?: number, initialConfig?: NetworkConfig): Appliance {
    const network = new ModeledNetwork(spec, this.#ports);
    this.#networks.push(network);
    return new Appliance({
      generation, clock: this.clock, network,
      cloud: { url: () => this.platform.url, fetch: this.#fetch },
      softwareVersions: this.platform.latestVersions,
      ...(serialNumber === undefined ? {} : { serialNumber }),
      ...(initialConfig === undefined ? {} : { initialConfig }),
    });
  }

  get virtual(): VirtualClock {
    if (!(this.clock instanceof VirtualClock)) throw new Error('this lab bench runs on real time');
    return this.clock;
  }

  // --- Observation -------------------------------------------------------------------------

  snapshot(): ScreenRecord {
    return { ...this.appliance.screen(), at: this.clock.now() };
  }

  #record(): void {
    const screen = this.appliance.screen();
    if (sameScreen(screen, this.#history[this.#history.length - 1])) return;
    this.#history.push({ ...screen, at: this.clock.now() });
    if (this.#history.length > HISTORY_LIMIT) {
      const drop = this.#history.length - HISTORY_LIMIT / 2;
      this.#history.splice(0, drop);
      this.#dropped += drop;
    }
  }

  /** Distinct screens shown since the lab bench started (a mark for `since`). */
  screensShown(): number {
    return this.#dropped + this.#history.length;
  }

  screensSince(mark: number): ScreenRecord[] {
    return this.#history.slice(Math.max(0, mark - this.#dropped));
  }

  label() {
    const hw = this.appliance.generation.hardware;
    return { model: hw.model, serialNumber: this.appliance.identity.serialNumber, ethernetPorts: [...hw.ethernetPorts], usbPorts: [...hw.usbPorts] };
  }

  // --- Time (virtual) ----------------------------------------------------------------------

  /** Steps the clock event by event until the screen is accepted; the accepted screen or null. */
  async waitForScreen(accept: (screen: ScreenRecord) => boolean, timeoutMs: number): Promise<ScreenRecord | null> {
    const met = await this.virtual.runUntil(() => accept(this.snapshot()), timeoutMs);
    return met ? this.snapshot() : null;
  }

  async waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
    const clock = this.virtual;
    const deadline = clock.now() + timeoutMs;
    for (;;) {
      if (await check()) return true;
      if (!(await clock.step(deadline))) break;
    }
    await clock.advance(Math.max(0, deadline - clock.now()));
    return check();
  }

  async hold(key: Key, ms: number): Promise<void> {
    this.appliance.hold(key, ms);
    await this.virtual.advance(ms);
  }

  // --- The lab -----------------------------------------------------------------------------

  /** New > Scanner Appliance by a user of the lab's account (the shortcut past the portal). */
  activate(code: string, username: string): void {
    activateAs(this.platform, code, username);
  }

  /** Work for an activated unit (this lab bench's, or one of the fleet's), which it takes at its next poll. */
  launch(job: 'scan' | 'software-update', durationMs: number, targets: string[] = [], serialNumber = this.appliance.identity.serialNumber): Job {
    return this.platform.queue(serialNumber, job === 'scan' ? { kind: 'scan', durationMs, targets } : { kind: 'software-update', durationMs });
  }

  /**
   * Another appliance joins the subscription: shipped, set up with a static address on the
   * lab bench's LAN subnet (so units do not share the DHCP lease), switched on, and activated by
   * `activatedBy` if given. It shares the lab bench's clock, network and platform.
   */
  addAppliance(options: { type?: 'physical' | 'virtual'; activatedBy?: string } = {}): Appliance {
    const generation = this.appliance.generation;
    const serialNumber = this.appliance.identity.serialNumber + FLEET + 1 + this.fleet.length;
    const shared = this.#spec;
    const lease = shared.subnets[shared.lan.untagged ?? '']?.dhcp;
    const base = this.appliance.config.mode === 'ipv6-only' || !lease ? undefined : staticOn(lease, 100 + this.fleet.length, generation.firmware.networkModes[0]!);
    const unit = this.#unit(generation, { ...shared, lan: structuredClone(shared.lan), wan: structuredClone(shared.wan) }, serialNumber, base);
    this.platform.ship(unit.identity, generation.hardware.model, options.type ?? 'physical');
    if (options.activatedBy !== undefined) this.activate(unit.identity.activationCode, options.activatedBy);
    this.fleet.push(unit);
    unit.pressPowerButton();
    return unit;
  }

  /**
   * A lab host connects to the appliance's address on a port: no answer where the appliance has
   * no address (off, no cable, no configuration), else what the appliance does with it.
   */
  connectInbound(port: 'LAN' | 'WAN', protocol: 'tcp' | 'udp', number: number): 'accepted' | 'refused' | 'no-answer' {
    const a = this.appliance;
    if (a.phase === 'off' || a.phase === 'halted' || !(port === 'LAN' ? this.#spec.lan : this.#spec.wan).cable) return 'no-answer';
    if (!a.addressOn(port)) return 'no-answer';
    return a.accepts(port, protocol, number) ? 'accepted' : 'refused';
  }

  /** The platform's site (API and portal) for a server to serve. */
  site(): { base: string; handle: RequestHandler } {
    this.#portal ??= createPortal(this.platform);
    return platformSite(this.api, this.#portal.handle);
  }

  /** A named failure of the platform's API from now on, or none (`normal`). */
  failPlatform(name: FailureName | 'normal', options: FailureOptions = {}): void {
    if (name === 'normal') this.api.recover();
    else this.api.fail(name, options);
  }

  /** Where a modeled service (a syslog server in the lab) really listens. */
  attachService(service: ServiceAddress, endpoint: Endpoint): void {
    this.relay.attach(service, endpoint);
  }

  /** The network the unit under test is cabled to, as it is now. */
  get #spec(): NetworkSpec {
    return this.#networks[0]!.spec;
  }

  network(): NetworkSpec {
    return structuredClone(this.#spec);
  }

  /**
   * The lab's network changes: the unit under test takes it whole; the fleet's units, cabled to
   * switch ports of their own, take its subnets, DNS, proxy and platform and keep their ports.
   */
  setNetwork(spec: NetworkSpec): void {
    const [own, ...fleet] = this.#networks;
    own!.spec = structuredClone(spec);
    for (const network of fleet) network.spec = { ...own!.spec, lan: network.spec.lan, wan: network.spec.wan };
  }

  injectStorageFault(fault: StorageFault | null): void {
    this.appliance.injectStorageFault(fault);
  }

  cable(port: 'LAN' | 'WAN', plugged: boolean): void {
    (port === 'LAN' ? this.#spec.lan : this.#spec.wan).cable = plugged;
  }

  /**
   * Cables a terminal to a USB port's console, opened with `settings`: what it sends crosses the
   * UART on the lab bench's own clock, what comes back is collected. Connected while the unit runs,
   * the console stays dead until the next boot.
   */
  connectTerminal(initial: LineSettings): TerminalCable {
    let settings = initial;
    const clock = this.virtual;
    const lineClock: LineClock = { now: () => clock.now(), after: (ms, run) => { clock.setTimer(Math.max(0, ms), run); } };
    const received: number[] = [];
    let listener: ((bytes: Uint8Array) => void) | null = null;
    const console = new RemoteConsole(this.appliance, {
      onData: (l) => { listener = l; },
      write: (bytes) => { received.push(...bytes); },
      hostSettings: () => settings,
    }, { lineClock });
    return {
      send: (text) => listener?.(Buffer.from(text, 'latin1')),
      received: () => Uint8Array.from(received),
      counters: () => ({ ...console.uart.counters }),
      idle: () => console.uart.idle,
      configure: (next) => { settings = next; },
      unplug: () => console.close(),
    };
  }
}

/** A static configuration on a DHCP subnet: the lease's settings with host number `host`. */
function staticOn(lease: { address: string; netmask: string; gateway: string | null; dns: string[] }, host: number, mode: NetworkConfig['mode']): NetworkConfig {
  const ip = withLastOctet(lease.address, host);
  return {
    mode,
    lan: {
      ipv4: { kind: 'static', ip, netmask: lease.netmask, gateway: lease.gateway ?? '', dns1: lease.dns[0] ?? null, dns2: lease.dns[1] ?? null, wins1: null, wins2: null, domain: null },
      ipv6: { kind: 'auto', gateway: null, dns1: null, dns2: null },
      vlan: 0,
      link: 'AUTO',
    },
    wan: { ipv4: { kind: 'off' }, link: 'AUTO' },
    proxy: null,
  };
}

function probeOf(jobId: string, target: string, egress: Egress | null): Probe {
  return { jobId, target, port: egress?.port ?? null, vlan: egress?.vlan ?? 0, source: egress?.source ?? null };
}

/** A terminal on the lab bench's console port. */
export interface TerminalCable {
  /** Bytes the terminal sends, all at once (as a pasted or uploaded file would go). */
  send(text: string): void;
  /** Everything the console sent back so far. */
  received(): Uint8Array;
  counters(): { received: number; arrived: number; read: number; overruns: number; sent: number; queued: number };
  /** Nothing in flight on the line either way. */
  idle(): boolean;
  /** The terminal's line settings changed (its user set it up differently). */
  configure(settings: LineSettings): void;
  unplug(): void;
}
