// The in-process twin target: a fresh twin bench (appliance, network, platform) per scenario,
// on a virtual clock. With the twin-serial target, the only suite code allowed to import twin/
// (the lint rule enforces it).
import { loadConsoleLayout } from '../../../../fixtures/consoles.ts';
import type { Key } from '../../../../fixtures/profiles.ts';
import type { TargetStatement } from '../../../../fixtures/targets.ts';
import { loadAccount, platformHostnames } from '../../../../fixtures/platform.ts';
import { loadFirmware } from '../../../../twin/appliance/firmware.ts';
import { TwinBench } from '../../../../twin/bench.ts';
import type { ServerCredentials } from '../../../../twin/cloud/certificates.ts';
import { makeServerCredentials } from '../../../../twin/cloud/certificates.ts';
import { PlatformServer } from '../../../../twin/cloud/server.ts';
import type { Capability, ConsolePort, Lab, LineSettings, ScreenSnapshot, Target, TargetSession } from '../../protocols.ts';
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
}

export function openTwinSession(options: TwinTargetOptions): TargetSession {
  // Load (and check) the profiles once per run, so a bad profile fails before any scenario.
  loadFirmware(options.generation);
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
  bench: TwinBench;
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
    this.bench = this.#newBench(options.serialNumber);
    this.#stopIntercepting = interceptPlatform(this.bench.api);
  }

  #newBench(serialNumber: number | undefined): TwinBench {
    const bench = new TwinBench({ generation: this.generation, fetch: globalFetch, ...(serialNumber === undefined ? {} : { serialNumber }) });
    this.#stopCounting();
    const renderer = new Vt100Renderer(consoleLayout());
    const unit = bench.appliance;
    let drawn = false;
    const start = bench.clock.now();
    let ready = false;
    this.#stopCounting = unit.subscribe(() => {
      // The first boot of a fresh unit is not the scenario's on a unit that is already up.
      if (!ready && unit.acceptsKeys) {
        ready = true;
        this.#console.bootMs = bench.clock.now() - start;
      }
      if (unit.phase === 'off' && !drawn) return;
      const frame = { mac: unit.identity.lanMac, screen: unit.screen(), awake: true };
      this.#console.received += (drawn ? renderer.update(frame) : renderer.full(frame)).length;
      drawn = true;
    });
    return bench;
  }

  /** Another unit on the bench, with its own serial number: only before the scenario has used the appliance. */
  #useUnit(serialNumber: number): void {
    if (this.bench.appliance.phase !== 'off' || this.bench.screensShown() > 1 || this.#server) {
      throw new Error('another unit can be put on the bench only before the scenario uses the appliance');
    }
    this.#stopIntercepting();
    this.bench.relay.close();
    this.bench = this.#newBench(serialNumber);
    this.#stopIntercepting = interceptPlatform(this.bench.api);
  }

  get appliance() {
    return this.bench.appliance;
  }

  get clock() {
    return this.bench.virtual;
  }

  get platform() {
    return this.bench.platform;
  }

  readonly keypad = {
    press: async (key: Key) => {
      this.#console.sent += vt100KeyBytes[key].length;
      this.bench.appliance.press(key);
    },
    chordLeftRight: async () => this.bench.appliance.chordLeftRight(),
    hold: async (key: Key, ms: number) => this.bench.hold(key, ms),
  };

  readonly screen = {
    read: async (): Promise<ScreenSnapshot> => this.bench.snapshot(),
    waitFor: async (accept: (s: ScreenSnapshot) => boolean, timeoutMs: number) => this.bench.waitForScreen(accept, timeoutMs),
    count: () => this.bench.screensShown(),
    since: (mark: number) => this.bench.screensSince(mark),
  };

  readonly console = {
    type: async (text: string) => {
      this.#console.sent += text.length;
      for (const ch of text) this.bench.appliance.typeCharacter(ch);
    },
  };

  /** The console bytes the scenario would have carried, for a plan's projection of line time. */
  evidence(): Array<{ fileName: string; mediaType: string; body: string }> {
    return [{ fileName: 'console-bytes.json', mediaType: CONSOLE_BYTES_MEDIA_TYPE, body: JSON.stringify(this.#console) }];
  }

  readonly time = {
    now: () => this.bench.clock.now(),
    wait: async (ms: number) => this.bench.virtual.advance(ms),
    waitUntil: async (check: () => Promise<boolean>, timeoutMs: number) => this.bench.waitUntil(check, timeoutMs),
  };

  readonly power = {
    pressButton: async () => this.bench.appliance.pressPowerButton(),
    plugAc: async () => this.bench.appliance.plugAc(),
    unplugAc: async () => this.bench.appliance.unplugAc(),
    acPlugged: async () => this.bench.appliance.acPlugged,
  };

  /** Terminals on the bench's console port: the UART runs on the bench's virtual clock. */
  readonly consolePort: ConsolePort = {
    connect: async (settings: LineSettings) => {
      const cable = this.bench.connectTerminal(settings);
      const decoder = new ConsoleDecoder(consoleLayout());
      let fed = 0;
      const feed = async () => {
        const bytes = cable.received();
        if (bytes.length > fed) await decoder.write(bytes.subarray(fed));
        fed = bytes.length;
      };
      // Until the console has read what was sent and sent what it queued.
      const settle = () => this.bench.waitUntil(() => cable.idle(), 60_000);
      return {
        send: async (text: string) => { cable.send(text); await settle(); await feed(); },
        // A key at a time, as a terminal sends it: an arrow key's three characters in one burst.
        type: async (text: string) => {
          for (const key of text.match(vt100Key) ?? []) { cable.send(key); await settle(); }
          await feed();
        },
        // What the console drew for the LCD's last change has crossed the line before it is read.
        rows: async () => { await settle(); await feed(); return decoder.rows(); },
        screen: async () => { await settle(); await feed(); return decoder.drawn() ? decoder.snapshot(this.bench.clock.now()) : null; },
        configure: async (next: LineSettings) => cable.configure(next),
        received: () => cable.received().length,
        unplug: async () => cable.unplug(),
      };
    },
  };

  readonly leds = {
    read: async () => ({ ...this.bench.appliance.leds }),
  };

  readonly ports = {
    plug: async (port: 'LAN' | 'WAN') => this.bench.cable(port, true),
    unplug: async (port: 'LAN' | 'WAN') => this.bench.cable(port, false),
  };

  readonly label = {
    read: async () => this.bench.label(),
  };

  readonly lab: Lab = {
    activate: async (code, username) => this.bench.activate(code, username),
    platform: async () => this.bench.platformInfo(),
    activationCodeHolders: async (code) => this.bench.platform.activationCodeHolders(code),
    launch: async (job, durationMs, options) => { this.bench.launch(job, durationMs, options?.targets ?? [], options?.serialNumber); },
    network: async () => this.bench.network(),
    setNetwork: async (spec) => this.bench.setNetwork(spec),
    failPlatform: async (failure) => this.bench.failPlatform(failure.name, { ...('status' in failure ? { status: failure.status } : {}), ...('ms' in failure ? { ms: failure.ms } : {}) }),
    injectStorageFault: async (fault) => this.bench.injectStorageFault(fault),
    portal: async () => {
      this.#server ??= platformCredentials().then((c) => PlatformServer.start({ site: () => this.bench.site(), credentials: c }));
      const server = await this.#server;
      return { url: server.origin, spkiSha256: server.credentials.spkiSha256 };
    },
    usePod: async (pod) => this.bench.usePod(pod),
    useUnit: async (serialNumber) => this.#useUnit(serialNumber),
    setSubscriptionFeature: async (feature, on) => this.bench.setSubscriptionFeature(feature, on),
    scanTraffic: async () => this.bench.probes.map((p) => ({ ...p })),
    platformRequests: async () => this.bench.api.requests.map((r) => ({ ...r })),
    attachService: async (service, endpoint) => this.bench.attachService(service, endpoint),
    connectInbound: async (to) => this.bench.connectInbound(to.port, to.protocol, to.number),
    addAppliance: async (options) => {
      const unit = this.bench.addAppliance(options);
      return { serialNumber: unit.identity.serialNumber, activationCode: unit.identity.activationCode };
    },
  };

  async stop(): Promise<void> {
    this.#stopCounting();
    // Nothing else outlives the scenario: the bench is garbage once the World lets go of it.
    this.#stopIntercepting();
    this.bench.relay.close();
    if (this.#server) await (await this.#server).close();
  }
}
