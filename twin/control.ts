// The twin process's lab bench, reachable over a local socket while its console is on a serial
// line (the twin-serial target). The suite talks to the appliance only through the console;
// through this channel it does what a lab does around a unit on a bench: a fresh unit for each
// scenario (switched on by the bench's managed power) and the appliance's time, which the suite
// steps event by event (the bench's own operations, below), and the lab's protocols, served from
// their tables (fixtures/lab-protocols.ts: the network, the platform, the fleet, faults, cables)
// as `<protocol>.<method>` with the arguments in order, one JSON request per line (request-lines.ts).
import type { Server } from 'node:net';
import { loadAccount, platformHostnames } from '../fixtures/platform.ts';
import type { FetchLike } from './appliance/agent.ts';
import { LabBench } from './lab-bench.ts';
import { benchProtocols } from './lab-protocols.ts';
import { faultsTable, fleetTable, networkTable, platformTable, portsTable } from '../fixtures/lab-protocols.ts';
import { dispatcher, provide } from '../fixtures/method-tables.ts';
import type { PlatformServer } from './cloud/server.ts';
import { servePlatform } from './cloud/server.ts';
import type { ConsoleTransport } from './console/console.ts';
import { RemoteConsole } from './console/console.ts';
import { listenForRequests } from './request-lines.ts';


/** Lets each fresh console take over the one cable. */
class Cable {
  readonly #transport: ConsoleTransport;
  #listener: ((bytes: Uint8Array) => void) | null = null;
  #generation = 0;

  constructor(transport: ConsoleTransport) {
    this.#transport = transport;
    transport.onData((bytes) => this.#listener?.(bytes));
  }

  /** A view of the cable for one console; it goes dead when the next one plugs in. */
  plug(): ConsoleTransport {
    const mine = ++this.#generation;
    const transport = this.#transport;
    return {
      onData: (listener) => { if (mine === this.#generation) this.#listener = listener; },
      write: (bytes) => { if (mine === this.#generation) transport.write(bytes); },
      hostSettings: () => transport.hostSettings?.() ?? null,
    };
  }
}

export class ControlServer {
  readonly #cable: Cable;
  readonly #server: Server;
  /** The platform twin on HTTPS: each lab bench's appliance reaches it for real, the suite's browser too. */
  readonly #platform: PlatformServer;
  readonly #fetch: FetchLike;
  #lab: LabBench;
  #console: RemoteConsole;
  /** The lab's protocols (fixtures/lab-protocols.ts) this bench serves: all but a stock of units. */
  readonly #protocols: ReturnType<typeof dispatcher>;
  /** Whether the console's line runs at 9600 baud in real time, or takes no time (an unpaced pseudo-terminal). */
  readonly #paced: boolean;

  private constructor(server: Server, transport: ConsoleTransport, generation: string, platform: { server: PlatformServer; fetch: FetchLike }, paced: boolean) {
    this.#server = server;
    this.#paced = paced;
    this.#platform = platform.server;
    this.#fetch = platform.fetch;
    this.#cable = new Cable(transport);
    this.#lab = new LabBench({ generation, fetch: this.#fetch });
    this.#console = new RemoteConsole(this.#lab.appliance, this.#cable.plug(), { paced });
    const lab = benchProtocols(() => this.#lab, async () => ({ url: this.#platform.origin, spkiSha256: this.#platform.credentials.spkiSha256 }));
    this.#protocols = dispatcher([
      provide(networkTable, lab.network), provide(platformTable, lab.platform), provide(fleetTable, lab.fleet),
      provide(faultsTable, lab.faults), provide(portsTable, lab.ports),
    ]);
  }

  static async listen(socketPath: string, transport: ConsoleTransport, generation: string, line: { paced: boolean } = { paced: true }): Promise<ControlServer> {
    let control: ControlServer | null = null;
    // The server serves whichever lab bench is current (a fresh one each scenario).
    const platform = await servePlatform(() => control!.#lab.site(), platformHostnames(loadAccount()));
    // The lab's protocols, generated from their tables; the bench's own operations after them.
    const server = await listenForRequests(socketPath, async (op, args) => {
      const lab = control!.#protocols(op, args);
      return lab ? await lab.result : await control!.#do(op, (args ?? {}) as Record<string, unknown>);
    });
    control = new ControlServer(server, transport, generation, platform, line.paced);
    return control;
  }

  close(): void {
    this.#server.close();
    void this.#platform.close();
  }

  /** What the console has queued for the line so far (the client waits to receive it all). */
  #queued(): number {
    return this.#console.uart.counters.queued;
  }

  async #do(op: string, args: Record<string, unknown>): Promise<unknown> {
    const lab = this.#lab;
    switch (op) {
      case 'reset': {
        const generation = typeof args['generation'] === 'string' ? args['generation'] : lab.appliance.generation.firmware.generation;
        // The old unit's last bytes go out first; the new console counts on from its counts, so
        // the client's totals of bytes written and received stay one sequence.
        const old = this.#console.uart;
        await old.drained();
        old.close();
        this.#lab.relay.close();
        this.#lab = new LabBench({ generation, fetch: this.#fetch });
        const carried = { received: old.counters.received, queued: old.counters.queued };
        this.#console = new RemoteConsole(this.#lab.appliance, this.#cable.plug(), { carried, paced: this.#paced });
        // The lab bench's managed power supply switches the unit on (the console is cabled before);
        // with `booted`, the unit is handed over once it shows its first status screen (its
        // console, not yet woken, sent nothing meanwhile).
        if (args['powerOn'] !== false) this.#lab.appliance.pressPowerButton();
        if (args['booted'] === true) await this.#lab.waitUntil(() => this.#lab.appliance.acceptsKeys, 10 * 60_000);
        return { now: this.#lab.clock.now(), queued: this.#queued(), serial: this.#lab.appliance.identity.serialNumber };
      }
      case 'power-on': {
        // The lab bench's managed power switches the unit on; it boots with its console asleep.
        this.#lab.appliance.pressPowerButton();
        await this.#lab.waitUntil(() => this.#lab.appliance.acceptsKeys, 10 * 60_000);
        return { now: this.#lab.clock.now(), queued: this.#queued() };
      }
      case 'now': return { now: this.#lab.clock.now(), queued: this.#queued() };
      case 'step': {
        const limit = Number(args['limit']);
        const stepped = await this.#lab.virtual.step(limit);
        return { stepped, now: this.#lab.clock.now(), queued: this.#queued() };
      }
      case 'advance': {
        await this.#lab.virtual.advance(Number(args['ms']));
        return { now: this.#lab.clock.now(), queued: this.#queued() };
      }
      case 'sync': {
        await this.#console.uart.settled(Number(args['received']));
        return { now: this.#lab.clock.now(), queued: this.#queued() };
      }
      default: throw new Error(`unknown operation ${op}`);
    }
  }
}
