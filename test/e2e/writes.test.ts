/** Writes over HTTP on the running server: tokens decide who writes, and a write survives `kill -9`. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const EDITOR = 'editor-token-0123456789';
const READER = 'reader-token-0123456789';
const CREATE = 'mutation { createEntity(input: { kind: PERSON, name: "Oleksandr Syrskyi" }) { id } }';

async function post(server: ServerProcess, token: string | null, query: string) {
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
}

describe('writes over HTTP, on the embedded store with a data directory', () => {
  let dataDir: string;
  let server: ServerProcess;
  const env = () => ({ DATA_DIR: dataDir, AUTH_TOKENS: `${EDITOR}=editor,${READER}=reader` });
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kg-writes-'));
    server = await startServerProcess(env());
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lets an editor write, refuses a reader and anonymous clients, and keeps the write through kill -9', async () => {
    expect((await post(server, null, CREATE)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await post(server, READER, CREATE)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await post(server, EDITOR, CREATE)).toEqual({ data: { createEntity: { id: 'person:oleksandr-syrskyi' } } });
    await server.stop('SIGKILL');
    server = await startServerProcess(env());
    expect(await post(server, null, '{ entity(id: "person:oleksandr-syrskyi") { name } }')).toEqual({
      data: { entity: { name: 'Oleksandr Syrskyi' } },
    });
  });

  it('refuses every write when no credentials are configured', async () => {
    const open = await startServerProcess({});
    try {
      expect((await post(open, EDITOR, CREATE)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await post(open, null, CREATE)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await open.stop();
    }
  });
});
