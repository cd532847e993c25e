// The protocols a target offers. Steps and tasks reach the appliance only through these, so the
// same features run against the in-process twin, the twin behind a serial port, or real hardware.
import type { NetworkSpec } from '../../fixtures/networks.ts';
import type { Key } from '../../fixtures/profiles.ts';
import type { TargetStatement } from '../../fixtures/targets.ts';
import type { LineSettings, PlatformFailure, Probe } from '../../fixtures/wire.ts';

// Defined in fixtures/ because the twin speaks them too; steps take them from here with the rest.
export type { Key, LineSettings, PlatformFailure, Probe };
export type Port = 'LAN' | 'WAN';
export type LedName = 'power' | 'S1' | 'S2' | 'S3';

/** What the screen reads at one instant. */
export interface ScreenSnapshot {
  /** The two lines' text, without the indicator glyphs; trailing spaces removed. */
  lines: [string, string];
  /** The navigation indicators in the top right corner. */
  indicators: Key[];
  /** Where the cursor is, if one is shown. */
  cursor: { row: number; col: number } | null;
  /** Appliance time of this screen, in milliseconds. */
  at: number;
}

export interface Keypad {
  press(key: Key): Promise<void>;
  /** LEFT and RIGHT pressed at the same time. */
  chordLeftRight(): Promise<void>;
  /** Holds a key down for `ms` of appliance time. */
  hold(key: Key, ms: number): Promise<void>;
}

export interface Screen {
  read(): Promise<ScreenSnapshot>;
  /**
   * Waits event by event until `accept` holds for the screen, for at most `timeoutMs` of
   * appliance time; returns the accepted screen or null.
   */
  waitFor(accept: (screen: ScreenSnapshot) => boolean, timeoutMs: number): Promise<ScreenSnapshot | null>;
  /** How many distinct screens have been shown since the target started (a mark for `since`). */
  count(): number;
  /** The distinct screens shown since `mark`, oldest first (the last few thousand are kept). */
  since(mark: number): ScreenSnapshot[];
}

/** The remote console's keyboard: characters typed into the field on screen. */
export interface Console {
  type(text: string): Promise<void>;
}


/** A terminal cabled to the appliance's console port (a USB port, through the USB-to-RS232 cable). */
export interface Terminal {
  /** Sends bytes as they are, all at once (a pasted or uploaded keystroke file). */
  send(text: string): Promise<void>;
  /** Sends one key or character and waits for the console's answer (as a person types). */
  type(text: string): Promise<void>;
  /** The terminal's 80x24 rows as they read now. */
  rows(): Promise<string[]>;
  /** The LCD screen the remote console draws on the terminal, or null when it draws none. */
  screen(): Promise<ScreenSnapshot | null>;
  /** Bytes received from the console so far. */
  received(): number;
  /** Sets the terminal up with other line settings. */
  configure(settings: LineSettings): Promise<void>;
  unplug(): Promise<void>;
}

/** Cabling terminals to the console port, with chosen line settings (a lab capability). */
export interface ConsolePort {
  connect(settings: LineSettings): Promise<Terminal>;
}

export interface Power {
  pressButton(): Promise<void>;
  plugAc(): Promise<void>;
  unplugAc(): Promise<void>;
  acPlugged(): Promise<boolean>;
}

export interface Leds {
  read(): Promise<Record<LedName, boolean>>;
}

export interface Ports {
  plug(port: Port): Promise<void>;
  unplug(port: Port): Promise<void>;
}

/** The label on the bottom of the appliance and the physical make-up a person can see. */
export interface Label {
  read(): Promise<{ model: string; serialNumber: number; ethernetPorts: Port[]; usbPorts: string[] }>;
}

/** Appliance time: virtual for the twin, wall-clock for hardware. */
export interface ApplianceTime {
  now(): number;
  wait(ms: number): Promise<void>;
  /** Waits, event by event, until `check` holds, for at most `timeoutMs`; returns whether it did. */
  waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean>;
}


/** Where a browser finds the platform's web portal, and which server key it is to trust. */
export interface PortalAccess {
  /** The portal's origin as the browser reaches it (the platform twin serves on loopback). */
  url: string;
  /** base64 SHA-256 of the server's public key (SubjectPublicKeyInfo), pinned in the browser. */
  spkiSha256: string;
}


/** A request the platform's API received: the host name the appliance contacted, on which port. */
export interface PlatformRequest { method: string; host: string; port: string; path: string }

/** A service the lab stands in for with a real socket (a syslog server: UDP or TCP 514). */
export interface LabService { address: string; protocol: 'udp' | 'tcp'; port: number }

