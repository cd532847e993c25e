// The appliance API as the one description of the appliance-platform exchange: its handlers
// answer the twin's cloud agent in-process (msw's setupServer on the global fetch) and on the
// platform twin's HTTPS server alike; they refuse malformed requests; failures are named
// overrides; and what the agent makes of each answer (or of a failed connection) is what the
// appliance shows. It sits beside the lab bench, not in cloud/: the platform never sees the
// appliance's code, only its requests.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { CloudAgent } from './appliance/agent.ts';
import type { FetchLike } from './appliance/agent.ts';
import { identityOf } from './appliance/identity.ts';
import { LabBench } from './lab-bench.ts';
import { API_PATH, handlerFetch } from './cloud/api.ts';
import { makeServerCredentials } from './cloud/certificates.ts';
import { PlatformServer, pointedFetch } from './cloud/server.ts';

const health = { model: 'm', softwareVersions: {}, mode: 'ipv4+v6' as const, lanIpv4: '198.18.10.20', uiVlan: 0, scanning: false, updating: false };

function agentFor(bench: LabBench, fetch: FetchLike, serial = bench.appliance.identity.serialNumber): CloudAgent {
  return new CloudAgent({ url: () => bench.platform.url, fetch, identity: identityOf(serial) });
}

async function post(fetch: FetchLike, url: string, body: string, type = 'application/json'): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
  return { status: response.status, json: await response.json().catch(() => null) };
}

