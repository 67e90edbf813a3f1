/**
 * The explorer's routes in process (the browser test, test/browser/explorer.test.ts, drives the
 * page itself): the page at / with its CSP, a clear 503 when it was not built, nothing at / with
 * EXPLORER=false, and the explorer without the playground (as in production).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/app.js';
import { EXPLORER_CSP } from '../../src/server/explorer.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';

describe('the explorer routes', () => {
  let server: RunningServer | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  async function tempDir(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'kg-explorer-'));
    dirs.push(dir);
    return dir;
  }

  async function start(options: { explorer?: boolean; explorerDir?: string; playground?: 'graphiql' | false }): Promise<string> {
    server = await startServer(
      { store: createMemoryStore(), log: pino({ level: 'silent' }), playground: options.playground ?? false, ...options },
      { port: 0, host: '127.0.0.1' },
    );
    return `http://127.0.0.1:${server.port}`;
  }

  it('serves the page at / and its assets under /explorer/assets/, with a CSP of this origin only, without the playground', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Explorer</title>');
    await writeFile(path.join(dir, 'assets', 'explorer.js'), 'export {};');
    const base = await start({ explorerDir: dir });
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(EXPLORER_CSP);
    expect(EXPLORER_CSP).not.toContain('unsafe');
    expect(await page.text()).toContain('<title>Explorer</title>');
    const script = await fetch(`${base}/explorer/assets/explorer.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${base}/explorer/assets/missing.js`)).status).toBe(404);
    // The playground is off here: the explorer does not depend on it.
    expect((await fetch(`${base}/graphiql`)).status).toBe(404);
  });

  it('answers 503 with a clear message at / when the explorer is not built', async () => {
    const base = await start({ explorerDir: await tempDir() });
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('The explorer has not been built. Run `npm run build:web`');
  });

  it('serves nothing at / with EXPLORER=false, and the API still answers', async () => {
    const base = await start({ explorer: false });
    expect((await fetch(`${base}/`)).status).toBe(404);
    const api = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
