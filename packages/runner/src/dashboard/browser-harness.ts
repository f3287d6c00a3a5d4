import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

/** Where the end-to-end run writes a screenshot of each page (gitignored; named in the README). */
export const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'test-results', 'dashboard');

/** The Chromium the tests drive: `HANGAR_CHROMIUM`, else Debian's package. */
export const CHROMIUM_PATH = process.env.HANGAR_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Why the browser tests cannot run here (printed), or undefined. Under CI=true a missing
 * browser throws instead, so the suite fails rather than passing without having run.
 */
export function browserSkipReason(what: string): string | undefined {
  const reason = existsSync(CHROMIUM_PATH)
    ? undefined
    : `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set HANGAR_CHROMIUM)`;
  if (reason && process.env.CI === 'true') throw new Error(`Chromium is required in CI: ${reason}`);
  if (reason) console.warn(`[skipped] ${what}: ${reason}`);
  return reason;
}

/** Starts headless Chromium, without network side trips of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    timeout: 120_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page in a context of its own (no shared session storage), English, with a loaded machine's timeout. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  return page;
}

/** Opens the dashboard of `baseUrl` in a fresh page and signs in with `token`. */
export async function openDashboard(
  browser: Browser,
  baseUrl: string,
  token: string,
  hash = '',
): Promise<Page> {
  const page = await freshPage(browser);
  await page.goto(`${baseUrl}/dashboard/${hash}`);
  await page.getByLabel('Bearer token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation').waitFor();
  return page;
}

/** The pages of a browser test file: each test's pages are closed after it. */
export interface DashboardBrowser {
  /** The dashboard of `api` in a fresh page, signed in with `token`, at `hash` (see {@link openDashboard}). */
  open(api: { readonly url: string }, token: string, hash?: string): Promise<Page>;
  /** A fresh page, not signed in and nowhere yet. */
  newPage(): Promise<Page>;
}

/**
 * Registers, in the calling `describe`, one Chromium for the whole file (launching is the slow part)
 * and, after each test, the closing of the pages it opened and then `afterEachTest` (the servers
 * the pages talked to, so no page is left polling a server that is gone).
 */
export function useDashboardBrowser(afterEachTest: () => Promise<void>): DashboardBrowser {
  let browser: Browser | undefined;
  const pages: Page[] = [];
  const opened = (page: Page) => {
    pages.push(page);
    return page;
  };
  const started = () => {
    if (browser === undefined) throw new Error('Chromium is not started (call inside a describe)');
    return browser;
  };
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 180_000);
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
    await afterEachTest();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    open: async (api, token, hash = '') => opened(await openDashboard(started(), api.url, token, hash)),
    newPage: async () => opened(await freshPage(started())),
  };
}

/**
 * The ids of the jobs a list shows, once there are some and they differ from `before`: a list is
 * replaced after a click, so the new rows are told apart from the old ones by their ids.
 */
export async function listedJobIds(page: Page, before: readonly string[] = []): Promise<string[]> {
  const rows = page.locator('tbody tr[data-job-id]');
  const read = () => rows.evaluateAll((found) => found.map((row) => row.getAttribute('data-job-id') ?? ''));
  let ids: string[] = [];
  await expect
    .poll(
      async () => {
        ids = await read();
        return ids.length > 0 && ids.join() !== before.join();
      },
      { timeout: 60_000, interval: 100 },
    )
    .toBe(true);
  return ids;
}

/** Saves a screenshot of the page under `SCREENSHOT_DIR`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Calls the API from inside the page, with the token the page holds: what a forged request can reach. */
export function callFromPage(page: Page, method: string, path: string): Promise<number> {
  // A script string: it runs in the page, whose globals (sessionStorage, location) Node's types lack.
  return page.evaluate(`(async () => {
    const token = sessionStorage.getItem('hangar.dashboard.token') ?? '';
    const url = new URL(${JSON.stringify(path)}, new URL('..', location.href)).href;
    const response = await fetch(url, { method: ${JSON.stringify(method)}, headers: { authorization: 'Bearer ' + token } });
    return response.status;
  })()`);
}
