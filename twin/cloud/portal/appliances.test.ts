// Scans > Appliances and New > Scanner Appliance on the platform twin's real HTTPS server: the
// pages' status codes, who sees what (Managers, Unit Managers of each business unit, Readers),
// the CSRF guard on activation, and names and typed values shown as text, never as markup.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAccount, platformHostnames } from '../../../fixtures/platform.ts';
import { Secrets } from '../../../fixtures/secrets.ts';
import { LabBench } from '../../lab-bench.ts';
import { makeServerCredentials } from '../certificates.ts';
import type { ApplianceRecord, HealthReport } from '../records.ts';
import { Refused } from '../records.ts';
import { PlatformServer, pointedFetch } from '../server.ts';

const account = loadAccount();
const secrets = new Secrets();
const POLL_MS = 180_000;

let bench: LabBench;
let server: PlatformServer;
let fetchTls: (input: string, init: RequestInit) => Promise<Response>;

before(async () => {
  const credentials = await makeServerCredentials(platformHostnames(account));
  server = await PlatformServer.start({ site: () => bench.site(), credentials });
  fetchTls = pointedFetch(server.address, credentials.ca);
});

after(async () => {
  await server.close();
});

/** A fresh platform (and appliance) for one test, on the given edition's portal. */
function freshBench(generation: '2017' | '2022' = '2022'): LabBench {
  bench = new LabBench({ generation });
  return bench;
}

interface Page { status: number; location: string | null; text: string }

/** A browser's visit: its session cookie, the CSRF token of the last page, requests to the POD's URL. */
class Visit {
  cookie = '';
  csrf = '';

  async request(path: string, init: { method?: 'GET' | 'POST'; form?: Record<string, string>; csrf?: boolean } = {}): Promise<Page> {
    const method = init.method ?? (init.form ? 'POST' : 'GET');
    const headers: Record<string, string> = {};
    if (this.cookie) headers['cookie'] = this.cookie;
    let body: string | undefined;
    if (init.form) {
      const fields = { ...init.form, ...(init.csrf === false ? {} : { csrf: this.csrf }) };
      body = new URLSearchParams(fields).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const response = await fetchTls(new URL(path, bench.platform.url).href, { method, headers, redirect: 'manual', ...(body === undefined ? {} : { body }) });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('qualys_session='));
    if (cookie) this.cookie = cookie.split(';')[0]!;
    const text = await response.text();
    const token = /name="csrf" value="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrf = token;
    return { status: response.status, location: response.headers.get('location'), text };
  }

  /** Logs in (accepting the licence agreement on a first login). */
  static async as(login: string): Promise<Visit> {
    const visit = new Visit();
    const user = account.users.find((u) => u.login === login)!;
    const answer = await visit.request('/login', { form: { login, password: secrets.value(user.passwordSecret) }, csrf: false });
    assert.equal(answer.status, 303, `login of ${login}`);
    if (answer.location === '/licence') {
      await visit.request('/licence');
      assert.equal((await visit.request('/licence', { form: { decision: 'accept' } })).status, 303);
    }
    await visit.request('/home');
    return visit;
  }
}

const list = (app = 'vm-vmdr') => `/app/${app}/scans/appliances`;
const newPath = (app = 'vm-vmdr') => `${list(app)}/new`;

function h1(text: string): string {
  return /<h1>([^<]*)<\/h1>/.exec(text)?.[1] ?? '';
}

function alertsOf(text: string): string[] {
  return [...text.matchAll(/<p role="alert"[^>]*>([^<]*)<\/p>/g)].map((m) => m[1]!);
}

/** The list's rows as [name, type, status]. */
function rowsOf(text: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(text)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>(?:<a [^>]*>)?([^<]*)/g)].map((c) => c[1]!.trim()));
}

function previewOf(text: string): string {
  return /<section aria-label="Preview">([\s\S]*?)<\/section>/.exec(text)?.[1] ?? '';
}

/** A detail row of the preview pane: the cell after its row header, as text. */
function detail(preview: string, label: string): string {
  const cell = new RegExp(`<th scope="row">${label}</th><td>([\\s\\S]*?)</td>`).exec(preview)?.[1];
  assert.ok(cell !== undefined, `no ${label} in the preview pane: ${preview}`);
  return cell.replace(/<[^>]*>/g, '').trim();
}

function busyOf(preview: string): string {
  return /alt="(Busy: [a-z]+)"/.exec(preview)?.[1] ?? 'no busy icon';
}

/** The appliance's poll as the platform receives it. */
function poll(record: ApplianceRecord, over: Partial<HealthReport> = {}): void {
  bench.platform.poll({
    serialNumber: record.identity.serialNumber, activationCode: record.identity.activationCode, model: record.model,
    softwareVersions: { ...bench.platform.latestVersions }, mode: 'ipv4+v6', lanIpv4: '198.18.10.20', uiVlan: 0, scanning: false, updating: false, ...over,
  });
}

