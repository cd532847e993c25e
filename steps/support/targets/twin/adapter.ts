// The in-process twin target: a fresh lab bench (appliance, network, platform) per scenario,
// on a virtual clock. With the twin-serial target, the only suite code allowed to import twin/
// (the lint rule enforces it).
import { loadConsoleLayout } from '../../../../fixtures/consoles.ts';
import type { Key } from '../../../../fixtures/profiles.ts';
import type { TargetStatement } from '../../../../fixtures/targets.ts';
import { loadAccount, platformHostnames } from '../../../../fixtures/platform.ts';
import { loadFirmware } from '../../../../twin/appliance/firmware.ts';
import { LabBench } from '../../../../twin/lab-bench.ts';
import type { ServerCredentials } from '../../../../twin/cloud/certificates.ts';
import { makeServerCredentials } from '../../../../twin/cloud/certificates.ts';
import { PlatformServer } from '../../../../twin/cloud/server.ts';
import type { Capability, ConsolePort, Faults, Fleet, LineSettings, Network, Platform, PortalAccess, Ports, ScreenSnapshot, ShownIdentity, Stock, Target, TargetSession } from '../../protocols.ts';
import { faultsTable, fleetTable, networkTable, platformTable, portsTable, stockTable } from '../../../../fixtures/lab-protocols.ts';
import { adapt } from '../../../../fixtures/method-tables.ts';
import { benchProtocols } from '../../../../twin/lab-protocols.ts';
import { ConsoleDecoder } from '../serial/decoder.ts';
import { CONSOLE_BYTES_MEDIA_TYPE } from '../../errors.ts';
import { Vt100Renderer } from '../../../../twin/console/vt100.ts';
import { globalFetch, interceptPlatform } from './intercept.ts';
import { vt100KeyBytes } from '../../../../fixtures/wire.ts';

/** The twin's own console layout, read once. */
let boxed: ReturnType<typeof loadConsoleLayout> | null = null;
function consoleLayout() {
  boxed ??= loadConsoleLayout('boxed');
  return boxed;
}

/** A key as a terminal sends it: ESC [ x (or ESC O x) together, else one character. */
const vt100Key = new RegExp(String.raw`\u001b[[O].|[\s\S]`, 'g');

export interface TwinTargetOptions {
  generation: string;
  /** From the target's capability statement (fixtures/targets/twin.yaml). */
  capabilities: ReadonlySet<Capability>;
  statement: TargetStatement;
  serialNumber?: number;
  /**
   * The reference twin of a differential run: it runs the project's profiles (never
   * QSA_TWIN_FIRMWARE_DIR's, planted for the unit it is compared with), and its cloud agent
   * reaches its platform's handlers directly, leaving the process's one interception of the
   * global fetch to the unit (an in-process twin too, in a self-check).
   */
  reference?: boolean;
}

export function openTwinSession(options: TwinTargetOptions): TargetSession {
  // Load (and check) the profiles once per run, so a bad profile fails before any scenario.
  loadFirmware(options.generation, options.reference ? 'project' : 'configured');
  return {
    name: 'twin',
    generation: options.generation,
    capabilities: options.capabilities,
    statement: options.statement,
    broken: null,
    unit: null,
    forScenario: async () => createTwinTarget(options),
    close: async () => {},
  };
}

/** A twin appliance, plugged into AC and switched off, with its network and platform. */
export function createTwinTarget(options: TwinTargetOptions): TwinTarget {
  return new TwinTarget(options);
}

/**
 * A bare twin on its lab bench, for the soak (npm run fuzz -- --soak): its cloud agent reaches the
 * platform's handlers in-process, and nothing else listens to it (no interception, no console
 * accounting), so a million keys cost only the twin's own work.
 */
export function bareLabBench(generation: string): LabBench {
  return new LabBench({ generation });
}

/** One test CA and server key per process: the browser of the process pins that key. */
let credentials: Promise<ServerCredentials> | null = null;
function platformCredentials(): Promise<ServerCredentials> {
  credentials ??= makeServerCredentials(platformHostnames(loadAccount()));
  return credentials;
}

