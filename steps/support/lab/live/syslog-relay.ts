// The live lab's syslog receiver is rsyslog in a container; a scenario's syslog server is the
// suite's own receiver on loopback (steps/support/lab/syslog-receiver.ts), which judges each
// message strictly. The relay hands every message rsyslog received on a port the suite attached
// to the suite's receiver for that protocol and port, as a datagram or as an octet-counted frame
// (RFC 6587 3.4.1) on one TCP connection. rsyslog writes into a folder of this machine's that
// its container mounts, which the relay reads as it grows (a `podman exec ... tail -F` stream
// arrived seconds late). What rsyslog decoded (the TCP framing) is not relayed.
import { createSocket } from 'node:dgram';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSLOG_DIR, SYSLOG_RECEIVED } from './services.ts';

export interface Endpoint {
  host: string;
  port: number;
}

/** How often the relay looks for new lines (well inside the suite's waits for a message). */
const FOLLOW_MS = 25;

/** "udp-514 <134>1 ..." as rsyslog wrote it: the input, and the message. */
export function parseReceivedLine(line: string): { protocol: 'udp' | 'tcp'; port: number; message: string } | null {
  const match = /^(udp|tcp)-(\d+) (.*)$/s.exec(line);
  return match ? { protocol: match[1] as 'udp' | 'tcp', port: Number(match[2]), message: match[3]! } : null;
}

export class SyslogRelay {
  readonly #endpoints = new Map<string, Endpoint>();
  readonly #tcp = new Map<string, Socket>();
  readonly #udp = createSocket('udp4');
  #dir: string | null = null;
  #timer: NodeJS.Timeout | null = null;
  #offset = 0;
  /** A line rsyslog has begun but not ended (bytes: a character may be split). */
  #partial = Buffer.alloc(0);

  /** The folder of this machine's the syslog container mounts at SYSLOG_DIR (made on first use). */
  directory(): string {
    this.#dir ??= mkdtempSync(join(tmpdir(), 'qsa-live-syslog-'));
    return this.#dir;
  }

  get #file(): string {
    return join(this.directory(), SYSLOG_RECEIVED.slice(SYSLOG_DIR.length + 1));
  }

  /** Every message rsyslog received, oldest first, as it came. */
  received(): string[] {
    if (!existsSync(this.#file)) return [];
    return readFileSync(this.#file, 'utf8').split('\n').filter((l) => l.length > 0).map((l) => parseReceivedLine(l)?.message ?? l);
  }

  /** From now on, messages rsyslog receives on `protocol` `port` go to `endpoint`. */
  attach(protocol: 'udp' | 'tcp', port: number, endpoint: Endpoint): void {
    // What came before is handed to whoever was attached then.
    if (this.#timer) this.#readNew();
    this.#endpoints.set(`${protocol}-${port}`, endpoint);
  }

  /** Follows rsyslog's file from its present end (once; what it held before is not relayed). */
  follow(): void {
    if (this.#timer) return;
    this.#offset = existsSync(this.#file) ? statSync(this.#file).size : 0;
    this.#timer = setInterval(() => this.#readNew(), FOLLOW_MS);
    this.#timer.unref();
  }

  #readNew(): void {
    if (!existsSync(this.#file)) return;
    const size = statSync(this.#file).size;
    if (size <= this.#offset) return;
    const fd = openSync(this.#file, 'r');
    const bytes = Buffer.alloc(size - this.#offset);
    try {
      readSync(fd, bytes, 0, bytes.length, this.#offset);
    } finally {
      closeSync(fd);
    }
    this.#offset = size;
    let pending = Buffer.concat([this.#partial, bytes]);
    for (let end = pending.indexOf(10); end >= 0; end = pending.indexOf(10)) {
      this.#relay(pending.subarray(0, end).toString('utf8'));
      pending = pending.subarray(end + 1);
    }
    this.#partial = Buffer.from(pending);
  }

  #relay(line: string): void {
    const received = parseReceivedLine(line);
    if (!received) return;
    const key = `${received.protocol}-${received.port}`;
    const endpoint = this.#endpoints.get(key);
    if (!endpoint) return;
    const bytes = Buffer.from(received.message, 'utf8');
    if (received.protocol === 'udp') {
      this.#udp.send(bytes, endpoint.port, endpoint.host);
      return;
    }
    let socket = this.#tcp.get(key);
    if (!socket || socket.destroyed) {
      socket = connect(endpoint.port, endpoint.host);
      socket.on('error', () => this.#tcp.delete(key));
      this.#tcp.set(key, socket);
    }
    socket.write(Buffer.concat([Buffer.from(`${bytes.length} `), bytes]));
  }

  /** Forgets every attached port (the next scenario attaches its own). */
  detachAll(): void {
    if (this.#timer) this.#readNew();
    this.#endpoints.clear();
    for (const socket of this.#tcp.values()) socket.destroy();
    this.#tcp.clear();
  }

  stop(): void {
    this.detachAll();
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    try {
      this.#udp.close();
    } catch {
      // Never used, or closed already.
    }
    if (this.#dir) rmSync(this.#dir, { recursive: true, force: true });
    this.#dir = null;
  }
}