function unit(): ApplianceRecord {
  return bench.platform.record(bench.appliance.identity.serialNumber)!;
}

function activated(login: string, group: string | null = null): ApplianceRecord {
  return bench.platform.activate(bench.platform.user(login), bench.appliance.identity.activationCode, group);
}

describe('Scans > Appliances', () => {
  test('is the page "Scanner Appliances", in the application that holds it in each edition, and nowhere else', async () => {
    for (const [generation, app, other] of [['2017', 'vm', null], ['2022', 'vm-vmdr', 'pc']] as const) {
      freshBench(generation);
      const visit = await Visit.as('acme_mgr');
      const page = await visit.request(list(app));
      assert.equal(page.status, 200, generation);
      assert.equal(h1(page.text), 'Scanner Appliances');
      assert.match(page.text, /<caption>Scanner appliances<\/caption>/);
      if (other) assert.equal((await visit.request(list(other))).status, 404, `${generation}: no Scans > Appliances in ${other}`);
      assert.equal((await visit.request(list('vm-vmdr-x'))).status, 404);
    }
  });

  test('asks for a login first', async () => {
    freshBench();
    const page = await new Visit().request(list());
    assert.equal(page.status, 303);
    assert.equal(page.location, `/login?next=${encodeURIComponent(list())}`);
  });

  test('lists the activated appliances with name, type and status; the unit not yet activated is not listed', async () => {
    freshBench();
    const visit = await Visit.as('acme_mgr');
    assert.deepEqual(rowsOf((await visit.request(list())).text), []);
    const record = activated('jdoe');
    assert.deepEqual(rowsOf((await visit.request(list())).text), [['is_jdoe', 'Physical Appliance', 'Not yet connected']]);
    poll(record);
    assert.deepEqual(rowsOf((await visit.request(list())).text), [['is_jdoe', 'Physical Appliance', 'Online']]);
    const other = bench.addAppliance({ type: 'virtual', activatedBy: 'mmiller' });
    const rows = rowsOf((await visit.request(list())).text);
    assert.deepEqual(rows.map((r) => r.slice(0, 2)), [['is_jdoe', 'Physical Appliance'], ['is_mmiller', 'Virtual Appliance']]);
    assert.ok(other.identity.serialNumber !== record.identity.serialNumber);
  });

  test('the preview pane: status, busy icon, type, software versions and capacity, while idle and while a scan runs', async () => {
    freshBench();
    const record = activated('jdoe');
    const visit = await Visit.as('jdoe');
    let preview = previewOf((await visit.request(`${list()}?selected=${record.id}`)).text);
    assert.equal(detail(preview, 'Status'), 'Not yet connected');
    assert.match(preview, /Not reported yet/);
    poll(record);
    const page = await visit.request(`${list()}?selected=${record.id}`);
    assert.match(page.text, new RegExp(`<a href="${list()}\\?selected=${record.id}" aria-current="true">is_jdoe</a>`));
    preview = previewOf(page.text);
    assert.equal(detail(preview, 'Status'), 'Online');
    assert.equal(busyOf(preview), 'Busy: no');
    assert.match(preview, /data-state="greyed-out"/);
    assert.equal(detail(preview, 'Type'), 'Physical Appliance');
    assert.equal(detail(preview, 'Available capacity'), '100%');
    assert.equal(detail(preview, 'IP address'), '198.18.10.20');
    for (const [name, version] of Object.entries(account.softwareVersions)) assert.equal(detail(preview, name), version);

    bench.launch('scan', 600_000);
    bench.platform.claim(record.identity.serialNumber);
    preview = previewOf((await visit.request(`${list()}?selected=${record.id}`)).text);
    assert.equal(busyOf(preview), 'Busy: yes');
    assert.match(preview, /data-state="lit"/);
    assert.equal(detail(preview, 'Available capacity'), '75%');
    const job = record.running[0]!;
    bench.platform.finish(record.identity.serialNumber, job.id, { outcome: 'finished', probes: [] });
    preview = previewOf((await visit.request(`${list()}?selected=${record.id}`)).text);
    assert.equal(busyOf(preview), 'Busy: no');
    assert.equal(detail(preview, 'Available capacity'), '100%');
  });

  test('the status goes Offline after two polling intervals without contact, and Online at the next poll', async () => {
    freshBench();
    const record = activated('jdoe');
    poll(record);
    const visit = await Visit.as('acme_mgr');
    const status = async () => detail(previewOf((await visit.request(`${list()}?selected=${record.id}`)).text), 'Status');
    await bench.virtual.advance(2 * POLL_MS);
    assert.equal(await status(), 'Online');
    await bench.virtual.advance(1);
    assert.equal(await status(), 'Offline');
    assert.deepEqual(rowsOf((await visit.request(list())).text), [['is_jdoe', 'Physical Appliance', 'Offline']]);
    poll(record);
    assert.equal(await status(), 'Online');
  });

  test('a selection that is not in the user\'s list, or not a number, is not found', async () => {
    freshBench();
    const record = activated('jdoe');
    const visit = await Visit.as('acme_mgr');
    assert.equal((await visit.request(`${list()}?selected=${record.id + 1}`)).status, 404);
    assert.equal((await visit.request(`${list()}?selected=%3Cb%3E`)).status, 404);
    const lab = await Visit.as('lab_um');
    assert.equal((await lab.request(`${list()}?selected=${record.id}`)).status, 404, 'a Manager\'s appliance is not in a Unit Manager\'s list');
  });
});