/** The environment the lab provides around the appliance. */
export interface Lab {
  /** New > Scanner Appliance in the portal, with an activation code, by a user. */
  activate(activationCode: string, username: string): Promise<void>;
  /** The platform (POD) the appliance's account is on. */
  platform(): Promise<{ url: string; indicator: string }>;
  /** How many appliances the platform has on record, and how many of them carry `activationCode`. */
  activationCodeHolders(activationCode: string): Promise<{ units: number; holders: number }>;
  /**
   * Launches a scan of `targets` (or pushes a software update) on an activated appliance (the
   * unit under test unless another serial number is given); it starts at its next poll.
   */
  launch(job: 'scan' | 'software-update', durationMs: number, options?: { targets?: string[]; serialNumber?: number }): Promise<void>;
  /** The lab's network as data (a copy): change it and hand it back with `setNetwork`. */
  network(): Promise<NetworkSpec>;
  setNetwork(spec: NetworkSpec): Promise<void>;
  /** How the platform's API answers the appliance from now on. */
  failPlatform(failure: PlatformFailure): Promise<void>;
  /** A storage fault the appliance meets at its next boot (EFS filesystem check or mount). */
  injectStorageFault(fault: 'fsck' | 'mount' | null): Promise<void>;
  /** The platform's web portal, served for the browser. */
  portal(): Promise<PortalAccess>;
  /**
   * Puts another unit on the bench, with this serial number, before the scenario has used the
   * appliance (only a lab with a stock of units can: absent elsewhere).
   */
  useUnit?(serialNumber: number): Promise<void>;
  /** Puts the subscription on another POD of the lab's account (a Private Cloud Platform), before activation. */
  usePod(pod: string): Promise<void>;
  /** Turns one of the subscription's features on or off (Qualys Support does this for an account). */
  setSubscriptionFeature(feature: 'vlan-trunking' | 'ipv6-scanning', on: boolean): Promise<void>;
  /** Scan packets the appliances sent so far. */
  scanTraffic(): Promise<Probe[]>;
  /** Requests the platform's API received so far. */
  platformRequests(): Promise<PlatformRequest[]>;
  /** Makes a real socket (`endpoint`, on the suite's machine) stand in for a service on the lab network. */
  attachService(service: LabService, endpoint: { host: string; port: number }): Promise<void>;
  /**
   * Another appliance joins the subscription (switched on, on the lab network), activated by a
   * user if given: the serial number and activation code it has.
   */
  addAppliance(options: { type: 'physical' | 'virtual'; activatedBy?: string }): Promise<{ serialNumber: number; activationCode: string }>;
  /**
   * A host on the lab network tries to connect to the appliance's address on its LAN or WAN port
   * (TCP, or a UDP datagram): accepted, refused (nothing listens), or no answer (no address there).
   */
  connectInbound(to: { port: Port; protocol: 'tcp' | 'udp'; number: number }): Promise<'accepted' | 'refused' | 'no-answer'>;
}

/** What a target can do (its capability statement); scenarios declare needs with @needs-<name>. */
export type Capability = 'keypad' | 'screen' | 'console' | 'console-port' | 'power' | 'leds' | 'ports' | 'label' | 'lab' | 'lcd' | 'virtual-time' | 'power-cut' | 'portal' | 'fleet';

export interface Target {
  readonly name: string;
  readonly generation: string;
  readonly capabilities: ReadonlySet<Capability>;
  readonly keypad: Keypad;
  readonly screen: Screen;
  readonly time: ApplianceTime;
  readonly console?: Console;
  readonly consolePort?: ConsolePort;
  readonly power?: Power;
  readonly leds?: Leds;
  readonly ports?: Ports;
  readonly label?: Label;
  readonly lab?: Lab;
  /** How text goes into fields where a scenario is not about the arrows (the statement's choice; arrows by default). */
  readonly entry?: 'arrows' | 'typing';
  /** Evidence of the scenario beyond its screens (a serial line's raw bytes), for the report. */
  evidence?(): Array<{ fileName: string; mediaType: string; body: string }>;
  /** Ends the target's use by one scenario (a fresh twin, or the same hardware, next time). */
  stop(): Promise<void>;
}

/**
 * What the suite knows of a unit that lives through the run, from having driven it: whether its
 * network settings are the factory default (it started so, or the suite saw them reset, and saw
 * no change stored since).
 */
export interface UnitNotes {
  factory: boolean;
}

/** A kind of target opened once per run; hands out a target per scenario. */
export interface TargetSession {
  readonly name: string;
  readonly generation: string;
  readonly capabilities: ReadonlySet<Capability>;
  /** The capability statement the run goes by (the target's own, or one given with --statement). */
  readonly statement: TargetStatement;
  /**
   * Why the one unit of the run could not be recovered, once the strategy gave up on it: later
   * scenarios are inconclusive with this reason (null while it is fine).
   */
  broken: string | null;
  /** One unit for the whole run: what the suite knows of it (null where each scenario gets a fresh unit). */
  readonly unit: UnitNotes | null;
  forScenario(): Promise<Target>;
  close(): Promise<void>;
}
