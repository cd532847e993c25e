// The Qualys Cloud Platform twin: one state model of a POD's subscription, its users, asset
// groups and appliances, read and written by the appliance API (api.ts) and the web portal
// (portal/). Every rule the guides state about who may do what, and what limits apply, is
// enforced here once, so the API and the portal cannot disagree.
import { isHostname, isIpv4, isIpv6, isNetmask } from '../../fixtures/addresses.ts';
import type { PlatformAccount, PodSpec, PortalEdition } from '../../fixtures/platform.ts';
import { vlanLimit } from '../../fixtures/platform.ts';
import type { Credentials, JobResult } from './api.ts';
import type { ApplianceConfig, ApplianceRecord, HealthReport, Ipv6Scanning, Job, JobEnd, ScanStatus, ScanView, StaticRoute, SyslogSettings, User, Vlan } from './records.ts';
import { Refused } from './records.ts';


/** Scans an appliance runs at once; capacity is the share of these left (ERRATA-323). */
export const CONCURRENT_SCANS = 4;
/** An appliance not heard from for this many polling intervals shows offline (ERRATA-324). */
const OFFLINE_AFTER_POLLS = 2;
const NAME_PATTERN = /^[A-Za-z0-9_.-]{1,40}$/;

/** A syslog server's DNS name: fully qualified, its last label not all-numeric (that would be an address). */
export function validHostname(text: string): boolean {
  if (!text.includes('.') || text.endsWith('.') || !isHostname(text)) return false;
  return !/^\d+$/.test(text.slice(text.lastIndexOf('.') + 1));
}

export class Platform {
  #pod: PodSpec;
  readonly edition: PortalEdition;
  readonly features: { vlanTrunking: boolean; ipv6Scanning: boolean };
  readonly assetGroups: ReadonlyArray<{ name: string; businessUnit: string | null }>;
  latestVersions: Record<string, string>;
  /** Subscription-wide: "syslog forwarding is on for all scanner appliances". */
  syslog: SyslogSettings | null = null;
  /** The subscription's account has expired. */
  expired = false;
  /** Changes of the subscription-wide syslog settings: part of every appliance's configuration version. */
  #syslogVersion = 0;

  readonly #now: () => number;
  readonly #pollIntervalMs: number;
  readonly #users = new Map<string, User & { password: string }>();
  readonly #units = new Map<number, ApplianceRecord>();
  /** Units shipped in bulk, made known when first needed (most runs never look at them). */
  #later: Array<() => { identity: Credentials; model: string }> = [];
  #nextApplianceId = 1001;