export class TwinTarget implements Target {
  readonly name = 'twin';
  readonly generation: string;
  readonly capabilities: ReadonlySet<Capability>;
  readonly #reference: boolean;
  labBench: LabBench;
  #stopIntercepting: () => void;
  /**
   * The bytes a remote console would have carried for this scenario (the twin's boxed layout,
   * only what changed, and every key as a VT100 sends it): the line time a plan projects for a
   * unit reached through its console.
   */
  readonly #console = { sent: 0, received: 0, bootMs: 0 };
  #stopCounting: () => void = () => {};
  /** The platform's HTTPS server, started when a scenario first needs the portal. */
  #server: Promise<PlatformServer> | null = null;

  constructor(options: TwinTargetOptions) {
    this.generation = options.generation;
    this.capabilities = options.capabilities;
    this.#reference = options.reference === true;
    this.labBench = this.#newLabBench(options.serialNumber);
    this.#stopIntercepting = this.#intercept();
  }

  #intercept(): () => void {
    return this.#reference ? () => {} : interceptPlatform(this.labBench.api);
  }

  #newLabBench(serialNumber: number | undefined): LabBench {
    const lab = this.#reference
      ? new LabBench({ generation: loadFirmware(this.generation, 'project'), ...(serialNumber === undefined ? {} : { serialNumber }) })
      : new LabBench({ generation: this.generation, fetch: globalFetch, ...(serialNumber === undefined ? {} : { serialNumber }) });
    this.#stopCounting();
    const renderer = new Vt100Renderer(consoleLayout());
    const unit = lab.appliance;
    let drawn = false;
    const start = lab.clock.now();
    let ready = false;
    this.#stopCounting = unit.subscribe(() => {
      // The first boot of a fresh unit is not the scenario's on a unit that is already up.
      if (!ready && unit.acceptsKeys) {
        ready = true;
        this.#console.bootMs = lab.clock.now() - start;
      }
      if (unit.phase === 'off' && !drawn) return;
      const frame = { mac: unit.identity.lanMac, screen: unit.screen(), awake: true };
      this.#console.received += (drawn ? renderer.update(frame) : renderer.full(frame)).length;
      drawn = true;
    });
    return lab;
  }

  /** Another unit on the lab bench, with its own serial number: only before the scenario has used the appliance. */
  #useUnit(serialNumber: number): void {
    if (this.labBench.appliance.phase !== 'off' || this.labBench.screensShown() > 1 || this.#server) {
      throw new Error('another unit can be put on the lab bench only before the scenario uses the appliance');
    }
    this.#stopIntercepting();
    this.labBench.relay.close();
    this.labBench = this.#newLabBench(serialNumber);
    this.#stopIntercepting = this.#intercept();
  }

  get appliance() {
    return this.labBench.appliance;
  }

  get clock() {
    return this.labBench.virtual;
  }

  readonly keypad = {
    press: async (key: Key) => {
      this.#console.sent += vt100KeyBytes[key].length;
      this.labBench.appliance.press(key);
    },
    chordLeftRight: async () => this.labBench.appliance.chordLeftRight(),
    hold: async (key: Key, ms: number) => this.labBench.hold(key, ms),
  };

  readonly screen = {
    read: async (): Promise<ScreenSnapshot> => this.labBench.snapshot(),
    waitFor: async (accept: (s: ScreenSnapshot) => boolean, timeoutMs: number) => this.labBench.waitForScreen(accept, timeoutMs),
    count: () => this.labBench.screensShown(),
    since: (mark: number) => this.labBench.screensSince(mark),
  };

  readonly console = {
    type: async (text: string) => {
      this.#console.sent += text.length;
      for (const ch of text) this.labBench.appliance.typeCharacter(ch);
    },
  };

  /** The MAC address its remote console shows, and the model and serial number on its label. */
  async identity(): Promise<ShownIdentity> {
    const label = await this.label.read();
    return { mac: this.labBench.appliance.identity.lanMac, model: label.model, serialNumber: String(label.serialNumber), how: "MAC address as the twin's remote console shows it; model and serial number from its label" };
  }

  /** The console bytes the scenario would have carried, for a plan's projection of line time. */
  evidence(): Array<{ fileName: string; mediaType: string; body: string }> {
    return [{ fileName: 'console-bytes.json', mediaType: CONSOLE_BYTES_MEDIA_TYPE, body: JSON.stringify(this.#console) }];
  }

  readonly time = {
    now: () => this.labBench.clock.now(),
    wait: async (ms: number) => this.labBench.virtual.advance(ms),
    waitUntil: async (check: () => Promise<boolean>, timeoutMs: number) => this.labBench.waitUntil(check, timeoutMs),
  };

  readonly power = {
    pressButton: async () => this.labBench.appliance.pressPowerButton(),
    plugAc: async () => this.labBench.appliance.plugAc(),
    unplugAc: async () => this.labBench.appliance.unplugAc(),
    acPlugged: async () => this.labBench.appliance.acPlugged,
  };

  /** Terminals on the lab bench's console port: the UART runs on its virtual clock. */
  readonly consolePort: ConsolePort = {
    connect: async (settings: LineSettings) => {
      const cable = this.labBench.connectTerminal(settings);
      const decoder = new ConsoleDecoder(consoleLayout());
      let fed = 0;
      const feed = async () => {
        const bytes = cable.received();
        if (bytes.length > fed) await decoder.write(bytes.subarray(fed));
        fed = bytes.length;
      };
      // Until the console has read what was sent and sent what it queued.
      const settle = () => this.labBench.waitUntil(() => cable.idle(), 60_000);
      return {
        send: async (text: string) => { cable.send(text); await settle(); await feed(); },
        // A key at a time, as a terminal sends it: an arrow key's three characters in one burst.
        type: async (text: string) => {
          for (const key of text.match(vt100Key) ?? []) { cable.send(key); await settle(); }
          await feed();
        },
        // What the console drew for the LCD's last change has crossed the line before it is read.
        rows: async () => { await settle(); await feed(); return decoder.rows(); },
        screen: async () => { await settle(); await feed(); return decoder.drawn() ? decoder.snapshot(this.labBench.clock.now()) : null; },
        configure: async (next: LineSettings) => cable.configure(next),
        received: () => cable.received().length,
        unplug: async () => cable.unplug(),
      };
    },
  };

  readonly leds = {
    read: async () => ({ ...this.labBench.appliance.leds }),
  };

  readonly label = {
    read: async () => this.labBench.label(),
  };

  /** The lab's protocols, adapted from their tables over the lab bench's one implementation of them. */
  readonly #lab = benchProtocols(() => this.labBench, () => this.#portal());
  readonly network: Network = adapt(networkTable, this.#lab.network);
  readonly platform: Platform = adapt(platformTable, this.#lab.platform);
  readonly fleet: Fleet = adapt(fleetTable, this.#lab.fleet);
  readonly faults: Faults = adapt(faultsTable, this.#lab.faults);
  readonly ports: Ports = adapt(portsTable, this.#lab.ports);
  /** The twin's stock of units: any serial number, before the scenario uses the appliance. */
  readonly stock: Stock = adapt(stockTable, { useUnit: (serialNumber) => this.#useUnit(serialNumber) });

  /** The platform's HTTPS server, started when a scenario first needs the portal. */
  async #portal(): Promise<PortalAccess> {
    this.#server ??= platformCredentials().then((c) => PlatformServer.start({ site: () => this.labBench.site(), credentials: c }));
    const server = await this.#server;
    return { url: server.origin, spkiSha256: server.credentials.spkiSha256 };
  }

  async stop(): Promise<void> {
    this.#stopCounting();
    // Nothing else outlives the scenario: the lab bench is garbage once the World lets go of it.
    this.#stopIntercepting();
    this.labBench.relay.close();
    if (this.#server) await (await this.#server).close();
  }
}
