// The appliance-to-platform API, described once as msw request handlers: polling (the
// appliance's log in, activation and health report), configuration pick-up, job pick-up and
// result upload. In tests `setupServer` answers the appliance's fetch in-process; the same
// handlers serve on the platform twin's HTTPS server (server.ts) for a twin process or a real
// appliance. Failures are named overrides put in front of the normal handlers.
import { getResponse, http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { z } from 'zod';
import type { PlatformFailure } from '../../fixtures/wire.ts';
import type { Platform } from './platform.ts';

export const API_PATH = '/appliance/v1';

const credentials = {
  serialNumber: z.number().int().positive(),
  activationCode: z.string().regex(/^\d{12}$/),
};

export const pollRequest = z.strictObject({
  ...credentials,
  /** Why the appliance contacts the platform now (boot, a changed setting, the polling interval). */
  reason: z.enum(['boot', 'change', 'poll', 'activation-retry']),
  health: z.strictObject({
    model: z.string().min(1),
    softwareVersions: z.record(z.string(), z.string()),
    mode: z.enum(['ipv4+v6', 'ipv6-only']),
    lanIpv4: z.string().nullable(),
    uiVlan: z.number().int().min(0).max(4094),
    scanning: z.boolean(),
    updating: z.boolean(),
  }),
});
export type PollRequest = z.infer<typeof pollRequest>;

export const pollResponse = z.discriminatedUnion('activated', [
  z.strictObject({ activated: z.literal(false) }),
  z.strictObject({
    activated: z.literal(true), name: z.string(), indicator: z.string(),
    configVersion: z.number().int(), jobsPending: z.number().int().nonnegative(),
    /** Jobs a user cancelled in the portal while the appliance ran them: stop them. */
    cancel: z.array(z.string()),
  }),
]);
export type PollResponse = z.infer<typeof pollResponse>;

const vlan = z.strictObject({ id: z.number().int(), address: z.string(), netmask: z.string(), name: z.string() });
const route = z.strictObject({ name: z.string(), destination: z.string(), netmask: z.string(), gateway: z.string() });
export const configResponse = z.strictObject({
  version: z.number().int(),
  vlans: z.array(vlan),
  staticRoutes: z.array(route),
  ipv6: z.union([
    z.strictObject({ enabled: z.literal(false) }),
    z.strictObject({ enabled: z.literal(true), mode: z.literal('auto') }),
    z.strictObject({ enabled: z.literal(true), mode: z.literal('static'), address: z.string(), prefixLength: z.number().int(), gateway: z.string() }),
  ]),
  syslog: z.strictObject({ enabled: z.boolean(), protocol: z.enum(['TCP', 'UDP']), port: z.number().int(), server: z.string() }).nullable(),
});
/** What an appliance picks up from the platform: its VLANs, static routes, IPv6 scanning, syslog. */
export type ConfigResponse = z.infer<typeof configResponse>;

const job = z.discriminatedUnion('kind', [
  z.strictObject({ id: z.string(), kind: z.literal('scan'), durationMs: z.number().int().nonnegative(), targets: z.array(z.string()) }),
  z.strictObject({ id: z.string(), kind: z.literal('software-update'), durationMs: z.number().int().nonnegative(), versions: z.record(z.string(), z.string()) }),
]);
export const claimResponse = z.strictObject({ jobs: z.array(job) });
/** Work handed to an appliance: a scan of targets, or a software update to versions. */
export type ClaimedJob = z.infer<typeof job>;

export const resultsRequest = z.strictObject({
  ...credentials,
  outcome: z.enum(['finished', 'cancelled', 'timed-out']),
  probes: z.array(z.strictObject({ target: z.string(), via: z.string().nullable() })),
});

/** A finished job's results as the appliance uploads them (besides its credentials). */
export type JobResult = Omit<z.infer<typeof resultsRequest>, keyof typeof credentials>;

const identified = z.strictObject(credentials);
/** How an appliance identifies itself in every request: all the platform knows of a unit. */
export type Credentials = z.infer<typeof identified>;

/** The refusals the appliance shows as configuration errors ("This scan_id does not exist", ...). */
export const refusals = {
  'unknown-scanner': { status: 403, message: 'This scan_id does not exist' },
  'scanner-disabled': { status: 403, message: 'This Scanner is disabled' },
  'account-expired': { status: 403, message: 'Account expired' },
} as const;
export type RefusalName = keyof typeof refusals;

/**
 * Answers a fetch from the handlers in force, in-process and without a network (msw's
 * getResponse): the fast path for unit tests. Like setupServer with `onUnhandledFrame: 'error'`,
 * a request no handler takes fails.
 */
export function handlerFetch(api: { handlers(): HttpHandler[] }): (input: string, init: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await getResponse(api.handlers(), request);
    if (!response) throw new TypeError(`fetch failed: no handler for ${request.method} ${request.url}`);
    return response;
  };
}

