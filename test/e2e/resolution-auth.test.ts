/**
 * Who may judge, merge and undo, over HTTP on the running server (`npm start`'s dist/main.js, the
 * embedded store in memory): tokens as a client sends them, not a viewer handed to a resolver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const READER = 'reader-token-0123456789';
const EDITOR = 'editor-token-0123456789';
const ADMIN = 'admin-token-01234567890';
const SURVIVOR = 'person:kaja-kallas';
const ABSORBED = 'person:antony-blinken';

describe('entity resolution over HTTP', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ AUTH_TOKENS: `${READER}=reader,${EDITOR}=editor,${ADMIN}=admin` });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  async function post(token: string | null, query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(`${server.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  }
  const code = (body: Awaited<ReturnType<typeof post>>) => body.errors?.[0]?.extensions?.code;

  const MERGE = `mutation ($s: ID!, $a: ID!) { mergeEntities(input: { survivorId: $s, absorbedId: $a, reason: "http" }) { absorbedId } }`;
  const UNMERGE = `mutation ($a: ID!) { unmergeEntity(id: $a) { id name } }`;
  const JUDGE = `mutation ($verdict: Verdict!) { judge(aId: "${SURVIVOR}", bId: "${ABSORBED}", verdict: $verdict, reason: "http") { verdict } }`;
  const ENTITY = `query ($id: ID!) { entity(id: $id) { id } }`;

  it('refuses merging without a token, and to a reader or an editor; judging SAME to an editor, DIFFERENT to a reader', async () => {
    expect(code(await post(null, MERGE, { s: SURVIVOR, a: ABSORBED }))).toBe('UNAUTHENTICATED');
    expect(code(await post(READER, MERGE, { s: SURVIVOR, a: ABSORBED }))).toBe('FORBIDDEN');
    expect(code(await post(EDITOR, MERGE, { s: SURVIVOR, a: ABSORBED }))).toBe('FORBIDDEN');
    expect(code(await post(EDITOR, UNMERGE, { a: ABSORBED }))).toBe('FORBIDDEN');
    expect(code(await post(EDITOR, JUDGE, { verdict: 'SAME' }))).toBe('FORBIDDEN');
    expect(code(await post(READER, JUDGE, { verdict: 'DIFFERENT' }))).toBe('FORBIDDEN');
    expect((await post(null, ENTITY, { id: ABSORBED })).data).toEqual({ entity: { id: ABSORBED } });
    expect(await post(EDITOR, JUDGE, { verdict: 'UNSURE' })).toEqual({ data: { judge: { verdict: 'UNSURE' } } });
  });

  it('lets an admin merge and undo; in between the absorbed id answers the survivor', async () => {
    expect(await post(ADMIN, MERGE, { s: SURVIVOR, a: ABSORBED })).toEqual({ data: { mergeEntities: { absorbedId: ABSORBED } } });
    expect((await post(null, ENTITY, { id: ABSORBED })).data).toEqual({ entity: { id: SURVIVOR } });
    expect(await post(ADMIN, UNMERGE, { a: ABSORBED })).toEqual({ data: { unmergeEntity: { id: ABSORBED, name: 'Antony Blinken' } } });
    expect((await post(null, ENTITY, { id: ABSORBED })).data).toEqual({ entity: { id: ABSORBED } });
  });
});
