// Tasks on Scans > Appliances and New > Scanner Appliance, as a person does them in the browser:
// the list read by its column headers, an appliance selected by its name's link, the preview
// pane read row by row, the activation form filled in by its labels. Pages that show the
// platform's state at one moment are loaded again before they are read: the person comes back
// "and check[s] on this at any time".
import type { Locator, Page } from 'playwright';
import { loadEdition } from '../../../fixtures/platform.ts';
import { goTo, heading, OnPortal, pickApplication } from './portal.ts';

export const LIST_TITLE = 'Scanner Appliances';

/**
 * The application that holds Scans > Appliances in a portal edition: "Select VM from the
 * application picker" (older guide), "Select VM/VMDR from the application picker" (2022).
 */
export function appliancesApplication(platformEdition: string): string {
  return loadEdition(platformEdition).applications[0]!;
}

/** "Select <application> from the application picker. Then go to Scans > Appliances." */
export async function openAppliances(page: Page, application: string): Promise<void> {
  await pickApplication(page, application);
  await goTo(page, 'Scans > Appliances');
}

export function appliancesTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Scanner appliances' });
}

/** Loads the page again (a GET page showing the platform's state as it is now). */
export async function refresh(page: Page): Promise<void> {
  await page.reload({ waitUntil: 'domcontentloaded' });
}

/** Rows of a table as text, keyed by the table's column headers (the row header is the first column). */
export async function rowsByHeader(table: Locator): Promise<Array<Record<string, string>>> {
  const headers = (await table.getByRole('columnheader').allInnerTexts()).map((t) => t.trim());
  const rows = table.getByRole('row').filter({ has: table.page().getByRole('rowheader') });
  const out: Array<Record<string, string>> = [];
  for (const row of await rows.all()) {
    const values = [(await row.getByRole('rowheader').innerText()).trim(), ...(await row.getByRole('cell').allInnerTexts()).map((t) => t.trim())];
    out.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? ''])));
  }
  return out;
}

/** The appliances list as it is now: each row's Name, Type and Status. */
export async function listedAppliances(page: Page): Promise<Array<Record<string, string>>> {
  await refresh(page);
  return rowsByHeader(appliancesTable(page));
}

/** "Go to Scans > Appliances and select your Appliance." */
export async function selectAppliance(page: Page, name: string): Promise<void> {
  await appliancesTable(page).getByRole('link', { name, exact: true }).click();
  await page.waitForLoadState('domcontentloaded');
}

export function previewPane(page: Page): Locator {
  return page.getByRole('region', { name: 'Preview' });
}

/** One detail of the preview pane (Status, Type, Available capacity, Asset group), as text. */
export async function previewDetail(page: Page, label: string): Promise<string> {
  const row = previewPane(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  if (await row.count() === 0) throw new Error(`the preview pane has no ${label} on ${page.url()}`);
  return (await row.getByRole('cell').innerText()).trim();
}

/** The busy icon next to the status: "greyed out until you launch a scan", lit while one runs. */
export async function busyIcon(page: Page): Promise<'lit' | 'greyed out'> {
  const pane = previewPane(page);
  const lit = await pane.getByRole('img', { name: 'Busy: yes', exact: true }).count();
  const greyed = await pane.getByRole('img', { name: 'Busy: no', exact: true }).count();
  if (lit + greyed !== 1) throw new Error(`the preview pane has ${lit + greyed} busy icons (lit ${lit}, greyed out ${greyed})`);
  return lit === 1 ? 'lit' : 'greyed out';
}

/** "Latest software versions": each software's name and version. */
export async function softwareVersions(page: Page): Promise<Record<string, string>> {
  const table = previewPane(page).getByRole('table', { name: 'Software versions' });
  if (await table.count() === 0) return {};
  const rows = await rowsByHeader(table);
  return Object.fromEntries(rows.map((r) => Object.values(r) as [string, string]));
}

// --- New > Scanner Appliance ----------------------------------------------------------------------

export function activationCodeField(page: Page): Locator {
  return page.getByLabel('Activation code', { exact: true });
}

export function addToMenu(page: Page): Locator {
  return page.getByLabel('Add To', { exact: true });
}

/** The asset groups the Add To menu offers (its placeholder option, with no value, left out). */
export async function addToOptions(page: Page): Promise<string[]> {
  const menu = addToMenu(page);
  const options = menu.getByRole('option');
  const out: string[] = [];
  for (const option of await options.all()) {
    if ((await option.getAttribute('value')) !== '') out.push((await option.innerText()).trim());
  }
  return out;
}

/** "Click Activate." */
export async function clickActivate(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Activate', exact: true }).click();
  await page.waitForLoadState('domcontentloaded');
}

/** From Scans > Appliances: "Select New > Scanner Appliance and enter the activation code", "Click Activate." */
export async function activateAppliance(page: Page, code: string): Promise<void> {
  if (await heading(page) !== LIST_TITLE) throw new Error(`activation starts on Scans > Appliances; the portal shows ${await heading(page)} (${page.url()})`);
  await goTo(page, 'New > Scanner Appliance');
  await activationCodeField(page).fill(code);
  await clickActivate(page);
}

// --- Tasks -------------------------------------------------------------------------------------

/** "Select <application> from the application picker. Then go to Scans > Appliances." (the application of the portal edition's guide) */
export function OpenAppliances(platformEdition: string) {
  const application = appliancesApplication(platformEdition);
  return OnPortal(`select ${application} from the application picker, go to Scans > Appliances`, (page) => openAppliances(page, application));
}

export const SelectAppliance = (name: string) => OnPortal(`select ${name} in the appliances list`, (page) => selectAppliance(page, name));

/** From Scans > Appliances: New > Scanner Appliance, the activation code entered, Activate. */
export const ActivateAppliance = (code: string) =>
  OnPortal(`New > Scanner Appliance, activation code ${code}, Activate`, (page) => activateAppliance(page, code));

/** "... and enter the activation code for the appliance (as it appears in the ACTIVATION CODE screen" */
export const EnterActivationCode = (code: string) =>
  OnPortal(`enter the activation code ${code}`, (page) => activationCodeField(page).fill(code));

/** "(Unit Manager only) From the Add To menu, select an asset group" */
export const AddTo = (assetGroup: string) =>
  OnPortal(`Add To ${assetGroup}`, async (page) => { await addToMenu(page).selectOption({ label: assetGroup }); });

export const ClickActivate = () => OnPortal('click Activate', (page) => clickActivate(page));
