/**
 * The explorer at / in a real browser: Debian's Chromium (/usr/bin/chromium) driven by
 * playwright-core, against the real server, with every request to another origin blocked. A test
 * fails on any console error, page error, failed request or request to another origin. A
 * screenshot per test goes to test-results/screenshots/ (explorer-*.png).
 *
 * Without /usr/bin/chromium the tests are skipped with a message, or fail when CI=true.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toDatasetFile } from '../../src/domain/index.js';
import { generateDataset } from '../../tools/bench/generate.js';
import { hasChromium, openWatchedBrowser, requireChromium, screenshotName, type WatchedBrowser } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

requireChromium('the explorer');

describe.runIf(hasChromium)('the explorer at / in Chromium, offline', () => {
  let server: ServerProcess;
  let origin: string;
  let browser: WatchedBrowser;
  let page: WatchedBrowser['page'];

  beforeAll(async () => {
    server = await startServerProcess();
    origin = new URL(server.baseUrl).origin;
  });
  afterAll(async () => {
    await server?.stop();
  });

  beforeEach(async () => {
    browser = await openWatchedBrowser(origin, { width: 1440, height: 900 });
    page = browser.page;
  });

  afterEach(async (test) => {
    await browser?.close(`explorer-${screenshotName(test.task.name)}`);
    expect(browser.problems, 'console errors, page errors, failed or foreign requests').toEqual([]);
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
    const commands = panel.locator('li.relation[data-type="COMMANDS"]');
    await commands.getByRole('button', { name: 'Chechen unit' }).waitFor();
    // Each fact with who says so: opened, its attributions name their stance and source.
    await commands.locator('summary').click();
    const attribution = commands.getByRole('list', { name: 'Attributions of COMMANDS' }).locator('li').first();
    await expect(attribution.textContent()).resolves.toMatch(/asserts[\s\S]*source:/i);
    // His quote, with its speaker, and what it is about.
    const quote = panel.getByRole('list', { name: 'Statements by Apti Alaudinov' }).locator('li').first();
    await quote.getByText(/This is certainly not the conclusion/).waitFor();
    await quote.getByRole('button', { name: 'Kursk region', exact: true }).waitFor();

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

  it('opens the claims view of Kurakhove: the defence ministry, DeepState and the Khortytsia group side by side', async () => {
    await openExplorer();
    await searchAndOpen('Kurakh', 'Kurakhove', 'click');
    const panel = page.locator('#details');
    // The side panel: the CONTROLS fact with who says so, and the place's position.
    const controls = panel.locator('li.relation[data-type="CONTROLS"]');
    await expect(controls.textContent()).resolves.toContain('most of');
    await expect(controls.locator('summary').textContent()).resolves.toMatch(/Who says so \(1\): DeepState\s*asserts/i);
    await panel.getByText(/47\.98° N, 37\.28° E/).waitFor();

    await page.getByRole('button', { name: 'Claims side by side' }).click();
    const view = page.getByRole('tabpanel', { name: 'Claims' });
    await view.getByRole('heading', { level: 2, name: 'Claims about Kurakhove' }).waitFor();
    await expect(page.getByRole('tab', { name: 'Claims' }).getAttribute('aria-selected')).resolves.toBe('true');

    const control = view.locator('section.claim-group[data-topic="CONTROL"]');
    const columns = control.locator('li.claim-column');
    const column = (id: string) => control.locator(`li.claim-column[data-claimant="${id}"]`);
    expect(await columns.count()).toBeGreaterThanOrEqual(3);
    // Side by side: the three parties' columns start on one line.
    const tops = await Promise.all(
      ['org:russian-defense-ministry', 'org:deepstate', 'unit:khortytsia-group'].map(async (id) => (await column(id).boundingBox())!.y),
    );
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(2);

    // The defence ministry asserts the capture, on 6 January 2025.
    const ministry = column('org:russian-defense-ministry');
    await expect(ministry.locator('h4').textContent()).resolves.toContain('Russian Defense Ministry');
    const capture = ministry.locator('li.claim[data-fact-id="event:kurakhove-capture"]');
    await expect(capture.textContent()).resolves.toMatch(/ASSERTS[\s\S]*said on 2025-01-06/i);
    await expect(capture.locator('cite').first().textContent()).resolves.toMatch(/Conflicting factions/);
    // DeepState: "most of" it under Russian control, and so disputes the capture in part.
    const deepstate = column('org:deepstate');
    await expect(deepstate.locator('li.claim[data-fact-id="rel:russian-forces-control-most-of-kurakhove"]').textContent()).resolves.toMatch(/CONTROLS[\s\S]*most of/);
    await expect(deepstate.locator('li.claim[data-fact-id="event:kurakhove-capture"]').textContent()).resolves.toMatch(/disputes/i);
    // The Khortytsia group: assaults going on, and Ukrainian forces countering them.
    const khortytsia = column('unit:khortytsia-group');
    await khortytsia.locator('li.claim[data-fact-id="event:kurakhove-assaults"]').waitFor();
    await khortytsia.locator('li.claim[data-fact-id="event:kurakhove-defence"]').waitFor();
    await expect(khortytsia.textContent()).resolves.toMatch(/ongoing Russian assaults/);

    // A link in the view opens the fact on the canvas.
    await column('org:russian-defense-ministry').getByRole('button', { name: 'Capture of Kurakhove' }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Capture of Kurakhove' }).waitFor();
    await page.getByRole('tab', { name: 'Claims' }).click();
  });

  it('finds the shortest paths from Alaudinov to North Korea, highlights one and lets another be chosen', async () => {
    await openExplorer();
    await searchAndOpen('Alaudinov', 'Apti Alaudinov');
    await page.getByRole('button', { name: 'Path from here' }).click();
    await searchAndOpen('North Korea', 'North Korea', 'click');
    await page.getByRole('button', { name: 'Path to here' }).click();

    const result = page.locator('#path-result');
    const choices = result.getByRole('radio');
    await choices.first().waitFor();
    const count = await choices.count();
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(3);
    await expect(choices.first().getAttribute('aria-checked')).resolves.toBe('true');
    const first = await choices.first().innerText();
    expect(first).toMatch(/^Path 1, length (\d+): Apti Alaudinov → .* → North Korea$/);
    const length = Number(/length (\d+)/.exec(first)![1]);
    // Spelt out step by step, and highlighted on the canvas and in the text list.
    expect(await result.locator('.path-option.chosen ol li').count()).toBe(length);
    await expect(page.locator('#canvas').getAttribute('data-path')).resolves.toBe(`${length + 1} nodes, ${length} edges`);
    const names = first.replace(/^Path 1, length \d+: /, '').split(' → ');
    const onPath = await nodeList().locator('li[data-on-path="true"] .node-name').allInnerTexts();
    expect(onPath.sort()).toEqual([...names].sort());

    if (count > 1) {
      // Arrow keys move to the next path, which is then the one highlighted.
      await choices.first().focus();
      await page.keyboard.press('ArrowDown');
      await expect(choices.nth(1).getAttribute('aria-checked')).resolves.toBe('true');
      const second = await choices.nth(1).innerText();
      const secondNames = second.replace(/^Path 2, length \d+: /, '').split(' → ');
      expect(secondNames.at(0)).toBe('Apti Alaudinov');
      expect(secondNames.at(-1)).toBe('North Korea');
      expect(secondNames).not.toEqual(names);
      const nowOnPath = await nodeList().locator('li[data-on-path="true"] .node-name').allInnerTexts();
      expect(nowOnPath.sort()).toEqual([...new Set(secondNames)].sort());
    }
    await page.keyboard.press('Escape');
  });

  it('shows the events of 5-6 January 2025 on the timeline, and the canvas follows that period', async () => {
    await openExplorer();
    await searchAndOpen('Kursk region', 'Kursk region', 'click');
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.getByLabel('From', { exact: true }).fill('2025-01-05');
    await page.getByLabel('To', { exact: true }).fill('2025-01-06');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    const timeline = page.getByRole('list', { name: 'Timeline entries by day' });
    await expect(page.locator('#timeline-summary')).toBeDefined();
    await page.locator('#timeline-summary').getByText(/entries from 2025-01-05 to 2025-01-06/).waitFor();

    const events = timeline.locator('li.entry-EVENT');
    const eventTexts = await events.allInnerTexts();
    expect(eventTexts.join('\n')).toMatch(/Ukraine's new offensive in the Kursk region/);
    expect(eventTexts.join('\n')).toMatch(/Repulse of the Ukrainian offensive near Berdin/);
    // Each entry with its time and precision: the offensive on a day, the repulse over a range.
    const offensive = events.filter({ hasText: "Ukraine's new offensive" }).first();
    await expect(offensive.locator('time.time').textContent()).resolves.toMatch(/^2025-01-05 \(day, ‘on Sunday’\)$/);
    const repulse = events.filter({ hasText: 'Repulse of the Ukrainian offensive' }).first();
    await expect(repulse.locator('time.time').getAttribute('class')).resolves.toContain('precision-RANGE');
    // Entries by day, in order; what was claimed on the 6th is there too.
    const days = await timeline.locator('li.day').evaluateAll((items) => items.map((item) => item.getAttribute('data-day')));
    expect(days.length).toBeGreaterThan(0);
    expect([...days].sort()).toEqual(days);
    await timeline.locator('li.day[data-day="2025-01-06"] li.entry-CLAIM').first().waitFor();

    // The canvas follows the period: Kursk region's events in it stay, the rest fades.
    await page.getByRole('button', { name: 'Follow this period on the canvas' }).click();
    await expect(page.getByRole('tab', { name: 'Graph' }).getAttribute('aria-selected')).resolves.toBe('true');
    await page.locator('#period-bar').getByText(/entities and \d+ of \d+ relations on the canvas fall in it/).waitFor();
    await expect(page.locator('#canvas').getAttribute('data-period')).resolves.toBe('2025-01-05..2025-01-06');
    const inside = await nodeList().locator('li[data-in-period="true"] .node-name').allInnerTexts();
    const outside = await nodeList().locator('li[data-in-period="false"] .node-name').allInnerTexts();
    expect(inside).toContain("Ukraine's new offensive in the Kursk region (January 2025)");
    expect(outside.length).toBeGreaterThan(0);
    // "All time" shows everything again.
    await page.locator('#period-bar').getByRole('button', { name: 'All time' }).click();
    await expect(nodeList().locator('li[data-in-period]').count()).resolves.toBe(0);

    // One day from the timeline: 5 January, the day of the new offensive.
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await timeline.getByRole('button', { name: 'Follow 2025-01-05 on the canvas' }).click();
    await page.locator('#period-bar').getByText(/fall in it/).waitFor();
    await expect(page.locator('#canvas').getAttribute('data-period')).resolves.toBe('2025-01-05..2025-01-05');
    await expect(nodeList().locator('li[data-in-period="true"] .node-name').allInnerTexts()).resolves.toContain(
      "Ukraine's new offensive in the Kursk region (January 2025)",
    );
    await page.keyboard.press('Escape');
  });

  it('pages a long timeline without waiting for its count: "Load more" adds the next entries and does not count again', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kg-explorer-timeline-'));
    const file = path.join(dir, 'graph.json');
    await writeFile(file, JSON.stringify(toDatasetFile(generateDataset({ entities: 120, relations: 600, seed: 5 }))));
    const large = await startServerProcess({ SEED_FILE: file });
    try {
      // A browser on that server's origin.
      await browser.close('explorer-timeline-before');
      browser = await openWatchedBrowser(new URL(large.baseUrl).origin, { width: 1440, height: 900 });
      page = browser.page;
      const asked: { operation: string; after: string | null }[] = [];
      page.on('request', (request) => {
        const body = request.postData();
        if (request.url().endsWith('/graphql') && body?.includes('query ExplorerTimeline')) {
          const { query, variables } = JSON.parse(body) as { query: string; variables: { after?: string | null } };
          asked.push({ operation: /query (\w+)/.exec(query)![1]!, after: variables.after ? 'a cursor' : null });
        }
      });
      // The count is held until the test lets it go, as a slow count on a large graph would be.
      let releaseCount = () => {};
      const countHeld = new Promise<void>((release) => (releaseCount = release));
      await page.route('**/graphql', async (route) => {
        if (route.request().postData()?.includes('query ExplorerTimelineCount')) await countHeld;
        await route.continue();
      });
      expect((await page.goto(`${large.baseUrl}/`))?.status()).toBe(200);
      await page.locator('body[data-ready="true"]').waitFor();
      await page.getByRole('tab', { name: 'Timeline' }).click();
      // The entries of the kinds the explorer shows, as the server counts them: more than two pages.
      const kinds = await page.locator('input[name="timeline-kind"]:checked').evaluateAll((boxes) => boxes.map((box) => box.getAttribute('value')));
      const answer = await large.graphql('query($kinds: [TimelineEntryKind!]) { timeline(kinds: $kinds, first: 1) { totalCount } }', { kinds });
      const total = (answer.data as { timeline: { totalCount: number } }).timeline.totalCount;
      expect(total).toBeGreaterThan(100);

      const summary = page.locator('#timeline-summary');
      const entries = page.getByRole('list', { name: 'Timeline entries by day' }).locator('li.entry');
      await summary.getByText('50 entries; counting them all…', { exact: true }).waitFor();
      await expect(entries.count()).resolves.toBe(50);
      releaseCount();
      await summary.getByText(`50 of ${total} entries.`, { exact: true }).waitFor();
      const firstPage = await entries.allInnerTexts();

      const before = asked.length;
      await page.getByRole('button', { name: 'Load more' }).click();
      await summary.getByText(`100 of ${total} entries.`, { exact: true }).waitFor();
      await expect(entries.count()).resolves.toBe(100);
      // The first page stays as it was, and the next one follows it, without counting again.
      expect((await entries.allInnerTexts()).slice(0, 50)).toEqual(firstPage);
      // The tab's first page and its count, in either order.
      expect([...asked.slice(0, before)].sort((a, b) => a.operation.localeCompare(b.operation))).toEqual([
        { operation: 'ExplorerTimeline', after: null },
        { operation: 'ExplorerTimelineCount', after: null },
      ]);
      expect(asked.slice(before)).toEqual([{ operation: 'ExplorerTimeline', after: 'a cursor' }]);

      // A count that fails (a deadline on a cold graph) leaves the page, and says so.
      await page.unroute('**/graphql');
      await page.route('**/graphql', async (route) => {
        if (!route.request().postData()?.includes('query ExplorerTimelineCount')) return route.continue();
        return route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ errors: [{ message: 'The query took too long.', extensions: { code: 'DEADLINE_EXCEEDED' } }], data: null }),
        });
      });
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      await summary.getByText('50 entries; they could not be counted.', { exact: true }).waitFor();
      await expect(entries.count()).resolves.toBe(50);
      expect(await entries.allInnerTexts()).toEqual(firstPage);
      await expect(page.getByRole('alert').isVisible()).resolves.toBe(false);
    } finally {
      await large.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('draws Kurakhove and Pokrovsk on the map, true to its scale, and finds what is near Kurakhove', async () => {
    await openExplorer();
    await page.getByRole('tab', { name: 'Map' }).click();
    const map = page.locator('svg.map');
    await map.waitFor();
    const kurakhove = map.locator('g.place[data-id="settlement:kurakhove"]');
    const pokrovsk = map.locator('g.place[data-id="settlement:pokrovsk"]');
    await expect(kurakhove.getAttribute('aria-label')).resolves.toMatch(/^Kurakhove, settlement, 47\.98° N, 37\.28° E, approximate$/);
    await expect(pokrovsk.getAttribute('aria-label')).resolves.toMatch(/^Pokrovsk, settlement/);
    const bar = map.locator('g.scale-bar');
    await expect(bar.getAttribute('aria-label')).resolves.toMatch(/^Scale: the bar is \d+ km$/);

    // Chosen with the keyboard: the places within 50 km, with their distances, and the map
    // zoomed around them.
    await kurakhove.focus();
    await page.keyboard.press('Enter');
    const near = page.getByRole('list', { name: 'Places near Kurakhove' });
    const pokrovskNear = near.locator('li').filter({ hasText: 'Pokrovsk' });
    const distance = Number(/([\d.]+) km/.exec(await pokrovskNear.innerText())![1]);
    expect(distance).toBeGreaterThan(30);
    expect(distance).toBeLessThan(37);
    await expect(page.locator('svg.map').getAttribute('aria-label')).resolves.toBe('Map around Kurakhove');
    await page.locator('svg.map .near-label').first().waitFor();

    // Pokrovsk lies north of Kurakhove, and their distance on the map, by the map's own scale,
    // is the great-circle distance between them within a km or two.
    const zoomed = page.locator('svg.map');
    const centre = async (id: string) => {
      const box = (await zoomed.locator(`g.place[data-id="${id}"]`).locator('polygon, circle').first().boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const [k, p] = [await centre('settlement:kurakhove'), await centre('settlement:pokrovsk')];
    expect(p.y).toBeLessThan(k.y);
    const kmPerUnit = Number(await zoomed.getAttribute('data-km-per-unit'));
    const unitsPerPixel = Number((await zoomed.getAttribute('viewBox'))!.split(' ')[2]) / (await zoomed.boundingBox())!.width;
    const mapKm = Math.hypot(p.x - k.x, p.y - k.y) * unitsPerPixel * kmPerUnit;
    expect(Math.abs(mapKm - distance)).toBeLessThan(2);
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

    // A server whose reads are closed answers 401 UNAUTHENTICATED: the page says what that means.
    browser.expected.push(/HTTP 401: .*\/graphql/, /console error: Failed to load resource: the server responded with a status of 401/);
    await page.unroute('**/graphql');
    await page.route('**/graphql', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        headers: { 'www-authenticate': 'Bearer' },
        body: JSON.stringify({ errors: [{ message: 'Reading needs credentials.', extensions: { code: 'UNAUTHENTICATED' } }] }),
      }),
    );
    await input.fill('Pokrovsk');
    await alert.getByText('The server asks for credentials').waitFor();
    await alert.getByText('UNAUTHENTICATED').waitFor();
    await alert.getByText(/READ_ACCESS=closed/).waitFor();

    // No server at all: the request fails (on purpose, so that failure is not a problem here).
    browser.expected.push(/failed request: POST .*\/graphql/, /console error: Failed to load resource: net::ERR_CONNECTION_REFUSED/);
    await page.unroute('**/graphql');
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await input.fill('Kurakhove');
    await alert.getByText('NETWORK_ERROR').waitFor();
    await alert.getByText('The server is unreachable').waitFor();
  });
});
