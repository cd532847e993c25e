// The appliance twin: hardware (power button, AC, LEDs, keypad, LCD, ports, disk) and the
// firmware that runs on it (boot, status screens, menus, applying changes, contacting the
// platform). All time is the injected clock's; all configuration is the store's.
import { isIpv4, isIpv6 } from '../../fixtures/addresses.ts';
import type { Generation, Key } from '../../fixtures/profiles.ts';
import type { Clock, TimerCallback, TimerHandle } from '../clock.ts';
import type { NetworkSpec } from '../../fixtures/networks.ts';
import type { ApplianceConfig, Job, ScanResult } from '../cloud/platform.ts';
import type { Condition } from '../network/path.ts';
import { CONNECT_TIMEOUT_S, reachPlatform, requestIpv6, requestLease } from '../network/path.ts';
import type { Egress } from '../network/traffic.ts';
import { resolveName, scanEgress, serviceEgress } from '../network/traffic.ts';
import type { FetchLike } from './agent.ts';
import { CloudAgent } from './agent.ts';
import type { ActionOutcome, AttemptContext, ConfigContext, NetworkConfig, NetworkRuntime } from './config.ts';
import { defaultConfig, effectiveLan } from './config.ts';
import type { EditorKey } from './editors.ts';
import type { Identity } from './identity.ts';
import { identityOf } from './identity.ts';
import type { LcdScreen, ScreenContent } from './lcd.ts';
import { layout } from './lcd.ts';
import { ConfigStore, Disk, filesystem } from './store.ts';
import { Ui } from './ui.ts';

export type Phase = 'off' | 'booting' | 'running' | 'applying' | 'rebooting' | 'shutting-down' | 'halted';

export type Status =
  | { kind: 'none' }
  | { kind: 'ready'; name: string; address: string; indicator: string }
  | { kind: 'activation' }
  /** A configuration error: what stopped the attempt, why it was made, an HTTP status if any. */
  | { kind: 'error'; condition: Condition; context: AttemptContext; code?: number }
  | { kind: 'communication-failure' }
  /** The filesystem check or mount failed at boot (2022: "EFS fsck fatal errors"). */
  | { kind: 'storage-fault'; fault: StorageFault };

export type StorageFault = 'fsck' | 'mount';

export interface Leds {
  /** The power button's green backlight. */
  power: boolean;
  S1: boolean;
  S2: boolean;
  S3: boolean;
}

/**
 * What the appliance puts on its cables besides management traffic, as the lab's switch ports
 * see it: scan packets, and syslog messages to the subscription's syslog server.
 */
export interface Wire {
  probe(packet: { jobId: string; target: string; egress: Egress | null }): void;
  syslog(to: { address: string; protocol: 'udp' | 'tcp'; port: number; egress: Egress }, message: string): void;
}

export interface ApplianceOptions {
  generation: Generation;
  clock: Clock;
  /** The lab's network (its spec is the model: the appliance reads it, the lab changes it). */
  network: NetworkSpec;
  /** The platform URL of the unit's POD (looked up at each contact), and the fetch its cloud agent reaches it with. */
  cloud: { url: () => string; fetch: FetchLike };
  /** The software installed at the factory (the platform's latest when it shipped). */
  softwareVersions: Record<string, string>;
  wire?: Wire;
  /** Virtual time of the epoch of syslog timestamps (ms since 1970). */
  epochMs?: number;
  /** The configuration a unit starts with when its store is empty (a unit set up elsewhere before it came to the lab). */
  initialConfig?: NetworkConfig;
  serialNumber?: number;
  /** AC plugged in at the start (the appliance is then off until its power button is pressed). */
  acPlugged?: boolean;
}

/** One contact with the platform, as the appliance takes it. */
interface Attempt { status: Status; jobs: Job[]; config: ApplianceConfig | null; ms: number; cancel?: string[] }

type Display = { kind: 'blank' } | { kind: 'message'; text: string } | { kind: 'notice'; content: ScreenContent } | { kind: 'ui' };

export class Appliance {
  readonly generation: Generation;
  readonly identity: Identity;
  /** The network the appliance's cables lead to; the lab may change or replace it. */
  network: NetworkSpec;
  readonly disk: Disk;
  readonly #clock: Clock;
  readonly #agent: CloudAgent;
  readonly #wire: Wire | null;
  readonly #epochMs: number;
  readonly #store: ConfigStore<NetworkConfig>;
  readonly #ui: Ui;
  readonly #timers = new Set<TimerHandle>();
  readonly #listeners = new Set<() => void>();