  #records(): Map<number, ApplianceRecord> {
    if (this.#later.length > 0) {
      const later = this.#later;
      this.#later = [];
      for (const make of later) {
        const { identity, model } = make();
        this.ship(identity, model);
      }
    }
    return this.#units;
  }

  #bySerial(serialNumber: number): ApplianceRecord | undefined {
    return this.#units.get(serialNumber) ?? this.#records().get(serialNumber);
  }

  #byCode(code: string): ApplianceRecord | undefined {
    const find = (units: Map<number, ApplianceRecord>) => [...units.values()].find((r) => r.identity.activationCode === code);
    return find(this.#units) ?? find(this.#records());
  }
  #nextJobId = 1;

  constructor(options: {
    account: PlatformAccount; edition: PortalEdition; pod?: string; now: () => number; pollIntervalMs: number;
    password: (secretName: string) => string;
  }) {
    const { account } = options;
    const pod = options.pod === undefined ? account.pods[0] : account.pods.find((p) => p.id === options.pod);
    if (!pod) throw new Error(`the account has no POD ${options.pod}`);
    this.#pod = pod;
    this.#pods = account.pods;
    this.edition = options.edition;
    this.features = { ...account.subscription.features };
    this.assetGroups = account.subscription.assetGroups.map((g) => ({ ...g }));
    this.latestVersions = { ...account.softwareVersions };
    this.#now = options.now;
    this.#pollIntervalMs = options.pollIntervalMs;
    for (const u of account.users) {
      this.#users.set(u.login, { login: u.login, role: u.role, businessUnit: u.businessUnit, acceptedLicence: u.acceptedLicence, password: options.password(u.passwordSecret) });
    }
  }

  get pod(): PodSpec {
    return this.#pod;
  }

  get url(): string {
    return this.#pod.url;
  }

  readonly #pods: readonly PodSpec[];

  /** Puts the subscription on another of the account's PODs (before any unit is activated). */
  usePod(id: string): void {
    const pod = this.#pods.find((p) => p.id === id);
    if (!pod) throw new Error(`the account has no POD ${id} (it has ${this.#pods.map((p) => p.id).join(', ')})`);
    if ([...this.#records().values()].some((r) => r.name !== null)) throw new Error('appliances are activated on this POD already');
    this.#pod = pod;
  }

  // --- Users ---------------------------------------------------------------------------------

  /** The user with this login and password, or null (the login page does not say which was wrong). */
  authenticate(login: string, password: string): User | null {
    const user = this.#users.get(login);
    return user && user.password === password ? this.user(login) : null;
  }

  user(login: string): User {
    const user = this.#users.get(login);
    if (!user) throw new Refused('not-found', `no user ${login}`);
    const { password: _password, ...visible } = user;
    return { ...visible };
  }

  acceptLicence(login: string): void {
    const user = this.#users.get(login);
    if (user) user.acceptedLicence = true;
  }

  /** "A Manager or Unit Manager account is required." */
  canActivate(user: User): boolean {
    return user.role === 'manager' || user.role === 'unit-manager';
  }

  /** "You must be a Manager user to enable Syslog Forwarding." */
  canConfigureSyslog(user: User): boolean {
    return user.role === 'manager' && this.edition.syslogForwarding !== null;
  }

  /** Asset groups a Unit Manager may add an appliance to ("available to users in your business unit"). */
  assetGroupsFor(user: User): string[] {
    if (user.role !== 'unit-manager') return [];
    return this.assetGroups.filter((g) => g.businessUnit === user.businessUnit).map((g) => g.name);
  }

  #businessUnitOf(record: ApplianceRecord): string | null {
    return this.assetGroups.find((g) => g.name === record.assetGroup)?.businessUnit ?? null;
  }

  /** The appliances a user sees in Scans > Appliances. */
  appliancesFor(user: User): ApplianceRecord[] {
    const activated = [...this.#records().values()].filter((r) => r.name !== null);
    if (user.role !== 'unit-manager') return activated.sort((a, b) => a.id - b.id);
    return activated.filter((r) => this.#businessUnitOf(r) === user.businessUnit).sort((a, b) => a.id - b.id);
  }

  canEdit(user: User, record: ApplianceRecord): boolean {
    return this.canActivate(user) && this.appliancesFor(user).includes(record);
  }

  // --- Appliances ----------------------------------------------------------------------------

  /** Units shipped (their activation codes on record), each made when the platform first needs it. */
  shipLater(units: Array<() => { identity: Credentials; model: string }>): void {
    this.#later.push(...units);
  }

  /** Makes a shipped unit known to the platform (its activation code is on record). */
  ship(identity: Credentials, model: string, type: 'physical' | 'virtual' = 'physical'): void {
    const { serialNumber, activationCode } = identity;
    if (this.#units.has(serialNumber)) return;
    this.#units.set(serialNumber, {
      id: this.#nextApplianceId++, identity: { serialNumber, activationCode }, type, model, name: null, activatedBy: null, assetGroup: null, activatedAt: null,
      lastContactAt: null, lastReport: null, vlans: [], staticRoutes: [], ipv6: { enabled: false },
      // Version 0 is nothing configured, which a unit fresh from a boot has already.
      configVersion: 0,
      pending: [], running: [], results: [], cancelRequests: [],
    });
  }

  /** How many shipped units the platform knows, and how many carry this activation code. */
  activationCodeHolders(activationCode: string): { units: number; holders: number } {
    let holders = 0;
    for (const record of this.#records().values()) if (record.identity.activationCode === activationCode) holders++;
    return { units: this.#records().size, holders };
  }

  record(serialNumber: number): ApplianceRecord | null {
    return this.#bySerial(serialNumber) ?? null;
  }

  recordById(id: number): ApplianceRecord | null {
    for (const r of this.#records().values()) if (r.id === id) return r;
    return null;
  }

  isActivated(serialNumber: number): boolean {
    return (this.#bySerial(serialNumber)?.name ?? null) !== null;
  }

  /** New > Scanner Appliance: the activation code, "Add To" an asset group (Unit Managers), Activate. */
  activate(user: User, activationCode: string, assetGroup: string | null = null): ApplianceRecord {
    if (!this.canActivate(user)) throw new Refused('forbidden', 'A Manager or Unit Manager account is required to activate a scanner appliance.');
    const code = activationCode.trim();
    if (!/^\d{12}$/.test(code)) throw new Refused('invalid', 'Enter the 12-digit activation code shown on the appliance.', 'activationCode');
    if (user.role === 'unit-manager') {
      if (assetGroup === null || assetGroup === '') throw new Refused('invalid', 'Select an asset group to add the appliance to.', 'assetGroup');
      if (!this.assetGroupsFor(user).includes(assetGroup)) throw new Refused('forbidden', `Asset group ${assetGroup} is not in your business unit.`, 'assetGroup');
    } else if (assetGroup !== null && assetGroup !== '') {
      throw new Refused('invalid', 'Only Unit Managers add an appliance to an asset group.', 'assetGroup');
    }
    const record = this.#byCode(code);
    if (!record) throw new Refused('invalid', 'This activation code is not valid.', 'activationCode');
    if (record.name !== null) throw new Refused('conflict', 'This scanner appliance is already activated.', 'activationCode');
    record.name = `is_${user.login}`;
    record.activatedBy = user.login;
    record.assetGroup = user.role === 'unit-manager' ? assetGroup : null;
    record.activatedAt = this.#now();
    return record;
  }

  /** The status the preview pane shows. */
  statusOf(record: ApplianceRecord): 'Online' | 'Offline' | 'Not yet connected' {
    if (record.lastContactAt === null) return 'Not yet connected';
    return this.#now() - record.lastContactAt <= OFFLINE_AFTER_POLLS * this.#pollIntervalMs ? 'Online' : 'Offline';
  }

  /** "The available capacity will be 100% until you launch a scan." */
  capacityOf(record: ApplianceRecord): number {
    const scans = record.running.filter((j) => j.kind === 'scan').length;
    return Math.max(0, Math.round(100 * (1 - scans / CONCURRENT_SCANS)));
  }

  busy(record: ApplianceRecord): boolean {
    return record.running.some((j) => j.kind === 'scan');
  }

  vlanLimitOf(record: ApplianceRecord): number {
    return vlanLimit(this.edition, record.identity.serialNumber);
  }

  rename(user: User, record: ApplianceRecord, name: string): void {
    this.#mayEdit(user, record);
    const trimmed = name.trim();
    if (!NAME_PATTERN.test(trimmed)) throw new Refused('invalid', 'A name has 1 to 40 letters, digits, dots, hyphens or underscores.', 'name');
    const taken = [...this.#records().values()].some((r) => r !== record && r.name === trimmed);
    if (taken) throw new Refused('conflict', `Another appliance is already named ${trimmed}.`, 'name');
    record.name = trimmed;
  }

  /** The appliance's VLANs and static routes ("Configure VLANs / Static Routes using the Qualys UI"). */
  setVlansAndRoutes(user: User, record: ApplianceRecord, vlans: Vlan[], routes: StaticRoute[]): void {
    this.#mayEdit(user, record);
    if (!this.features.vlanTrunking) throw new Refused('forbidden', 'The VLAN trunking feature is not turned on for your account.');
    const limit = this.vlanLimitOf(record);
    if (vlans.length > limit) throw new Refused('invalid', `This appliance takes up to ${limit} VLANs.`, 'vlans');
    const uiVlan = record.lastReport?.uiVlan ?? 0;
    const seen = new Set<number>();
    for (const [i, v] of vlans.entries()) {
      const where = `VLAN ${i + 1}`;
      if (!Number.isInteger(v.id) || v.id < 1 || v.id > 4094) throw new Refused('invalid', `${where}: the VLAN ID is a number from 1 to 4094.`, 'vlans');
      if (v.id === uiVlan) throw new Refused('conflict', `${where}: VLAN ${v.id} is set on the appliance's own interface and can't be edited here.`, 'vlans');
      if (seen.has(v.id)) throw new Refused('invalid', `${where}: VLAN ${v.id} appears twice.`, 'vlans');
      seen.add(v.id);
      if (!isIpv4(v.address)) throw new Refused('invalid', `${where}: enter the IPv4 address as four numbers from 0 to 255.`, 'vlans');
      if (!isNetmask(v.netmask)) throw new Refused('invalid', `${where}: enter a valid netmask, such as 255.255.255.0.`, 'vlans');
    }
    if (routes.length > this.edition.staticRouteLimit) throw new Refused('invalid', `This appliance takes up to ${this.edition.staticRouteLimit} static routes.`, 'routes');
    for (const [i, r] of routes.entries()) {
      const where = `Route ${i + 1}`;
      if (!isIpv4(r.destination)) throw new Refused('invalid', `${where}: enter the destination as an IPv4 address.`, 'routes');
      if (!isNetmask(r.netmask)) throw new Refused('invalid', `${where}: enter a valid netmask, such as 255.255.255.0.`, 'routes');
      if (!isIpv4(r.gateway)) throw new Refused('invalid', `${where}: enter the gateway as an IPv4 address.`, 'routes');
    }
    record.vlans = vlans.map((v) => ({ ...v }));
    record.staticRoutes = routes.map((r) => ({ ...r }));
    record.configVersion++;
  }

  /** "Enable IPv6 for this scanner": Automatically or Static. */
  setIpv6(user: User, record: ApplianceRecord, ipv6: Ipv6Scanning): void {
    this.#mayEdit(user, record);
    if (!this.features.ipv6Scanning) throw new Refused('forbidden', 'The IPv6 Scanning feature is not turned on for your account.');
    if (ipv6.enabled) {
      const report = record.lastReport;
      // "You must configure an IPv4 address on the LAN interface", "Be sure your Scanner Appliance
      // has successfully connected", "This applies when you're in the default IPv4+v6 mode" (ERRATA-325).
      if (!report || report.lanIpv4 === null || report.mode !== 'ipv4+v6') {
        throw new Refused('invalid', 'IPv6 scanning needs the appliance connected in IPv4+v6 mode with an IPv4 address on its LAN interface.', 'ipv6');
      }
      if (ipv6.mode === 'static') {
        if (!isIpv6(ipv6.address) || ipv6.address.toLowerCase().startsWith('fe80')) throw new Refused('invalid', 'Enter a global IPv6 address, such as 2001:db8::10.', 'ipv6Address');
        if (!Number.isInteger(ipv6.prefixLength) || ipv6.prefixLength < 1 || ipv6.prefixLength > 128) throw new Refused('invalid', 'The prefix length is a number from 1 to 128.', 'ipv6PrefixLength');
        if (ipv6.gateway !== '' && !isIpv6(ipv6.gateway)) throw new Refused('invalid', 'Enter the IPv6 gateway as an IPv6 address.', 'ipv6Gateway');
      }
    }
    record.ipv6 = { ...ipv6 };
    record.configVersion++;
  }

  /** Refuses a user who may not configure syslog forwarding, in the guide's words. */
  mayConfigureSyslog(user: User): void {
    if (!this.canConfigureSyslog(user)) throw new Refused('forbidden', 'You must be a Manager user to enable Syslog Forwarding.');
  }

  setSyslog(user: User, settings: SyslogSettings): void {
    const spec = this.edition.syslogForwarding;
    if (!spec) throw new Refused('not-found', 'Syslog forwarding is not available.');
    this.mayConfigureSyslog(user);
    if (settings.enabled) {
      if (!spec.protocols.includes(settings.protocol)) throw new Refused('invalid', 'Choose TCP or UDP.', 'protocol');
      if (!Number.isInteger(settings.port) || settings.port < 1 || settings.port > 65535) throw new Refused('invalid', 'The port is a number from 1 to 65535.', 'port');
      const server = settings.server.trim();
      if (server === '') throw new Refused('invalid', 'Enter the syslog server: an IPv4 address, an IPv6 address or a DNS hostname.', 'server');
      const looksNumeric = /^[\d.]+$/.test(server);
      if (!(isIpv4(server) || isIpv6(server) || (!looksNumeric && validHostname(server)))) {
        throw new Refused('invalid', `${server} is not an IPv4 address, an IPv6 address or a DNS hostname.`, 'server');
      }
      this.syslog = { ...settings, server };
    } else {
      this.syslog = this.syslog ? { ...this.syslog, enabled: false } : null;
    }
    this.#syslogVersion++;
  }

  #mayEdit(user: User, record: ApplianceRecord): void {
    if (!this.canEdit(user, record)) throw new Refused('forbidden', 'You do not have permission to edit this scanner appliance.');
  }

  // --- Work ----------------------------------------------------------------------------------

  /** Queues work (a scan, a software update) for the appliance's next poll. */
  queue(serialNumber: number, job: { kind: 'scan'; durationMs: number; targets?: string[] } | { kind: 'software-update'; durationMs: number }): Job {
    const record = this.#bySerial(serialNumber);
    if (!record || record.name === null) throw new Error(`appliance ${serialNumber} is not activated`);
    const id = `${job.kind === 'scan' ? 'scan' : 'update'}/${this.#nextJobId++}`;
    const queued: Job = job.kind === 'scan'
      ? { id, kind: 'scan', durationMs: job.durationMs, targets: [...(job.targets ?? [])] }
      : { id, kind: 'software-update', durationMs: job.durationMs, versions: { ...this.latestVersions } };
    record.pending.push(queued);
    return queued;
  }

  /** Scans > Scans: the scans of the appliances the user sees, newest first. */
  scansFor(user: User): ScanView[] {
    const views: Array<ScanView & { n: number }> = [];
    const statusOf: Record<JobEnd['outcome'], ScanStatus> = { finished: 'Finished', cancelled: 'Canceled', 'timed-out': 'Timed out', interrupted: 'Interrupted' };
    for (const appliance of this.appliancesFor(user)) {
      const add = (job: Job, status: ScanStatus, canceledBy: string | null = null) => {
        if (job.kind === 'scan') views.push({ id: job.id, appliance, targets: [...job.targets], status, canceledBy, n: Number(job.id.split('/')[1]) });
      };
      for (const job of appliance.pending) add(job, 'Queued');
      for (const job of appliance.running) add(job, 'Running');
      for (const { job, result } of appliance.results) add(job, statusOf[result.outcome], 'by' in result ? result.by ?? null : null);
    }
    return views.sort((a, b) => b.n - a.n).map(({ n: _n, ...view }) => view);
  }

  #scanOf(user: User, id: string): ScanView {
    const scan = this.scansFor(user).find((s) => s.id === id);
    if (!scan) throw new Refused('not-found', 'There is no such scan in your list.');
    this.#mayEdit(user, scan.appliance);
    return scan;
  }

  /**
   * "Use the Qualys user interface to cancel any running scans": a queued scan is taken back; a
   * running one is over for the platform at once and stopped at the appliance's next contact.
   */
  cancelScan(user: User, id: string): void {
    const { appliance: record, status } = this.#scanOf(user, id);
    if (status !== 'Queued' && status !== 'Running') throw new Refused('conflict', `Scan ${id} is not running; only a queued or running scan can be canceled.`);
    const from = status === 'Queued' ? record.pending : record.running;
    const job = from.splice(from.findIndex((j) => j.id === id), 1)[0]!;
    if (status === 'Running') record.cancelRequests.push(id);
    record.results.push({ job, result: { outcome: 'cancelled', probes: [], by: user.login } });
  }

  /** "... and restart them": the same targets, a new scan for the appliance's next poll. */
  relaunchScan(user: User, id: string): Job {
    const { appliance: record, status } = this.#scanOf(user, id);
    if (status === 'Queued' || status === 'Running') throw new Refused('conflict', `Scan ${id} has not ended; cancel it before relaunching it.`);
    const { job } = record.results.find((r) => r.job.id === id)!;
    if (job.kind !== 'scan') throw new Refused('not-found', 'There is no such scan in your list.');
    return this.queue(record.identity.serialNumber, { kind: 'scan', durationMs: job.durationMs, targets: job.targets });
  }

  // --- The appliance's side (called by the API handlers) ---------------------------------------

  /**
   * What the appliance's configuration version is: its own settings' changes plus the
   * subscription's (both only grow). 0 is nothing configured, which a unit fresh from a boot
   * already has: it picks up nothing.
   */
  #configVersion(record: ApplianceRecord): number {
    return record.configVersion + this.#syslogVersion;
  }

  /** A poll: the appliance's health report in, its standing out. */
  poll(report: HealthReport):
    | { kind: 'unknown-scanner' }
    | { kind: 'not-activated' }
    | { kind: 'activated'; name: string; indicator: string; configVersion: number; jobsPending: number; cancel: string[] } {
    const record = this.#bySerial(report.serialNumber);
    if (!record || record.identity.activationCode !== report.activationCode) return { kind: 'unknown-scanner' };
    record.lastReport = { ...report, softwareVersions: { ...report.softwareVersions } };
    if (record.name === null) return { kind: 'not-activated' };
    record.lastContactAt = this.#now();
    // A job the appliance no longer runs, with no result on its way (it restarted), is over.
    const over = record.running.filter((j) => (j.kind === 'scan' ? !report.scanning : !report.updating));
    record.running = record.running.filter((j) => !over.includes(j));
    for (const job of over) record.results.push({ job, result: { outcome: 'interrupted', probes: [] } });
    const cancel = record.cancelRequests.splice(0);
    return { kind: 'activated', name: record.name, indicator: this.pod.indicator, configVersion: this.#configVersion(record), jobsPending: record.pending.length, cancel };
  }

  config(serialNumber: number): ApplianceConfig | null {
    const record = this.#bySerial(serialNumber);
    if (!record || record.name === null) return null;
    return {
      version: this.#configVersion(record),
      vlans: this.features.vlanTrunking ? record.vlans.map((v) => ({ ...v })) : [],
      staticRoutes: this.features.vlanTrunking ? record.staticRoutes.map((r) => ({ ...r })) : [],
      ipv6: this.features.ipv6Scanning ? { ...record.ipv6 } : { enabled: false },
      syslog: this.syslog && this.syslog.enabled ? { ...this.syslog } : null,
    };
  }

  /** The appliance takes its pending jobs. */
  claim(serialNumber: number): Job[] | null {
    const record = this.#bySerial(serialNumber);
    if (!record || record.name === null) return null;
    const jobs = record.pending.splice(0);
    record.running.push(...jobs);
    return jobs.map((j) => structuredClone(j));
  }

  /**
   * A job's end: a scan's results uploaded, an update installed. A result for a job the platform
   * already counts as over is taken too: a late one (after the poll that found the job gone)
   * tells how it ended; one for a job a user cancelled changes nothing. False: no such job.
   */
  finish(serialNumber: number, jobId: string, result: JobResult): boolean {
    const record = this.#bySerial(serialNumber);
    if (!record) return false;
    const job = record.running.find((j) => j.id === jobId);
    if (job) {
      record.running = record.running.filter((j) => j !== job);
      record.results.push({ job, result });
      return true;
    }
    const ended = record.results.find((r) => r.job.id === jobId);
    if (!ended) return false;
    if (ended.result.outcome === 'interrupted') ended.result = result;
    return true;
  }
}
