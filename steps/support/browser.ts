// The browser a person would use on the platform's web portal: Debian's Chromium driven by
// Playwright, headless. One browser per process (started when a scenario first needs the
// portal, shared by the scenarios after it), a fresh browser context (cookies, session) per
// scenario. The portal's server key is pinned (--ignore-certificate-errors-spki-list): the
// browser trusts that server and no other, instead of ignoring certificate errors.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';
import type { Browser, BrowserContext, Page } from 'playwright';
import { Inconclusive } from './errors.ts';
import type { Platform, PortalAccess } from './protocols.ts';

export const chromiumPath = process.env['QSA_CHROMIUM'] ?? '/usr/lib/chromium/chromium';

const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Start-ups of the process's browser, for the benchmark. */
export const browserStarts: number[] = [];

let shared: { spki: string; browser: Promise<Browser> } | null = null;

async function launch(spki: string): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Inconclusive(`Chromium not found at ${chromiumPath}: install Debian's chromium (apt-get install -y chromium; npm test does) or set QSA_CHROMIUM`);
  }
  const started = performance.now();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, `--ignore-certificate-errors-spki-list=${spki}`] });
  browserStarts.push(performance.now() - started);
  return browser;
}

/** The process's browser, trusting the server key `spki` (a new key needs a new browser). */
async function browserFor(spki: string): Promise<Browser> {
  if (shared?.spki !== spki) {
    const old = shared;
    shared = { spki, browser: launch(spki) };
    if (old) await (await old.browser.catch(() => null))?.close();
  }
  try {
    return await shared.browser;
  } catch (error) {
    shared = null;
    throw error;
  }
}

export async function closeBrowser(): Promise<void> {
  const old = shared;
  shared = null;
  if (old) await (await old.browser.catch(() => null))?.close();
}

/** One scenario's visit to the portal: its own browser context, opened on first use. */
export class PortalVisit {
  readonly #platform: Platform;
  #access: PortalAccess | null = null;
  #context: BrowserContext | null = null;
  #page: Page | null = null;

  constructor(platform: Platform) {
    this.#platform = platform;
  }

  /** The browser tab on the portal (opened at the portal's start page on first use). */
  async page(): Promise<Page> {
    if (this.#page) return this.#page;
    const access = await this.#platform.portal();
    this.#access = access;
    const browser = await browserFor(access.spkiSha256);
    this.#context = await browser.newContext({ baseURL: access.url, locale: 'en-US' });
    this.#context.setDefaultTimeout(15_000);
    // A page with thousands of wizard rows takes seconds to lay out when every core is busy with
    // other scenarios; waiting for a page to load is not a user's action and gets longer.
    this.#context.setDefaultNavigationTimeout(45_000);
    this.#page = await this.#context.newPage();
    return this.#page;
  }

  /** The portal's address, once visited. */
  get url(): string | null {
    return this.#access?.url ?? null;
  }

  /** The page as it looks now, for a failed step's evidence (null if the portal was not opened). */
  async screenshot(): Promise<Buffer | null> {
    if (!this.#page || this.#page.isClosed()) return null;
    return this.#page.screenshot({ fullPage: true }).catch(() => null);
  }

  async close(): Promise<void> {
    const context = this.#context;
    this.#context = null;
    this.#page = null;
    await context?.close().catch(() => undefined);
  }
}
