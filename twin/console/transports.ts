// Where the console cable leads: a pseudo-terminal any serial program can open (made with
// socat), a TCP port on loopback or a Unix socket (as a terminal server's port the guide
// describes), or the terminal the twin runs in.
import { execFileSync, spawn } from 'node:child_process';
import { ensureSystemPackages, needs } from '../../fixtures/system.ts';
import type { ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { existsSync, lstatSync, unlinkSync } from 'node:fs';
import type { ConsoleTransport } from './console.ts';
import type { LineSettings } from './uart.ts';

/** Reads a terminal's line settings from `stty -a` output. */
export function parseStty(output: string): LineSettings | null {
  const speed = /speed (\d+) baud/.exec(output);
  const size = /\bcs([5-8])\b/.exec(output);
  if (!speed || !size) return null;
  const has = (flag: string) => new RegExp(`(^|\\s)${flag}(\\s|$)`).test(output);
  return {
    baud: Number(speed[1]),
    dataBits: Number(size[1]) as 5 | 6 | 7 | 8,
    parity: has('parenb') ? (has('parodd') ? 'odd' : 'even') : 'none',
    stopBits: has('cstopb') ? 2 : 1,
  };
}

export class TransportError extends Error {
  override name = 'TransportError';
}

/** A pseudo-terminal at `link`, made by socat, whose other end is this process. */
export class PtyTransport implements ConsoleTransport {
  readonly link: string;
  readonly #socat: ChildProcess;
  #settings: LineSettings | null = null;
  #checkedAt = -Infinity;

  private constructor(link: string, socat: ChildProcess) {
    this.link = link;
    this.#socat = socat;
  }

  static async open(link: string): Promise<PtyTransport> {
    // A fresh machine gets socat installed (as root); elsewhere the error says how.
    const { missing, note } = ensureSystemPackages([needs.socat], { quiet: true });
    if (missing.length > 0) throw new TransportError(`the pseudo-terminal console needs socat, which is missing and could not be installed (${note}): apt-get install -y socat`);
    const socat = spawn('socat', [`pty,raw,echo=0,link=${link}`, 'STDIO'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const transport = new PtyTransport(link, socat);
    const started = Date.now();
    while (!existsSync(link)) {
      if (socat.exitCode !== null || Date.now() - started > 5000) throw new TransportError(`socat did not make the pseudo-terminal ${link}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return transport;
  }

  onData(listener: (bytes: Uint8Array) => void): void {
    this.#socat.stdout!.on('data', (chunk: Buffer) => listener(chunk));
  }

  write(bytes: Uint8Array): void {
    this.#socat.stdin!.write(bytes);
  }

  /** The settings the program on the other end opened the terminal with (stty on the slave). */
  hostSettings(): LineSettings | null {
    const now = performance.now();
    if (now - this.#checkedAt < 500) return this.#settings;
    this.#checkedAt = now;
    try {
      this.#settings = parseStty(execFileSync('stty', ['-F', this.link, '-a'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    } catch {
      // The slave may be gone for a moment; keep the last settings seen.
    }
    return this.#settings;
  }

  close(): void {
    this.#socat.kill();
  }
}

/**
 * A TCP port on loopback, or a Unix socket: one terminal (server) at a time, as a terminal
 * server's port would give.
 */
export class TcpTransport implements ConsoleTransport {
  readonly #server: Server;
  #client: Socket | null = null;
  readonly #listeners: Array<(bytes: Uint8Array) => void> = [];

  private constructor(server: Server) {
    this.#server = server;
    server.on('connection', (socket) => {
      if (this.#client) {
        socket.end('the console is in use\r\n');
        return;
      }
      this.#client = socket;
      socket.on('data', (chunk: Buffer) => { for (const l of this.#listeners) l(chunk); });
      socket.on('close', () => { if (this.#client === socket) this.#client = null; });
      socket.on('error', () => socket.destroy());
    });
  }

  static async listen(port: number, host = '127.0.0.1'): Promise<TcpTransport> {
    return TcpTransport.#serve(`${host}:${port}`, (server, ready) => server.listen(port, host, ready));
  }

  /**
   * On a Unix socket at `path`. A socket left there by a process that is gone (nothing answers on
   * it) is removed first; one something still listens on, or a file of another kind, is an error.
   */
  static async listenUnix(path: string): Promise<TcpTransport> {
    if (lstatSync(path, { throwIfNoEntry: false }) !== undefined) {
      if (!lstatSync(path).isSocket()) throw new TransportError(`cannot listen on ${path}: it exists and is not a socket`);
      if (await answers(path)) throw new TransportError(`cannot listen on ${path}: another process listens there`);
      unlinkSync(path);
    }
    return TcpTransport.#serve(path, (server, ready) => server.listen(path, ready));
  }

  static async #serve(where: string, listen: (server: Server, ready: () => void) => void): Promise<TcpTransport> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e: NodeJS.ErrnoException) => reject(new TransportError(`cannot listen on ${where}: ${e.code ?? e.message}`)));
      listen(server, resolve);
    });
    return new TcpTransport(server);
  }

  get port(): number {
    const address = this.#server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  onData(listener: (bytes: Uint8Array) => void): void {
    this.#listeners.push(listener);
  }

  write(bytes: Uint8Array): void {
    this.#client?.write(bytes);
  }

  close(): void {
    this.#client?.destroy();
    this.#server.close();
  }
}

/** Whether something accepts connections on the Unix socket at `path`. */
function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/** The terminal the twin runs in, for a person at the keyboard. */
export class StdioTransport implements ConsoleTransport {
  constructor() {
    if (process.stdin.isTTY) process.stdin.setRawMode(true);
  }

  onData(listener: (bytes: Uint8Array) => void): void {
    process.stdin.on('data', (chunk: Buffer) => listener(chunk));
  }

  write(bytes: Uint8Array): void {
    process.stdout.write(bytes);
  }

  close(): void {
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
  }
}
