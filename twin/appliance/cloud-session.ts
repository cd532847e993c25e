// The appliance's session with the platform: each attempt to reach it through the network, the
// status that attempt leads to, the polling that repeats it, the jobs it hands over (scans light
// S1 and send their packets, software updates light S2), the outbox of results not yet delivered,
// and the scan-related syslog messages. It speaks the API's wire types (twin/cloud/api.ts), never
// the platform's own model: a real unit knows only what crosses the wire.
import { isIpv4, isIpv6 } from '../../fixtures/addresses.ts';
import type { Generation } from '../../fixtures/profiles.ts';
import type { Clock, TimerCallback, TimerHandle } from '../clock.ts';
import type { ClaimedJob, ConfigResponse, JobResult } from '../cloud/api.ts';
import type { Eventually, Network } from '../network/interface.ts';
import { CONNECT_TIMEOUT_S, whenSettled } from '../network/interface.ts';
import type { FetchLike } from './agent.ts';
import { CloudAgent } from './agent.ts';
import type { AttemptContext, ConfigContext } from './config.ts';
import { attachmentOf, effectiveLan } from './config.ts';
import type { Identity } from './identity.ts';
import type { Status } from './panel.ts';

/** One contact with the platform, as the appliance takes it. */
export interface Attempt { status: Status; jobs: ClaimedJob[]; config: ConfigResponse | null; ms: number; cancel?: string[] }

type Scan = Extract<ClaimedJob, { kind: 'scan' }>;

/** What the session needs of the appliance it runs on. */
export interface SessionHost {
  readonly generation: Generation;
  readonly identity: Identity;
  readonly clock: Clock;
  readonly network: Network;
  after(ms: number, callback: TimerCallback): TimerHandle;
  cancel(handle: TimerHandle): void;
  context(): ConfigContext;
  status(): Status;
  setStatus(status: Status): void;
  running(): boolean;
  /** Asks again for the leases an interface set to DHCP (or automatic IPv6) lacks. */
  renewMissing(): Eventually<void>;
  changed(): void;
}

export interface SessionOptions {
  /** The platform URL of the unit's POD (looked up at each contact), and the fetch its cloud agent reaches it with. */
  cloud: { url: () => string; fetch: FetchLike };
  /** The software installed at the factory (the platform's latest when it shipped). */
  softwareVersions: Record<string, string>;
  /** Virtual time of the epoch of syslog timestamps (ms since 1970). */
  epochMs: number;
}

export class CloudSession {
  readonly #host: SessionHost;
  readonly #agent: CloudAgent;
  readonly #epochMs: number;
  /** The jobs running now, each with its end timer. */
  readonly #jobs = new Map<string, { job: ClaimedJob; end: TimerHandle }>();
  /** Results not yet delivered to the platform. */
  readonly #outbox: Array<{ jobId: string; result: JobResult }> = [];
  /** What the platform configured for this unit (VLANs, static routes, IPv6, syslog): fetched after each boot. */
  #cloud: ConfigResponse | null = null;
  #name: string | null = null;
  #softwareVersions: Record<string, string>;
  /** The one pending poll: each contact restarts the polling interval, never adds a second loop. */
  #poll: TimerHandle | null = null;
  /** When polls began to fail while a scan ran ("after the running scans time out"). */
  #contactLostAt: number | null = null;

  constructor(host: SessionHost, options: SessionOptions) {
    this.#host = host;
    this.#agent = new CloudAgent({ url: options.cloud.url, fetch: options.cloud.fetch, identity: host.identity });
    this.#epochMs = options.epochMs;
    this.#softwareVersions = { ...options.softwareVersions };
  }