describe('the handlers', () => {
  test('a poll before activation, after it, and from a unit the platform does not know', async () => {
    const bench = new LabBench({ generation: '2022' });
    const agent = agentFor(bench, handlerFetch(bench.api));
    assert.equal((await agent.exchange('boot', health, 0)).kind, 'not-activated');
    bench.activate(bench.appliance.identity.activationCode, 'jdoe');
    const first = await agent.exchange('poll', health, 0);
    assert.equal(first.kind, 'activated');
    assert.ok(first.kind === 'activated' && first.name === 'is_jdoe' && first.indicator === 'US1');
    assert.equal(first.config, null, 'nothing configured yet: nothing to pick up (version 0)');
    const record = bench.platform.record(bench.appliance.identity.serialNumber)!;
    bench.platform.setVlansAndRoutes(bench.platform.user('jdoe'), record, [{ id: 20, address: '198.18.120.10', netmask: '255.255.255.0', name: '' }], []);
    const changed = await agent.exchange('poll', health, 0);
    assert.ok(changed.kind === 'activated' && changed.config !== null, 'a changed configuration is picked up');
    const again = await agent.exchange('poll', health, changed.config!.version);
    assert.ok(again.kind === 'activated' && again.config === null, 'an unchanged configuration is not sent again');
    const stranger = agentFor(bench, handlerFetch(bench.api), 424242);
    assert.deepEqual(await stranger.exchange('boot', health, 0), { kind: 'refused', reason: 'unknown-scanner', serverMs: 0, slowestMs: 0 });
  });

  test('jobs are handed over once, and a finished scan\'s results are taken', async () => {
    const bench = new LabBench({ generation: '2022' });
    bench.activate(bench.appliance.identity.activationCode, 'jdoe');
    const agent = agentFor(bench, handlerFetch(bench.api));
    const job = bench.launch('scan', 60_000, ['198.18.10.99']);
    const taken = await agent.exchange('poll', health, 0);
    assert.ok(taken.kind === 'activated');
    assert.deepEqual(taken.jobs, [job]);
    const next = await agent.exchange('poll', { ...health, scanning: true }, 0);
    assert.ok(next.kind === 'activated' && next.jobs.length === 0);
    assert.equal(await agent.upload(job.id, { outcome: 'finished', probes: [{ target: '198.18.10.99', via: 'LAN' }] }), true);
    assert.equal(await agent.upload(job.id, { outcome: 'timed-out', probes: [] }), true, 'sent again, the results are taken');
    const record = bench.platform.record(bench.appliance.identity.serialNumber)!;
    assert.deepEqual(record.results.map((r) => r.result.outcome), ['finished'], 'and change nothing');
  });

  test('results the platform has no job for are not kept (404); results that could not be sent are kept', async () => {
    const bench = new LabBench({ generation: '2022' });
    bench.activate(bench.appliance.identity.activationCode, 'jdoe');
    const agent = agentFor(bench, handlerFetch(bench.api));
    assert.equal(await agent.upload('scan/999', { outcome: 'finished', probes: [] }), true, 'nothing left to send: the platform will never take them');
    const unreachable = agentFor(bench, async () => { throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }); });
    assert.equal(await unreachable.upload('scan/1', { outcome: 'finished', probes: [] }), false);
    const failing = agentFor(bench, async () => new Response(null, { status: 500 }));
    assert.equal(await failing.upload('scan/1', { outcome: 'finished', probes: [] }), false, 'a server error: kept for the next contact');
  });

  test('malformed requests are refused with 400 or 415, naming what is wrong', async () => {
    const bench = new LabBench({ generation: '2022' });
    const fetch = handlerFetch(bench.api);
    const url = `${bench.platform.url}${API_PATH}/poll`;
    const { serialNumber, activationCode } = bench.appliance.identity;
    const good = { serialNumber, activationCode, reason: 'boot', health };
    assert.equal((await post(fetch, url, JSON.stringify(good))).status, 200);
    assert.equal((await post(fetch, url, JSON.stringify(good), 'text/plain')).status, 415);
    assert.equal((await post(fetch, url, '{not json')).status, 400);
    const missing = await post(fetch, url, JSON.stringify({ ...good, health: undefined }));
    assert.equal(missing.status, 400);
    assert.match(JSON.stringify(missing.json), /health/);
    assert.equal((await post(fetch, url, JSON.stringify({ ...good, extra: 1 }))).status, 400, 'unknown fields are refused');
    assert.equal((await post(fetch, url, JSON.stringify({ ...good, activationCode: '12' }))).status, 400);
    await assert.rejects(fetch(`${bench.platform.url}${API_PATH}/nothing-here`, { method: 'GET' }), /no handler/);
  });

  test('named failures: an HTTP error status, each refusal, slow answers; recover() ends them', async () => {
    const bench = new LabBench({ generation: '2022' });
    bench.activate(bench.appliance.identity.activationCode, 'jdoe');
    const agent = agentFor(bench, handlerFetch(bench.api));
    bench.failPlatform('http-error', { status: 401 });
    assert.deepEqual(await agent.exchange('poll', health, 0), { kind: 'http-error', status: 401, serverMs: 0, slowestMs: 0 });
    bench.failPlatform('http-error', { status: 500 });
    assert.deepEqual(await agent.exchange('poll', health, 0), { kind: 'http-error', status: 500, serverMs: 0, slowestMs: 0 });
    for (const reason of ['unknown-scanner', 'scanner-disabled', 'account-expired'] as const) {
      bench.failPlatform('normal');
      bench.failPlatform(reason);
      assert.deepEqual(await agent.exchange('poll', health, 0), { kind: 'refused', reason, serverMs: 0, slowestMs: 0 });
    }
    bench.failPlatform('normal');
    bench.failPlatform('slow', { ms: 12_000 });
    const slow = await agent.exchange('poll', health, 0);
    assert.equal(slow.kind, 'activated');
    assert.equal(slow.serverMs, 12_000, 'the poll took 12 s (nothing configured to pick up)');
    assert.equal(slow.slowestMs, 12_000);
    const record = bench.platform.record(bench.appliance.identity.serialNumber)!;
    bench.platform.setVlansAndRoutes(bench.platform.user('jdoe'), record, [{ id: 20, address: '198.18.120.10', netmask: '255.255.255.0', name: '' }], []);
    const both = await agent.exchange('poll', health, 0);
    assert.equal(both.serverMs, 24_000, 'the poll and the configuration pick-up each took 12 s');
    assert.equal(both.slowestMs, 12_000);
    bench.failPlatform('normal');
    assert.equal((await agent.exchange('poll', health, 0)).serverMs, 0);
    assert.throws(() => bench.failPlatform('http-error', { status: 200 }), /HTTP error status/);
  });
});

