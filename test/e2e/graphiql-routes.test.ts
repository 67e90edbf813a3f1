/**
 * The playground's routes in process (the browser test, test/browser/, drives the page itself):
 * Apollo's landing page with PLAYGROUND=apollo, and a clear 503 when GraphiQL was not built.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Playground } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server/app.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';

describe('the playground routes', () => {
  let server: RunningServer | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  async function start(playground: Playground, graphiqlDir?: string): Promise<string> {
    server = await startServer(
      { store: createMemoryStore(), log: pino({ level: 'silent' }), playground, graphiqlDir },
      { port: 0, host: '127.0.0.1' },
    );
    return `http://127.0.0.1:${server.port}`;
  }

  it('answers 503 with a clear message at /graphiql when GraphiQL is not built', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'kg-no-graphiql-'));
    dirs.push(empty);
    const base = await start('graphiql', empty);
    const response = await fetch(`${base}/graphiql`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('GraphiQL has not been built. Run `npm run build:web`');
    expect((await fetch(`${base}/graphiql/assets/graphiql.js`)).status).toBe(404);
    // The API is unaffected.
    const api = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it("keeps Apollo's landing page at /graphql with PLAYGROUND=apollo, and GraphiQL at /graphiql", async () => {
    const base = await start('apollo');
    const landing = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain('<html');
    expect((await fetch(`${base}/graphiql`)).status).toBe(200);
  });
});
