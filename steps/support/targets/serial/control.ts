// The client of a twin process's bench (its control socket): the unit's lifecycle and time, which
// the twin-serial target steps event by event, and the line the lab's protocols' clients
// (generated from their tables, fixtures/method-tables.ts) call through.
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { Inconclusive } from '../../errors.ts';

export interface Counts {
  /** Appliance time after the operation. */
  now: number;
  /** Bytes the console has queued for the line so far (wait until that many have arrived). */
  queued: number;
}

export class LabBenchClient {
  readonly #socket: Socket;
  /** What answers on the socket, for messages ("twin bench", "the live lab's platform"). */
  readonly #what: string;
  #next = 1;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #buffer = '';

  private constructor(socket: Socket, what: string) {
    this.#socket = socket;
    this.#what = what;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.#buffer += chunk;
      let newline: number;
      while ((newline = this.#buffer.indexOf('\n')) >= 0) {
        const reply = JSON.parse(this.#buffer.slice(0, newline)) as { id: number; result?: unknown; error?: string };
        this.#buffer = this.#buffer.slice(newline + 1);
        const waiter = this.#pending.get(reply.id);
        this.#pending.delete(reply.id);
        if (reply.error !== undefined) waiter?.reject(new Error(`${this.#what}: ${reply.error}`));
        else waiter?.resolve(reply.result);
      }
    });
    // The socket going away is the lab or the twin's process breaking, not the appliance departing
    // from the guide: inconclusive, as every call after it.
    socket.on('close', () => {
      for (const w of this.#pending.values()) w.reject(new Inconclusive(`${this.#what}: the control socket closed`));
      this.#pending.clear();
    });
    socket.on('error', () => undefined);
  }

  static connect(path: string, what = 'twin bench'): Promise<LabBenchClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(path);
      socket.once('connect', () => resolve(new LabBenchClient(socket, what)));
      socket.once('error', (e) => reject(new Error(`${what} ${path}: ${e.message}`)));
    });
  }

  /** An operation of the bench's own (named arguments) or a lab protocol's method (`<protocol>.<method>`, arguments in order). */
  call<T>(op: string, args: Record<string, unknown> | unknown[] = {}): Promise<T> {
    const id = this.#next++;
    if (this.#socket.destroyed) return Promise.reject(new Inconclusive(`${this.#what}: the control socket closed`));
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#socket.write(JSON.stringify({ id, op, args }) + '\n');
    });
  }

  close(): void {
    this.#socket.destroy();
  }
}
