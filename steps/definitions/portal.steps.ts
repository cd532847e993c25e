// The platform's web portal in a browser: logging in, the licence agreement, the application
// picker, the menus and Help > About. Pages of their own (appliances, syslog) have their own steps.
import assert from 'node:assert/strict';
import type { DataTable } from '@cucumber/cucumber';
import { Given, Then, When } from '../support/define.ts';
import {
  alerts, applicationNames, DecideOnLicenseAgreement, GoTo, heading, LogIn, LogInReady, LogInWithAWrongPassword, LogOut, menuItems, OpenWithoutLoggingIn, PickApplication,
  scannerApplianceUrls,
} from '../support/tasks/portal.ts';
import { ContactsWithPlatform, UsePrivateCloudPlatform } from '../support/tasks/lab.ts';

When('I log in to the portal as {string}', async function (login: string) {
  await this.attemptsTo(LogIn(login));
});

Given('I am logged in to the portal as {string}', async function (login: string) {
  await this.attemptsTo(LogInReady(login));
});

When('I log in to the portal as {string} with a wrong password', async function (login: string) {
  await this.attemptsTo(LogInWithAWrongPassword(login));
});

When('I log out of the portal', async function () {
  await this.attemptsTo(LogOut());
});

When(/^I (accept|decline) the license agreement$/, async function (decision: string) {
  await this.attemptsTo(DecideOnLicenseAgreement(decision as 'accept' | 'decline'));
});

Then('the portal shows the {string} page', async function (title: string) {
  const page = await this.portal.page();
  await page.waitForLoadState('domcontentloaded');
  assert.equal(await heading(page), title, `the page at ${page.url()}`);
});

Then('the portal shows the alert {string}', async function (text: string) {
  const page = await this.portal.page();
  const shown = await alerts(page);
  assert.ok(shown.includes(text), `alerts on ${page.url()}: ${JSON.stringify(shown)}`);
});

/** "Select VM/VMDR from the application picker." */
When('I select {string} from the application picker', async function (application: string) {
  await this.attemptsTo(PickApplication(application));
});

Then('the application picker offers exactly:', async function (table: DataTable) {
  const page = await this.portal.page();
  assert.deepEqual(await applicationNames(page), table.raw().map((r) => r[0]));
});

/** A menu path as the guide writes it: "Scans > Appliances", "Help > About". */
When('I go to {string} in the portal', async function (path: string) {
  await this.attemptsTo(GoTo(path));
});

Then('the {string} menu of the portal offers exactly:', async function (name: string, table: DataTable) {
  const page = await this.portal.page();
  assert.deepEqual(await menuItems(page, name), table.raw().map((r) => r[0]));
});

Then('the portal has no {string} menu', async function (name: string) {
  const page = await this.portal.page();
  assert.deepEqual(await menuItems(page, name), [], `a ${name} menu on ${page.url()}`);
});

When('I open {string} in the portal without logging in', async function (path: string) {
  await this.attemptsTo(OpenWithoutLoggingIn(path));
});

// --- Help > About -------------------------------------------------------------------------------

function urlsShown(lines: string[]): Array<{ host: string; port: string }> {
  return lines.map((l) => new URL(l.trim())).map((u) => ({ host: u.hostname, port: u.port || '443' }));
}

Then('the Scanner Appliances section lists exactly:', async function (table: DataTable) {
  const page = await this.portal.page();
  assert.deepEqual(await scannerApplianceUrls(page), table.raw().map((r) => r[0]));
});

/** "Your Scanner Appliances must be able to contact these URLs on port 443": the ones the appliance did contact are among them. */
Then('the Scanner Appliances section lists every host the appliance contacted, each on port 443', async function () {
  const page = await this.portal.page();
  const listed = urlsShown(await scannerApplianceUrls(page));
  assert.ok(listed.every((u) => u.port === '443'), `not all on port 443: ${JSON.stringify(listed)}`);
  const contacted = await this.attemptsTo(ContactsWithPlatform());
  assert.ok(contacted.length > 0, 'the appliance has not contacted the platform within a polling interval');
  for (const request of contacted) {
    assert.ok(listed.some((u) => u.host === request.host && u.port === request.port), `the appliance contacted ${request.host}:${request.port}, which Help > About does not list`);
  }
});

/** "For Private Cloud Platform, the URLs displayed are appropriate to your local on-site SOC." */
Given('the account is on the Private Cloud Platform {string} at {word}', async function (pod: string, address: string) {
  await this.attemptsTo(UsePrivateCloudPlatform(pod, address));
});
