// The protocols a target offers. Steps and tasks reach the appliance only through these, so the
// same features run against the in-process twin, the twin behind a serial port, or real hardware.
import type { ledsTable, powerTable } from '../../fixtures/bench-protocols.ts';
import type { Protocol } from '../../fixtures/method-tables.ts';
import type { Key, NetworkMode } from '../../fixtures/profiles.ts';
import type { TargetStatement, capabilityNames } from '../../fixtures/targets.ts';
import type { Faults, Fleet, Network, Platform, Ports, Stock } from '../../fixtures/lab-protocols.ts';
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

/** The power button and AC cord, and the lights: described once as tables (fixtures/bench-protocols.ts). */
export type Power = Protocol<typeof powerTable.methods>;
export type Leds = Protocol<typeof ledsTable.methods>;

/** The label on the bottom of the appliance and the physical make-up a person can see. */
/**
 * The appliance's identity as it showed it: the MAC address its remote console shows ("You will
 * notice the MAC address for the Scanner Appliance appears"), the model and serial number from
 * its label where the target can read one (the guide: "on a sticker on the bottom"). null: not
 * shown through any interface the target has. `how` says where each came from.
 */
export interface ShownIdentity {
  mac: string | null;
  model: string | null;
  serialNumber: string | null;
  how: string;
}

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


/**
 * The protocols a lab can provide around the appliance (the network, the platform and its
 * portal, the fleet, a stock of units, faults, the ports' cables), each described once as a
 * table of methods in fixtures/lab-protocols.ts, where their documentation is.
 */
export type { Faults, Fleet, LabProtocolName, LabService, Network, Platform, PlatformRequest, PortalAccess, Ports, Stock } from '../../fixtures/lab-protocols.ts';

/** What a target can do (its capability statement); scenarios declare needs with @needs-<name>. */
export type Capability = (typeof capabilityNames)[number];

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
  readonly network?: Network;
  readonly platform?: Platform;
  readonly fleet?: Fleet;
  readonly stock?: Stock;
  readonly faults?: Faults;
  /** How text goes into fields where a scenario is not about the arrows (the statement's choice; arrows by default). */
  readonly entry?: 'arrows' | 'typing';
  /** Evidence of the scenario beyond its screens (a serial line's raw bytes), for the report. */
  evidence?(): Array<{ fileName: string; mediaType: string; body: string }>;
  /** The appliance's identity as it shows it, for a certification bundle. */
  identity?(): Promise<ShownIdentity>;
  /** Ends the target's use by one scenario (a fresh twin, or the same hardware, next time). */
  stop(): Promise<void>;
}

/**
 * What the suite knows of a unit that lives through the run, from having driven it: whether its
 * network settings are the factory default (it started so, or the suite saw them reset, and saw
 * no change stored since).
 */
export interface UnitNotes {
  /** The unit has the factory network settings of `mode` (a reset was the last change stored). */
  factory: boolean;
  /** The unit's network mode, as last seen or set (null: not known yet). */
  mode: NetworkMode | null;
  /** The lab's network (as data) when a scenario last brought the unit up: a scenario whose lab differs at its start restarts it. */
  network?: string;
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
