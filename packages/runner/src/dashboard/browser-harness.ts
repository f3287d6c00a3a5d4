import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

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

/** Opens the dashboard of `baseUrl` in a fresh page and signs in with `token`. */
export async function openDashboard(
  browser: Browser,
  baseUrl: string,
  token: string,
  hash = '',
): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${baseUrl}/dashboard/${hash}`);
  await page.getByLabel('Bearer token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation').waitFor();
  return page;
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