describe('roles on the appliances pages', () => {
  test('Managers and Unit Managers have New > Scanner Appliance; a Reader sees the list without it', async () => {
    freshBench();
    activated('jdoe');
    for (const login of ['acme_mgr', 'ops_um']) {
      const page = await Visit.as(login).then((v) => v.request(list()));
      assert.match(page.text, /<summary>New<\/summary><ul><li><a href="\/app\/vm-vmdr\/scans\/appliances\/new">Scanner Appliance<\/a>/, login);
    }
    const reader = await Visit.as('auditor');
    const page = await reader.request(list());
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, /<summary>New<\/summary>/);
    assert.deepEqual(rowsOf(page.text).map((r) => r[0]), ['is_jdoe']);
  });

  test('the preview pane leads a user who may edit the appliance to its Appliance wizard; a Reader is not offered it', async () => {
    freshBench();
    const record = activated('jdoe');
    const edit = new RegExp(`<a href="(${list()}/${record.id}/edit)" aria-label="Edit is_jdoe">Edit</a>`);
    const manager = await Visit.as('acme_mgr');
    const link = edit.exec((await manager.request(`${list()}?selected=${record.id}`)).text)?.[1];
    assert.ok(link, 'no Edit link for a Manager');
    assert.equal((await manager.request(link)).status, 200, 'the Edit link leads to a page');
    const reader = await Visit.as('auditor');
    assert.doesNotMatch((await reader.request(`${list()}?selected=${record.id}`)).text, /aria-label="Edit /);
  });

  test('"A Manager or Unit Manager account is required": a Reader is refused the page and the activation', async () => {
    freshBench();
    const reader = await Visit.as('auditor');
    const form = await reader.request(newPath());
    assert.equal(form.status, 403);
    assert.match(alertsOf(form.text)[0] ?? '', /^A Manager or Unit Manager account is required/);
    assert.doesNotMatch(form.text, /name="activationCode"/);
    const post = await reader.request(newPath(), { form: { activationCode: bench.appliance.identity.activationCode } });
    assert.equal(post.status, 403);
    assert.match(alertsOf(post.text)[0] ?? '', /^A Manager or Unit Manager account is required/);
    assert.equal(bench.platform.isActivated(bench.appliance.identity.serialNumber), false);
  });

  test('a Unit Manager sees only the appliances of their business unit', async () => {
    freshBench();
    activated('ops_um', 'Data Center');
    bench.addAppliance({ type: 'physical', activatedBy: 'acme_mgr' });
    const names = async (login: string) => rowsOf((await Visit.as(login).then((v) => v.request(list()))).text).map((r) => r[0]);
    assert.deepEqual(await names('ops_um'), ['is_ops_um']);
    assert.deepEqual(await names('lab_um'), []);
    assert.deepEqual(await names('mmiller'), ['is_ops_um', 'is_acme_mgr']);
  });
});

