// Tasks in the Appliance wizard, as a person does them: "Go to Scans > Appliances and edit your
// Scanner Appliance. You'll see the Appliance wizard." Fields are found by their labels, parts of
// the wizard by their headings and legends, rows by their group names ("VLAN 2").
import type { Locator, Page } from 'playwright';
import { appliancesApplication, openAppliances, previewPane, selectAppliance } from './appliances.ts';
import { OnPortal } from './portal.ts';

/** Scans > Appliances, the appliance selected, then its Edit link: the Appliance wizard. */
async function openWizard(page: Page, platformEdition: string, name: string): Promise<void> {
  await openAppliances(page, appliancesApplication(platformEdition));
  await selectAppliance(page, name);
  await previewPane(page).getByRole('link', { name: `Edit ${name}`, exact: true }).click();
  await page.waitForLoadState('domcontentloaded');
}

export function general(page: Page): Locator {
  return page.getByRole('region', { name: 'General' });
}

export function lanSettings(page: Page): Locator {
  return page.getByRole('region', { name: 'LAN settings' });
}

export type Part = 'Name' | 'VLANs' | 'Static routes' | 'IPv6';

/** A part of the wizard: the General section for the name, else the group of LAN settings by its legend. */
export function part(page: Page, which: Part): Locator {
  return which === 'Name' ? general(page) : lanSettings(page).getByRole('group', { name: which, exact: true });
}

/** Submits the form with one of its buttons and waits for the page that comes back. */
async function submit(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForLoadState('domcontentloaded');
}

function nameField(page: Page): Locator {
  return general(page).getByLabel('Name', { exact: true });
}

async function rename(page: Page, name: string): Promise<void> {
  await nameField(page).fill(name);
}

export async function nameShown(page: Page): Promise<string> {
  return nameField(page).inputValue();
}

/** Leaves the wizard by its Cancel link, saving nothing. */
async function cancelWizard(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Cancel', exact: true }).click();
  await page.waitForLoadState('domcontentloaded');
}

/** What the text fields of the LAN settings hold. */
export async function lanFieldValues(page: Page): Promise<string[]> {
  return Promise.all((await lanSettings(page).getByRole('textbox').all()).map(async (field) => (await field.inputValue()).trim()));
}

/** The "Enable IPv6 for this scanner" checkbox within `scope` (the LAN settings, or their IPv6 part). */
export function ipv6Checkbox(scope: Locator): Locator {
  return scope.getByLabel('Enable IPv6 for this scanner', { exact: true });
}

/** "Be sure to save the Appliance settings." */
async function saveSettings(page: Page): Promise<void> {
  await submit(page, 'Save');
}

export interface VlanEntry { id: number; address: string; netmask: string; name: string }
export interface RouteEntry { name: string; destination: string; netmask: string; gateway: string }

/** The rows of a table: groups named "VLAN 1", "Static route 2", ... */
function rows(page: Page, noun: 'VLAN' | 'Static route'): Locator {
  return part(page, noun === 'VLAN' ? 'VLANs' : 'Static routes').getByRole('group', { name: new RegExp(`^${noun} \\d+$`) });
}

export async function rowCount(page: Page, noun: 'VLAN' | 'Static route'): Promise<number> {
  return rows(page, noun).count();
}

/** Add VLAN (a round trip that shows one more, empty row), then the row's fields. */
async function addVlan(page: Page, vlan: VlanEntry): Promise<void> {
  await submit(page, 'Add VLAN');
  const row = rows(page, 'VLAN').last();
  await row.getByLabel('VLAN ID', { exact: true }).fill(String(vlan.id));
  await row.getByLabel('IPv4 address', { exact: true }).fill(vlan.address);
  await row.getByLabel('Netmask', { exact: true }).fill(vlan.netmask);
  await row.getByLabel('Name', { exact: true }).fill(vlan.name);
}

async function addRoute(page: Page, route: RouteEntry): Promise<void> {
  await submit(page, 'Add static route');
  const row = rows(page, 'Static route').last();
  await row.getByLabel('Name', { exact: true }).fill(route.name);
  await row.getByLabel('Destination', { exact: true }).fill(route.destination);
  await row.getByLabel('Netmask', { exact: true }).fill(route.netmask);
  await row.getByLabel('Gateway', { exact: true }).fill(route.gateway);
}

/**
 * Many rows at once: the table's "Add several ... at once" box, then its Add button. The entries
 * go in separated by semicolons, as the box takes them: a browser types thousands of lines
 * into a text area slowly (each line break is an edit of its own).
 */
