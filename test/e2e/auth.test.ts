/** Authentication over HTTP, on the running server (`npm start`'s dist/main.js). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, waitFor, type ServerProcess } from '../support/server-process.js';

const READER = 'reader-token-0123456789';
const ADMIN = 'admin-token-01234567890';
const QUERY = '{ entity(id: "person:apti-alaudinov") { name } }';

async function post(server: ServerProcess, headers: Record<string, string>, query = QUERY) {
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: response.status, challenge: response.headers.get('www-authenticate'), body };
}

describe('reads closed (READ_ACCESS=closed)', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ READ_ACCESS: 'closed', AUTH_TOKENS: `${READER}=reader,${ADMIN}=admin` });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers 401 UNAUTHENTICATED with a Bearer challenge to a request without credentials', async () => {
    const { status, challenge, body } = await post(server, {});
    expect(status).toBe(401);
    expect(challenge).toBe('Bearer');
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0]?.message).toContain('needs credentials to read');
  });

  it('refuses introspection and GET queries without credentials too', async () => {
    expect((await post(server, {}, '{ __schema { queryType { name } } }')).status).toBe(401);
    const get = await fetch(`${server.baseUrl}/graphql?query=${encodeURIComponent(QUERY)}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(401);
  });

  it('answers a reader token', async () => {
    const { status, body } = await post(server, { authorization: `Bearer ${READER}` });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { entity: { name: 'Apti Alaudinov' } } });
  });

  it('logs who asked without logging the token', async () => {
    await post(server, { authorization: `Bearer ${ADMIN}` });
    await waitFor(() => /"viewer":"token:[0-9a-f]{8}#2"/.test(server.output()), 5_000);
    expect(server.output()).toMatch(/"viewer":"token:[0-9a-f]{8}#2"/);
    expect(server.output()).not.toContain(ADMIN);
  });
});

describe('reads open (the default)', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ AUTH_TOKENS: `${READER}=reader` });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers anonymous reads', async () => {
    const { status, body } = await post(server, {});
    expect(status).toBe(200);
    expect(body).toEqual({ data: { entity: { name: 'Apti Alaudinov' } } });
  });

  it('still refuses a bad token, rather than reading as anonymous', async () => {
    const { status, body } = await post(server, { authorization: 'Bearer wrong-token-0123456789' });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0]?.message).toBe('The bearer token is not valid.');
  });
});
