/**
 * The explorer's review view in a real browser (Debian's Chromium, every other origin blocked): an
 * editor gives a token, reads a new article into a changeset, sees each proposed record with the
 * words it comes from, is told why a quote cannot enter without its speaker, accepts part of it,
 * and finds the new person through the explorer's search. A screenshot per test goes to
 * test-results/screenshots/ (explorer-review-*.png).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasChromium, openWatchedBrowser, requireChromium, screenshotName, type WatchedBrowser } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

requireChromium('the explorer review view');

const EDITOR = 'review-editor-token-4f1c';
const READER = 'review-reader-token-9d2e';
const ARTICLE = new URL('../fixtures/articles/kharkiv-other-wordings.txt', import.meta.url);

describe.runIf(hasChromium)('the explorer review view in Chromium', () => {
  let server: ServerProcess;
  let browser: WatchedBrowser;
  let page: WatchedBrowser['page'];

  beforeAll(async () => {
    server = await startServerProcess({ AUTH_TOKENS: `${EDITOR}=editor,${READER}=reader` });
  });
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(async () => {
    browser = await openWatchedBrowser(new URL(server.baseUrl).origin, { width: 1440, height: 1000 });
    page = browser.page;
  });
  afterEach(async (test) => {
    await browser?.close(`explorer-review-${screenshotName(test.task.name)}`);
    expect(browser.problems, 'console errors, page errors, failed or foreign requests').toEqual([]);
  });

  async function openReview(token: string): Promise<void> {
    await page.goto(`${server.baseUrl}/`);
    await page.locator('body[data-ready="true"]').waitFor();
    await page.getByRole('tab', { name: 'Review' }).click();
    const view = page.getByRole('tabpanel', { name: 'Review' });
    await view.getByText('No token: reading changesets and writing need an editor’s token.').waitFor();
    await view.getByLabel('Editor token').fill(token);
    await view.getByRole('button', { name: 'Use this token' }).click();
    await view.getByText('A token is in use for this tab.').waitFor();
  }

  it('reads an article, shows the evidence of each item, refuses a quote without its speaker, and accepts part of it', async () => {
    await openReview(EDITOR);
    const view = page.getByRole('tabpanel', { name: 'Review' });
    await view.getByLabel('Title').fill('Russian troops pushed toward Vovchansk');
    await view.getByLabel('Publisher').fill('Example Wire');
    await view.getByLabel('Published').fill('2025-03-18');
    await view.getByLabel('Text').fill(await readFile(ARTICLE, 'utf8'));
    await view.getByRole('button', { name: 'Propose facts' }).click();

    const changeset = page.locator('#review-changeset');
    await changeset.getByRole('heading', { level: 2, name: 'Russian troops pushed toward Vovchansk' }).waitFor();
    await expect(changeset.locator('.changeset-status').textContent()).resolves.toBe('pending');
    // The colonel, new to the graph, with the words he is read from marked in their sentence.
    const colonel = changeset.locator('li.review-item', { hasText: 'PERSON Oleh Marchenko' });
    await expect(colonel.locator('mark').first().textContent()).resolves.toContain('Marchenko');
    await expect(colonel.locator('.evidence q').first().textContent()).resolves.toContain('brigade commander');
    // A place the graph holds already is named as such, not proposed again.
    await changeset.locator('li.review-item', { hasText: 'in the graph already as country:ukraine' }).first().waitFor();
    // The changeset is in the list of pending ones.
    await page.locator('#review-list').getByRole('button', { name: 'Russian troops pushed toward Vovchansk' }).waitFor();

    // The quote alone cannot enter: its speaker and its source are new records of the changeset.
    browser.expected.push(/BAD_USER_INPUT/);
    const quote = changeset.locator('li.review-item', { hasText: 'We need more shells' });
    await quote.getByRole('checkbox').check();
    await changeset.getByRole('button', { name: 'Accept 1 chosen item' }).click();
    const problems = changeset.getByRole('alert');
    await problems.getByText(/needs item .*person:oleh-marchenko/).waitFor();
    await expect(page.locator('#error').textContent()).resolves.toContain('BAD_USER_INPUT');

    // With its speaker and the article as its source, it enters.
    const source = changeset.locator('li.review-item', { hasText: 'SOURCE “Russian troops pushed toward Vovchansk”' });
    await source.getByRole('checkbox').check();
    await colonel.getByRole('checkbox').check();
    await changeset.getByRole('button', { name: 'Accept 3 chosen items' }).click();
    await expect
      .poll(() => changeset.locator('.changeset-status').textContent())
      .toBe('partly accepted');
    await expect(changeset.locator('li.review-item.decision-accepted').count()).resolves.toBe(3);
    await expect(changeset.locator('li.review-item', { hasText: 'PERSON Oleh Marchenko' }).locator('.decision').textContent()).resolves.toBe('accepted');

    // The new person is in the graph: the explorer's search finds him, with his quote.
    await page.getByRole('tab', { name: 'Graph' }).click();
    const search = page.getByRole('combobox', { name: 'Search entities by name or alias' });
    await search.pressSequentially('Marchenko', { delay: 20 });
    await page.getByRole('option', { name: /Oleh Marchenko/ }).click();
    const panel = page.locator('#details');
    await panel.getByRole('heading', { level: 2, name: 'Oleh Marchenko' }).waitFor();
    await panel.getByRole('list', { name: 'Statements by Oleh Marchenko' }).getByText(/We need more shells/).waitFor();

    // Rejecting the rest closes the changeset; what was accepted stays.
    await page.getByRole('tab', { name: 'Review' }).click();
    await changeset.getByPlaceholder('Why (for the other editors)').fill('Only the colonel’s words are new');
    await changeset.getByRole('button', { name: 'Reject the rest' }).click();
    await changeset.getByText('(Only the colonel’s words are new)').waitFor();
    await expect(changeset.locator('li.review-item.decision-pending').count()).resolves.toBe(0);
    await expect(changeset.locator('li.review-item.decision-accepted').count()).resolves.toBe(3);
  });

  it('says what a reader’s token may not do, and forgets a token on request', async () => {
    browser.expected.push(/FORBIDDEN/, /HTTP 403/, /status of 403/);
    await openReview(READER);
    const view = page.getByRole('tabpanel', { name: 'Review' });
    // Listing changesets needs an editor: the page says so with the server's code.
    const alert = page.locator('#error');
    await alert.getByText('FORBIDDEN').waitFor();
    await expect(alert.textContent()).resolves.toContain('editor role');
    await view.getByRole('button', { name: 'Forget the token' }).click();
    await view.getByText('No token: reading changesets and writing need an editor’s token.').waitFor();
  });
});
