/**
 * The explorer at / in a real browser: Debian's Chromium (/usr/bin/chromium) driven by
 * playwright-core, against the real server, with every request to another origin blocked. A test
 * fails on any console error, page error, failed request or request to another origin. A
 * screenshot per test goes to test-results/screenshots/ (explorer-*.png).
 *
 * Without /usr/bin/chromium the tests are skipped with a message, or fail when CI=true.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const hasChromium = existsSync(CHROMIUM);
const missing = `${CHROMIUM} is missing (on Debian: apt-get install -y chromium).`;

if (!hasChromium && process.env.CI !== 'true') {
  console.warn(`[browser] ${missing} SKIPPED: the explorer browser tests.`);
}

if (!hasChromium && process.env.CI === 'true') {
  describe('the explorer in a browser, with CI=true', () => {
    it('needs Chromium', () => {
      expect.fail(`[browser] ${missing} With CI=true the explorer browser tests must run, so the run fails.`);
    });
  });
}

describe.runIf(hasChromium)('the explorer at / in Chromium, offline', () => {
  let server: ServerProcess;
  let origin: string;
  let userDataDir: string;
  let context: BrowserContext;
  let page: Page;
  /** Everything that makes a test fail besides its own expectations. */
  let problems: string[];
  /** Failures a test provokes on purpose (matched against each problem). */
  let expected: RegExp[];

  beforeAll(async () => {
    server = await startServerProcess();
    origin = new URL(server.baseUrl).origin;
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await server?.stop();
  });

  beforeEach(async () => {
    problems = [];
    expected = [];
    userDataDir = await mkdtemp(path.join(tmpdir(), 'kg-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
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
      viewport: { width: 1440, height: 900 },
    });
    context.setDefaultTimeout(30_000);
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      problems.push(`request to another origin: ${url}`);
      return route.abort('blockedbyclient');
    });
    const problem = (text: string) => {
      if (!expected.some((pattern) => pattern.test(text))) problems.push(text);
    };
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
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterEach(async (test) => {
    const name = test.task.name.replace(/[^\w-]+/g, '-').replace(/^-|-$/g, '');
    await page?.screenshot({ path: path.join(SCREENSHOTS, `explorer-${name}.png`) }).catch(() => undefined);
    await context?.close();
    await rm(userDataDir, { recursive: true, force: true });
    expect(problems, 'console errors, page errors, failed or foreign requests').toEqual([]);
  });

  /** Opens / and waits until the explorer has loaded the relation vocabulary. */
  async function openExplorer(): Promise<void> {
    const response = await page.goto(`${server.baseUrl}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    await page.locator('body[data-ready="true"]').waitFor();
  }

  /** Types into the search box, waits for the hit and opens it with Enter (or a click). */
  async function searchAndOpen(text: string, name: string, how: 'enter' | 'click' = 'enter'): Promise<void> {
    const input = page.getByRole('combobox', { name: 'Search entities by name or alias' });
    await input.fill('');
    await input.pressSequentially(text, { delay: 20 });
    const hit = page.getByRole('option', { name: new RegExp(name) }).first();
    await hit.waitFor();
    if (how === 'enter') {
      // The first hit is the active one; move to the named one with the arrow keys.
      const names = await page.getByRole('option').allInnerTexts();
      const index = names.findIndex((n) => n.includes(name));
      for (let i = 0; i < index; i++) await input.press('ArrowDown');
      await input.press('Enter');
    } else {
      await hit.click();
    }
    await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
  }

  const nodeList = () => page.locator('#node-list');

  it('searches as you type, opens Alaudinov and expands his neighbours', async () => {
    await openExplorer();
    const input = page.getByRole('combobox', { name: 'Search entities by name or alias' });
    await input.pressSequentially('Alaud', { delay: 30 });
    const hit = page.getByRole('option', { name: /Apti Alaudinov/ });
    await hit.waitFor();
    await expect(hit.textContent()).resolves.toContain('Person');
    await input.press('Enter');

    // Opened: the side panel, and his neighbours on the canvas and in its text list.
    const panel = page.locator('#details');
    await panel.getByRole('heading', { level: 2, name: 'Apti Alaudinov' }).waitFor();
    await panel.getByText('Major General').first().waitFor();
    await nodeList().getByRole('button', { name: /^Chechen unit, military unit/ }).waitFor();
    await panel.locator('li.relation[data-type="COMMANDS"]').getByRole('button', { name: 'Chechen unit' }).waitFor();
    // His quote, with its speaker, and what it is about.
    const quote = panel.getByRole('list', { name: 'Statements by Apti Alaudinov' }).locator('li').first();
    await quote.getByText(/This is certainly not the conclusion/).waitFor();
    await quote.getByRole('button', { name: 'Kursk region' }).waitFor();

    // Enter on the Chechen unit in the list expands it: Kursk region comes onto the canvas.
    await nodeList().getByRole('button', { name: /^Chechen unit/ }).focus();
    await page.keyboard.press('Enter');
    await panel.getByRole('heading', { level: 2, name: 'Chechen unit' }).waitFor();
    await nodeList().getByRole('button', { name: /^Kursk region, region/ }).waitFor();
    expect(await page.locator('#canvas').getAttribute('aria-label')).toMatch(/Graph canvas: \d+ entities and \d+ relations/);
    expect(await nodeList().locator('li').count()).toBeGreaterThanOrEqual(4);

    // Escape closes the side panel and gives the focus back to the list.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    await expect(page.locator('#node-list button:focus').getAttribute('data-id')).resolves.toBe('unit:chechen-unit');
  });

  it("shows Kurakhove's three competing relations with their claimants", async () => {
    await openExplorer();
    await searchAndOpen('Kurakh', 'Kurakhove', 'click');
    const panel = page.locator('#details');
    const relation = (type: string) => panel.locator(`li.relation[data-type="${type}"]`).filter({ hasText: 'Russian Armed Forces' });

    const capture = relation('CLAIMED_CAPTURE_OF');
    await capture.waitFor();
    await expect(capture.textContent()).resolves.toMatch(/claimed by Russian Defense Ministry/);
    await expect(capture.textContent()).resolves.toContain('2025-01-06');
    await expect(capture.getAttribute('class')).resolves.toContain('status-CLAIMED');

    const controls = relation('CONTROLS');
    await expect(controls.textContent()).resolves.toMatch(/claimed by DeepState/);
    await expect(controls.textContent()).resolves.toContain('most of');
    await expect(controls.getAttribute('class')).resolves.toContain('status-REPORTED');

    const attacked = relation('ATTACKED');
    await expect(attacked.textContent()).resolves.toMatch(/claimed by Khortytsia group/);
    await expect(attacked.getAttribute('class')).resolves.toContain('status-CLAIMED');

    // Each carries its source; the statement that Russia captured it is among those that mention it.
    await expect(capture.locator('cite').textContent()).resolves.toMatch(/Conflicting factions/);
    await panel.getByRole('list', { name: 'Statements about Kurakhove' }).locator('li').first().waitFor();
    await nodeList().getByRole('button', { name: /^Russian Armed Forces/ }).waitFor();
  });

  it('highlights the shortest path from Alaudinov to North Korea', async () => {
    await openExplorer();
    await searchAndOpen('Alaudinov', 'Apti Alaudinov');
    await page.getByRole('button', { name: 'Path from here' }).click();
    await searchAndOpen('North Korea', 'North Korea', 'click');
    await page.getByRole('button', { name: 'Path to here' }).click();

    const result = page.locator('#path-result');
    await result.getByText('Shortest path, length 3').waitFor();
    const steps = await result.locator('ol li').allInnerTexts();
    expect(steps).toHaveLength(3);
    expect(steps[0]).toMatch(/Apti Alaudinov —MEMBER_OF→ Russian Armed Forces/);
    expect(steps[1]).toMatch(/Russian Armed Forces —PART_OF→ Russia/);
    expect(steps[2]).toMatch(/Russia ←ALLIED_WITH— North Korea/);
    // Highlighted on the canvas, and marked in the text list.
    await expect(page.locator('#canvas').getAttribute('data-path')).resolves.toBe('4 nodes, 3 edges');
    const onPath = await nodeList().locator('li[data-on-path="true"] .node-name').allInnerTexts();
    expect(onPath.sort()).toEqual(['Apti Alaudinov', 'North Korea', 'Russia', 'Russian Armed Forces']);
    // Close the panel so the screenshot shows the whole canvas.
    await page.keyboard.press('Escape');
  });

  it("says so, with the error's code and message, when the server fails or cannot be reached", async () => {
    await openExplorer();
    // A GraphQL error from the server.
    await page.route('**/graphql', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ errors: [{ message: 'The store is unavailable.', extensions: { code: 'STORE_UNAVAILABLE' } }], data: null }),
      }),
    );
    const input = page.getByRole('combobox', { name: 'Search entities by name or alias' });
    await input.pressSequentially('Kursk', { delay: 20 });
    const alert = page.getByRole('alert');
    await alert.getByText('STORE_UNAVAILABLE').waitFor();
    await alert.getByText('The store is unavailable.').waitFor();

    // No server at all: the request fails (on purpose, so that failure is not a problem here).
    expected.push(/failed request: POST .*\/graphql/, /console error: Failed to load resource: net::ERR_CONNECTION_REFUSED/);
    await page.unroute('**/graphql');
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await input.fill('Kurakhove');
    await alert.getByText('NETWORK_ERROR').waitFor();
    await alert.getByText('The server is unreachable').waitFor();
  });
});
