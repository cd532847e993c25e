// Going through the portal the way a security review does: every page its links reach (with
// each page's answer and the forms it offers), forms posted from elsewhere or with a forged
// token, and who the portal says is signed in.
import assert from 'node:assert/strict';
import type { Page, Response } from 'playwright';
import { heading, OnPortal } from './portal.ts';
import { Task } from './task.ts';

/** The pages visited, in the order found, each page's answer, and where their forms post to. */
export interface Crawl {
  /** The pages visited, by path (with query), in the order found. */
  pages: string[];
  /** Where each page's forms post to. */
  forms: Set<string>;
  /** Each page's answer: status and its Content-Security-Policy. */
  answers: Array<{ path: string; status: number; csp: string | null; scripts: number }>;
}

/** The answer to a form posted. */
export interface PostAnswer { path: string; status: number; text: string }

/** A page path with its numbers folded: /app/vm/scans/appliances/17 and .../18 are one kind of page. */
const kindOf = (path: string) => path.replace(/\d+/g, 'N');

export function pathOf(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}

/**
 * From the page shown, every page of the portal its links lead to (one of each kind, at most
 * `maxPages`), as the signed-in user reaches them: each page's answer and the forms it offers.
 */
async function crawl(page: Page, maxPages: number): Promise<Crawl> {
  const origin = new URL(page.url()).origin;
  const found: Crawl = { pages: [], forms: new Set(), answers: [] };
  const queue = [pathOf(page.url())];
  const kinds = new Set<string>();
  while (queue.length > 0 && found.pages.length < maxPages) {
    const path = queue.shift()!;
    if (kinds.has(kindOf(path))) continue;
    kinds.add(kindOf(path));
    const response = await page.goto(path);
    assert.ok(response, `no answer for ${path}`);
    found.pages.push(path);
    found.answers.push({ path, status: response.status(), csp: response.headers()['content-security-policy'] ?? null, scripts: await page.locator('script').count() });
    for (const form of await page.locator('form').all()) {
      const action = new URL((await form.getAttribute('action')) ?? '', page.url());
      if (action.origin === origin) found.forms.add(pathOf(action.href));
    }
    for (const link of await page.locator('a[href]').all()) {
      const href = new URL((await link.getAttribute('href')) ?? '', page.url());
      if (href.origin === origin && !kinds.has(kindOf(pathOf(href.href)))) queue.push(pathOf(href.href));
    }
  }
  return found;
}

/** A page with one form posting to `action` (a licence decision, in case it is the licence's). */
function formPosting(action: string): string {
  return `<form method="post" action="${action.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}"><input type="hidden" name="decision" value="decline"><button type="submit">Go</button></form>`;
}

/** Waits for the answer to the form posted to `path` by `submit`. */
async function postAnswer(page: Page, path: string, submit: () => Promise<void>): Promise<PostAnswer> {
  const [response] = await Promise.all([
    page.waitForResponse((r: Response) => r.request().method() === 'POST' && new URL(r.url()).pathname === path),
    submit(),
  ]);
  return { path, status: response.status(), text: (await response.text().catch(() => '')).trim() };
}

/** Shows, in `page`, a page of its own whose one form posts to the portal's `action`, and posts it. */
async function postFormFrom(page: Page, action: URL): Promise<PostAnswer> {
  await page.setContent(formPosting(action.href));
  return postAnswer(page, action.pathname, () => page.getByRole('button', { name: 'Go' }).click());
}

/** Sends the form of the page that has the button `button`, its CSRF token changed. */
async function sendWithForgedToken(page: Page, button: string): Promise<PostAnswer> {
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: button, exact: true }) }).first();
  const action = new URL((await form.getAttribute('action')) ?? '', page.url()).pathname;
  const token = form.locator('input[name="csrf"]');
  assert.equal(await token.count(), 1, `the "${button}" form carries no CSRF token`);
  await token.evaluate((input: { value: string }) => { input.value = 'forged-token-0000'; });
  return postAnswer(page, action, () => form.getByRole('button', { name: button, exact: true }).click());
}

/** The login the page says is signed in. */
export async function signedInUser(page: Page): Promise<string> {
  return (await page.getByTestId('signed-in-user').innerText()).trim();
}

// --- Tasks -------------------------------------------------------------------------------------

/** From the page shown, every page its links lead to (one of each kind, at most `maxPages`). */
export const VisitEveryPage = (maxPages: number) => OnPortal('visit every page the links lead to', (page) => crawl(page, maxPages));

/** Each of `paths` opened without a session: hands back those that did not show the `title` page at /login, and what they showed. */
export const OpenEachWithoutSession = (paths: readonly string[], title: string) =>
  OnPortal('open each page visited without a session', async (page) => {
    const wrong: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      const shown = await heading(page);
      if (shown !== title || new URL(page.url()).pathname !== '/login') wrong.push(`${path}: "${shown}" at ${pathOf(page.url())}`);
    }
    return wrong;
  });

/** Each form of `paths` posted from a page of the portal's own origin without a session cookie; the answers, in order. */
export const PostEachWithoutSession = (paths: readonly string[]) =>
  OnPortal(`post each of ${paths.length} forms without a session`, async (page) => {
    const answers: PostAnswer[] = [];
    for (const path of paths) {
      await page.goto('/login');
      answers.push(await postFormFrom(page, new URL(path, page.url())));
    }
    return answers;
  });

/**
 * Another site's page (about:blank, an opaque origin) in the same browser, whose form posts to
 * the portal's `path`: the browser's own cookie rules and the portal's token check are what stop it.
 */
export const PostFromAnotherSite = (path: string) =>
  Task.where(`another site's page posts a form to ${path}`, async (actor) => {
    const page = await actor.portal.page();
    const action = new URL(path, page.url());
    const other = await page.context().newPage();
    try {
      return await postFormFrom(other, action);
    } finally {
      await other.close();
    }
  });

/** A form of the page sent with its CSRF token changed (a forged form of the same site). */
export const SendWithForgedToken = (button: string) =>
  OnPortal(`send the "${button}" form with a forged CSRF token`, (page) => sendWithForgedToken(page, button));