async function pasteRows(page: Page, table: 'VLANs' | 'Static routes', lines: string[]): Promise<void> {
  const group = part(page, table);
  const plural = table === 'VLANs' ? 'VLANs' : 'static routes';
  await group.getByText(`Add several ${plural} at once`, { exact: true }).click();
  await group.getByRole('textbox', { name: new RegExp(`^${plural} to add`, 'i') }).fill(lines.join('; '));
  await submit(page, `Add these ${plural}`);
}

/** Octets of the address `offset` addresses into the /16 (or larger) block starting at `base`. */
function addressIn(base: [number, number], offset: number): string {
  return `${base[0]}.${base[1]}.${offset >> 8}.${offset & 255}`;
}

/**
 * `count` VLANs with IDs 1, 2, ...: VLAN n on the n-th /28 of 198.19.0.0/16 (198.19.0.16/28 for
 * VLAN 1), with the address 10 into it (198.19.0.26) and its gateway 1 into it (198.19.0.17).
 */
function manyVlans(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${i + 1}, ${addressIn([198, 19], (i + 1) * 16 + 10)}, 255.255.255.240, vlan-${i + 1}`);
}

/** `count` static routes through `gateway`: route n to the n-th /29 of 198.18.128.0/17 (198.18.128.0/29 for route 1). */
function manyRoutes(count: number, gateway: string): string[] {
  return Array.from({ length: count }, (_, i) => `route-${i + 1}, ${addressIn([198, 18], 128 * 256 + i * 8)}, 255.255.255.248, ${gateway}`);
}

export type Ipv6Assignment = { mode: 'auto' } | { mode: 'static'; address: string; prefixLength: number; gateway: string };

/** "Under LAN settings select "Enable IPv6 for this scanner"" and choose Automatically or Static. */
async function enableIpv6(page: Page, assignment: Ipv6Assignment): Promise<void> {
  const group = part(page, 'IPv6');
  await ipv6Checkbox(group).check();
  if (assignment.mode === 'auto') {
    await group.getByLabel('Automatically', { exact: true }).check();
    return;
  }
  await group.getByLabel('Static', { exact: true }).check();
  await group.getByLabel('IPv6 address', { exact: true }).fill(assignment.address);
  await group.getByLabel('Prefix length', { exact: true }).fill(String(assignment.prefixLength));
  await group.getByLabel('IPv6 gateway', { exact: true }).fill(assignment.gateway);
}

/** The alerts shown in a part of the wizard. */
export async function alertsIn(page: Page, which: Part): Promise<string[]> {
  return (await part(page, which).getByRole('alert').allInnerTexts()).map((t) => t.trim());
}

// --- Tasks -------------------------------------------------------------------------------------

/** "Go to Scans > Appliances and edit your Scanner Appliance. You'll see the Appliance wizard." */
export const OpenWizard = (platformEdition: string, name: string) =>
  OnPortal(`Scans > Appliances, edit ${name}`, (page) => openWizard(page, platformEdition, name));

export const Rename = (name: string) => OnPortal(`type ${name} as the appliance's name`, (page) => rename(page, name));

/** "Be sure to save the Appliance settings." */
export const SaveSettings = () => OnPortal('Save', (page) => saveSettings(page));

export const CancelWizard = () => OnPortal('Cancel', (page) => cancelWizard(page));

export const AddVlan = (vlan: VlanEntry) =>
  OnPortal(`Add VLAN ${vlan.id} (${vlan.address}/${vlan.netmask}, ${vlan.name})`, (page) => addVlan(page, vlan));

export const AddRoute = (route: RouteEntry) =>
  OnPortal(`Add static route ${route.name} to ${route.destination}/${route.netmask} via ${route.gateway}`, (page) => addRoute(page, route));

export const AddManyVlans = (count: number) => OnPortal(`add ${count} VLANs at once`, (page) => pasteRows(page, 'VLANs', manyVlans(count)));

export const AddManyRoutes = (count: number, gateway: string) =>
  OnPortal(`add ${count} static routes at once`, (page) => pasteRows(page, 'Static routes', manyRoutes(count, gateway)));

/** "You can choose "Automatically" and we'll do IP assignment through router advertisement ... or choose "Static" and assign a static IP address." */
export const EnableIpv6 = (assignment: Ipv6Assignment) =>
  OnPortal(
    assignment.mode === 'auto'
      ? 'Enable IPv6 for this scanner, Automatically'
      : `Enable IPv6 for this scanner, Static ${assignment.address}/${assignment.prefixLength} via ${assignment.gateway}`,
    (page) => enableIpv6(page, assignment),
  );
