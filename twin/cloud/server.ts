// The platform twin on a real HTTPS server on loopback: the appliance API from the same msw
// handlers the in-process tests use (msw's getResponse behind node:https), and the web portal.
// Requests are matched as if sent to the POD's URL, whatever name or address reached the
// server, so a twin process, a browser or a real appliance in a lab all meet the same platform.
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo, Server as TcpServer, Socket } from 'node:net';
import { Readable } from 'node:stream';
import { getResponse } from 'msw';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { API_PATH } from './api.ts';
import type { PlatformApi } from './api.ts';
import type { NetworkSpec } from '../../fixtures/networks.ts';
import type { ServerCredentials } from './certificates.ts';
import { makeServerCredentials } from './certificates.ts';

export type RequestHandler = (request: Request) => Promise<Response>;

/** The platform's site: the API under its path, the portal everywhere else. */
export function platformSite(api: PlatformApi, portal: RequestHandler | null): { base: string; handle: RequestHandler } {
  return {
    base: api.base,
    handle: async (request) => {
      if (new URL(request.url).pathname.startsWith(`${API_PATH}/`)) {
        return await getResponse(api.handlers(), request) ?? Response.json({ error: 'not-found', message: 'no such API' }, { status: 404 });
      }
      return portal ? portal(request) : new Response('Not Found', { status: 404 });
    },
  };
}

export interface PlatformServerOptions {
  /** The site served now (a bench replaced between scenarios serves its own platform). */
  site: () => { base: string; handle: RequestHandler };
  credentials: ServerCredentials;
  /** Loopback by default: the twin listens on nothing the lab's networks can reach. */
  host?: string;
  port?: number;
}

function toRequest(req: IncomingMessage, base: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = Readable.toWeb(req) as ReadableStream;
    init.duplex = 'half';
  }
  return new Request(new URL(req.url ?? '/', base), init);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie') return;
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(response.status, response.statusText, headers);
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  }
  res.end();
}

/** The platform's own TLS faults, as a live lab realizes a spec's. */
export type TlsFaults = Pick<NetworkSpec['platform'], 'certificate' | 'handshake'>;

/** A fatal TLS alert record, handshake_failure: what a server that will not agree on the handshake answers a ClientHello with. */
const HANDSHAKE_FAILURE_ALERT = Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28]);

export class PlatformServer {
  readonly #server: Server;
  /** Takes each connection first: HTTPS, or the handshake fault. */
  readonly #front: TcpServer;
  readonly credentials: ServerCredentials;
  #handshakeFails = false;
  readonly #sockets = new Set<Socket>();
  /** The portal's way in on a Unix socket (a live lab's), if one was opened. */
  #portalFront: TcpServer | null = null;

  private constructor(server: Server, front: TcpServer, options: PlatformServerOptions) {
    this.#server = server;
    this.#front = front;
    this.credentials = options.credentials;
  }

  /**
   * The platform's TLS as a spec's fault has it: a certificate from an authority nobody trusts
   * (made for the purpose), or every handshake failed with a fatal alert; or as started.
   */
  async setTlsFaults(faults: TlsFaults, hostnames: readonly string[]): Promise<void> {
    const credentials = faults.certificate === 'untrusted' ? await makeServerCredentials(hostnames) : this.credentials;
    this.#server.setSecureContext({ key: credentials.key, cert: credentials.cert });
    this.#handshakeFails = faults.handshake === 'fails';
  }

  /**
   * Also serves HTTPS on a Unix socket at `path`, without the spec's TLS faults (they are on the
   * appliance's path, not on a person's browser): a live lab's portal reaches this machine's
   * browser through the folder that holds it.
   */
  async servePortalOn(path: string): Promise<void> {
    const front = createTcpServer((socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
      this.#server.emit('connection', socket);
    });
    await new Promise<void>((resolve, reject) => {
      front.once('error', reject);
      front.listen(path, () => resolve());
    });
    this.#portalFront = front;
  }

  #take(socket: Socket): void {
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
    if (!this.#handshakeFails) {
      this.#server.emit('connection', socket);
      return;
    }
    socket.on('error', () => undefined);
    socket.once('data', () => socket.end(HANDSHAKE_FAILURE_ALERT));
  }

  static async start(options: PlatformServerOptions): Promise<PlatformServer> {
    const server = createServer({ key: options.credentials.key, cert: options.credentials.cert }, (req, res) => {
      void (async () => {
        try {
          const site = options.site();
          await send(res, await site.handle(toRequest(req, site.base)));
        } catch (error) {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`platform twin: ${(error as Error).message}`);
        }
      })();
    });
    let platform: PlatformServer | null = null;
    const front = createTcpServer((socket) => {
      if (platform) platform.#take(socket);
      else socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      front.once('error', reject);
      front.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    platform = new PlatformServer(server, front, options);
    return platform;
  }

  get address(): { host: string; port: number } {
    const a = this.#front.address() as AddressInfo;
    return { host: a.address, port: a.port };
  }

  /** The server as reached directly, by loopback address. */
  get origin(): string {
    const { host, port } = this.address;
    return `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#front.close(() => resolve()));
    const portal = this.#portalFront;
    if (portal) await new Promise<void>((resolve) => portal.close(() => resolve()));
  }
}

/**
 * A real fetch (undici's, Node's own) that reaches `endpoint` for any https URL over TLS,
 * verifying the server's certificate against `ca` for the URL's host name: as if the lab's DNS
 * pointed the POD's name at the platform twin.
 */
export function pointedFetch(endpoint: { host: string; port: number }, ca: string): (input: string, init: RequestInit) => Promise<Response> {
  const connectTls = buildConnector({ ca });
  const dispatcher = new Agent({
    connect: (options, callback) => connectTls({ ...options, hostname: endpoint.host, port: String(endpoint.port), servername: options.hostname }, callback),
  });
  // undici's own fetch: the same as Node's global one, but never the one msw patches in-process.
  return async (input, init) => await undiciFetch(input, { ...init, dispatcher } as Parameters<typeof undiciFetch>[1]) as unknown as Response;
}

/**
 * The platform twin served for a twin process: a new CA and server key, the HTTPS server on
 * loopback, and the fetch the process's appliances reach it with (real TLS, verified).
 */
export async function servePlatform(site: () => { base: string; handle: RequestHandler }, hostnames: readonly string[], port = 0): Promise<{ server: PlatformServer; fetch: (input: string, init: RequestInit) => Promise<Response> }> {
  const credentials = await makeServerCredentials(hostnames);
  const server = await PlatformServer.start({ site, credentials, port });
  return { server, fetch: pointedFetch(server.address, credentials.ca) };
}