describe('New > Scanner Appliance', () => {
  test('a Manager: the Activation code field and Activate, no Add To; activating leads back to the list with a message naming the appliance', async () => {
    freshBench('2017');
    const visit = await Visit.as('acme_mgr');
    const form = await visit.request(newPath('vm'));
    assert.equal(form.status, 200);
    assert.equal(h1(form.text), 'New Scanner Appliance');
    assert.match(form.text, /<label for="activationCode">Activation code<\/label>\s*<input id="activationCode" name="activationCode"/);
    assert.doesNotMatch(form.text, /Add To|name="assetGroup"/);
    assert.match(form.text, /<button type="submit">Activate<\/button>/);
    const done = await visit.request(newPath('vm'), { form: { activationCode: ` ${bench.appliance.identity.activationCode} ` } });
    assert.equal(done.status, 303);
    assert.equal(done.location, list('vm'));
    const listed = await visit.request(list('vm'));
    assert.match(listed.text, /<p role="status">Scanner appliance is_acme_mgr activated\./);
    assert.deepEqual(rowsOf(listed.text), [['is_acme_mgr', 'Physical Appliance', 'Not yet connected']]);
    assert.doesNotMatch((await visit.request(list('vm'))).text, /role="status"/, 'the message is shown once');
    assert.equal(unit().activatedBy, 'acme_mgr');
  });

  test('a Unit Manager adds the appliance To an asset group of their business unit, and must choose one', async () => {
    freshBench();
    const visit = await Visit.as('ops_um');
    const form = await visit.request(newPath());
    const options = [...form.text.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
    assert.match(form.text, /<label for="assetGroup">Add To<\/label>/);
    assert.deepEqual(options, ['', 'Data Center', 'Branch Offices']);
    const code = bench.appliance.identity.activationCode;
    const none = await visit.request(newPath(), { form: { activationCode: code, assetGroup: '' } });
    assert.equal(none.status, 400);
    assert.equal(alertsOf(none.text).length, 1);
    assert.match(none.text, /<select id="assetGroup" name="assetGroup" aria-invalid="true"/);
    assert.match(none.text, new RegExp(`name="activationCode" value="${code}"`), 'the code typed is kept');
    const foreign = await visit.request(newPath(), { form: { activationCode: code, assetGroup: 'Research Lab' } });
    assert.equal(foreign.status, 403);
    assert.equal(bench.platform.isActivated(bench.appliance.identity.serialNumber), false);
    const done = await visit.request(newPath(), { form: { activationCode: code, assetGroup: 'Branch Offices' } });
    assert.equal(done.status, 303);
    assert.equal(unit().assetGroup, 'Branch Offices');
    const preview = previewOf((await visit.request(`${list()}?selected=${unit().id}`)).text);
    assert.equal(detail(preview, 'Asset group'), 'Branch Offices');
  });

  test('a wrong, malformed or already used activation code is refused with a message; the code typed stays in the field, as text', async () => {
    freshBench();
    const visit = await Visit.as('acme_mgr');
    await visit.request(newPath());
    const wrong = await visit.request(newPath(), { form: { activationCode: '000000000000' } });
    assert.equal(wrong.status, 400);
    assert.deepEqual(alertsOf(wrong.text), ['This activation code is not valid.']);
    assert.match(wrong.text, /name="activationCode" value="000000000000"[^>]*aria-invalid="true" aria-describedby="activation-error"/);
    const markup = '"><script>alert(1)</script>';
    const malformed = await visit.request(newPath(), { form: { activationCode: markup } });
    assert.equal(malformed.status, 400);
    assert.equal(alertsOf(malformed.text).length, 1);
    assert.doesNotMatch(malformed.text, /<script>/);
    assert.match(malformed.text, /value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
    const code = bench.appliance.identity.activationCode;
    assert.equal((await visit.request(newPath(), { form: { activationCode: code } })).status, 303);
    await visit.request(newPath());
    const again = await visit.request(newPath(), { form: { activationCode: code } });
    assert.equal(again.status, 409);
    assert.deepEqual(alertsOf(again.text), ['This scanner appliance is already activated.']);
    assert.equal(unit().activatedBy, 'acme_mgr');
  });

  test('an activation without the session\'s CSRF token, or without a session, changes nothing', async () => {
    freshBench();
    const visit = await Visit.as('acme_mgr');
    const code = bench.appliance.identity.activationCode;
    const forged = await visit.request(newPath(), { form: { activationCode: code }, csrf: false });
    assert.equal(forged.status, 403);
    const stolen = await visit.request(newPath(), { form: { activationCode: code, csrf: 'not-the-token' }, csrf: false });
    assert.equal(stolen.status, 403);
    const anonymous = await new Visit().request(newPath(), { form: { activationCode: code }, csrf: false });
    assert.equal(anonymous.status, 401);
    assert.equal(bench.platform.isActivated(bench.appliance.identity.serialNumber), false);
  });
});

describe('names are shown as text', () => {
  test('the platform refuses a name with markup', async () => {
    freshBench();
    const record = activated('jdoe');
    assert.throws(() => bench.platform.rename(bench.platform.user('jdoe'), record, '<script>alert(1)</script>'), (e) => e instanceof Refused && e.field === 'name');
    assert.equal(record.name, 'is_jdoe');
  });

  test('a name with markup in the record is escaped in the list and in the preview pane', async () => {
    freshBench();
    const record = activated('ops_um', 'Data Center');
    poll(record);
    record.name = '<script>alert("x")</script>&<b>';
    const visit = await Visit.as('acme_mgr');
    const page = await visit.request(`${list()}?selected=${record.id}`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, /<script>|<b>/);
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&lt;b&gt;';
    assert.ok(page.text.includes(`>${escaped}</a>`), 'the list shows the name as text');
    assert.ok(previewOf(page.text).includes(`<h2>${escaped}</h2>`), 'the preview pane shows the name as text');
  });
});
