/**
 * Debian's Chromium (/usr/bin/chromium) driven by playwright-core for the browser tests, watched:
 * every request to another origin is blocked and recorded, and console errors, page errors,
 * failed requests and HTTP errors are collected as problems, so a test can fail on any of them.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
export const hasChromium = existsSync(CHROMIUM);

/**
 * Without Chromium, the browser tests of `what` are skipped with a message, or, with CI=true, a
 * failing test says why the run fails.
 */
export function requireChromium(what: string): void {
  if (hasChromium) return;
  const missing = `${CHROMIUM} is missing (on Debian: apt-get install -y chromium).`;
  if (process.env.CI !== 'true') {
    console.warn(`[browser] ${missing} SKIPPED: ${what} browser tests.`);
    return;
  }
  describe(`${what} in a browser, with CI=true`, () => {
    it('needs Chromium', () => {
      expect.fail(`[browser] ${missing} With CI=true ${what} browser tests must run, so the run fails.`);
    });
  });
}

export interface WatchedBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Everything that should make a test fail besides its own expectations. */
  readonly problems: string[];
  /** Failures a test provokes on purpose: problems matching one of these are not recorded. */
  readonly expected: RegExp[];
  /** The paths of every same-origin request. */
  readonly requested: Set<string>;
  /** Saves a screenshot named `screenshot`, closes the browser and removes its profile. */
  close(screenshot: string): Promise<void>;
}

/** A fresh headless Chromium profile that lets only `origin` be reached. */
export async function openWatchedBrowser(origin: string, viewport: { width: number; height: number }): Promise<WatchedBrowser> {
  const problems: string[] = [];
  const expected: RegExp[] = [];
  const requested = new Set<string>();
  const problem = (text: string) => {
    if (!expected.some((pattern) => pattern.test(text))) problems.push(text);
  };
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'kg-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport,
  });
  context.setDefaultTimeout(30_000);
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin) {
      requested.add(url.pathname);
      return route.continue();
    }
    problems.push(`request to another origin: ${url.href}`);
    return route.abort('blockedbyclient');
  });
  context.on('console', (message) => {
    if (message.type() === 'error') problem(`console error: ${message.text()}`);
  });
  context.on('weberror', (error) => problem(`page error: ${error.error().message}`));
  context.on('requestfailed', (request) =>
    problem(`failed request: ${request.method()} ${request.url()} (${request.failure()?.errorText})`),
  );
  context.on('response', (response) => {
    if (response.status() >= 400) problem(`HTTP ${response.status()}: ${response.url()}`);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    problems,
    expected,
    requested,
    async close(screenshot) {
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, `${screenshot}.png`) }).catch(() => undefined);
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A test's name as a file name. */
export const screenshotName = (testName: string) => testName.replace(/[^\w-]+/g, '-').replace(/^-|-$/g, '');