/** A request the API saw: the host the appliance contacted and what it asked for. */
export interface ApiRequest { method: string; host: string; port: string; path: string }

function problem(status: number, error: string, message: string): Response {
  return HttpResponse.json({ error, message }, { status });
}

async function parse<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S> | Response> {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
    return problem(415, 'unsupported-media-type', 'the API takes application/json');
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return problem(400, 'malformed', 'the body is not JSON');
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    return problem(400, 'malformed', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** The normal behaviour of the API for `platform`. */
function normalHandlers(platform: Platform, base: string): HttpHandler[] {
  return [
    http.post(`${base}${API_PATH}/poll`, async ({ request }) => {
      const body = await parse(request, pollRequest);
      if (body instanceof Response) return body;
      const answer = platform.poll({ serialNumber: body.serialNumber, activationCode: body.activationCode, ...body.health });
      if (answer.kind === 'unknown-scanner') return problem(refusals['unknown-scanner'].status, 'unknown-scanner', refusals['unknown-scanner'].message);
      if (platform.expired) return problem(refusals['account-expired'].status, 'account-expired', refusals['account-expired'].message);
      if (answer.kind === 'not-activated') return HttpResponse.json({ activated: false } satisfies PollResponse);
      const { name, indicator, configVersion, jobsPending, cancel } = answer;
      return HttpResponse.json({ activated: true, name, indicator, configVersion, jobsPending, cancel } satisfies PollResponse);
    }),
    http.post(`${base}${API_PATH}/config`, async ({ request }) => {
      const body = await parse(request, identified);
      if (body instanceof Response) return body;
      const config = platform.config(body.serialNumber);
      if (!config) return problem(404, 'not-activated', 'this scanner is not activated');
      return HttpResponse.json(config);
    }),
    http.post(`${base}${API_PATH}/jobs/claim`, async ({ request }) => {
      const body = await parse(request, identified);
      if (body instanceof Response) return body;
      const jobs = platform.claim(body.serialNumber);
      if (!jobs) return problem(404, 'not-activated', 'this scanner is not activated');
      return HttpResponse.json({ jobs });
    }),
    http.post(`${base}${API_PATH}/jobs/:kind/:id/results`, async ({ request, params }) => {
      const body = await parse(request, resultsRequest);
      if (body instanceof Response) return body;
      const ok = platform.finish(body.serialNumber, `${String(params['kind'])}/${String(params['id'])}`, { outcome: body.outcome, probes: body.probes });
      return ok ? new HttpResponse(null, { status: 204 }) : problem(404, 'unknown-job', 'no such job running on this scanner');
    }),
  ];
}

/** The failures a lab can apply: those the suite names (fixtures/wire.ts), each answered here. */
export type FailureName = Exclude<PlatformFailure['name'], 'normal'>;
const _everyRefusalAnswered: Record<Exclude<FailureName, 'http-error' | 'slow'>, unknown> = refusals;
export interface FailureOptions {
  /** http-error: the status every API request is answered with (401, 500, ...). */
  status?: number;
  /** slow: how long the platform takes over each answer. */
  ms?: number;
}

/**
 * A named failure: a handler answering every API request (or only polls) abnormally. `slow`
 * answers normally but after `ms`: the answer carries its server time (Server-Timing), which a
 * twin on a virtual clock counts as time spent; on real time the server also waits.
 */
function failureHandler(name: FailureName, base: string, normal: HttpHandler[], options: FailureOptions & { sleep?: (ms: number) => Promise<void> }): HttpHandler {
  const all = `${base}${API_PATH}/*`;
  switch (name) {
    case 'http-error': {
      const status = options.status ?? 500;
      if (!Number.isInteger(status) || status < 400 || status > 599) throw new RangeError(`http-error: an HTTP error status (400-599), not ${status}`);
      return http.all(all, () => problem(status, 'http-error', `HTTP ${status}`));
    }
    case 'unknown-scanner':
    case 'scanner-disabled':
    case 'account-expired': {
      const refusal = refusals[name];
      return http.post(`${base}${API_PATH}/poll`, () => problem(refusal.status, name, refusal.message));
    }
    case 'slow': {
      const ms = options.ms ?? 0;
      return http.all(all, async ({ request }) => {
        if (options.sleep) await options.sleep(ms);
        const answer = await getResponse(normal, request);
        if (!answer) return undefined;
        const headers = new Headers(answer.headers);
        headers.set('server-timing', `app;dur=${ms}`);
        return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers });
      });
    }
  }
}

