// The twin process's lab bench, reachable over a local socket while its console is on a serial
// line (the twin-serial target). The suite talks to the appliance only through the console;
// through this channel it does what a lab does around a unit on a bench: a fresh unit for each
// scenario (switched on by the bench's managed power), the network and platform, cables, and
// the appliance's time, which the suite steps event by event. JSON, one request per line: a
// JSON-RPC library would add only envelope fields over a local socket both ends own.
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { rmSync } from 'node:fs';
import { loadAccount, platformHostnames } from '../fixtures/platform.ts';
import type { FetchLike } from './appliance/agent.ts';
import { LabBench } from './lab-bench.ts';
import type { PlatformServer } from './cloud/server.ts';
import { servePlatform } from './cloud/server.ts';
import type { ConsoleTransport } from './console/console.ts';
import { RemoteConsole } from './console/console.ts';

export interface ControlRequest {
  id: number;
  op: string;
  args?: Record<string, unknown>;
}

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
    server.on('connection', (socket) => this.#serve(socket));
  }

  static async listen(socketPath: string, transport: ConsoleTransport, generation: string, line: { paced: boolean } = { paced: true }): Promise<ControlServer> {
    rmSync(socketPath, { force: true });
    let control: ControlServer | null = null;
    // The server serves whichever lab bench is current (a fresh one each scenario).
    const platform = await servePlatform(() => control!.#lab.site(), platformHostnames(loadAccount()));
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
    control = new ControlServer(server, transport, generation, platform, line.paced);
    return control;
  }

  close(): void {
    this.#server.close();
    void this.#platform.close();
  }

  #serve(socket: Socket): void {
    let buffer = '';
    let queue = Promise.resolve();
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        // Requests run one after another, in order: time must not move under a pending one.
        queue = queue.then(() => this.#answer(socket, line));
      }
    });
    socket.on('error', () => socket.destroy());
  }

  async #answer(socket: Socket, line: string): Promise<void> {
    let request: ControlRequest;
    try {
      request = JSON.parse(line) as ControlRequest;
    } catch {
      socket.write(JSON.stringify({ id: null, error: 'not JSON' }) + '\n');
      return;
    }
    try {
      const result = await this.#do(request.op, request.args ?? {});
      socket.write(JSON.stringify({ id: request.id, result: result ?? null }) + '\n');
    } catch (error) {
      socket.write(JSON.stringify({ id: request.id, error: (error as Error).message }) + '\n');
    }
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
      case 'activate': this.#lab.activate(String(args['code']), String(args['username'])); return { queued: this.#queued() };
      case 'platform': return this.#lab.platformInfo();
      case 'activationCodeHolders': return this.#lab.platform.activationCodeHolders(String(args['code']));
      case 'launch': {
        const targets = Array.isArray(args['targets']) ? args['targets'].map(String) : [];
        const serial = args['serialNumber'] === undefined ? undefined : Number(args['serialNumber']);
        this.#lab.launch(args['job'] === 'software-update' ? 'software-update' : 'scan', Number(args['durationMs']), targets, serial);
        return null;
      }
      case 'portal': return { url: this.#platform.origin, spkiSha256: this.#platform.credentials.spkiSha256 };
      case 'usePod': this.#lab.usePod(String(args['pod'])); return null;
      case 'setSubscriptionFeature': this.#lab.setSubscriptionFeature(args['feature'] === 'ipv6-scanning' ? 'ipv6-scanning' : 'vlan-trunking', Boolean(args['on'])); return null;
      case 'scanTraffic': return this.#lab.probes;
      case 'platformRequests': return this.#lab.api.requests;
      case 'attachService': {
        const service = args['service'] as { address: string; protocol: 'udp' | 'tcp'; port: number };
        const endpoint = args['endpoint'] as { host: string; port: number };
        this.#lab.attachService(service, endpoint);
        return null;
      }
      case 'connectInbound': return this.#lab.connectInbound(args['port'] === 'WAN' ? 'WAN' : 'LAN', args['protocol'] === 'udp' ? 'udp' : 'tcp', Number(args['number']));
      case 'addAppliance': {
        const unit = this.#lab.addAppliance({
          type: args['type'] === 'virtual' ? 'virtual' : 'physical',
          ...(typeof args['activatedBy'] === 'string' ? { activatedBy: args['activatedBy'] } : {}),
        });
        return { serialNumber: unit.identity.serialNumber, activationCode: unit.identity.activationCode };
      }
      case 'network': return this.#lab.network();
      case 'setNetwork': this.#lab.setNetwork(args['spec'] as Parameters<LabBench['setNetwork']>[0]); return null;
      case 'failPlatform': {
        const name = String(args['name']) as Parameters<LabBench['failPlatform']>[0];
        this.#lab.failPlatform(name, { ...(args['status'] === undefined ? {} : { status: Number(args['status']) }), ...(args['ms'] === undefined ? {} : { ms: Number(args['ms']) }) });
        return null;
      }
      case 'injectStorageFault': this.#lab.injectStorageFault((args['fault'] ?? null) as 'fsck' | 'mount' | null); return null;
      case 'cable': this.#lab.cable(args['port'] === 'WAN' ? 'WAN' : 'LAN', Boolean(args['plugged'])); return null;
      default: throw new Error(`unknown operation ${op}`);
    }
  }
}
