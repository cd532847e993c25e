// The Qualys Cloud Platform as the appliance meets it: a POD that knows the units shipped (their
// activation codes) and which of them a user has activated. The portal and the HTTP API build on
// this model.
import type { Identity } from '../appliance/identity.ts';

export interface Pod {
  id: string;
  /** The platform URL the appliance contacts. */
  url: string;
  /** "The Qualys Cloud Platform indicator for your account appears in the lower right corner." */
  indicator: string;
}

export const defaultPod: Pod = { id: 'US1', url: 'https://qualysguard.us1.qualys.test', indicator: 'US1' };

/** Work the platform hands an appliance when it polls. */
export type Job = { kind: 'scan'; durationMs: number } | { kind: 'software-update'; durationMs: number };

export type HelloResult =
  | { kind: 'activated'; name: string; indicator: string; jobs: Job[] }
  | { kind: 'not-activated' }
  /** "This scan_id does not exist", "This Scanner is disabled", "Account expired". */
  | { kind: 'refused'; reason: 'unknown-scanner' | 'scanner-disabled' | 'account-expired' }
  /** "Unexpected QG HTTP/401", "Unexpected QG HTTP/500". */
  | { kind: 'http-error'; status: number };

/** How the appliance's cloud agent talks to the platform. */
export interface PlatformClient {
  /** The platform URL of the appliance's POD. */
  readonly url: string;
  hello(serialNumber: number): Promise<HelloResult>;
}

/** What the platform answers instead of the normal exchange (a lab's failure injection). */
export type PlatformAnswer = 'normal' | 'unknown-scanner' | 'scanner-disabled' | 'account-expired' | { status: number };

interface ApplianceRecord {
  identity: Identity;
  /** The appliance's name: "is_username" by default; "can be changed using the Qualys user interface". */
  name: string | null;
  /** Jobs waiting for the appliance's next poll. */
  pending: Job[];
}

export class Platform implements PlatformClient {
  readonly pod: Pod;
  readonly #units = new Map<number, ApplianceRecord>();

  #answer: PlatformAnswer = 'normal';

  constructor(pod: Pod = defaultPod) {
    this.pod = pod;
  }

  get url(): string {
    return this.pod.url;
  }

  /** Makes the platform answer the appliance abnormally from now on (or normally again). */
  answer(answer: PlatformAnswer): void {
    this.#answer = answer;
  }

  /** Makes a shipped unit known to the platform (its activation code is on record). */
  ship(identity: Identity): void {
    if (!this.#units.has(identity.serialNumber)) this.#units.set(identity.serialNumber, { identity, name: null, pending: [] });
  }

  /** New > Scanner Appliance with the activation code, by a user. */
  activate(activationCode: string, username: string): { ok: true; serialNumber: number } | { ok: false; reason: string } {
    for (const record of this.#units.values()) {
      if (record.identity.activationCode === activationCode) {
        if (record.name !== null) return { ok: false, reason: 'already activated' };
        record.name = `is_${username}`;
        return { ok: true, serialNumber: record.identity.serialNumber };
      }
    }
    return { ok: false, reason: 'unknown activation code' };
  }

  /** How many shipped units the platform knows, and how many carry this activation code. */
  activationCodeHolders(activationCode: string): { units: number; holders: number } {
    let holders = 0;
    for (const record of this.#units.values()) if (record.identity.activationCode === activationCode) holders++;
    return { units: this.#units.size, holders };
  }

  isActivated(serialNumber: number): boolean {
    return (this.#units.get(serialNumber)?.name ?? null) !== null;
  }

  /** Queues work (a scan, a software update) for the appliance's next poll. */
  queue(serialNumber: number, job: Job): void {
    const record = this.#units.get(serialNumber);
    if (!record || record.name === null) throw new Error(`appliance ${serialNumber} is not activated`);
    record.pending.push(job);
  }

  async hello(serialNumber: number): Promise<HelloResult> {
    const answer = this.#answer;
    if (typeof answer === 'object') return { kind: 'http-error', status: answer.status };
    if (answer !== 'normal') return { kind: 'refused', reason: answer };
    const record = this.#units.get(serialNumber);
    if (!record) return { kind: 'refused', reason: 'unknown-scanner' };
    if (record.name === null) return { kind: 'not-activated' };
    const jobs = record.pending.splice(0);
    return { kind: 'activated', name: record.name, indicator: this.pod.indicator, jobs };
  }
}
