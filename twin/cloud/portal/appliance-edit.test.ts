// The Appliance wizard over real HTTPS (the platform twin's server, a fetch that verifies its
// certificate): who may edit, the name, VLANs and static routes with the limits of each edition
// and serial number, the VLAN set on the appliance's own UI, "Enable IPv6 for this scanner", the
// features that hide the settings, and refusals shown next to their fields with the values kept.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAccount, platformHostnames } from '../../../fixtures/platform.ts';
import { Secrets } from '../../../fixtures/secrets.ts';
import { LabBench } from '../../lab-bench.ts';
import type { ServerCredentials } from '../certificates.ts';
import { makeServerCredentials } from '../certificates.ts';
import type { ApplianceRecord, HealthReport } from '../records.ts';
import { PlatformServer, pointedFetch } from '../server.ts';

const account = loadAccount();
const secrets = new Secrets();
let credentials: ServerCredentials;
const servers: PlatformServer[] = [];

before(async () => {
  credentials = await makeServerCredentials(platformHostnames(account));
});

after(async () => {
  for (const s of servers) await s.close();
});

/** A browser's worth of HTTP: a cookie, the CSRF token of the last page, no redirects followed. */
class Client {
  readonly #fetch: (input: string, init: RequestInit) => Promise<Response>;
  readonly #base: string;
  #cookie = '';
  csrf = '';

  constructor(fetch: (input: string, init: RequestInit) => Promise<Response>, base: string) {
    this.#fetch = fetch;
    this.#base = base;
  }

  async request(path: string, form?: Record<string, string | string[]> | URLSearchParams): Promise<{ status: number; body: string; location: string | null }> {
    let body: string | undefined;
    if (form) {
      const params = form instanceof URLSearchParams ? form : new URLSearchParams();
      if (!(form instanceof URLSearchParams)) {
        for (const [k, v] of Object.entries(form)) for (const value of Array.isArray(v) ? v : [v]) params.append(k, value);
      }
      if (!params.has('csrf') && this.csrf) params.set('csrf', this.csrf);
      body = params.toString();
    }
    const response = await this.#fetch(`${this.#base}${path}`, {
      method: form ? 'POST' : 'GET', redirect: 'manual',
      headers: { cookie: this.#cookie, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(body === undefined ? {} : { body }),
    });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('qualys_session='));
    if (cookie) this.#cookie = cookie.split(';')[0]!;
    const text = await response.text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(text)?.[1];
    if (csrf) this.csrf = csrf;
    return { status: response.status, body: text, location: response.headers.get('location') };
  }

  async logIn(login: string): Promise<void> {
    const user = account.users.find((u) => u.login === login)!;
    const answer = await this.request('/login', { login, password: secrets.value(user.passwordSecret) });
    assert.equal(answer.status, 303, `log in as ${login}`);
    if (answer.location === '/licence') await this.request('/licence', { decision: 'accept', csrf: (await this.request('/licence')).body.match(/name="csrf" value="([^"]+)"/)![1]! });
    await this.request('/home');
  }
}

const health = (bench: LabBench, changes: Partial<HealthReport> = {}): HealthReport => ({
  serialNumber: bench.appliance.identity.serialNumber, activationCode: bench.appliance.identity.activationCode,
  model: 'm', softwareVersions: {}, mode: 'ipv4+v6', lanIpv4: '198.18.10.20', uiVlan: 0, scanning: false, updating: false, ...changes,
});

/** A bench whose appliance is activated by `activatedBy` and has polled once, its portal served, and a user logged in. */
async function wizardFor(options: { generation: '2017' | '2022'; serialNumber?: number; activatedBy?: string; user?: string; report?: Partial<HealthReport> | null }) {
  const bench = new LabBench({ generation: options.generation, ...(options.serialNumber === undefined ? {} : { serialNumber: options.serialNumber }) });
  const activatedBy = options.activatedBy ?? 'acme_mgr';
  const group = account.users.find((u) => u.login === activatedBy)?.role === 'unit-manager' ? bench.platform.assetGroupsFor(bench.platform.user(activatedBy))[0]! : null;
  const record = bench.platform.activate(bench.platform.user(activatedBy), bench.appliance.identity.activationCode, group);
  if (options.report !== null) bench.platform.poll(health(bench, options.report ?? {}));
  const server = await PlatformServer.start({ site: () => bench.site(), credentials });
  servers.push(server);
  const client = new Client(pointedFetch(server.address, credentials.ca), bench.platform.url);
  await client.logIn(options.user ?? activatedBy);
  const app = options.generation === '2017' ? 'vm' : 'vm-vmdr';
  const path = `/app/${app}/scans/appliances/${record.id}/edit`;
  return { bench, record, client, path, open: () => client.request(path) };
}