  #ac: boolean;
  #phase: Phase = 'off';
  /** Power came back after being lost while running: the appliance starts by itself (ERRATA-017). */
  #restoreOnAc = false;
  #display: Display = { kind: 'blank' };
  #config: NetworkConfig;
  readonly #initialConfig: NetworkConfig;
  #runtime: NetworkRuntime = { lanLease: null, wanLease: null, lanIpv6: null };
  #status: Status = { kind: 'none' };
  /** The jobs running now, each with its end timer. */
  readonly #jobs = new Map<string, { job: Job; end: TimerHandle }>();
  /** Results not yet delivered to the platform. */
  #outbox: Array<{ jobId: string; result: ScanResult }> = [];
  /** What the platform configured for this unit (VLANs, static routes, IPv6, syslog): fetched after each boot. */
  #cloud: ApplianceConfig | null = null;
  #name: string | null = null;
  #softwareVersions: Record<string, string>;
  #lastBootRecovered = false;

  constructor(options: ApplianceOptions) {
    this.generation = options.generation;
    this.identity = identityOf(options.serialNumber ?? options.generation.hardware.defaultSerialNumber);
    this.network = options.network;
    this.#clock = options.clock;
    this.#agent = new CloudAgent({ url: options.cloud.url, fetch: options.cloud.fetch, identity: this.identity });
    this.#wire = options.wire ?? null;
    this.#epochMs = options.epochMs ?? Date.UTC(2026, 0, 1);
    this.#softwareVersions = { ...options.softwareVersions };
    this.#ac = options.acPlugged ?? true;
    this.disk = new Disk(ConfigStore.blocksNeeded);
    this.#store = new ConfigStore<NetworkConfig>(this.disk);
    filesystem.mark(this.disk, true);
    this.#initialConfig = options.initialConfig ?? defaultConfig(this.generation.firmware.networkModes[0]!);
    this.#config = this.#initialConfig;
    this.#ui = new Ui(this.generation, {
      context: () => this.context(),
      statusScreen: () => this.#statusScreen(),
      statusEnterRetries: () => this.#status.kind === 'activation',
      retry: () => this.#retryFromActivation(),
      linkSetting: (port) => (port === 'LAN' ? this.#config.lan.link : this.#config.wan.link),
    });
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
    return { power: powered, S1: powered && this.#scanning, S2: powered && this.#updating, S3: false };
  }

  get #scanning(): boolean {
    for (const { job } of this.#jobs.values()) if (job.kind === 'scan') return true;
    return false;
  }

  get #updating(): boolean {
    for (const { job } of this.#jobs.values()) if (job.kind === 'software-update') return true;
    return false;
  }

