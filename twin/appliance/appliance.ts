// The appliance twin: its hardware (power button, AC, LEDs, ports, disk) and the firmware's
// life on it (boot, shutdown, reboot, the stored configuration and changes to it). The front
// panel (panel.ts) shows and takes keys; the cloud session (cloud-session.ts) reaches the
// platform; the network is whatever the lab cabled it to (twin/network/interface.ts). All time is
// the injected clock's; all configuration is the store's.
import type { Generation, Key } from '../../fixtures/profiles.ts';
import type { Clock, TimerCallback, TimerHandle } from '../clock.ts';
import type { ConfigResponse } from '../cloud/api.ts';
import type { Eventually, Network, Port } from '../network/interface.ts';
import { whenSettled } from '../network/interface.ts';
import type { FetchLike } from './agent.ts';
import { CloudSession } from './cloud-session.ts';
import type { ActionOutcome, AttemptContext, ConfigContext, NetworkConfig, NetworkRuntime } from './config.ts';
import { addressOn, defaultConfig } from './config.ts';
import type { Identity } from './identity.ts';
import { identityOf } from './identity.ts';
import type { LcdScreen } from './lcd.ts';
import { FrontPanel } from './panel.ts';
import type { Display, Status, StorageFault } from './panel.ts';
import { ConfigStore, Disk, filesystem } from './store.ts';

export type Phase = 'off' | 'booting' | 'running' | 'applying' | 'rebooting' | 'shutting-down' | 'halted';

export interface Leds {
  /** The power button's green backlight. */
  power: boolean;
  S1: boolean;
  S2: boolean;
  S3: boolean;
}

export interface ApplianceOptions {
  generation: Generation;
  clock: Clock;
  /** What the appliance's cables lead to: the lab's network, which the lab may change at any time. */
  network: Network;
  /** The platform URL of the unit's POD (looked up at each contact), and the fetch its cloud agent reaches it with. */
  cloud: { url: () => string; fetch: FetchLike };
  /** The software installed at the factory (the platform's latest when it shipped). */
  softwareVersions: Record<string, string>;
  /** Virtual time of the epoch of syslog timestamps (ms since 1970). */
  epochMs?: number;
  /** The configuration a unit starts with when its store is empty (a unit set up elsewhere before it came to the lab). */
  initialConfig?: NetworkConfig;
  serialNumber?: number;
  /** AC plugged in at the start (the appliance is then off until its power button is pressed). */
  acPlugged?: boolean;
}

const noLeases = (): NetworkRuntime => ({ lanLease: null, wanLease: null, lanIpv6: null });

export class Appliance {
  readonly generation: Generation;
  readonly identity: Identity;
  readonly disk: Disk;
  readonly #clock: Clock;
  readonly #network: Network;
  readonly #store: ConfigStore<NetworkConfig>;
  readonly #panel: FrontPanel;
  readonly #session: CloudSession;
  readonly #timers = new Set<TimerHandle>();
  readonly #listeners = new Set<() => void>();

  #ac: boolean;
  #phase: Phase = 'off';
  /** Power came back after being lost while running: the appliance starts by itself (ERRATA-017). */
  #restoreOnAc = false;
  #config: NetworkConfig;
  readonly #initialConfig: NetworkConfig;
  #runtime: NetworkRuntime = noLeases();
  #status: Status = { kind: 'none' };
  #lastBootRecovered = false;

