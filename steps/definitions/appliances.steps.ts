// Scans > Appliances and New > Scanner Appliance in the portal: activating the appliance with the
// code its screen shows, the appliances list, and the preview pane ("We recommend one more thing").
import assert from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';
import { Then, When } from '../support/define.ts';
import { normalize } from '../support/screens.ts';
import {
  ActivateAppliance, activationCodeField, AddTo, addToMenu, addToOptions, busyIcon, ClickActivate, EnterActivationCode, LIST_TITLE,
  listedAppliances, OpenAppliances, previewDetail, refresh, SelectAppliance, softwareVersions,
} from '../support/tasks/appliances.ts';
import { alerts, heading, labAccount, Open, portalWithin, statuses } from '../support/tasks/portal.ts';
import type { Actor } from '../support/actor.ts';
import { activationCode } from '../support/notes.ts';
import { readScreen } from '../support/tasks/panel.ts';

/** The code on the ACTIVATION CODE screen ("as it appears in the ACTIVATION CODE screen"), remembered. */
async function activationCodeOnScreen(actor: Actor): Promise<string> {
  const screen = await readScreen(actor);
  const title = actor.guide.firmware.texts.activationCode;
  assert.equal(normalize(screen.lines[0]), normalize(title), `the appliance does not show ${title}: ${actor.describe(screen)}`);
  const code = screen.lines[1].trim();
  assert.match(code, /^\S+$/, `no activation code on ${actor.describe(screen)}`);
  actor.notes.set(activationCode, code);
  return code;
}

function rememberedCode(actor: Actor): string {
  return actor.notes.need(activationCode, 'none was read from the appliance before');
}

/** Scans > Appliances, opened through the application picker unless the portal shows it already. */
async function onAppliancesList(actor: Actor): Promise<void> {
  const page = await actor.portal.page();
  if (await heading(page) === LIST_TITLE) return;
  await actor.attemptsTo(OpenAppliances(actor.guide.firmware.platformEdition));
}

async function activateWith(actor: Actor, code: string): Promise<void> {
  await onAppliancesList(actor);
  await actor.attemptsTo(ActivateAppliance(code));
}

// --- New > Scanner Appliance -------------------------------------------------------------------

/** "Go to Scans > Appliances." in the application the generation's guide names (VM, VM/VMDR). */
When('I open Scans > Appliances in the portal', async function () {
  await onAppliancesList(this.actor);
});

When('I activate the appliance in the portal with the activation code shown on its screen', async function () {
  await activateWith(this.actor, await activationCodeOnScreen(this.actor));
});

When('I activate an appliance in the portal with the activation code {string}', async function (code: string) {
  this.notes.set(activationCode, code);
  await activateWith(this.actor, code);
});

When('I activate an appliance in the portal with the same activation code again', async function () {
  await activateWith(this.actor, rememberedCode(this.actor));
});

/** "... and enter the activation code for the appliance (as it appears in the ACTIVATION CODE screen" */
When('I enter the activation code shown on the appliance\'s screen', async function () {
  await this.attemptsTo(EnterActivationCode(await activationCodeOnScreen(this.actor)));
});

/** "(Unit Manager only) From the Add To menu, select an asset group" */
When('I select {string} from the Add To menu', async function (assetGroup: string) {
  await this.attemptsTo(AddTo(assetGroup));
});

When('I click Activate', async function () {
  await this.attemptsTo(ClickActivate());
});

/** New > Scanner Appliance by its address, for a user whose portal offers no New menu. */
When('I open New > Scanner Appliance by its address', async function () {
  await onAppliancesList(this.actor);
  const page = await this.portal.page();
  const url = new URL(page.url());
  url.pathname = `${url.pathname}/new`;
  url.search = '';
  await this.attemptsTo(Open(url.pathname));
});

Then('the Add To menu offers exactly:', async function (table: DataTable) {
  const page = await this.portal.page();
  assert.deepEqual(await addToOptions(page), table.raw().map((r) => r[0]));
});

Then('the activation form has no Add To menu', async function () {
  const page = await this.portal.page();
  assert.equal(await activationCodeField(page).count(), 1, `no activation form on ${page.url()}`);
  assert.equal(await addToMenu(page).count(), 0, `an Add To menu on ${page.url()}`);
});

Then('the portal refuses, saying {string}', async function (text: string) {
  const page = await this.portal.page();
  const shown = await alerts(page);
  assert.ok(shown.some((a) => normalize(a).includes(normalize(text))), `alerts on ${page.url()}: ${JSON.stringify(shown)}`);
});

