// The in-process twin target: a fresh appliance twin, network and platform per scenario, on a
// virtual clock. The only suite code allowed to import twin/ (the lint rule enforces it).
import type { Key } from '../../../../fixtures/profiles.ts';
import { Appliance } from '../../../../twin/appliance/appliance.ts';
import { identityOf } from '../../../../twin/appliance/identity.ts';
import { loadFirmware } from '../../../../twin/appliance/firmware.ts';
import type { LcdScreen } from '../../../../twin/appliance/lcd.ts';
import { VirtualClock } from '../../../../twin/clock.ts';
import { Platform } from '../../../../twin/cloud/platform.ts';
import { loadNetwork } from '../../../../fixtures/networks.ts';
import type { Capability, Lab, ScreenSnapshot, Target, TargetSession } from '../../protocols.ts';

export interface TwinTargetOptions {
  generation: string;
  /** From the target's capability statement (fixtures/targets/twin.yaml). */
  capabilities: ReadonlySet<Capability>;
  serialNumber?: number;
}

export function openTwinSession(options: TwinTargetOptions): TargetSession {
  // Load (and check) the profiles once per run, so a bad profile fails before any scenario.
  loadFirmware(options.generation);
  return {
    name: 'twin',
    generation: options.generation,
    capabilities: options.capabilities,
    forScenario: async () => createTwinTarget(options),
    close: async () => {},
  };
}

const HISTORY_LIMIT = 4000;
/** Other units the twin's platform has on record. */
const FLEET = 200;
/** The lab network a scenario starts with (fixtures/networks/office.yaml). */
const DEFAULT_NETWORK = 'office';

function sameScreen(a: LcdScreen, b: ScreenSnapshot | undefined): boolean {
  return b !== undefined && a.lines[0] === b.lines[0] && a.lines[1] === b.lines[1]
    && a.indicators.join() === b.indicators.join() && a.cursor?.row === b.cursor?.row && a.cursor?.col === b.cursor?.col;
}

/** A twin appliance, plugged into AC and switched off, with its network and platform. */
export function createTwinTarget(options: TwinTargetOptions): TwinTarget {
  return new TwinTarget(options);
}

export class TwinTarget implements Target {
  readonly name = 'twin';
  readonly generation: string;
  readonly capabilities: ReadonlySet<Capability>;
  readonly clock = new VirtualClock();
  readonly platform = new Platform();
  readonly appliance: Appliance;
  /** Recent distinct screens; `#dropped` older ones were let go, so long fuzzing runs stay small. */
  readonly #history: ScreenSnapshot[] = [];
  #dropped = 0;

  constructor(options: TwinTargetOptions) {
    this.generation = options.generation;
    this.capabilities = options.capabilities;
    const generation = loadFirmware(options.generation);
    const serial = options.serialNumber;
    const network = loadNetwork(DEFAULT_NETWORK);
    this.appliance = new Appliance({ generation, clock: this.clock, network, platform: this.platform, ...(serial === undefined ? {} : { serialNumber: serial }) });
    this.platform.ship(this.appliance.identity);
    // The platform knows every unit shipped, not just this one: a fleet around it.
    for (let i = 1; i <= FLEET; i++) this.platform.ship(identityOf(this.appliance.identity.serialNumber + i));
    this.#record();
    this.appliance.subscribe(() => this.#record());
  }

  #snapshot(): ScreenSnapshot {
    const s = this.appliance.screen();
    return { lines: s.lines, indicators: s.indicators, cursor: s.cursor, at: this.clock.now() };
  }

  #record(): void {
    const screen = this.appliance.screen();
    if (sameScreen(screen, this.#history[this.#history.length - 1])) return;
    this.#history.push({ lines: screen.lines, indicators: screen.indicators, cursor: screen.cursor, at: this.clock.now() });
    if (this.#history.length > HISTORY_LIMIT) {
      const drop = this.#history.length - HISTORY_LIMIT / 2;
      this.#history.splice(0, drop);
      this.#dropped += drop;
    }
  }

  readonly keypad = {
    press: async (key: Key) => this.appliance.press(key),
    chordLeftRight: async () => this.appliance.chordLeftRight(),
    hold: async (key: Key, ms: number) => {
      this.appliance.hold(key, ms);
      await this.clock.advance(ms);
    },
  };

  readonly screen = {
    read: async () => this.#snapshot(),
    waitFor: async (accept: (s: ScreenSnapshot) => boolean, timeoutMs: number) => {
      const met = await this.clock.runUntil(() => accept(this.#snapshot()), timeoutMs);
      return met ? this.#snapshot() : null;
    },
    count: () => this.#dropped + this.#history.length,
    since: (mark: number) => this.#history.slice(Math.max(0, mark - this.#dropped)),
  };

  readonly console = {
    type: async (text: string) => {
      for (const ch of text) this.appliance.typeCharacter(ch);
    },
  };

  readonly time = {
    now: () => this.clock.now(),
    wait: async (ms: number) => this.clock.advance(ms),
    waitUntil: async (check: () => Promise<boolean>, timeoutMs: number) => {
      const deadline = this.clock.now() + timeoutMs;
      for (;;) {
        if (await check()) return true;
        if (!(await this.clock.step(deadline))) break;
      }
      await this.clock.advance(Math.max(0, deadline - this.clock.now()));
      return check();
    },
  };

  readonly power = {
    pressButton: async () => this.appliance.pressPowerButton(),
    plugAc: async () => this.appliance.plugAc(),
    unplugAc: async () => this.appliance.unplugAc(),
    acPlugged: async () => this.appliance.acPlugged,
  };

  readonly leds = {
    read: async () => ({ ...this.appliance.leds }),
  };

  readonly ports = {
    plug: async (port: 'LAN' | 'WAN') => { this.#segment(port).cable = true; },
    unplug: async (port: 'LAN' | 'WAN') => { this.#segment(port).cable = false; },
  };

  #segment(port: 'LAN' | 'WAN') {
    return port === 'LAN' ? this.appliance.network.lan : this.appliance.network.wan;
  }

  readonly label = {
    read: async () => {
      const hw = this.appliance.generation.hardware;
      return { model: hw.model, serialNumber: this.appliance.identity.serialNumber, ethernetPorts: [...hw.ethernetPorts], usbPorts: [...hw.usbPorts] };
    },
  };

  readonly lab: Lab = {
    activate: async (code, username) => {
      const result = this.platform.activate(code, username);
      if (!result.ok) throw new Error(`the platform refused activation code ${code}: ${result.reason}`);
    },
    platform: async () => ({ url: this.platform.pod.url, indicator: this.platform.pod.indicator }),
    activationCodeHolders: async (code) => this.platform.activationCodeHolders(code),
    launch: async (job, durationMs) => this.platform.queue(this.appliance.identity.serialNumber, { kind: job, durationMs }),
    network: async () => structuredClone(this.appliance.network),
    setNetwork: async (spec) => { this.appliance.network = structuredClone(spec); },
    setPlatformAnswer: async (answer) => this.platform.answer(answer),
    injectStorageFault: async (fault) => this.appliance.injectStorageFault(fault),
  };

  async stop(): Promise<void> {
    // Nothing outlives the scenario: the twin is garbage once the World lets go of it.
  }
}