  get scanning(): boolean {
    for (const { job } of this.#jobs.values()) if (job.kind === 'scan') return true;
    return false;
  }

  get updating(): boolean {
    for (const { job } of this.#jobs.values()) if (job.kind === 'software-update') return true;
    return false;
  }

  get softwareVersions(): Record<string, string> {
    return { ...this.#softwareVersions };
  }

  get cloudConfig(): ConfigResponse | null {
    return this.#cloud === null ? null : structuredClone(this.#cloud);
  }

  /** The firmware stops (power lost, shut down, rebooting): its jobs and poll end, its pick-up is forgotten. */
  stop(): void {
    this.#poll = null;
    this.#jobs.clear();
    this.#cloud = null;
  }

  /** One attempt to reach the platform: the status it leads to, what it handed over, and how long it took. */
  async attempt(context: AttemptContext): Promise<Attempt> {
    const connecting = this.#host.network.connect(attachmentOf(this.#host.context()), new URL(this.#agent.url).hostname);
    const path = connecting instanceof Promise ? await connecting : connecting;
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
    const ctx = this.#host.context();
    const address = ctx.config.mode === 'ipv6-only' ? path.address : effectiveLan(ctx)?.ip ?? path.address;
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
    const ctx = this.#host.context();
    const lan = ctx.config.mode === 'ipv6-only' ? null : effectiveLan(ctx);
    return {
      model: this.#host.generation.hardware.model, softwareVersions: { ...this.#softwareVersions }, mode: ctx.config.mode,
      lanIpv4: lan?.ip ?? null, uiVlan: ctx.config.lan.vlan, scanning: this.scanning, updating: this.updating,
    };
  }

  /** Takes an attempt's result: the new status, the platform's configuration, and any work handed over. */
  settle(attempt: Attempt): void {
    this.#host.setStatus(attempt.status);
    if (attempt.status.kind === 'ready') this.#name = attempt.status.name;
    if (attempt.status.kind !== 'error') this.#contactLostAt = null;
    if (attempt.config) this.#cloud = attempt.config;
    for (const id of attempt.cancel ?? []) this.endScans('cancelled', id);
    for (const job of attempt.jobs) this.#startJob(job);
    if (attempt.status.kind === 'ready') void this.#deliverResults();
  }

  /** A scan lights S1 while it runs and sends its packets; a software update lights S2. */
  #startJob(job: ClaimedJob): void {
    if (this.#jobs.has(job.id)) return;
    const end = this.#host.after(job.durationMs, () => {
      this.#jobs.delete(job.id);
      if (job.kind === 'scan') return this.#scanEnded(job, 'finished');
      this.#softwareVersions = { ...job.versions };
      this.#host.changed();
    });
    this.#jobs.set(job.id, { job, end });
    if (job.kind === 'scan') {
      this.#log('SCAN', `Scan ${job.id} started: ${job.targets.length} target(s)`);
      const host = attachmentOf(this.#host.context());
      for (const target of job.targets) this.#host.network.probe(host, this.#cloud, { jobId: job.id, target });
    } else {
      this.#log('UPDATE', `Software update ${job.id} started`);
    }
    this.#host.changed();
  }

  /**
   * Ends running scans early: every one (a network change cancels them; lost contact times them
   * out), or the one a user cancelled in the portal.
   */
  endScans(outcome: 'cancelled' | 'timed-out', only?: string): void {
    for (const [id, { job, end }] of this.#jobs) {
      if (job.kind !== 'scan' || (only !== undefined && id !== only)) continue;
      this.#host.cancel(end);
      this.#jobs.delete(id);
      // The caller shows what comes next (CANCELING THE ONGOING SCAN, COMMUNICATION FAILURE).
      void this.#scanEnded(job, outcome, false);
    }
  }

  #scanEnded(job: Scan, outcome: JobResult['outcome'], notify = true): Promise<void> {
    this.#log('SCAN', `Scan ${job.id} ${outcome}`);
    const host = attachmentOf(this.#host.context());
    const probes = job.targets.map((target) => {
      const egress = this.#host.network.route(host, this.#cloud, target);
      return { target, via: egress ? `${egress.port}${egress.vlan ? ` VLAN ${egress.vlan}` : ''}` : null };
    });
    this.#outbox.push({ jobId: job.id, result: { outcome, probes } });
    if (notify) this.#host.changed();
    return this.#deliverResults();
  }

  /** Uploads results waiting in the outbox, while the platform can be reached. */
  async #deliverResults(): Promise<void> {
    if (this.#host.status().kind !== 'ready') return;
    const connecting = this.#host.network.connect(attachmentOf(this.#host.context()), new URL(this.#agent.url).hostname);
    if (!(connecting instanceof Promise ? await connecting : connecting).ok) return;
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
    if (!syslog?.enabled) return;
    const host = attachmentOf(this.#host.context());
    const literal = isIpv4(syslog.server) || isIpv6(syslog.server);
    const timestamp = new Date(this.#epochMs + this.#host.clock.now()).toISOString();
    const name = this.#name ?? `qualys-${this.#host.identity.serialNumber}`;
    const routes = this.#cloud;
    const message = `<30>1 ${timestamp} ${name} qualys-scanner - ${msgid} - ${text}`;
    // A real network resolves and sends later; nothing waits for a log line.
    void whenSettled(literal ? syslog.server : this.#host.network.resolve(host, syslog.server), (address) => {
      if (!address) return;
      const to = { address, protocol: syslog.protocol === 'TCP' ? 'tcp' as const : 'udp' as const, port: syslog.port };
      return this.#host.network.send(host, routes, to, message);
    });
  }

  /** Polls after the polling interval (again after each contact, never a second loop). */
  schedulePoll(): void {
    if (this.#poll) this.#host.cancel(this.#poll);
    this.#poll = this.#host.after(this.#host.generation.hardware.timing.pollIntervalMs, async () => {
      this.#poll = null;
      if (!this.#host.running()) return this.schedulePoll();
      const renewed = this.#host.renewMissing();
      if (renewed instanceof Promise) await renewed;
      const attempt = await this.attempt('poll');
      this.#host.after(attempt.ms, () => {
        this.#pollResult(attempt);
        this.#host.changed();
        this.schedulePoll();
      });
    });
  }

  #pollResult(attempt: Attempt): void {
    const before = this.#host.status().kind;
    const failed = attempt.status.kind === 'error';
    if (!failed || (before !== 'ready' && before !== 'activation' && before !== 'communication-failure')) {
      this.settle(attempt);
      return;
    }
    if (this.scanning) {
      // "The COMMUNICATION FAILURE message appears after the running scans time out. Usually the
      // S1 LED turns off after the scans time out."
      const now = this.#host.clock.now();
      this.#contactLostAt ??= now;
      if (now - this.#contactLostAt < this.#host.generation.hardware.timing.scanTimeoutMs) return;
      this.endScans('timed-out');
    }
    // "The next time the Appliance sends a polling request ... the polling request fails, and
    // then the COMMUNICATION FAILURE message appears."
    this.#host.setStatus({ kind: 'communication-failure' });
  }
}