/** The guide does not word the refusal: an alert, the form again, the code as typed (ERRATA-341). */
Then('the portal refuses the activation code, keeping it in the field', async function () {
  const page = await this.portal.page();
  const shown = await alerts(page);
  assert.equal(shown.length, 1, `alerts on ${page.url()}: ${JSON.stringify(shown)}`);
  assert.equal(await activationCodeField(page).inputValue(), rememberedCode(this.actor), 'the activation code field');
  assert.deepEqual(await statuses(page), [], 'a confirmation next to the refusal');
});

Then('the portal confirms the activation of {string}', async function (name: string) {
  const page = await this.portal.page();
  assert.equal(await heading(page), LIST_TITLE, `the page after Activate (${page.url()})`);
  const shown = await statuses(page);
  assert.ok(shown.some((s) => s.includes(name)), `status messages: ${JSON.stringify(shown)}`);
});

// --- The appliances list ------------------------------------------------------------------------

async function namesListed(actor: Actor): Promise<Array<Record<string, string>>> {
  const page = await actor.portal.page();
  assert.equal(await heading(page), LIST_TITLE, `the portal is not on Scans > Appliances (${page.url()})`);
  return listedAppliances(page);
}

Then('the appliances list shows {string}', async function (name: string) {
  const rows = await namesListed(this.actor);
  assert.ok(rows.some((r) => r['Name'] === name), `the appliances list: ${JSON.stringify(rows)}`);
});

Then('the appliances list does not show {string}', async function (name: string) {
  const rows = await namesListed(this.actor);
  assert.ok(!rows.some((r) => r['Name'] === name), `the appliances list: ${JSON.stringify(rows)}`);
});

Then('the appliances list shows no appliance', async function () {
  assert.deepEqual(await namesListed(this.actor), []);
});

/** "check the Appliance status on the appliances list" */
Then('the appliances list shows {string} with the status {string}', async function (name: string, status: string) {
  const rows = await namesListed(this.actor);
  const row = rows.find((r) => r['Name'] === name);
  assert.ok(row, `${name} is not in the appliances list: ${JSON.stringify(rows)}`);
  assert.equal(row['Status'], status, `the status of ${name}`);
});

When('I select the appliance {string} in the appliances list', async function (name: string) {
  await this.attemptsTo(SelectAppliance(name));
});

// --- The preview pane ---------------------------------------------------------------------------

async function previewNow(actor: Actor, label: string): Promise<string> {
  const page = await actor.portal.page();
  await refresh(page);
  return previewDetail(page, label);
}

Then('the preview pane shows the status {string}', async function (status: string) {
  assert.equal(await previewNow(this.actor, 'Status'), status);
});

Then('the preview pane shows the status {string} within {int} minute(s)', async function (status: string, minutes: number) {
  const page = await this.portal.page();
  const { met, last } = await portalWithin(this.actor, minutes, () => previewDetail(page, 'Status'), (s) => s === status);
  assert.ok(met, `the status was not ${status} within ${minutes} minutes; it is ${last}`);
});

/** "Next to the status you'll see the busy icon is greyed out until you launch a scan, then it looks like this" */
Then(/^the busy icon in the preview pane is (greyed out|lit)$/, async function (state: string) {
  const page = await this.portal.page();
  await refresh(page);
  assert.equal(await busyIcon(page), state);
});

Then(/^the busy icon in the preview pane is (greyed out|lit) within (\d+) minutes?$/, async function (state: string, minutes: string) {
  const page = await this.portal.page();
  const { met, last } = await portalWithin(this.actor, Number(minutes), () => busyIcon(page), (s) => s === state);
  assert.ok(met, `the busy icon was not ${state} within ${minutes} minutes; it is ${last}`);
});

Then('the preview pane shows the type {string}', async function (type: string) {
  assert.equal(await previewNow(this.actor, 'Type'), type);
});

Then('the preview pane shows the asset group {string}', async function (group: string) {
  assert.equal(await previewNow(this.actor, 'Asset group'), group);
});

/** "Latest software versions - these are installed automatically as part of the activation." */
Then('the preview pane shows the latest software versions', async function () {
  const page = await this.portal.page();
  await refresh(page);
  const shown = await softwareVersions(page);
  // The latest versions the lab's subscription distributes (fixtures/platform/account.yaml).
  const latest = labAccount().account.softwareVersions;
  assert.ok(Object.keys(latest).length > 0, 'the lab account names no software');
  assert.deepEqual(shown, latest);
});

/** "The available capacity will be 100% until you launch a scan." */
Then(/^the preview pane shows an available capacity (of|below) (\d+)%$/, async function (relation: string, percent: string) {
  const shown = await previewNow(this.actor, 'Available capacity');
  const match = /^(\d+)%$/.exec(shown);
  assert.ok(match, `the available capacity reads "${shown}"`);
  const value = Number(match[1]);
  if (relation === 'of') assert.equal(value, Number(percent), `available capacity ${shown}`);
  else assert.ok(value < Number(percent), `available capacity ${shown}`);
});