/**
 * The API of one platform: its normal handlers behind any failures a lab applied, and a log of
 * the requests it saw. Listeners (an msw server, the HTTPS server) follow its current handlers.
 */
export class PlatformApi {
  readonly platform: Platform;
  readonly requests: ApiRequest[] = [];
  #normal: HttpHandler[] = [];
  readonly #sleep: ((ms: number) => Promise<void>) | undefined;
  #failures: Array<{ name: FailureName; handler: HttpHandler }> = [];
  readonly #listeners = new Set<() => void>();

  constructor(platform: Platform, options: { sleep?: (ms: number) => Promise<void> } = {}) {
    this.platform = platform;
    this.#sleep = options.sleep;
    this.#build();
  }

  /** The platform's URL: the handlers answer there. */
  get base(): string {
    return this.platform.url;
  }

  /** The handlers again, for the platform's URL now (after it moved to another POD). */
  rebase(): void {
    this.#build();
    this.#failures = [];
    this.#changed();
  }

  #build(): void {
    const log = http.all(`${this.base}${API_PATH}/*`, ({ request }) => {
      // The name the appliance asked for (a server reached by address still sees the Host header).
      const url = new URL(`https://${request.headers.get('host') ?? new URL(request.url).host}`);
      this.requests.push({ method: request.method, host: url.hostname, port: url.port || '443', path: new URL(request.url).pathname });
      return undefined;
    });
    this.#normal = [log, ...normalHandlers(this.platform, this.base)];
  }

  /** The handlers in force: failures first, then the normal API. */
  handlers(): HttpHandler[] {
    return [...this.#failures.map((f) => f.handler), ...this.#normal];
  }

  /** Applies a named failure from now on (the latest applied wins). */
  fail(name: FailureName, options: FailureOptions = {}): void {
    this.#failures = this.#failures.filter((f) => f.name !== name);
    const sleep = this.#sleep;
    this.#failures.unshift({ name, handler: failureHandler(name, this.base, this.#normal, sleep ? { ...options, sleep } : options) });
    this.#changed();
  }

  /** Back to normal answers. */
  recover(): void {
    this.#failures = [];
    this.#changed();
  }

  get failures(): FailureName[] {
    return this.#failures.map((f) => f.name);
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}
