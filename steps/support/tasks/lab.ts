// The lab around the appliance, as a person running it acts on it: the platform's answers and
// what its portal does on the lab's behalf (activating a unit, launching a scan, a feature
// turned on by Qualys Support), the appliances of the subscription, faults put into the unit,
// and hosts on the network trying to reach it. Each task takes the lab protocol it needs (the
// platform, the network, the fleet, the stock of units, faults): not applicable where the
// target's lab has none.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Actor } from '../actor.ts';
import type { PlatformFailure, PlatformRequest, Port, Probe } from '../protocols.ts';
import { NotApplicable } from '../errors.ts';
import { Task } from './task.ts';

// --- What the lab shows ---------------------------------------------------------------------------

/** The Qualys Cloud Platform indicator the appliance shows when it reaches the lab's platform. */
export async function platformIndicator(actor: Actor): Promise<string> {
  return (await actor.need('platform').platform()).indicator;
}

/** The scan packets the lab's switch ports have seen, in order. */
export function scanTraffic(actor: Actor): Promise<Probe[]> {
  return actor.need('network').scanTraffic();
}

/** How many units the platform knows, and how many of them hold `activationCode`. */
export function activationCodeHolders(actor: Actor, activationCode: string): Promise<{ units: number; holders: number }> {
  return actor.need('platform').activationCodeHolders(activationCode);
}

/** The hosts and ports the appliance has contacted on the platform. */
export function platformRequests(actor: Actor): Promise<PlatformRequest[]> {
  return actor.need('platform').platformRequests();
}

/**
 * The appliance's contacts with the platform, waiting for the first where there is none yet: a
 * unit that has run a while (one that lives through the run) contacts it when it next polls (the
 * twin's reading: every 3 minutes, ERRATA-263), so
 * up to one polling interval and the 30 s an attempt may take.
 */
export const ContactsWithPlatform = () => Task.where('wait for the appliance to contact the platform', async (actor) => {
  const bound = actor.guide.hardware.timing.pollIntervalMs + 30_000;
  for (let waited = 0; ; waited += 15_000) {
    const requests = await platformRequests(actor);
    if (requests.length > 0 || waited >= bound) return requests;
    await actor.target.time.wait(15_000);
  }
});

// --- The platform and its portal ------------------------------------------------------------------

/** "Select New > Scanner Appliance and enter the activation code", done in the lab's portal on the user's behalf. */
export const ActivateInPortal = (code: string, username: string) =>
  Task.where(`activate the appliance in the portal with code ${code} as ${username}`, (actor) => actor.need('platform').activate(code, username));

/** What the platform says of a unit it refuses, by the name of its failure. */
export const platformSays = {
  'unknown-scanner': 'does not know the scanner',
  'scanner-disabled': 'has disabled the scanner',
  'account-expired': 'says the account has expired',
} as const;

function answerOf(failure: PlatformFailure): string {
  switch (failure.name) {
    case 'normal': return 'answers normally';
    case 'http-error': return `answers HTTP ${failure.status}`;
    case 'slow': return `answers after ${failure.ms / 1000} s`;
    default: return platformSays[failure.name];
  }
}

/** The platform's answers to the appliance from now on: normal, or one of the API's named failures. */
export const PlatformAnswers = (failure: PlatformFailure) =>
  Task.where(`lab: the platform ${answerOf(failure)}`, (actor) => actor.need('platform').failPlatform(failure));

const features = { 'vlan-trunking': 'VLAN trunking', 'ipv6-scanning': 'IPv6 Scanning' } as const;

/** A feature of the account that only Qualys Support turns on or off. */
export const SetSubscriptionFeature = (feature: keyof typeof features, on: boolean) =>
  Task.where(`lab: Qualys Support turns the ${features[feature]} feature ${on ? 'on' : 'off'}`, (actor) => actor.need('platform').setSubscriptionFeature(feature, on));

/** The account on a Private Cloud Platform whose on-site SOC's name resolves, on the lab's DNS, to `address`. */
export const UsePrivateCloudPlatform = (pod: string, address: string) =>
  Task.where(`lab: the account is on the Private Cloud Platform ${pod}`, async (actor) => {
    // A unit is activated on one platform: one that lives through the run activated is on the lab's POD.
    if (actor.unitActivated) {
      throw new NotApplicable(`the scenario needs a unit activated on the Private Cloud Platform ${pod}; the target's one unit is activated on the lab's POD already (its statement: unit.activated)`);
    }
    const platform = actor.need('platform');
    const network = actor.need('network');
    await platform.usePod(pod);
    // The on-site SOC's name resolves on the lab's DNS to where the platform answers.
    const { url } = await platform.platform();
    const spec = await network.network();
    spec.dns[new URL(url).hostname] = [address];
    spec.platform.ipv4 = address;
    await network.setNetwork(spec);
  });

