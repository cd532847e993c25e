// The portal's Scans > Setup > Syslog Forwarding form (2022 guide), as a person fills it in: its
// controls found by their labels (a radio group by its legend), what each shows, and a refusal
// as the page marks it next to its field.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright';
import { goTo, logInReady, OnPortal, pickApplication } from './portal.ts';

function radioGroup(page: Page, name: string): Locator {
  return page.getByRole('group', { name, exact: true });
}

function control(page: Page, name: string): Locator {
  return page.getByLabel(name, { exact: true });
}

/** A radio button's label text (the protocol's name as the page shows it). */
function labelOf(radio: Locator): Promise<string> {
  return radio.evaluate((el) => ((el as unknown as { labels: ArrayLike<{ textContent: string | null }> | null }).labels?.[0]?.textContent ?? '').trim());
}

async function chosenRadio(group: Locator): Promise<string> {
  const chosen: string[] = [];
  for (const radio of await group.getByRole('radio').all()) {
    if (await radio.isChecked()) chosen.push(await labelOf(radio));
  }
  assert.ok(chosen.length <= 1, `more than one radio button chosen: ${chosen.join(', ')}`);
  return chosen[0] ?? '';
}

/** What a field of the form shows: "selected"/"not selected" for a checkbox, the chosen radio, or the text. */
export async function fieldShows(page: Page, field: string): Promise<string> {
  const group = radioGroup(page, field);
  if (await group.count() > 0) return chosenRadio(group);
  const input = control(page, field);
  assert.equal(await input.count(), 1, `the page has no field "${field}" (or more than one)`);
  if (await input.getAttribute('type') === 'checkbox') return (await input.isChecked()) ? 'selected' : 'not selected';
  return input.inputValue();
}

export async function protocolsOffered(page: Page): Promise<string[]> {
  return Promise.all((await radioGroup(page, 'Protocol').getByRole('radio').all()).map(labelOf));
}

export async function offersControl(page: Page, name: string): Promise<boolean> {
  return (await control(page, name).count()) > 0;
}

async function setOption(page: Page, name: string, selected: boolean): Promise<void> {
  await (selected ? control(page, name).check() : control(page, name).uncheck());
}

/** What the form holds: the option, the protocol chosen, the port and the server. */
export interface SyslogForm { option: boolean; protocol: string; port: string; server: string }

/** "provide details for the remote syslog server, including the protocol (TCP or UDP), port number ..., and either the IP address (IPv4 or IPv6) or DNS hostname" */
async function provideServer(page: Page, server: string, protocol: string, port: string): Promise<void> {
  await radioGroup(page, 'Protocol').getByRole('radio', { name: protocol, exact: true }).check();
  await control(page, 'Port').fill(port);
  await control(page, 'Syslog server').fill(server);
}

export async function formHolds(page: Page, option: string): Promise<SyslogForm> {
  return {
    option: await control(page, option).isChecked(),
    protocol: await chosenRadio(radioGroup(page, 'Protocol')),
    port: await control(page, 'Port').inputValue(),
    server: await control(page, 'Syslog server').inputValue(),
  };
}

/** "Then hit Save." */
async function hitSave(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.waitForLoadState('domcontentloaded');
}

/** How the page marks a field refused: invalid, and described by a message (its role and text). */
export async function refusalOf(page: Page, field: string): Promise<{ invalid: string | null; message: { role: string | null; text: string } | null }> {
  const group = radioGroup(page, field);
  const target = await group.count() > 0 ? group : control(page, field);
  const invalid = await target.getAttribute('aria-invalid');
  const described = await target.getAttribute('aria-describedby');
  if (!described) return { invalid, message: null };
  const message = page.locator(`[id="${described}"]`);
  return { invalid, message: { role: await message.getAttribute('role'), text: (await message.innerText()).trim() } };
}

// --- Tasks -------------------------------------------------------------------------------------

export const SYSLOG_FORWARDING_PATH = 'Scans > Setup > Syslog Forwarding';

/** The page as a Manager reaches it: logged in, VM/VMDR from the application picker, then the menu path. */
export const OpenSyslogForwardingAs = (user: string) =>
  OnPortal(`log in as ${user}, select VM/VMDR, go to ${SYSLOG_FORWARDING_PATH}`, async (page) => {
    await logInReady(page, user);
    await pickApplication(page, 'VM/VMDR');
    await goTo(page, SYSLOG_FORWARDING_PATH);
  });

/** "Select the option Enable Syslog Forwarding" (or clear it). */
export const SetOption = (name: string, selected: boolean) =>
  OnPortal(`${selected ? 'select' : 'clear'} the option ${name}`, (page) => setOption(page, name, selected));

/** "provide details for the remote syslog server, including the protocol (TCP or UDP), port number ..., and either the IP address (IPv4 or IPv6) or DNS hostname" */
export const ProvideServer = (server: string, protocol: string, port: string) =>
  OnPortal(`syslog server "${server}", protocol ${protocol}, port "${port}"`, (page) => provideServer(page, server, protocol, port));

/** "Then hit Save." */
export const HitSave = () => OnPortal('hit Save', (page) => hitSave(page));
