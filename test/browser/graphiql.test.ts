/**
 * GraphiQL at /graphiql in a real browser: Debian's Chromium (/usr/bin/chromium) driven by
 * playwright-core, against the real server, with every request to another origin blocked. A test
 * fails on any console error, page error, failed request or request to another origin, so the
 * page is shown to work offline. A screenshot per test goes to test-results/screenshots/.
 *
 * Without /usr/bin/chromium the tests are skipped with a message, or fail when CI=true.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { operationName, readmeExampleQueries } from '../../tools/build-graphiql.js';
import { hasChromium, openWatchedBrowser, requireChromium, screenshotName, type WatchedBrowser } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));

requireChromium('GraphiQL');

describe.runIf(hasChromium)('GraphiQL at /graphiql in Chromium, offline', () => {
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
    browser = await openWatchedBrowser(origin, { width: 1400, height: 900 });
    page = browser.page;
  });

  afterEach(async (test) => {
    await browser?.close(screenshotName(test.task.name));
    expect(browser.problems, 'console errors, page errors, failed or foreign requests').toEqual([]);
  });

  /** Opens /graphiql and waits until the operation editor (Monaco) is ready for input. */
  async function openGraphiQL(): Promise<void> {
    const response = await page.goto(`${server.baseUrl}/graphiql`);
    expect(response?.status()).toBe(200);
    await page.locator('.graphiql-query-editor .monaco-editor .view-lines').first().waitFor();
  }

  const responsePane = () => page.locator('.graphiql-response');

  it('runs a typed query and shows the answer', async () => {
    await openGraphiQL();
    await page.locator('.graphiql-query-editor .monaco-editor .view-lines').first().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    // insertText types the whole string at once, so Monaco does not auto-close brackets or quotes.
    await page.keyboard.insertText('query Alaudinov { entity(id: "person:apti-alaudinov") { name } }');
    // GraphiQL sends the operation name it has parsed from the editor: wait until it has.
    await page.locator('.graphiql-tab-active .graphiql-tab-button', { hasText: /^Alaudinov$/ }).waitFor();
    const answer = page.waitForResponse(
      (r) => r.url() === `${origin}/graphql` && (r.request().postData() ?? '').includes('person:apti-alaudinov'),
    );
    await page.locator('.graphiql-execute-button').click();
    expect(await (await answer).json()).toEqual({ data: { entity: { name: 'Apti Alaudinov' } } });
    await responsePane().getByText('Apti Alaudinov').waitFor();
    // Monaco's workers come from this server (GraphQL's, which validates and completes queries,
    // starts once the schema is in).
    for (const worker of ['editor', 'graphql', 'json']) {
      await vi.waitFor(() => expect(browser.requested, `${worker} worker`).toContain(`/graphiql/assets/${worker}.worker.js`), {
        timeout: 30_000,
      });
    }
  });

  it("opens the documentation explorer on the Query type's fields", async () => {
    await openGraphiQL();
    await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
    const explorer = page.locator('.graphiql-doc-explorer');
    await explorer.getByRole('link', { name: 'Query', exact: true }).click();
    for (const field of ['entity', 'entities', 'search', 'neighborhood', 'shortestPath', 'statements', 'relationTypes']) {
      await explorer.locator('.graphiql-doc-explorer-field-name', { hasText: new RegExp(`^${field}$`) }).first().waitFor();
    }
  });

  it("has the README's example queries as tabs, and runs one with Ctrl-Enter", async () => {
    const examples = readmeExampleQueries(await readFile(README, 'utf8'));
    await openGraphiQL();
    const tabs = page.getByRole('tab');
    expect(await tabs.count()).toBe(1 + examples.length);
    // Each example's tab is named after its heading; the first asks who commands the Chechen unit.
    const name = new RegExp(`^${operationName(examples[0]!.title)}$`);
    await page.locator('.graphiql-tab-button', { hasText: name }).click();
    // The keys go to the clicked tab's editor only once it is active.
    await page.locator('.graphiql-tab-active .graphiql-tab-button', { hasText: name }).waitFor();
    const editor = page.locator('.graphiql-query-editor .monaco-editor');
    await editor.getByText(examples[0]!.title).first().waitFor();
    await editor.locator('.view-lines').first().click();
    await page.keyboard.press('ControlOrMeta+Enter');
    await responsePane().getByText('Apti Alaudinov').waitFor();
    await responsePane().getByText('"Kursk region"').waitFor();
  });
});