/** A job launched from the portal on the appliance (it starts at the appliance's next poll). */
export const LaunchJob = (job: 'scan' | 'software-update', minutes: number) =>
  Task.where(`launch a ${job === 'scan' ? 'scan' : 'software update'} of ${minutes} minutes in the portal`, (actor) => actor.need('platform').launch(job, minutes * 60_000));

/** A scan of `targets` launched from the portal, on the appliance or on another of the subscription's by its serial number. */
export const LaunchScanOf = (targets: readonly string[], minutes: number, serialNumber?: number) =>
  Task.where(
    `launch a scan of ${targets.join(', ')} (${minutes} minute${minutes === 1 ? '' : 's'}) on ${serialNumber === undefined ? 'the appliance' : `appliance ${serialNumber}`} in the portal`,
    (actor) => actor.need('platform').launch('scan', minutes * 60_000, { targets: [...targets], ...(serialNumber === undefined ? {} : { serialNumber }) }),
  );

/** Waits (appliance time, at most `ms`) until the lab's switch has seen `count` scan packets in all; whether it did. */
export const WaitForScanStart = (count: number, ms: number) =>
  Task.where('wait for the appliance to start the scan at its next poll', async (actor) => {
    const network = actor.need('network');
    return actor.target.time.waitUntil(async () => (await network.scanTraffic()).length >= count, ms);
  });

// --- The appliances ---------------------------------------------------------------------------------

/** A lab with a stock of units makes the one with this serial number the unit under test; elsewhere not applicable. */
export const UseUnit = (serialNumber: number) =>
  Task.where(`lab: the unit under test is the one with serial number ${serialNumber}, from the lab's stock`, (actor) => actor.need('stock').useUnit(serialNumber));

/** Another appliance joins the subscription, switched on and activated by `activatedBy`; hands back its serial number. */
export const AddAppliance = (type: 'physical' | 'virtual', activatedBy: string) =>
  Task.where(`lab: another ${type} appliance joins the subscription, switched on and activated by ${activatedBy}`, async (actor) =>
    (await actor.need('fleet').addAppliance({ type, activatedBy })).serialNumber);

/** A fault of the unit's storage at its next boot. */
export const InjectStorageFault = (fault: 'fsck' | 'mount') =>
  Task.where(`lab: the filesystem ${fault === 'fsck' ? 'check' : 'mount'} will fail`, (actor) => actor.need('faults').injectStorageFault(fault));

// --- Hosts of the network trying to reach the appliance ---------------------------------------------

export interface InboundAttempt { protocol: 'tcp' | 'udp'; number: number }

/** The appliance's own exchanges, not incoming connections: the DHCP and DHCPv6 client ports. */
const clientPorts: readonly InboundAttempt[] = [{ protocol: 'udp', number: 68 }, { protocol: 'udp', number: 546 }];

/** What a refused attempt was instead, or null when it was refused. */
async function tryInbound(actor: Actor, port: Port, attempt: InboundAttempt): Promise<string | null> {
  const outcome = await actor.need('network').connectInbound({ port, ...attempt });
  if (outcome === 'refused') return null;
  const what = `${attempt.protocol}/${attempt.number} on the ${port}`;
  return outcome === 'accepted'
    ? `${what}: accepted (the appliance allows an incoming connection)`
    : `${what}: no answer (the appliance has no address on the ${port} here, so nothing was tried)`;
}

/** A host on the `port` side tries each of `attempts` (listed as `list`); hands back the ones not refused. */
export const ConnectInbound = (port: Port, attempts: readonly InboundAttempt[], list: string) =>
  Task.where(`lab: a host on the ${port} connects to the appliance's address on ${list}`, async (actor) => {
    const out: string[] = [];
    for (const attempt of attempts) {
      const failure = await tryInbound(actor, port, attempt);
      if (failure) out.push(failure);
    }
    return out;
  });

/** Any port, TCP or UDP, drawn anew each run (not the appliance's own client ports); a failure shrinks to one port and prints the seed. */
export const ConnectInboundOnGeneratedPorts = (port: Port, runs: number) =>
  Task.where(`lab: a host on the ${port} connects to ${runs} ports of the appliance drawn at random`, (actor) => {
    const attempt = fc.record({ protocol: fc.constantFrom<'tcp' | 'udp'>('tcp', 'udp'), number: fc.integer({ min: 1, max: 65535 }) })
      .filter((a) => !clientPorts.some((c) => c.protocol === a.protocol && c.number === a.number));
    return fc.assert(fc.asyncProperty(attempt, async (a) => {
      const failure = await tryInbound(actor, port, a);
      assert.equal(failure, null, failure ?? '');
    }), { numRuns: runs });
  });
