// Tasks on Scans > Scans, as a person does them in the browser: the list read by its column
// headers, a scan's Cancel or Relaunch button found by its name ("Cancel scan scan/3"). The
// guide's advice after a COMMUNICATION FAILURE: "use the Qualys user interface to cancel any
// running scans and restart them".
import type { Locator, Page } from 'playwright';
import { appliancesApplication, rowsByHeader } from './appliances.ts';
import { goTo, OnPortal, pickApplication } from './portal.ts';

export const SCANS_TITLE = 'Scans';

/** "Select <application> from the application picker", then Scans > Scans. */
export async function openScans(page: Page, application: string): Promise<void> {
  await pickApplication(page, application);
  await goTo(page, 'Scans > Scans');
}

export function scansTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Scans' });
}

/** The scans of exactly these targets, as listed (newest first): each one's ID and status. */
export async function scansOf(page: Page, targets: string): Promise<Array<{ id: string; status: string }>> {
  const rows = await rowsByHeader(scansTable(page));
  return rows.filter((r) => r['Targets'] === targets).map((r) => ({ id: r['Scan'] ?? '', status: r['Status'] ?? '' }));
}

/** Presses a scan's Cancel or Relaunch button and waits for the list that comes back. */
export async function actOnScan(page: Page, id: string, action: 'Cancel' | 'Relaunch'): Promise<void> {
  await scansTable(page).getByRole('button', { name: `${action} scan ${id}`, exact: true }).click();
  await page.waitForLoadState('domcontentloaded');
}

/** The buttons a scan's row offers the signed-in user. */
export async function scanActions(page: Page, id: string): Promise<string[]> {
  const row = scansTable(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: id, exact: true }) });
  return (await row.getByRole('button').allInnerTexts()).map((t) => t.trim());
}

// --- Tasks -------------------------------------------------------------------------------------

/** Scans > Scans, in the application the portal edition's guide names for Scans > Appliances. */
export function OpenScans(platformEdition: string) {
  const application = appliancesApplication(platformEdition);
  return OnPortal(`select ${application} from the application picker, go to Scans > Scans`, (page) => openScans(page, application));
}

/** A scan's Cancel or Relaunch button pressed, by the scan's ID. */
export const ActOnScan = (id: string, action: 'Cancel' | 'Relaunch') =>
  OnPortal(`${action.toLowerCase()} scan ${id}`, (page) => actOnScan(page, id, action));
