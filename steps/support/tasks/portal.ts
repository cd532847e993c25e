// Tasks on the platform's web portal, as a person does them in the browser: log in (with the
// password from the lab's secrets, never written anywhere), the licence agreement, the
// application picker, the menus. Pages are found by their headings, fields by their labels and
// buttons and links by their names: what a screen reader would announce.
import type { Locator, Page } from 'playwright';
import { loadAccount } from '../../../fixtures/platform.ts';
import type { PlatformAccount } from '../../../fixtures/platform.ts';
import { Secrets } from '../../../fixtures/secrets.ts';
import type { Actor } from '../actor.ts';
import { Task } from './task.ts';

let lab: { account: PlatformAccount; secrets: Secrets } | null = null;

/** The lab's account (users, roles, asset groups) and its secrets, read once per process. */
export function labAccount(): { account: PlatformAccount; secrets: Secrets } {
  lab ??= { account: loadAccount(), secrets: new Secrets() };
  return lab;
}

export function userOf(login: string): PlatformAccount['users'][number] {
  const user = labAccount().account.users.find((u) => u.login === login);
  if (!user) throw new Error(`the lab's account has no user ${login} (fixtures/platform/account.yaml)`);
  return user;
}

/** A user of a role, for steps that name the role rather than the person. */
export function userWithRole(role: 'manager' | 'unit-manager' | 'reader', businessUnit?: string): string {
  const user = labAccount().account.users.find((u) => u.role === role && (businessUnit === undefined || u.businessUnit === businessUnit));
  if (!user) throw new Error(`the lab's account has no ${role}${businessUnit ? ` in ${businessUnit}` : ''} (fixtures/platform/account.yaml)`);
  return user.login;
}

export function passwordOf(login: string): string {
  return labAccount().secrets.value(userOf(login).passwordSecret);
}

/** The page's title: its one h1. */
export async function heading(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).innerText()).trim();
}

/** The alerts the page shows (refusals, validation messages). */
export async function alerts(page: Page): Promise<string[]> {
  return (await page.getByRole('alert').allInnerTexts()).map((t) => t.trim());
}

export async function statuses(page: Page): Promise<string[]> {
  return (await page.getByRole('status').allInnerTexts()).map((t) => t.trim());
}

/**
 * "On the Qualys LOGIN page, enter your user name (login) and password, and then click LOGIN."
 * `password` defaults to the user's own (from the lab's secrets).
 */
export async function logIn(page: Page, login: string, password: string = passwordOf(login)): Promise<void> {
  // A page that asked for the login first stays where it is, to come back to after it.
  if (new URL(page.url(), 'https://x').pathname !== '/login') await page.goto('/login');
  await page.getByLabel('User name').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'LOGIN' }).click();
  await page.waitForLoadState('domcontentloaded');
}

/** Logs in and, on a first login, accepts the licence agreement: the user's Home page. */
export async function logInReady(page: Page, login: string): Promise<void> {
  await logIn(page, login);
  if (await heading(page) === 'License Agreement') await clickButton(page, 'Accept');
}

/** Clicks the button of that name (Log out, Accept, Decline, ...). */
export async function clickButton(page: Page, name: string, exact = false): Promise<void> {
  await page.getByRole('button', { name, exact }).click();
}

/** How many `tag` elements in the page's main part hold `text` (text typed as a name made into markup). */
export async function elementsHolding(page: Page, tag: string, text: string): Promise<number> {
  return page.locator(`main ${tag}`).filter({ hasText: text }).count();
}

/** Help > About: the URLs its Scanner Appliances section lists. */
export async function scannerApplianceUrls(page: Page): Promise<string[]> {
  const section = page.getByRole('region', { name: 'Scanner Appliances' });
  return (await section.getByRole('list', { name: 'Scanner appliance URLs' }).getByRole('listitem').allInnerTexts()).map((s) => s.trim());
}

export function applicationPicker(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Application picker' });
}

/** The applications the picker offers, in order. */
export async function applicationNames(page: Page): Promise<string[]> {
  return (await applicationPicker(page).getByRole('link').allInnerTexts()).map((t) => t.trim());
}

/** "Select VM/VMDR from the application picker." */
export async function pickApplication(page: Page, name: string): Promise<void> {
  await applicationPicker(page).getByRole('link', { name, exact: true }).click();
}