// --- Reading the pages --------------------------------------------------------------------------

const alertsOf = (body: string) => [...body.matchAll(/<p role="alert"(?: id="([^"]*)")?>([^<]*)<\/p>/g)].map((m) => ({ id: m[1] ?? null, text: m[2]! }));
const statusesOf = (body: string) => [...body.matchAll(/<p role="status">([^<]*)<\/p>/g)].map((m) => m[1]!);
const rowsOf = (body: string, noun: string) => [...body.matchAll(new RegExp(`<legend>${noun} (\\d+)</legend>`, 'g'))].length;
const valuesOf = (body: string, name: string) => [...body.matchAll(new RegExp(`name="${name}" value="([^"]*)"`, 'g'))].map((m) => m[1]!);
const sectionOf = (body: string, id: string) => {
  const start = body.indexOf(`<section aria-labelledby="${id}">`);
  assert.ok(start >= 0, `no section ${id}`);
  return body.slice(start, body.indexOf('</section>', start));
};

/** The form as the page shows it, with `changes` made and an action pressed. */
function formOf(body: string, changes: Record<string, string | string[]>, action = 'save'): URLSearchParams {
  const params = new URLSearchParams();
  for (const m of body.matchAll(/<input (?:type="(hidden|checkbox|radio)" )?(?:id="[^"]*" )?name="([^"]+)"(?: inputmode="[^"]*")? value="([^"]*)"([^>]*)>/g)) {
    const [, type, name, value, rest] = m;
    if (name === undefined || value === undefined || name in changes) continue;
    if ((type === 'checkbox' || type === 'radio') && !rest!.includes('checked')) continue;
    params.append(name, value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
  }
  for (const [k, v] of Object.entries(changes)) for (const value of Array.isArray(v) ? v : [v]) params.append(k, value);
  params.set('action', action);
  return params;
}

const vlanLines = (n: number, first = 1) => Array.from({ length: n }, (_, i) => {
  const k = first + i;
  return `${k}, 198.${18 + (k >> 8 & 1)}.${k & 255}.10, 255.255.255.0, v${k}`;
}).join('\n');
const routeLines = (n: number) => Array.from({ length: n }, (_, i) => `r${i}, 198.19.${i >> 4}.${(i & 15) * 16}, 255.255.255.240, 198.18.10.1`).join('\n');

/** Pastes `lines` into a table's box, then saves. */
async function pasteAndSave(w: Awaited<ReturnType<typeof wizardFor>>, table: 'vlan' | 'route', lines: string) {
  const shown = await w.open();
  const pasted = await w.client.request(w.path, formOf(shown.body, { [`${table}Paste`]: lines }, `paste-${table}`));
  assert.equal(pasted.status, 200);
  return w.client.request(w.path, formOf(pasted.body, {}));
}

// --- Tests ---------------------------------------------------------------------------------------

describe('the Appliance wizard: who may edit and what it shows', () => {
  test('a Manager sees the name under General and the LAN settings with the VLAN set on the appliance, read-only', async () => {
    const w = await wizardFor({ generation: '2022', report: { uiVlan: 20 } });
    const page = await w.open();
    assert.equal(page.status, 200);
    assert.match(page.body, /<h1>Edit Scanner Appliance<\/h1>/);
    assert.deepEqual(valuesOf(sectionOf(page.body, 'general'), 'name'), ['is_acme_mgr']);
    const lan = sectionOf(page.body, 'lan-settings');
    assert.match(lan, /VLAN set on the appliance: 20 \(can't be edited here\)/);
    assert.doesNotMatch(lan, /name="[^"]*" value="20"/, 'the UI VLAN is no field of the form');
    assert.match(lan, /<legend>VLANs<\/legend>/);
    assert.match(lan, /<legend>Static routes<\/legend>/);
    assert.match(lan, /<label for="ipv6-enabled" class="inline">Enable IPv6 for this scanner<\/label>/);
    assert.match(lan, /<label for="ipv6-auto" class="inline">Automatically<\/label>/);
    assert.match(lan, /<label for="ipv6-static" class="inline">Static<\/label>/);
  });

  test('before the appliance reports, the page says it has not; with no VLAN set, that none is', async () => {
    const silent = await wizardFor({ generation: '2017', report: null });
    assert.match((await silent.open()).body, /has not reported its own settings yet/);
    const plain = await wizardFor({ generation: '2017' });
    assert.match((await plain.open()).body, /No VLAN is set on the appliance/);
  });

  test('a Reader, and a Unit Manager of another business unit, are refused (403); a Unit Manager of its own unit may edit', async () => {
    for (const user of ['auditor', 'lab_um']) {
      const w = await wizardFor({ generation: '2022', activatedBy: 'ops_um', user });
      assert.equal((await w.open()).status, 403, user);
      assert.equal((await w.client.request(w.path, { name: 'taken-over' })).status, 403, `${user} posting`);
      assert.equal(w.record.name, 'is_ops_um');
    }
    const own = await wizardFor({ generation: '2022', activatedBy: 'ops_um' });
    assert.equal((await own.open()).status, 200);
  });

  test('the wizard is under the application of Scans > Appliances only, for appliances that exist', async () => {
    const w = await wizardFor({ generation: '2022' });
    assert.equal((await w.client.request(w.path.replace('/vm-vmdr/', '/pc/'))).status, 404);
    assert.equal((await w.client.request(w.path.replace(`/${w.record.id}/`, '/999999/'))).status, 404);
  });

  test('a form without its CSRF token is refused and changes nothing', async () => {
    const w = await wizardFor({ generation: '2017' });
    assert.equal((await w.client.request(w.path, { name: 'forged', csrf: 'nope' })).status, 403);
    assert.equal(w.record.name, 'is_acme_mgr');
  });
});

describe('the name ("The name can be changed using the Qualys user interface")', () => {
  test('a new name is saved and the platform hands it to the appliance at its next poll', async () => {
    const w = await wizardFor({ generation: '2017' });
    const saved = await w.client.request(w.path, formOf((await w.open()).body, { name: 'scanner-east-1' }));
    assert.equal(saved.status, 303);
    assert.equal(w.record.name, 'scanner-east-1');
    const answer = w.bench.platform.poll(health(w.bench));
    assert.ok(answer.kind === 'activated' && answer.name === 'scanner-east-1');
    const after = await w.client.request(saved.location!);
    assert.deepEqual(statusesOf(after.body).length, 1);
    assert.deepEqual(valuesOf(after.body, 'name'), ['scanner-east-1']);
  });

  test('a name with markup is refused next to the field, shown back escaped, and not saved', async () => {
    const w = await wizardFor({ generation: '2022' });
    const refused = await w.client.request(w.path, formOf((await w.open()).body, { name: '<b>x</b>' }));
    assert.equal(refused.status, 400);
    assert.equal(w.record.name, 'is_acme_mgr');
    const general = sectionOf(refused.body, 'general');
    assert.deepEqual(alertsOf(general).map((a) => a.id), ['name-error']);
    assert.match(general, /<input id="name" name="name" value="&lt;b&gt;x&lt;\/b&gt;"[^>]* aria-invalid="true" aria-describedby="name-error">/);
    assert.ok(!refused.body.includes('<b>x</b>'), 'the markup is not in the page as markup');
  });

  test('another appliance\'s name is refused', async () => {
    const w = await wizardFor({ generation: '2017' });
    const other = w.bench.addAppliance({ activatedBy: 'mmiller' });
    assert.equal(w.bench.platform.record(other.identity.serialNumber)?.name, 'is_mmiller');
    const refused = await w.client.request(w.path, formOf((await w.open()).body, { name: 'is_mmiller' }));
    assert.equal(refused.status, 400);
    assert.equal(alertsOf(refused.body)[0]?.id, 'name-error');
  });
});

describe('VLANs and static routes: rows without script', () => {
  test('Add adds an empty row, Remove takes the rows selected out, pasted lines become rows; nothing is saved until Save', async () => {
    const w = await wizardFor({ generation: '2022' });
    const version = w.record.configVersion;
    let page = await w.open();
    assert.equal(rowsOf(page.body, 'VLAN'), 0);
    page = await w.client.request(w.path, formOf(page.body, {}, 'add-vlan'));
    page = await w.client.request(w.path, formOf(page.body, {}, 'add-vlan'));
    assert.equal(rowsOf(page.body, 'VLAN'), 2, 'two empty rows stay on the form');
    page = await w.client.request(w.path, formOf(page.body, { vlanId: ['20', ''], vlanAddress: ['198.18.120.10', ''], vlanNetmask: ['255.255.255.0', ''], vlanName: ['engineering', ''] }, 'add-route'));
    assert.equal(rowsOf(page.body, 'VLAN'), 2);
    assert.equal(rowsOf(page.body, 'Static route'), 1);
    assert.deepEqual(valuesOf(page.body, 'vlanId'), ['20', '']);
    page = await w.client.request(w.path, formOf(page.body, { vlanRemove: '1' }, 'remove-vlan'));
    assert.deepEqual(valuesOf(page.body, 'vlanId'), ['20']);
    page = await w.client.request(w.path, formOf(page.body, { vlanPaste: '30, 198.18.130.10, 255.255.255.0, research; 40, 198.18.140.10, 255.255.255.0\n' }, 'paste-vlan'));
    assert.deepEqual(valuesOf(page.body, 'vlanId'), ['20', '30', '40']);
    page = await w.client.request(w.path, formOf(page.body, { vlanRemove: '2' }, 'remove-vlan'));
    assert.deepEqual(valuesOf(page.body, 'vlanId'), ['20', '30']);
    assert.equal(w.record.configVersion, version, 'nothing saved by adding and removing rows');
    assert.equal(w.record.vlans.length, 0, 'nothing saved by adding and removing rows');
    const saved = await w.client.request(w.path, formOf(page.body, {}));
    assert.equal(saved.status, 303);
    assert.deepEqual(w.record.vlans.map((v) => [v.id, v.address, v.name]), [[20, '198.18.120.10', 'engineering'], [30, '198.18.130.10', 'research']]);
    assert.deepEqual(w.record.staticRoutes, [], 'the empty route row is no route');
    assert.equal(w.record.configVersion, version + 1);
    assert.deepEqual(w.bench.platform.config(w.bench.appliance.identity.serialNumber)?.vlans, w.record.vlans);
  });

  test('a VLAN with the ID set on the appliance\'s own UI is refused next to the VLANs, the values kept', async () => {
    const w = await wizardFor({ generation: '2017', report: { uiVlan: 100 } });
    const refused = await pasteAndSave(w, 'vlan', '100, 198.18.100.40, 255.255.255.0, <i>dup</i>');
    assert.equal(refused.status, 400);
    assert.deepEqual(alertsOf(refused.body).map((a) => a.id), ['vlans-error']);
    assert.match(alertsOf(refused.body)[0]!.text, /VLAN 100/);
    assert.deepEqual(valuesOf(refused.body, 'vlanId'), ['100']);
    assert.deepEqual(valuesOf(refused.body, 'vlanName'), ['&lt;i&gt;dup&lt;/i&gt;']);
    assert.deepEqual(w.record.vlans, []);
  });

  test('a route with a malformed gateway is refused next to the static routes', async () => {
    const w = await wizardFor({ generation: '2022' });
    const refused = await pasteAndSave(w, 'route', 'lab, 198.18.50.0, 255.255.255.0, 198.18.20.300');
    assert.equal(refused.status, 400);
    assert.deepEqual(alertsOf(refused.body).map((a) => a.id), ['routes-error']);
    assert.deepEqual(valuesOf(refused.body, 'routeGateway'), ['198.18.20.300']);
  });
});

describe('limits', () => {
  /** Saves `n` VLANs (or routes) through the wizard; the status and the count kept. */
  async function saveMany(w: Awaited<ReturnType<typeof wizardFor>>, table: 'vlan' | 'route', n: number) {
    const answer = await pasteAndSave(w, table, table === 'vlan' ? vlanLines(n) : routeLines(n));
    return { status: answer.status, body: answer.body, kept: table === 'vlan' ? w.record.vlans.length : w.record.staticRoutes.length };
  }

  test('2017: "Up to 4094 VLANs and static routes can be added to each Scanner Appliance"', async () => {
    const w = await wizardFor({ generation: '2017', serialNumber: 20000 });
    assert.match((await w.open()).body, /takes up to 4094 VLANs/);
    assert.deepEqual((await saveMany(w, 'vlan', 4095)).kept, 0);
    assert.deepEqual(await saveMany(w, 'vlan', 4094).then((r) => [r.status, r.kept]), [303, 4094]);
    const over = await saveMany(w, 'route', 4095);
    assert.deepEqual([over.status, over.kept], [400, 0]);
    assert.deepEqual(alertsOf(over.body).map((a) => a.id), ['routes-error']);
    assert.deepEqual(await saveMany(w, 'route', 4094).then((r) => [r.status, r.kept]), [303, 4094]);
    assert.equal(rowsOf((await w.open()).body, 'VLAN'), 4094, 'the wizard shows every VLAN saved');
  });

  for (const [serialNumber, limit] of [[28999, 99], [29000, 99], [29001, 4094], [31022, 4094]] as const) {
    test(`2022: serial number ${serialNumber} takes up to ${limit} VLANs (over 29000: 4094; under and at 29000: 99, ERRATA-321)`, async () => {
      const w = await wizardFor({ generation: '2022', serialNumber });
      assert.match((await w.open()).body, new RegExp(`takes up to ${limit} VLANs`));
      const over = await saveMany(w, 'vlan', limit + 1);
      assert.deepEqual([over.status, over.kept], [400, 0]);
      assert.deepEqual(alertsOf(over.body).map((a) => a.id), ['vlans-error']);
      assert.equal(rowsOf(over.body, 'VLAN'), limit + 1, 'the VLANs typed stay on the form');
      assert.deepEqual(await saveMany(w, 'vlan', limit).then((r) => [r.status, r.kept]), [303, limit]);
    });
  }

  test('2022: "Add up to 99 static routes", whatever the serial number', async () => {
    for (const serialNumber of [28000, 31022]) {
      const w = await wizardFor({ generation: '2022', serialNumber });
      assert.match((await w.open()).body, /takes up to 99 static routes/);
      assert.deepEqual(await saveMany(w, 'route', 100).then((r) => [r.status, r.kept]), [400, 0]);
      assert.deepEqual(await saveMany(w, 'route', 99).then((r) => [r.status, r.kept]), [303, 99]);
    }
  });
});

describe('the features that hide the settings', () => {
  test('"Don\'t see these settings? The VLAN trunking feature must be turned on": hidden, and refused when posted anyway', async () => {
    const w = await wizardFor({ generation: '2022' });
    w.bench.platform.features.vlanTrunking = false;
    const page = await w.open();
    assert.doesNotMatch(page.body, /<legend>VLANs<\/legend>|<legend>Static routes<\/legend>|name="vlanId"/);
    assert.match(page.body, /Enable IPv6 for this scanner/, 'the IPv6 settings are another feature');
    const forged = await w.client.request(w.path, formOf(page.body, { vlans: 'shown', vlanId: '20', vlanAddress: '198.18.120.10', vlanNetmask: '255.255.255.0', vlanName: '' }));
    assert.equal(forged.status, 403);
    assert.equal(alertsOf(forged.body).length, 1);
    assert.deepEqual(w.record.vlans, []);
    assert.doesNotMatch(forged.body, /name="vlanId"/);
    // Without them the rest saves.
    assert.equal((await w.client.request(w.path, formOf(page.body, { name: 'renamed' }))).status, 303);
  });

  test('"Don\'t see these settings? This means IPv6 Scanning is not turned on for your account": hidden, and refused when posted anyway', async () => {
    const w = await wizardFor({ generation: '2017' });
    w.bench.platform.features.ipv6Scanning = false;
    const page = await w.open();
    assert.doesNotMatch(page.body, /Enable IPv6 for this scanner|name="ipv6Mode"/);
    assert.match(page.body, /<legend>VLANs<\/legend>/);
    const forged = await w.client.request(w.path, formOf(page.body, { ipv6Enabled: 'on', ipv6Mode: 'auto' }));
    assert.equal(forged.status, 403);
    assert.deepEqual(w.record.ipv6, { enabled: false });
  });
});

describe('"Enable IPv6 for this scanner"', () => {
  const ipv6Form = (body: string, changes: Record<string, string>) => formOf(body, { ipv6Enabled: 'on', ...changes });

  test('"Automatically", then "Static" with an address: saved and handed to the appliance', async () => {
    const w = await wizardFor({ generation: '2022' });
    const serial = w.bench.appliance.identity.serialNumber;
    assert.equal((await w.client.request(w.path, ipv6Form((await w.open()).body, { ipv6Mode: 'auto' }))).status, 303);
    assert.deepEqual(w.bench.platform.config(serial)?.ipv6, { enabled: true, mode: 'auto' });
    let page = await w.open();
    assert.match(page.body, /id="ipv6-enabled" name="ipv6Enabled" value="on" checked/);
    assert.match(page.body, /id="ipv6-auto" name="ipv6Mode" value="auto" checked/);
    const staticForm = ipv6Form(page.body, { ipv6Mode: 'static', ipv6Address: '2001:db8:10::30', ipv6PrefixLength: '64', ipv6Gateway: '2001:db8:10::1' });
    assert.equal((await w.client.request(w.path, staticForm)).status, 303);
    assert.deepEqual(w.bench.platform.config(serial)?.ipv6, { enabled: true, mode: 'static', address: '2001:db8:10::30', prefixLength: 64, gateway: '2001:db8:10::1' });
    page = await w.open();
    assert.deepEqual(valuesOf(page.body, 'ipv6Address'), ['2001:db8:10::30']);
    // Unchecked: off again.
    const off = formOf(page.body, {});
    off.delete('ipv6Enabled');
    assert.equal((await w.client.request(w.path, off)).status, 303);
    assert.deepEqual(w.record.ipv6, { enabled: false });
  });

  test('a malformed static address is refused next to the IPv6 settings, the values kept', async () => {
    const w = await wizardFor({ generation: '2017' });
    const refused = await w.client.request(w.path, ipv6Form((await w.open()).body, { ipv6Mode: 'static', ipv6Address: '2001:db8::zz"', ipv6PrefixLength: '64', ipv6Gateway: '' }));
    assert.equal(refused.status, 400);
    assert.deepEqual(alertsOf(refused.body).map((a) => a.id), ['ipv6-error']);
    assert.match(refused.body, /id="ipv6-address" name="ipv6Address" value="2001:db8::zz&quot;" aria-invalid="true"/);
    assert.match(refused.body, /id="ipv6-static" name="ipv6Mode" value="static" checked/);
    assert.deepEqual(w.record.ipv6, { enabled: false });
  });

  test('refused before the appliance has connected, and (2022) in IPv6-only mode (ERRATA-325); turning it off is always taken', async () => {
    const never = await wizardFor({ generation: '2017', report: null });
    const refused = await never.client.request(never.path, ipv6Form((await never.open()).body, { ipv6Mode: 'auto' }));
    assert.equal(refused.status, 400);
    assert.deepEqual(alertsOf(refused.body).map((a) => a.id), ['ipv6-error']);
    const v6only = await wizardFor({ generation: '2022', report: { mode: 'ipv6-only', lanIpv4: null } });
    const page = await v6only.open();
    assert.equal((await v6only.client.request(v6only.path, ipv6Form(page.body, { ipv6Mode: 'auto' }))).status, 400);
    assert.equal((await v6only.client.request(v6only.path, formOf(page.body, {}))).status, 303);
  });

  test('a save refused at IPv6 keeps what was saved before it, and says so', async () => {
    const w = await wizardFor({ generation: '2022', report: { mode: 'ipv6-only', lanIpv4: null } });
    const answer = await w.client.request(w.path, ipv6Form((await w.open()).body, { name: 'renamed-first', ipv6Mode: 'auto' }));
    assert.equal(answer.status, 400);
    assert.equal(w.record.name, 'renamed-first');
    assert.deepEqual(statusesOf(answer.body), ['Saved: name.']);
    assert.deepEqual(alertsOf(answer.body).map((a) => a.id), ['ipv6-error']);
  });
});

describe('what the page does not do itself', () => {
  test('every rule is the platform\'s: a record changed elsewhere shows as it is now', async () => {
    const w = await wizardFor({ generation: '2022' });
    const manager = w.bench.platform.user('mmiller');
    w.bench.platform.setVlansAndRoutes(manager, w.record as ApplianceRecord, [{ id: 42, address: '198.18.42.10', netmask: '255.255.255.0', name: 'elsewhere' }], []);
    assert.deepEqual(valuesOf((await w.open()).body, 'vlanId'), ['42']);
  });
});