describe('in-process, through msw\'s setupServer on the global fetch', () => {
  const server = setupServer();
  before(() => server.listen({ onUnhandledFrame: 'error' }));
  after(() => server.close());

  test('the twin boots and is activated through the global fetch; a request no handler takes fails the exchange', async () => {
    const bench = new LabBench({ generation: '2017', fetch: (input, init) => fetch(input, init) });
    server.resetHandlers(...bench.api.handlers());
    bench.activate(bench.appliance.identity.activationCode, 'jdoe');
    bench.appliance.pressPowerButton();
    assert.ok(await bench.waitUntil(() => bench.appliance.status.kind === 'ready', 10 * 60_000), JSON.stringify(bench.appliance.status));
    assert.ok(bench.api.requests.some((r) => r.path === `${API_PATH}/poll` && r.host === 'qualysguard.us1.qualys.test'));
    // Handlers for another host only (resetHandlers() alone would restore the ones given before).
    server.resetHandlers(http.get('https://elsewhere.test/', () => HttpResponse.text('')));
    const agent = agentFor(bench, (input, init) => fetch(input, init));
    const failed = await agent.exchange('poll', health, 0);
    assert.equal(failed.kind, 'failed', 'an unhandled request is an error, not a silent pass-through');
  });
});

describe('on the platform twin\'s HTTPS server', () => {
  test('the agent reaches it over TLS for the POD\'s name; a certificate from another CA, a closed port: the transport\'s conditions', async () => {
    const bench = new LabBench({ generation: '2022' });
    const credentials = await makeServerCredentials(['qualysguard.us1.qualys.test']);
    const server = await PlatformServer.start({ site: () => bench.site(), credentials });
    const address = server.address;
    try {
      const agent = agentFor(bench, pointedFetch(address, credentials.ca));
      bench.activate(bench.appliance.identity.activationCode, 'jdoe');
      const ok = await agent.exchange('boot', health, 0);
      assert.equal(ok.kind, 'activated');
      assert.equal(bench.api.requests[0]?.host, 'qualysguard.us1.qualys.test', 'the Host the agent asked for');
      const foreign = await makeServerCredentials(['elsewhere.test']);
      const untrusting = agentFor(bench, pointedFetch(address, foreign.ca));
      const refused = await untrusting.exchange('boot', health, 0);
      assert.ok(refused.kind === 'failed' && refused.condition === 'platform-ssl-cert', JSON.stringify(refused));
    } finally {
      await server.close();
    }
    const closed = agentFor(bench, pointedFetch(address, credentials.ca));
    const gone = await closed.exchange('boot', health, 0);
    assert.ok(gone.kind === 'failed' && gone.condition === 'platform-refused', JSON.stringify(gone));
  });

  test('portal and API share the server: a page outside the API is the portal\'s', async () => {
    const bench = new LabBench({ generation: '2022' });
    const credentials = await makeServerCredentials(['qualysguard.us1.qualys.test']);
    const server = await PlatformServer.start({ site: () => bench.site(), credentials });
    try {
      const fetch = pointedFetch(server.address, credentials.ca);
      const login = await fetch('https://qualysguard.us1.qualys.test/login', { method: 'GET' });
      assert.equal(login.status, 200);
      assert.match(await login.text(), /<h1>Qualys LOGIN<\/h1>/);
      assert.match(login.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      const api = await fetch(`https://qualysguard.us1.qualys.test${API_PATH}/unknown`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(api.status, 404);
    } finally {
      await server.close();
    }
  });
});

describe('what the appliance shows', () => {
  test('an answer slower than 30 seconds is a timeout; slow ones within 30 seconds each delay the contact by their time', async () => {
    const slowBy = async (ms: number) => {
      const bench = new LabBench({ generation: '2022' });
      bench.activate(bench.appliance.identity.activationCode, 'jdoe');
      bench.failPlatform('slow', { ms });
      bench.appliance.pressPowerButton();
      await bench.waitUntil(() => bench.appliance.status.kind !== 'none', 10 * 60_000);
      return { status: bench.appliance.status, at: bench.clock.now() };
    };
    const quick = await slowBy(0);
    assert.equal(quick.status.kind, 'ready');
    const slow = await slowBy(10_000);
    assert.equal(slow.status.kind, 'ready');
    assert.equal(slow.at - quick.at, 10_000, 'one request (the poll; nothing configured to pick up) of 10 s');
    const late = await slowBy(31_000);
    assert.ok(late.status.kind === 'error' && late.status.condition === 'platform-timeout', JSON.stringify(late.status));
  });
});
