// Scans > Scans in the portal, for the Communication Failure advice: "If this message appears, it
// is recommended that you use the Qualys user interface to cancel any running scans and restart
// them to ensure that results are accurate." Scans are named by their targets; the list shows
// the newest first.
import assert from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';
import type { Page } from 'playwright';
import { Then, When } from '../support/define.ts';
import { heading, portalWithin } from '../support/tasks/portal.ts';
import { ActOnScan, OpenScans, SCANS_TITLE, scanActions, scansOf } from '../support/tasks/scans.ts';
import type { Actor } from '../support/actor.ts';

/** Scans > Scans, in the application the generation's guide names for Scans > Appliances. */
async function onScansList(actor: Actor): Promise<Page> {
  const page = await actor.portal.page();
  if (await heading(page) !== SCANS_TITLE) await actor.attemptsTo(OpenScans(actor.guide.firmware.platformEdition));
  return page;
}

function expectedStatuses(table: DataTable): string[] {
  return table.raw().map((row) => row[0]!.trim());
}

async function statusesOf(page: Page, targets: string): Promise<string[]> {
  return (await scansOf(page, targets)).map((s) => s.status);
}

When('I open Scans > Scans in the portal', async function () {
  await onScansList(this.actor);
});

Then(/^the portal's Scans list shows the scans of (\S+), newest first:$/, async function (targets: string, table: DataTable) {
  const page = await onScansList(this.actor);
  await page.reload({ waitUntil: 'domcontentloaded' });
  assert.deepEqual(await statusesOf(page, targets), expectedStatuses(table), `the statuses of the scans of ${targets} (newest first)`);
});

Then(/^the portal's Scans list shows the scans of (\S+), newest first, within (\d+) minutes:$/, async function (targets: string, minutes: string, table: DataTable) {
  const page = await onScansList(this.actor);
  const expected = expectedStatuses(table);
  const { met, last } = await portalWithin(this.actor, Number(minutes), () => statusesOf(page, targets), (s) => JSON.stringify(s) === JSON.stringify(expected));
  assert.ok(met, `the scans of ${targets} were not ${expected.join(', ')} within ${minutes} minutes; they are ${(last ?? []).join(', ') || 'not listed'}`);
});

When(/^I (cancel|relaunch) the newest scan of (\S+) in the portal$/, async function (action: string, targets: string) {
  const page = await onScansList(this.actor);
  const [newest] = await scansOf(page, targets);
  assert.ok(newest, `no scan of ${targets} in the Scans list`);
  await this.attemptsTo(ActOnScan(newest.id, action === 'cancel' ? 'Cancel' : 'Relaunch'));
});

Then(/^the newest scan of (\S+) offers no button to (cancel|relaunch) it in the portal$/, async function (targets: string, action: string) {
  const page = await onScansList(this.actor);
  await page.reload({ waitUntil: 'domcontentloaded' });
  const [newest] = await scansOf(page, targets);
  assert.ok(newest, `no scan of ${targets} in the Scans list`);
  const offered = await scanActions(page, newest.id);
  assert.ok(!offered.some((b) => b.toLowerCase() === action), `scan ${newest.id} offers ${offered.join(', ')}`);
});
