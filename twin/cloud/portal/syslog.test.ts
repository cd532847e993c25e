// Scans > Setup > Syslog Forwarding through the portal's own request handling (no browser): who
// may open it, in which editions and applications, what Save does with the platform, and how
// refusals come back next to their field with the values entered.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEdition } from '../../../fixtures/platform.ts';
import type { PortalEdition } from '../../../fixtures/platform.ts';
import { platformOf, signIn } from './signed-in.ts';

const VM = '/app/vm-vmdr/scans/setup/syslog';
const PC = '/app/pc/scans/setup/syslog';
const h1 = (text: string) => /<h1>([^<]*)<\/h1>/.exec(text)?.[1];
const inputValue = (text: string, id: string) => new RegExp(`<input id="${id}" name="${id}"[^>]*value="([^"]*)"`).exec(text)?.[1];
const alerts = (text: string) => [...text.matchAll(/<p(?: id="([^"]+)")? role="alert"[^>]*>([^<]*)<\/p>/g)].map((m) => ({ id: m[1] ?? null, text: m[2] }));

describe('Scans > Setup > Syslog Forwarding', () => {
  test('2022: a Manager opens it from VM/VMDR and from PC, with Port 514 by default and no protocol chosen', async () => {
    const { get } = await signIn(platformOf('2022'), 'acme_mgr');
    for (const path of [VM, PC]) {
      const { status, text } = await get(path);
      assert.equal(status, 200, path);
      assert.equal(h1(text), 'Syslog Forwarding');
      assert.match(text, /<input type="checkbox" id="enabled" name="enabled" value="on"> <label for="enabled"[^>]*>Enable Syslog Forwarding<\/label>/);
      assert.match(text, /<input type="radio" name="protocol" value="TCP"> TCP/);
      assert.match(text, /<input type="radio" name="protocol" value="UDP"> UDP/);
      assert.equal(inputValue(text, 'port'), '514');
      assert.equal(inputValue(text, 'server'), '');
      assert.match(text, /<button type="submit">Save<\/button>/);
    }
  });

  test('2017: there is no such page; 2022: only in the applications the edition names', async () => {
    assert.equal((await (await signIn(platformOf('2017'), 'acme_mgr')).get('/app/vm/scans/setup/syslog')).status, 404);
    const pcOnly: PortalEdition = { ...loadEdition('2022'), syslogApplications: ['PC'] };
    const { get } = await signIn(platformOf(pcOnly), 'acme_mgr');
    assert.equal((await get(VM)).status, 404);
    assert.equal((await get(PC)).status, 200);
  });

  test('Unit Managers and Readers may neither see nor change the settings', async () => {
    const platform = platformOf('2022');
    await (await signIn(platform, 'acme_mgr')).post(VM, { enabled: 'on', protocol: 'UDP', port: '514', server: '198.18.10.60' });
    for (const login of ['ops_um', 'lab_um', 'auditor']) {
      const { get, post } = await signIn(platform, login);
      const page = await get(VM);
      assert.equal(page.status, 403, login);
      assert.deepEqual(alerts(page.text).map((a) => a.text), ['You must be a Manager user to enable Syslog Forwarding.']);
      assert.doesNotMatch(page.text, /198\.18\.10\.60/);
      const saved = await post(VM, { enabled: 'on', protocol: 'TCP', port: '6514', server: '198.18.10.99' });
      assert.equal(saved.status, 403, login);
      assert.deepEqual(platform.syslog, { enabled: true, protocol: 'UDP', port: 514, server: '198.18.10.60' });
    }
  });

  test('Save hands the settings to the platform; the page shows them when opened again', async () => {
    const platform = platformOf('2022');
    const identity = { serialNumber: 31000, activationCode: '000000031000' };
    platform.ship(identity, 'test');
    platform.activate(platform.user('acme_mgr'), identity.activationCode);
    const { get, post } = await signIn(platform, 'mmiller');
    const saved = await post(VM, { enabled: 'on', protocol: 'TCP', port: '1514', server: ' syslog.lab.test ' });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, VM);
    assert.deepEqual(platform.syslog, { enabled: true, protocol: 'TCP', port: 1514, server: 'syslog.lab.test' });
    assert.deepEqual(platform.config(identity.serialNumber)?.syslog, platform.syslog);
    // Another Manager, in the other application, sees the subscription's settings.
    const again = await (await signIn(platform, 'acme_qa')).get(PC);
    assert.match(again.text, /id="enabled" name="enabled" value="on" checked>/);
    assert.match(again.text, /value="TCP" checked> TCP/);
    assert.doesNotMatch(again.text, /value="UDP" checked/);
    assert.equal(inputValue(again.text, 'port'), '1514');
    assert.equal(inputValue(again.text, 'server'), 'syslog.lab.test');
    // The saver's next page says it was saved.
    assert.match((await get(VM)).text, /<p role="status">[^<]+<\/p>/);
  });

  test('a blank Port is the default port', async () => {
    const platform = platformOf('2022');
    await (await signIn(platform, 'acme_mgr')).post(VM, { enabled: 'on', protocol: 'UDP', port: '  ', server: '2001:db8:10::60' });
    assert.deepEqual(platform.syslog, { enabled: true, protocol: 'UDP', port: 514, server: '2001:db8:10::60' });
  });

  test('clearing Enable Syslog Forwarding turns it off and keeps the server for next time', async () => {
    const platform = platformOf('2022');
    const { get, post } = await signIn(platform, 'acme_mgr');
    await post(VM, { enabled: 'on', protocol: 'UDP', port: '514', server: '198.18.10.60' });
    assert.equal((await post(VM, { protocol: 'UDP', port: '514', server: '198.18.10.60' })).status, 303);
    assert.equal(platform.syslog?.enabled, false);
    const page = await get(VM);
    assert.match(page.text, /id="enabled" name="enabled" value="on">/);
    assert.equal(inputValue(page.text, 'server'), '198.18.10.60');
  });

  const invalid: Array<{ fields: Record<string, string>; field: string }> = [
    { fields: { port: '0' }, field: 'port' },
    { fields: { port: '65536' }, field: 'port' },
    { fields: { port: '5l4' }, field: 'port' },
    { fields: { port: '-514' }, field: 'port' },
    { fields: { server: '' }, field: 'server' },
    { fields: { server: '198.18.10.256' }, field: 'server' },
    { fields: { server: '2001:db8::10::1' }, field: 'server' },
    { fields: { server: 'syslog_server.lab.test' }, field: 'server' },
    { fields: { server: '<script>alert(1)</script>' }, field: 'server' },
    { fields: { protocol: '' }, field: 'protocol' },
    { fields: { protocol: 'RELP' }, field: 'protocol' },
  ];
  for (const { fields, field } of invalid) {
    test(`refused, next to ${field}: ${JSON.stringify(fields)}`, async () => {
      const platform = platformOf('2022');
      const entered = { enabled: 'on', protocol: 'UDP', port: '514', server: '198.18.10.60', ...fields };
      const { status, text } = await (await signIn(platform, 'acme_mgr')).post(VM, entered);
      assert.equal(status, 400);
      assert.equal(platform.syslog, null, 'nothing saved');
      const shown = alerts(text);
      assert.equal(shown.length, 1, JSON.stringify(shown));
      assert.equal(shown[0]!.id, `${field}-error`);
      assert.ok(shown[0]!.text, 'an empty alert');
      assert.match(text, new RegExp(`aria-invalid="true" aria-describedby="${field}-error"`));
      // The values entered come back, as text.
      assert.match(text, /id="enabled" name="enabled" value="on" checked>/);
      assert.equal(inputValue(text, 'port'), entered.port.replace(/</g, '&lt;'));
      assert.equal(inputValue(text, 'server'), entered.server.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
      assert.doesNotMatch(text, /<script>/);
    });
  }
});
