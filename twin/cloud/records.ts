// The platform's state model as data: the records it keeps of appliances, users, jobs and scans,
// and the refusal it answers with. The rules that read and change them are the platform's
// (platform.ts); the portal renders them. An appliance is known only by what crosses the wire
// (api.ts): its credentials, its health reports, its uploaded results.
import type { Role } from '../../fixtures/platform.ts';
import type { Credentials, JobResult, PollRequest } from './api.ts';

/** Work the platform hands an appliance when it polls. */
export type Job =
  | { id: string; kind: 'scan'; durationMs: number; targets: string[] }
  | { id: string; kind: 'software-update'; durationMs: number; versions: Record<string, string> };

export interface Vlan { id: number; address: string; netmask: string; name: string }
export interface StaticRoute { name: string; destination: string; netmask: string; gateway: string }
export type Ipv6Scanning =
  | { enabled: false }
  | { enabled: true; mode: 'auto' }
  | { enabled: true; mode: 'static'; address: string; prefixLength: number; gateway: string };
export interface SyslogSettings { enabled: boolean; protocol: 'TCP' | 'UDP'; port: number; server: string }

/** What an appliance picks up from the platform: "saved with your account information". */
export interface ApplianceConfig {
  version: number;
  vlans: Vlan[];
  staticRoutes: StaticRoute[];
  ipv6: Ipv6Scanning;
  syslog: SyslogSettings | null;
}

/** What an appliance reports of itself with each poll: who it is, and its health. */
export type HealthReport = Credentials & PollRequest['health'];

/**
 * How a job ended, as the platform knows it: the appliance's result, a user's cancel in Scans >
 * Scans, or the appliance's word at a poll that it no longer runs the job with no result on its
 * way (it restarted: "interrupted"), which a result arriving later replaces (ERRATA-326).
 */
export type JobEnd = JobResult & { by?: string } | { outcome: 'interrupted'; probes: [] };

/** A scan as Scans > Scans lists it. */
export type ScanStatus = 'Queued' | 'Running' | 'Finished' | 'Canceled' | 'Timed out' | 'Interrupted';
export interface ScanView { id: string; appliance: ApplianceRecord; targets: string[]; status: ScanStatus; canceledBy: string | null }

export interface ApplianceRecord {
  id: number;
  /** All the platform knows of the unit itself: what it identifies itself with on the wire. */
  identity: Credentials;
  type: 'physical' | 'virtual';
  model: string;
  /** null until activated; "is_username" by default; "can be changed using the Qualys user interface". */
  name: string | null;
  activatedBy: string | null;
  assetGroup: string | null;
  activatedAt: number | null;
  lastContactAt: number | null;
  lastReport: HealthReport | null;
  vlans: Vlan[];
  staticRoutes: StaticRoute[];
  ipv6: Ipv6Scanning;
  configVersion: number;
  pending: Job[];
  running: Job[];
  results: Array<{ job: Job; result: JobEnd }>;
  /** Running jobs a user cancelled, to be stopped at the appliance's next contact. */
  cancelRequests: string[];
}

export interface User {
  login: string;
  role: Role;
  businessUnit: string | null;
  acceptedLicence: boolean;
}

/** A refusal the portal shows and the API answers, in the user's words. */
export class Refused extends Error {
  override name = 'Refused';
  readonly kind: 'forbidden' | 'invalid' | 'not-found' | 'conflict';
  /** The form field the message is about, if any. */
  readonly field: string | null;

  constructor(kind: Refused['kind'], message: string, field: string | null = null) {
    super(message);
    this.kind = kind;
    this.field = field;
  }
}