/** A menu's disclosure (Scans, Help, New, ...) by its exact name. */
export function menu(scope: Page | Locator, name: string): Locator {
  return scope.locator('summary').filter({ hasText: new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*$`) });
}

/**
 * Follows a menu path as the guide writes it: "Scans > Appliances", "Help > About",
 * "Scans > Setup > Syslog Forwarding", "New > Scanner Appliance". Every item but the last opens a
 * menu; the last is a link.
 */
export async function goTo(page: Page, path: string): Promise<void> {
  const link = await menuPath(page, path, true);
  await link!.click();
  await page.waitForLoadState('domcontentloaded');
}

/** Whether the page's menus hold a path ("Scans > Setup > Syslog Forwarding"), opened or not. */
export async function offersPath(page: Page, path: string): Promise<boolean> {
  const link = await menuPath(page, path, false);
  return link !== null && (await link.count()) > 0;
}

/** The last item of a menu path, as a link; opening the menus on the way, or only looking (null: a menu is missing). */
async function menuPath(page: Page, path: string, open: boolean): Promise<Locator | null> {
  const items = path.split('>').map((s) => s.trim());
  const last = items.pop()!;
  let scope: Page | Locator = page;
  for (const item of items) {
    const summary = menu(scope, item).first();
    if (open) await summary.click();
    else if (await summary.count() === 0) return null;
    scope = summary.locator('xpath=..');
  }
  return scope.getByRole('link', { name: last, exact: true, ...(open ? {} : { includeHidden: true }) });
}

/** What a menu offers when opened: its links and its submenus, in order. */
export async function menuItems(page: Page, name: string): Promise<string[]> {
  const summary = menu(page, name).first();
  if (await summary.count() === 0) return [];
  await summary.click();
  // Its own items: links, and the names of the menus nested in it ("Setup").
  const items = await summary.locator('xpath=..').locator(':scope > ul > li > a, :scope > ul > li > details > summary').allInnerTexts();
  await summary.click();
  return items.map((t) => t.trim());
}

/**
 * Waits (appliance time) until `accept` holds for what `read` finds on the portal's page loaded
 * again, for at most `minutes`; the last value read when it never does.
 */
export async function portalWithin<T>(actor: Actor, minutes: number, read: () => Promise<T>, accept: (value: T) => boolean): Promise<{ met: boolean; last: T | undefined }> {
  const page = await actor.portal.page();
  let last: T | undefined;
  const met = await actor.target.time.waitUntil(async () => {
    await page.reload({ waitUntil: 'domcontentloaded' });
    last = await read();
    return accept(last);
  }, minutes * 60_000);
  actor.recordScreens();
  return { met, last };
}

// --- Tasks -------------------------------------------------------------------------------------

/** A task on the portal's page of the scenario (the browser opened on first use, closed at the stop). */
export const OnPortal = <T>(description: string, perform: (page: Page) => Promise<T>): Task<T> =>
  Task.where(`portal: ${description}`, async (actor) => perform(await actor.portal.page()));

export const LogIn = (login: string) => OnPortal(`log in as ${login}`, (page) => logIn(page, login));

export const LogInWithAWrongPassword = (login: string) =>
  OnPortal(`log in as ${login} with a wrong password`, (page) => logIn(page, login, 'not-the-password-0'));

export const LogInReady = (login: string) =>
  OnPortal(`log in as ${login} (accepting the licence agreement if asked)`, (page) => logInReady(page, login));

export const LogOut = () => OnPortal('log out', (page) => clickButton(page, 'Log out'));

export const DecideOnLicenseAgreement = (decision: 'accept' | 'decline') =>
  OnPortal(`${decision} the license agreement`, (page) => clickButton(page, decision === 'accept' ? 'Accept' : 'Decline'));

/** "Select VM/VMDR from the application picker." */
export const PickApplication = (name: string) =>
  OnPortal(`select ${name} from the application picker`, async (page) => {
    await pickApplication(page, name);
    await page.waitForLoadState('domcontentloaded');
  });

/** A menu path as the guide writes it: "Scans > Appliances", "Help > About". */
export const GoTo = (path: string) => OnPortal(`go to ${path}`, (page) => goTo(page, path));

/** A page of the portal by its address. */
export const Open = (path: string) => OnPortal(`open ${path}`, async (page) => { await page.goto(path); });

export const OpenWithoutLoggingIn = (path: string) => OnPortal(`open ${path} without logging in`, async (page) => { await page.goto(path); });
