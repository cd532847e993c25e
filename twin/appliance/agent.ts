// The appliance's cloud agent: it speaks the platform's API (twin/cloud/api.ts) with `fetch`
// over HTTPS to the platform URL of its POD. Which fetch is the lab's business: the global one
// (answered in-process by msw's setupServer in tests), or one bound to a real HTTPS server.
// Everything it receives is validated; anything else is a failed exchange, as on a real unit.
import type { z } from 'zod';
import { API_PATH, claimResponse, configResponse, pollResponse, refusals } from '../cloud/api.ts';
import type { ClaimedJob, ConfigResponse, JobResult, PollRequest, RefusalName } from '../cloud/api.ts';
import type { Identity } from './identity.ts';
import { certificateErrorCodes } from '../network/interface.ts';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type Exchange =
  | { kind: 'activated'; name: string; indicator: string; config: ConfigResponse | null; jobs: ClaimedJob[]; cancel: string[] }
  | { kind: 'not-activated' }
  /** "This scan_id does not exist", "This Scanner is disabled", "Account expired". */
  | { kind: 'refused'; reason: RefusalName }
  /** "Unexpected QG HTTP/401", "Unexpected QG HTTP/500". */
  | { kind: 'http-error'; status: number }
  /** No answer the agent could use: the connection failed (how, as the TLS stack says), or an unreadable answer. */
  | { kind: 'failed'; condition: TransportCondition; reason: string };

export type TransportCondition = 'platform-refused' | 'platform-timeout' | 'platform-send-failed' | 'platform-receive-failed' | 'platform-ssl-handshake' | 'platform-ssl-cert';

/** What a failed connection was, from the error's code (Node's, OpenSSL's or undici's). */
export function transportCondition(error: unknown): TransportCondition {
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code ?? '';
  if (certificateErrorCodes.has(code)) return 'platform-ssl-cert';
  if (code === 'ECONNREFUSED') return 'platform-refused';
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') return 'platform-timeout';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'platform-send-failed';
  if (code === 'EPROTO' || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS')) return 'platform-ssl-handshake';
  return 'platform-receive-failed';
}

/**
 * An exchange and how long the platform said it spent on it (Server-Timing): in all, and on
 * its slowest answer (the appliance waits for each answer at most so long).
 */
export type Timed<T> = T & { serverMs: number; slowestMs: number };

class ExchangeFailed extends Error {
  readonly exchange: Exchange;
  constructor(exchange: Exchange) {
    super(exchange.kind);
    this.exchange = exchange;
  }
}

function serverMs(response: Response): number {
  const header = response.headers.get('server-timing') ?? '';
  let total = 0;
  for (const m of header.matchAll(/dur=([\d.]+)/g)) total += Number(m[1]);
  return total;
}

export class CloudAgent {
  readonly #url: () => string;
  readonly #fetch: FetchLike;
  readonly #identity: Identity;

  /** `url`: the platform URL of the unit's POD, looked up at each contact. */
  constructor(options: { url: () => string; fetch: FetchLike; identity: Identity }) {
    this.#url = options.url;
    this.#fetch = options.fetch;
    this.#identity = options.identity;
  }

  get url(): string {
    return this.#url();
  }

  get #credentials() {
    return { serialNumber: this.#identity.serialNumber, activationCode: this.#identity.activationCode };
  }

  async #post<S extends z.ZodType>(path: string, body: unknown, schema: S | null, timing: { ms: number; slowest: number }): Promise<z.infer<S> | null> {
    let response: Response;
    try {
      response = await this.#fetch(`${this.url}${API_PATH}${path}`, {
        method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body),
      });
    } catch (error) {
      throw new ExchangeFailed({ kind: 'failed', condition: transportCondition(error), reason: `${path}: ${(error as Error).message}` });
    }
    const spent = serverMs(response);
    timing.ms += spent;
    timing.slowest = Math.max(timing.slowest, spent);
    if (response.status === 403) {
      const problem = await response.json().catch(() => null) as { error?: string } | null;
      const reason = problem?.error;
      if (reason !== undefined && reason in refusals) throw new ExchangeFailed({ kind: 'refused', reason: reason as RefusalName });
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ExchangeFailed({ kind: 'http-error', status: response.status });
    }
    if (schema === null) {
      await response.body?.cancel();
      return null;
    }
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new ExchangeFailed({ kind: 'failed', condition: 'platform-receive-failed', reason: `${path}: an answer the appliance cannot read` });
    return parsed.data;
  }

  /**
   * One contact: the poll (log in, activation, health report), then the configuration if it
   * changed since `knownConfigVersion`, then any pending jobs.
   */
  async exchange(reason: PollRequest['reason'], health: PollRequest['health'], knownConfigVersion: number): Promise<Timed<Exchange>> {
    const timing = { ms: 0, slowest: 0 };
    const timed = () => ({ serverMs: timing.ms, slowestMs: timing.slowest });
    try {
      const poll = await this.#post('/poll', { ...this.#credentials, reason, health } satisfies PollRequest, pollResponse, timing);
      if (!poll!.activated) return { kind: 'not-activated', ...timed() };
      const { name, indicator, configVersion, jobsPending, cancel } = poll!;
      const config = configVersion === knownConfigVersion ? null : await this.#post('/config', this.#credentials, configResponse, timing);
      const jobs = jobsPending > 0 ? (await this.#post('/jobs/claim', this.#credentials, claimResponse, timing))!.jobs : [];
      return { kind: 'activated', name, indicator, config, jobs, cancel, ...timed() };
    } catch (error) {
      if (error instanceof ExchangeFailed) return { ...error.exchange, ...timed() };
      throw error;
    }
  }

  /**
   * A finished job's results. True once nothing is left to send: the platform took them, or has
   * no such job (404) and never will; false when they could not be delivered (kept for the next
   * contact), so that one result the platform refuses does not hold back the others.
   */
  async upload(jobId: string, result: JobResult): Promise<boolean> {
    try {
      await this.#post(`/jobs/${jobId}/results`, { ...this.#credentials, ...result }, null, { ms: 0, slowest: 0 });
      return true;
    } catch (error) {
      if (error instanceof ExchangeFailed) return error.exchange.kind === 'http-error' && error.exchange.status === 404;
      throw error;
    }
  }
}