  constructor(options: ApplianceOptions) {
    this.generation = options.generation;
    this.identity = identityOf(options.serialNumber ?? options.generation.hardware.defaultSerialNumber);
    this.#clock = options.clock;
    this.#network = options.network;
    this.#ac = options.acPlugged ?? true;
    this.disk = new Disk(ConfigStore.blocksNeeded);
    this.#store = new ConfigStore<NetworkConfig>(this.disk);
    filesystem.mark(this.disk, true);
    this.#initialConfig = options.initialConfig ?? defaultConfig(this.generation.firmware.networkModes[0]!);
    this.#config = this.#initialConfig;
    const running = () => this.#phase === 'running';
    const after = (ms: number, callback: TimerCallback) => this.#after(ms, callback);
    const changed = () => this.#changed();
    this.#panel = new FrontPanel(this.generation, this.identity, {
      context: () => this.context(), status: () => this.#status, running, after, changed,
      perform: (outcome, message) => this.#perform(outcome, message),
      setLink: (port, value) => this.#setLink(port, value),
      retry: () => this.#retryFromActivation(),
    });
    this.#session = new CloudSession({
      generation: this.generation, identity: this.identity, clock: this.#clock, network: this.#network,
      after, changed, running, cancel: (handle) => this.#cancel(handle),
      context: () => this.context(), status: () => this.#status, setStatus: (status) => { this.#status = status; },
      renewMissing: () => this.#renewMissing(),
    }, { cloud: options.cloud, softwareVersions: options.softwareVersions, epochMs: options.epochMs ?? Date.UTC(2026, 0, 1) });
  }

  // -------------------------------------------------------------------------------------------
  // What can be observed from outside.

  get phase(): Phase {
    return this.#phase;
  }

  get acPlugged(): boolean {
    return this.#ac;
  }

  get status(): Status {
    return this.#status;
  }

  /** The configuration in effect (loaded from the store at boot, replaced when a save commits). */
  get config(): NetworkConfig {
    return this.#config;
  }

  context(): ConfigContext {
    return { config: this.#config, runtime: this.#runtime };
  }

  get leds(): Leds {
    const powered = this.#ac && this.#phase !== 'off' && this.#phase !== 'halted';
    return { power: powered, S1: powered && this.#session.scanning, S2: powered && this.#session.updating, S3: false };
  }

  /** The software versions installed (updated by the platform's software updates). */
  get softwareVersions(): Record<string, string> {
    return this.#session.softwareVersions;
  }

  /** What the unit picked up from the platform, if anything since it booted. */
  get cloudConfig(): ConfigResponse | null {
    return this.#session.cloudConfig;
  }

  /** The address a lab host reaches the unit at on a port, if it has one. */
  addressOn(port: Port): string | null {
    return addressOn(this.context(), port);
  }

  /**
   * Incoming connections on LAN or WAN: "the Appliance does not allow incoming logins or
   * connections from the network". Nothing listens; the lab's probes are refused.
   */
  accepts(_port: Port, _protocol: 'tcp' | 'udp', _number: number): boolean {
    return false;
  }

  /** Whether the last boot ran the recovery filesystem check (power lost without a shutdown). */
  get lastBootRecovered(): boolean {
    return this.#lastBootRecovered;
  }

  /** The visible labels of a menu now (for the model checks of the suite's properties). */
  menuLabels(menu: string): string[] {
    return this.#panel.menuLabels(menu);
  }

  screen(): LcdScreen {
    return this.#panel.screen();
  }

  /** Whether the field on screen is a secret one (the proxy password). */
  showsSecret(): boolean {
    return this.#panel.showsSecret();
  }

  /** Called after every change of what the appliance shows or lights. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }

  #show(display: Display): void {
    this.#panel.show(display);
  }

  // -------------------------------------------------------------------------------------------
  // The keypad and the remote console's keyboard (the front panel's).

  get acceptsKeys(): boolean {
    return this.#panel.acceptsKeys;
  }

  press(key: Key): void {
    this.#panel.press(key);
  }

  /** LEFT and RIGHT pressed together. */
  chordLeftRight(): void {
    this.#panel.press('LEFT+RIGHT');
  }

  hold(key: Key, ms: number): void {
    this.#panel.hold(key, ms);
  }

  /** A character typed on the remote console's keyboard, into the field on screen. */
  typeCharacter(char: string): void {
    this.#panel.type(char);
  }

  // -------------------------------------------------------------------------------------------
  // Time.

  #after(ms: number, callback: TimerCallback): TimerHandle {
    const handle = this.#clock.setTimer(ms, () => {
      this.#timers.delete(handle);
      return callback();
    });
    this.#timers.add(handle);
    return handle;
  }

  #cancel(handle: TimerHandle): void {
    this.#clock.cancel(handle);
    this.#timers.delete(handle);
  }

  /** Shows each message for its time, then runs `then`. */
  #messages(steps: ReadonlyArray<readonly [string, number]>, then: TimerCallback): void | Promise<void> {
    const [first, ...rest] = steps;
    // The last step's work runs inside the timer callback, so the clock awaits it.
    if (!first) return then();
    this.#show({ kind: 'message', text: first[0] });
    this.#after(first[1], () => this.#messages(rest, then));
  }

  /** The firmware stops: every timer, its jobs and poll; the leases are gone with the interfaces. */
  #stopEverything(): void {
    for (const handle of this.#timers) this.#clock.cancel(handle);
    this.#timers.clear();
    this.#session.stop();
    this.#runtime = noLeases();
  }

  // -------------------------------------------------------------------------------------------
  // Power.

  plugAc(): void {
    if (this.#ac) return;
    this.#ac = true;
    if (this.#restoreOnAc) {
      this.#restoreOnAc = false;
      this.#boot();
    } else {
      this.#changed();
    }
  }

  /** Pulling the plug: everything stops at once, mid-write if need be. */
  unplugAc(): void {
    if (!this.#ac) return;
    this.#ac = false;
    const wasRunning = this.#phase !== 'off' && this.#phase !== 'halted';
    this.#restoreOnAc = wasRunning;
    this.#stopEverything();
    this.#saves = [];
    this.#phase = 'off';
    this.#status = { kind: 'none' };
    this.#panel.reset();
    this.#show({ kind: 'blank' });
  }

  /** "Press the power button on the back panel." On: boots; running: shuts down properly. */
  pressPowerButton(): void {
    if (!this.#ac) return;
    if (this.#phase === 'off' || this.#phase === 'halted') this.#boot();
    else if (this.#phase === 'running') this.#shutdown();
    // Pressed while booting, applying a change or already going down: ignored (ERRATA-018).
  }

  /** A storage fault the next boot meets (the lab's fault injection: "EFS fsck fatal errors"). */
  #storageFault: StorageFault | null = null;

  injectStorageFault(fault: StorageFault | null): void {
    this.#storageFault = fault;
  }

  #boot(): void {
    const timing = this.generation.hardware.timing;
    const [welcome, starting, fsck, coming] = this.generation.firmware.texts.boot as [string, string, string, string];
    this.#phase = 'booting';
    this.#status = { kind: 'none' };
    this.#panel.reset();
    this.#lastBootRecovered = !filesystem.isClean(this.disk);
    const fsckMs = timing.bootMessagesMs[2]! + (this.#lastBootRecovered ? timing.recoveryFsckMs : 0);
    this.#messages([[welcome, timing.bootMessagesMs[0]!], [starting, timing.bootMessagesMs[1]!], [fsck, fsckMs]], () => {
      if (this.#storageFault === 'fsck') return this.#storageFailed('fsck');
      // Mounted: the filesystem stays unclean until a proper shutdown.
      filesystem.mark(this.disk, false);
      this.#config = this.#store.load() ?? this.#initialConfig;
      return this.#messages([[coming, timing.bootMessagesMs[3]!]], () => {
        if (this.#storageFault === 'mount') return this.#storageFailed('mount');
        return this.#contact('boot', ['LAN', 'WAN']);
      });
    });
  }

  /** The boot cannot go on: 2022 reports it as an appliance error; 2017 stops where it is. */
  #storageFailed(fault: StorageFault): void {
    const report = this.generation.firmware.storageFaults[fault];
    if (report.show === 'halt') return;
    this.#status = { kind: 'storage-fault', fault };
    this.#phase = 'running';
    this.#panel.reset();
    this.#show({ kind: 'ui' });
  }

  #shutdown(): void {
    this.#phase = 'shutting-down';
    this.#panel.reset();
    this.#show({ kind: 'blank' });
    this.#after(this.generation.hardware.timing.shutdownMs, () => {
      this.#stopEverything();
      filesystem.mark(this.disk, true);
      this.#phase = 'halted';
      this.#status = { kind: 'none' };
      this.#show({ kind: 'message', text: this.generation.firmware.texts.safeToUnplug });
    });
  }

  #reboot(): void {
    this.#phase = 'rebooting';
    this.#messages([[this.generation.firmware.texts.rebooting, this.generation.hardware.timing.rebootingMs]], () => {
      // The reboot ends the jobs it interrupts (their timers are gone): S1 and S2 go out.
      this.#stopEverything();
      filesystem.mark(this.disk, true);
      this.#boot();
    });
  }

  // -------------------------------------------------------------------------------------------
  // Changes.

  #perform(outcome: ActionOutcome, message: string | undefined): void {
    if (outcome.kind === 'reboot') return this.#reboot();
    if (outcome.kind === 'shutdown') return this.#shutdown();
    const { texts } = this.generation.firmware;
    const { messageMs } = this.generation.hardware.timing;
    const steps: Array<[string, number]> = [];
    if (this.#session.scanning) {
      // "the scan task is cancelled and the message CANCELING THE ONGOING SCAN appears"
      this.#session.endScans('cancelled');
      steps.push([texts.cancelingScan, messageMs]);
    }
    if (message) steps.push([message, messageMs]);
    this.#phase = 'applying';
    // Not the status screen (whose indicators would name keys that do nothing now) while the
    // change is written: the contacting message the change leads to.
    if (steps.length === 0) this.#show({ kind: 'message', text: texts.contactingAfterChange });
    this.#messages(steps, () => this.#save(outcome.config, () => this.#contact(outcome.context, outcome.renew)));
  }

  /** "A change to an Ethernet port setting takes effect right away": in effect now, stored after. */
  #setLink(port: Port, value: string): void {
    const config = port === 'LAN'
      ? { ...this.#config, lan: { ...this.#config.lan, link: value } }
      : { ...this.#config, wan: { ...this.#config.wan, link: value } };
    this.#config = config;
    void this.#save(config, () => this.#changed());
  }

  /** Saves waiting behind the one being written: saves never interleave their block writes. */
  #saves: Array<() => void | Promise<void>> = [];

  /** Writes the configuration block by block; it takes effect once the last write is on disk. */
  #save(config: NetworkConfig, then: () => void | Promise<void>): void | Promise<void> {
    const start = (): void | Promise<void> => {
      const writes = this.#store.planSave(config);
      const { storeWriteMs } = this.generation.hardware.timing;
      const next = (i: number): void | Promise<void> => {
        const w = writes[i];
        if (!w) {
          this.#config = config;
          this.#saves.shift();
          const queued = this.#saves[0];
          const done = then();
          if (queued) void queued();
          return done;
        }
        this.#after(storeWriteMs, () => {
          this.disk.write(w.block, w.data);
          return next(i + 1);
        });
      };
      return next(0);
    };
    this.#saves.push(start);
    if (this.#saves.length === 1) return start();
  }

  // -------------------------------------------------------------------------------------------
  // Contacting the platform.

  #retryFromActivation(): void {
    this.#phase = 'applying';
    void this.#contact('activation-retry', []);
  }

  /** Shows CONTACTING QUALYS, tries the platform (as long as the attempt takes) and shows the result. */
  #contact(context: AttemptContext, renew: readonly Port[]): void | Promise<void> {
    const { texts } = this.generation.firmware;
    const ms = this.generation.hardware.timing.contactingMs;
    const steps: Array<[string, number]> = context === 'boot'
      ? texts.contacting.map((t, i) => [t, ms[i]!] as [string, number])
      : [[texts.contactingAfterChange, ms[0]!]];
    return this.#messages(steps, async () => {
      for (const side of renew) {
        const renewed = this.#renew(side);
        if (renewed instanceof Promise) await renewed;
      }
      const attempt = await this.#session.attempt(context);
      this.#after(attempt.ms, () => {
        this.#session.settle(attempt);
        this.#phase = 'running';
        this.#panel.reset();
        this.#show({ kind: 'ui' });
        this.#session.schedulePoll();
      });
    });
  }

  /**
   * Asks the network for the port's leases its settings call for (DHCP, IPv6-only mode's automatic
   * address); a real network answers later, and the caller waits for it.
   */
  #renew(side: Port): Eventually<void> {
    const c = this.#config;
    const rt = this.#runtime;
    if (side === 'WAN') return whenSettled(c.wan.ipv4.kind === 'dhcp' ? this.#network.requestLease('WAN', 0, c.wan.link) : null, (lease) => { rt.wanLease = lease; });
    const lease = c.lan.ipv4.kind === 'dhcp' ? this.#network.requestLease('LAN', c.lan.vlan, c.lan.link) : null;
    return whenSettled(lease, (v4) => whenSettled(c.mode === 'ipv6-only' ? this.#network.requestIpv6(c.lan.vlan, c.lan.link) : null, (v6) => {
      rt.lanLease = v4;
      rt.lanIpv6 = v6;
    }));
  }

  /**
   * A DHCP client without a lease keeps asking for one: at each poll, an interface set to DHCP (or
   * IPv6-only mode's automatic address) that has none asks again, so that an error ends once "the
   * DHCP server is accessible and functional" (ERRATA-264).
   */
  #renewMissing(): Eventually<void> {
    const c = this.#config;
    const rt = this.#runtime;
    const lan = (c.lan.ipv4.kind === 'dhcp' && !rt.lanLease) || (c.mode === 'ipv6-only' && !rt.lanIpv6) ? this.#renew('LAN') : undefined;
    return whenSettled(lan, () => (c.wan.ipv4.kind === 'dhcp' && !rt.wanLease ? this.#renew('WAN') : undefined));
  }
}
