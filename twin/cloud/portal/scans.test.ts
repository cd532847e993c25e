// Scans > Scans through the portal's own request handling (no browser): the list, its Cancel and
// Relaunch buttons for those who may edit the appliance, refusals for the others, and the CSRF
// token every form carries (ERRATA-326).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Platform } from '../platform.ts';
import { platformOf, signIn } from './signed-in.ts';

const LIST = '/app/vm-vmdr/scans/scans';

/** A platform with one activated appliance and a scan of `target` queued for it. */
function withScan(target = '198.18.10.77', activatedBy = 'acme_mgr'): { platform: Platform; scanId: string } {
  const platform = platformOf('2022');
  const identity = { serialNumber: 31000, activationCode: '000000031000' };
  platform.ship(identity, 'test model');
  const user = platform.user(activatedBy);
  platform.activate(user, identity.activationCode, user.role === 'unit-manager' ? platform.assetGroupsFor(user)[0]! : null);
  const job = platform.queue(31000, { kind: 'scan', durationMs: 60_000, targets: [target] });
  return { platform, scanId: job.id };
}

const rows = (text: string) => [...text.matchAll(/<tr>\s*<th scope="row">([^<]*)<\/th>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>/g)]
  .map((m) => ({ scan: m[1], appliance: m[2], targets: m[3], status: m[4]!.trim() }));
const buttons = (text: string) => [...text.matchAll(/<button type="submit" aria-label="([^"]+)">/g)].map((m) => m[1]);

describe('Scans > Scans', () => {
  test('is in the Scans menu of the application with Scans > Appliances, not in the others', async () => {
    const { platform } = withScan();
    const { get } = await signIn(platform, 'acme_mgr');
    const home = await get('/app/vm-vmdr/');
    assert.match(home.text, /<a href="\/app\/vm-vmdr\/scans\/scans">Scans<\/a>/);
    assert.equal((await get('/app/pc/scans/scans')).status, 404);
    assert.doesNotMatch((await get('/app/pc/')).text, /scans\/scans/);
  });

  test('a Manager sees each scan with its appliance, targets and status, and may cancel a queued one', async () => {
    const { platform, scanId } = withScan();
    const { get, post } = await signIn(platform, 'acme_mgr');
    const list = await get(LIST);
    assert.equal(list.status, 200);
    assert.deepEqual(rows(list.text), [{ scan: scanId, appliance: 'is_acme_mgr', targets: '198.18.10.77', status: 'Queued' }]);
    assert.deepEqual(buttons(list.text), [`Cancel scan ${scanId}`]);
    const n = scanId.split('/')[1];
    const canceled = await post(`${LIST}/${n}/cancel`, {});
    assert.equal(canceled.status, 303);
    assert.equal(canceled.location, LIST);
    const after = await get(LIST);
    assert.match(after.text, new RegExp(`role="status">Scan ${scanId} canceled.<`));
    assert.equal(rows(after.text)[0]!.status, 'Canceled by acme_mgr');
    assert.deepEqual(buttons(after.text), [`Relaunch scan ${scanId}`]);
    await post(`${LIST}/${n}/relaunch`, {});
    assert.deepEqual(rows((await get(LIST)).text).map((r) => r.status), ['Queued', 'Canceled by acme_mgr']);
  });

  test('a Reader sees the list without buttons, and a Cancel posted anyway is refused and changes nothing', async () => {
    const { platform, scanId } = withScan();
    const { get, post } = await signIn(platform, 'auditor');
    const list = await get(LIST);
    assert.deepEqual(rows(list.text).map((r) => r.status), ['Queued']);
    assert.deepEqual(buttons(list.text), []);
    const refused = await post(`${LIST}/${scanId.split('/')[1]}/cancel`, {});
    assert.equal(refused.status, 403);
    assert.equal(platform.scansFor(platform.user('acme_mgr'))[0]!.status, 'Queued');
  });

  test('a Cancel without the session\'s CSRF token is refused and changes nothing', async () => {
    const { platform, scanId } = withScan();
    const { post } = await signIn(platform, 'acme_mgr');
    const forged = await post(`${LIST}/${scanId.split('/')[1]}/cancel`, {}, 'forged');
    assert.equal(forged.status, 403);
    assert.equal(platform.scansFor(platform.user('acme_mgr'))[0]!.status, 'Queued');
  });

  test('a Unit Manager of another business unit neither sees nor cancels the scan', async () => {
    const { platform, scanId } = withScan('198.18.10.77', 'ops_um');
    const { get, post } = await signIn(platform, 'lab_um');
    assert.deepEqual(rows((await get(LIST)).text), []);
    assert.equal((await post(`${LIST}/${scanId.split('/')[1]}/cancel`, {})).status, 404);
  });

  test('targets and names are shown as the characters they are', async () => {
    const { platform } = withScan('<b>x</b>');
    const { get } = await signIn(platform, 'acme_mgr');
    const text = (await get(LIST)).text;
    assert.ok(text.includes('&lt;b&gt;x&lt;/b&gt;'));
    assert.ok(!text.includes('<b>x</b>'));
  });
});