  /** The software versions installed (updated by the platform's software updates). */
  get softwareVersions(): Record<string, string> {
    return { ...this.#softwareVersions };
  }

  /** What the unit picked up from the platform, if anything since it booted. */
  get cloudConfig(): ApplianceConfig | null {
    return this.#cloud === null ? null : structuredClone(this.#cloud);
  }

  /**
   * Incoming connections on LAN or WAN: "the Appliance does not allow incoming logins or
   * connections from the network". Nothing listens; the lab's probes are refused.
   */
  accepts(_port: 'LAN' | 'WAN', _protocol: 'tcp' | 'udp', _number: number): boolean {
    return false;
  }

  /** Whether the last boot ran the recovery filesystem check (power lost without a shutdown). */
  get lastBootRecovered(): boolean {
    return this.#lastBootRecovered;
  }

  /** The visible labels of a menu now (for the model checks of the suite's properties). */
  menuLabels(menu: string): string[] {
    return this.#ui.menuLabels(menu);
  }

  screen(): LcdScreen {
    return layout(this.#content(), this.generation.hardware.lcd);
  }

  /** Whether the field on screen is a secret one (the proxy password). */
  showsSecret(): boolean {
    return this.#display.kind === 'ui' && this.#ui.showsSecret();
  }

  /** Called after every change of what the appliance shows or lights. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #content(): ScreenContent {
    switch (this.#display.kind) {
      case 'blank': return { text: '', indicators: [] };
      case 'message': return { text: this.#display.text, indicators: [] };
      case 'notice': return this.#display.content;
      case 'ui': return this.#ui.screen();
    }
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }

  #show(display: Display): void {
    this.#display = display;
    this.#changed();
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

  /** Shows each message for its time, then runs `then`. */
  #messages(steps: ReadonlyArray<readonly [string, number]>, then: TimerCallback): void | Promise<void> {
    const [first, ...rest] = steps;
    // The last step's work runs inside the timer callback, so the clock awaits it.
    if (!first) return then();
    this.#show({ kind: 'message', text: first[0] });
    this.#after(first[1], () => this.#messages(rest, then));
  }

  #stopEverything(): void {
    for (const handle of this.#timers) this.#clock.cancel(handle);
    this.#timers.clear();
    this.#poll = null;
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
    this.#jobs.clear();
    this.#cloud = null;
    this.#runtime = { lanLease: null, wanLease: null, lanIpv6: null };
    this.#status = { kind: 'none' };
    this.#ui.reset();
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
    this.#ui.reset();
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
    this.#ui.reset();
    this.#show({ kind: 'ui' });
  }

  #shutdown(): void {
    this.#phase = 'shutting-down';
    this.#ui.reset();
    this.#show({ kind: 'blank' });
    this.#after(this.generation.hardware.timing.shutdownMs, () => {
      this.#stopEverything();
      filesystem.mark(this.disk, true);
      this.#phase = 'halted';
      this.#jobs.clear();
      this.#cloud = null;
      this.#runtime = { lanLease: null, wanLease: null, lanIpv6: null };
      this.#status = { kind: 'none' };
      this.#show({ kind: 'message', text: this.generation.firmware.texts.safeToUnplug });
    });
  }

  #reboot(): void {
    this.#phase = 'rebooting';
    this.#messages([[this.generation.firmware.texts.rebooting, this.generation.hardware.timing.rebootingMs]], () => {
      this.#stopEverything();
      filesystem.mark(this.disk, true);
      this.#runtime = { lanLease: null, wanLease: null, lanIpv6: null };
      // The reboot ends the jobs it interrupts (their timers are gone): S1 and S2 go out.
      this.#jobs.clear();
      this.#cloud = null;
      this.#boot();
    });
  }

  // -------------------------------------------------------------------------------------------
  // The keypad.

  get acceptsKeys(): boolean {
    return this.#phase === 'running' && this.#display.kind === 'ui';
  }

  press(key: Key): void {
    this.#key(key);
  }

  /** LEFT and RIGHT pressed together. */
  chordLeftRight(): void {
    this.#key('LEFT+RIGHT');
  }

  /**
   * Holds a key for `ms`. In text fields UP and DOWN repeat ("you can hold down the Up and Down
   * arrow buttons to scroll through characters quickly"); elsewhere a hold is one press.
   */
  hold(key: Key, ms: number): void {
    this.#key(key);
    const editor = this.#ui.editor;
    if (!editor?.repeats || (key !== 'UP' && key !== 'DOWN')) return;
    const { repeatDelayMs, repeatIntervalMs } = this.generation.hardware.keypad;
    for (let t = repeatDelayMs; t <= ms; t += repeatIntervalMs) {
      this.#after(t, () => {
        if (this.#ui.editor === editor) this.#key(key);
      });
    }
  }

  /** A character typed on the remote console's keyboard, into the field on screen. */
  typeCharacter(char: string): void {
    if (!this.acceptsKeys) return;
    this.#ui.type(char);
    this.#changed();
  }

  #key(key: EditorKey): void {
    if (!this.acceptsKeys) return;
    const effect = this.#ui.press(key);
    switch (effect.kind) {
      case 'perform': this.#perform(effect.outcome, effect.message); break;
      case 'refused': this.#notice(effect.reason); break;
      case 'link': this.#setLink(effect.port, effect.value); break;
      default: break;
    }
    this.#changed();
  }

  #notice(reason: string): void {
    const prompt = this.#ui.screen().text;
    this.#show({ kind: 'notice', content: { text: prompt, body: reason, indicators: [] } });
    this.#after(this.generation.hardware.timing.noticeMs, () => this.#show({ kind: 'ui' }));
  }

  // -------------------------------------------------------------------------------------------
  // Changes.

  #perform(outcome: ActionOutcome, message: string | undefined): void {
    if (outcome.kind === 'reboot') return this.#reboot();
    if (outcome.kind === 'shutdown') return this.#shutdown();
    const { texts } = this.generation.firmware;
    const { messageMs } = this.generation.hardware.timing;
    const steps: Array<[string, number]> = [];
    if (this.#scanning) {
      // "the scan task is cancelled and the message CANCELING THE ONGOING SCAN appears"
      this.#endScans('cancelled');
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
  #setLink(port: 'LAN' | 'WAN', value: string): void {
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
  // The platform.

  #retryFromActivation(): void {
    this.#phase = 'applying';
    void this.#contact('activation-retry', []);
  }

  /** Shows CONTACTING QUALYS, tries the platform (as long as the attempt takes) and shows the result. */
  #contact(context: AttemptContext, renew: ReadonlyArray<'LAN' | 'WAN'>): void | Promise<void> {
    const { texts } = this.generation.firmware;
    const ms = this.generation.hardware.timing.contactingMs;
    const steps: Array<[string, number]> = context === 'boot'
      ? texts.contacting.map((t, i) => [t, ms[i]!] as [string, number])
      : [[texts.contactingAfterChange, ms[0]!]];
    return this.#messages(steps, async () => {
      for (const side of renew) this.#renew(side);
      const attempt = await this.#attempt(context);
      this.#after(attempt.ms, () => {
        this.#settle(attempt);
        this.#phase = 'running';
        this.#ui.reset();
        this.#show({ kind: 'ui' });
        this.#schedulePoll();
      });
    });
  }

  #renew(side: 'LAN' | 'WAN'): void {
    const c = this.#config;
    if (side === 'LAN') {
      this.#runtime.lanLease = c.lan.ipv4.kind === 'dhcp' ? requestLease(this.network, 'lan', c.lan.vlan, c.lan.link) : null;
      this.#runtime.lanIpv6 = c.mode === 'ipv6-only' ? requestIpv6(this.network, c.lan.vlan, c.lan.link) : null;
    } else {
      this.#runtime.wanLease = c.wan.ipv4.kind === 'dhcp' ? requestLease(this.network, 'wan', 0, c.wan.link) : null;
    }
  }

  /** One attempt to reach the platform: the status it leads to, what it handed over, and how long it took. */
  async #attempt(context: AttemptContext): Promise<Attempt> {
    const path = reachPlatform(this.context(), this.network, new URL(this.#agent.url).hostname);
    if (!path.ok) {
      const status: Status = path.code === undefined
        ? { kind: 'error', condition: path.condition, context }
        : { kind: 'error', condition: path.condition, context, code: path.code };
      return { status, jobs: [], config: null, ms: path.seconds * 1000 };
    }
    const reason = context === 'boot' ? 'boot' : context === 'poll' ? 'poll' : context === 'activation-retry' ? 'activation-retry' : 'change';
    const answer = await this.#agent.exchange(reason, this.#health(), this.#cloud?.version ?? 0);
    // An answer that takes longer than the appliance waits is a timeout ("within 30 seconds").
    const ms = path.seconds * 1000 + answer.serverMs;
    if (answer.slowestMs > CONNECT_TIMEOUT_S * 1000) return { status: { kind: 'error', condition: 'platform-timeout', context }, jobs: [], config: null, ms: CONNECT_TIMEOUT_S * 1000 };
    // "If split network configuration is enabled, the IP address for the LAN interface is displayed."
    const address = this.#config.mode === 'ipv6-only' ? path.address : effectiveLan(this.context())?.ip ?? path.address;
    const none = { jobs: [], config: null, ms };
    switch (answer.kind) {
      case 'activated': return { status: { kind: 'ready', name: answer.name, address, indicator: answer.indicator }, jobs: answer.jobs, config: answer.config, cancel: answer.cancel, ms };
      case 'not-activated': return { status: { kind: 'activation' }, ...none };
      case 'refused': return { status: { kind: 'error', condition: answer.reason, context }, ...none };
      case 'http-error': return { status: { kind: 'error', condition: 'platform-http', context, code: answer.status }, ...none };
      // No usable answer: the connection failed as the transport says (a certificate the unit does
      // not trust, a refused connection, ...), or the answer could not be read.
      case 'failed': return { status: { kind: 'error', condition: answer.condition, context }, ...none };
    }
  }

  /** The health report each poll carries. */
  #health() {
    const lan = this.#config.mode === 'ipv6-only' ? null : effectiveLan(this.context());
    return {
      model: this.generation.hardware.model, softwareVersions: { ...this.#softwareVersions }, mode: this.#config.mode,
      lanIpv4: lan?.ip ?? null, uiVlan: this.#config.lan.vlan, scanning: this.#scanning, updating: this.#updating,
    };
  }

  /** Takes an attempt's result: the new status, the platform's configuration, and any work handed over. */
  #settle(attempt: Attempt): void {
    this.#status = attempt.status;
    if (attempt.status.kind === 'ready') this.#name = attempt.status.name;
    if (attempt.status.kind !== 'error') this.#contactLostAt = null;
    if (attempt.config) this.#cloud = attempt.config;
    for (const id of attempt.cancel ?? []) this.#endScans('cancelled', id);
    for (const job of attempt.jobs) this.#startJob(job);
    if (attempt.status.kind === 'ready') void this.#deliverResults();
  }

  /** A scan lights S1 while it runs and sends its packets; a software update lights S2. */
  #startJob(job: Job): void {
    if (this.#jobs.has(job.id)) return;
    const end = this.#after(job.durationMs, () => {
      this.#jobs.delete(job.id);
      if (job.kind === 'scan') return this.#scanEnded(job, 'finished');
      this.#softwareVersions = { ...job.versions };
      this.#changed();
    });
    this.#jobs.set(job.id, { job, end });
    if (job.kind === 'scan') {
      this.#log('SCAN', `Scan ${job.id} started: ${job.targets.length} target(s)`);
      for (const target of job.targets) this.#wire?.probe({ jobId: job.id, target, egress: scanEgress(this.context(), this.network, this.#cloud, target) });
    } else {
      this.#log('UPDATE', `Software update ${job.id} started`);
    }
    this.#changed();
  }

  /**
   * Ends running scans early: every one (a network change cancels them; lost contact times them
   * out), or the one a user cancelled in the portal.
   */
  #endScans(outcome: 'cancelled' | 'timed-out', only?: string): void {
    for (const [id, { job, end }] of this.#jobs) {
      if (job.kind !== 'scan' || (only !== undefined && id !== only)) continue;
      this.#clock.cancel(end);
      this.#timers.delete(end);
      this.#jobs.delete(id);
      // The caller shows what comes next (CANCELING THE ONGOING SCAN, COMMUNICATION FAILURE).
      void this.#scanEnded(job, outcome, false);
    }
  }

  #scanEnded(job: Extract<Job, { kind: 'scan' }>, outcome: ScanResult['outcome'], notify = true): Promise<void> {
    this.#log('SCAN', `Scan ${job.id} ${outcome}`);
    const probes = job.targets.map((target) => {
      const egress = scanEgress(this.context(), this.network, this.#cloud, target);
      return { target, via: egress ? `${egress.port}${egress.vlan ? ` VLAN ${egress.vlan}` : ''}` : null };
    });
    this.#outbox.push({ jobId: job.id, result: { outcome, probes } });
    if (notify) this.#changed();
    return this.#deliverResults();
  }

  /** Uploads results waiting in the outbox, while the platform can be reached. */
  async #deliverResults(): Promise<void> {
    if (this.#status.kind !== 'ready' || !reachPlatform(this.context(), this.network, new URL(this.#agent.url).hostname).ok) return;
    while (this.#outbox.length > 0) {
      const { jobId, result } = this.#outbox[0]!;
      if (!(await this.#agent.upload(jobId, result))) return;
      this.#outbox.shift();
    }
  }

  /**
   * A message of the scan-related syslog stream (/var/log/messages), forwarded when the
   * subscription has syslog forwarding on and the server is reachable. RFC 5424: facility daemon,
   * severity informational; the host is the appliance's name.
   */
  #log(msgid: string, text: string): void {
    const syslog = this.#cloud?.syslog;
    if (!syslog?.enabled || !this.#wire) return;
    const ctx = this.context();
    const literal = isIpv4(syslog.server) || isIpv6(syslog.server);
    const address = literal ? syslog.server : resolveName(ctx, this.network, syslog.server);
    if (!address) return;
    const protocol = syslog.protocol === 'TCP' ? 'tcp' : 'udp';
    const egress = serviceEgress(ctx, this.network, this.#cloud, address, protocol, syslog.port);
    if (!egress) return;
    const timestamp = new Date(this.#epochMs + this.#clock.now()).toISOString();
    const host = this.#name ?? `qualys-${this.identity.serialNumber}`;
    this.#wire.syslog({ address, protocol, port: syslog.port, egress }, `<30>1 ${timestamp} ${host} qualys-scanner - ${msgid} - ${text}`);
  }

  /** The one pending poll: each contact restarts the polling interval, never adds a second loop. */
  #poll: TimerHandle | null = null;

  /** When polls began to fail while a scan ran ("after the running scans time out"). */
  #contactLostAt: number | null = null;

  #schedulePoll(): void {
    if (this.#poll) {
      this.#clock.cancel(this.#poll);
      this.#timers.delete(this.#poll);
    }
    this.#poll = this.#after(this.generation.hardware.timing.pollIntervalMs, async () => {
      this.#poll = null;
      if (this.#phase !== 'running') return this.#schedulePoll();
      this.#renewMissing();
      const attempt = await this.#attempt('poll');
      this.#after(attempt.ms, () => {
        this.#pollResult(attempt);
        this.#changed();
        this.#schedulePoll();
      });
    });
  }

  /**
   * A DHCP client without a lease keeps asking for one: at each poll, an interface set to DHCP (or
   * IPv6-only mode's automatic address) that has none asks again, so that an error ends once "the
   * DHCP server is accessible and functional" (ERRATA-264).
   */
  #renewMissing(): void {
    const c = this.#config;
    const rt = this.#runtime;
    if ((c.lan.ipv4.kind === 'dhcp' && !rt.lanLease) || (c.mode === 'ipv6-only' && !rt.lanIpv6)) this.#renew('LAN');
    if (c.wan.ipv4.kind === 'dhcp' && !rt.wanLease) this.#renew('WAN');
  }

  #pollResult(attempt: Attempt): void {
    const before = this.#status.kind;
    const failed = attempt.status.kind === 'error';
    if (!failed || (before !== 'ready' && before !== 'activation' && before !== 'communication-failure')) {
      this.#settle(attempt);
      return;
    }
    if (this.#scanning) {
      // "The COMMUNICATION FAILURE message appears after the running scans time out. Usually the
      // S1 LED turns off after the scans time out."
      this.#contactLostAt ??= this.#clock.now();
      if (this.#clock.now() - this.#contactLostAt < this.generation.hardware.timing.scanTimeoutMs) return;
      this.#endScans('timed-out');
    }
    // "The next time the Appliance sends a polling request ... the polling request fails, and
    // then the COMMUNICATION FAILURE message appears."
    this.#status = { kind: 'communication-failure' };
  }

  // -------------------------------------------------------------------------------------------
  // The status screen.

  #statusScreen(): ScreenContent {
    const { texts, errors, storageFaults } = this.generation.firmware;
    const indicators: Key[] = ['DOWN', 'ENTER'];
    const s = this.#status;
    switch (s.kind) {
      case 'ready': return { text: s.name, body: s.address, bodyRight: s.indicator, indicators };
      case 'activation': return { text: texts.activationCode, body: this.identity.activationCode, indicators };
      case 'communication-failure': return { text: texts.communicationFailure, indicators };
      case 'storage-fault': {
        const report = storageFaults[s.fault];
        return { text: report.show === 'error' ? report.text : '', indicators };
      }
      case 'error': {
        const fill = (text: string) => text.replace('{code}', String(s.code ?? ''));
        if (errors.style === 'long-form') return { text: fill(errors.messages[s.condition]!), indicators };
        const rule = errors.codes.find((c) => (c.contexts.length === 0 || c.contexts.includes(s.context))
          && (c.conditions.length === 0 || c.conditions.includes(s.condition)))!;
        if (errors.style === 'e-codes') return { text: errors.title, body: rule.code, indicators };
        return { text: `${errors.title} ${rule.code}`, body: fill(errors.descriptions[s.condition]!), indicators };
      }
      case 'none': return { text: '', indicators: [] };
    }
  }
}
