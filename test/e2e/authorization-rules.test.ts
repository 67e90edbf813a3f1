/**
 * The ways GraphQL servers have let the wrong people through, tried over HTTP against the running
 * server (`npm start`'s dist/main.js, embedded store in memory) with tokens as clients send them:
 * a rule on a root field but not on what reaches the same data nested or counted, a list rule where
 * "none" acts as "all", and JWTs that must not pass (expired, unsigned, signed with another key,
 * RS256 where only an HS256 secret is configured).
 */
import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const READER = 'rules-reader-token-0123456789';
const EDITOR = 'rules-editor-token-0123456789';
const SECRET = 'an-hs256-secret-of-at-least-32-bytes-for-tests';
const ARTICLE = 'Colonel Oleh Marchenko, a brigade commander, said on Tuesday: "We need more shells."';

type Body = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };

describe('authorization rules over HTTP', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ AUTH_TOKENS: `${READER}=reader,${EDITOR}=editor`, AUTH_JWT_SECRET: SECRET });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  async function post(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; body: Body }> {
    const response = await fetch(`${server.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as Body };
  }
  const code = (answer: { body: Body }) => answer.body.errors?.[0]?.extensions?.code;

  const PROPOSE = `mutation ($text: String!) {
    proposeFromText(input: { text: $text, source: { title: "Rules test", published: "2025-03-18" } }) { id status items { id decision } }
  }`;

  async function proposal(): Promise<{ id: string; items: { id: string; decision: string }[] }> {
    const answer = await post(EDITOR, PROPOSE, { text: ARTICLE });
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data!.proposeFromText as { id: string; items: { id: string; decision: string }[] };
  }

  it('keeps unreviewed changesets from readers whichever way they are reached: by id, listed, nested or only counted', async () => {
    const { id } = await proposal();
    const ways = [
      ['by id', `query ($id: ID!) { changeset(id: $id) { id } }`],
      ['its text, nested', `query ($id: ID!) { changeset(id: $id) { source { title } text items { record evidence { sentence } } } }`],
      ['listed', `{ changesets { nodes { id text } } }`],
      ['only counted', `{ changesets { totalCount } }`],
      ['only paged', `{ changesets(first: 1) { pageInfo { hasNextPage } } }`],
      ['under an alias', `{ n: changesets(status: PENDING) { total: totalCount } }`],
    ] as const;
    for (const [way, query] of ways) {
      const asReader = await post(READER, query, { id });
      expect(code(asReader), `a reader, ${way}`).toBe('FORBIDDEN');
      // Nothing of it in the answer: no data, or the refused field null.
      expect(Object.values(asReader.body.data ?? {}), `a reader, ${way}: no data`).toEqual(Object.keys(asReader.body.data ?? {}).map(() => null));
      expect(code(await post(null, query, { id })), `anonymous, ${way}`).toBe('UNAUTHENTICATED');
    }
    // The editor who may read it gets it, counted too.
    const asEditor = await post(EDITOR, `{ changesets { totalCount nodes { id } } }`);
    expect(asEditor.body.data?.changesets).toMatchObject({ totalCount: 1, nodes: [{ id }] });
  });

  it('takes an empty list of items as none, not as every item', async () => {
    const { id, items } = await proposal();
    const accept = `mutation ($id: ID!, $itemIds: [ID!]) { acceptChangeset(id: $id, itemIds: $itemIds) { status } }`;
    const none = await post(EDITOR, accept, { id, itemIds: [] });
    expect(code(none)).toBe('BAD_USER_INPUT');
    const after = await post(EDITOR, `query ($id: ID!) { changeset(id: $id) { status items { decision } } }`, { id });
    expect(after.body.data?.changeset).toEqual({ status: 'PENDING', items: items.map(() => ({ decision: 'PENDING' })) });
    // And no person entered the graph.
    expect((await post(null, `{ entity(id: "person:oleh-marchenko") { id } }`)).body.data).toEqual({ entity: null });
  });

  describe('JWTs', () => {
    const ADD_SOURCE = `mutation ($title: String!) { addSource(input: { title: $title }) { id } }`;
    const key = new TextEncoder().encode(SECRET);
    const editorClaims = { roles: ['editor'] };

    it('lets a valid HS256 editor token write, and a reader token only read', async () => {
      const editor = await new SignJWT(editorClaims).setProtectedHeader({ alg: 'HS256' }).setSubject('jwt-editor').setExpirationTime('5m').sign(key);
      const written = await post(editor, ADD_SOURCE, { title: 'Written with a JWT' });
      expect(written.body).toEqual({ data: { addSource: { id: 'source:written-with-a-jwt' } } });
      const history = await post(null, `{ history(id: "source:written-with-a-jwt") { nodes { actor operation } } }`);
      expect(history.body.data?.history).toEqual({ nodes: [{ actor: 'jwt:jwt-editor', operation: 'addSource' }] });

      const reader = await new SignJWT({ roles: ['reader'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('jwt-reader').setExpirationTime('5m').sign(key);
      expect(code(await post(reader, ADD_SOURCE, { title: 'A reader writing' }))).toBe('FORBIDDEN');
    });

    it('refuses an expired token, an unsigned one, one signed with another secret and an RS256 one, with 401 and nothing written', async () => {
      const expired = await new SignJWT(editorClaims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('late')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 600)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(key);
      const unsigned = new UnsecuredJWT({ ...editorClaims, sub: 'nobody' }).setExpirationTime('5m').encode();
      const otherSecret = await new SignJWT(editorClaims)
        .setProtectedHeader({ alg: 'HS256' })
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode('another-secret-of-at-least-32-bytes-long!'));
      const { privateKey } = await generateKeyPair('RS256');
      const rs256 = await new SignJWT(editorClaims).setProtectedHeader({ alg: 'RS256' }).setExpirationTime('5m').sign(privateKey);

      for (const [name, token] of [['expired', expired], ['unsigned (alg: none)', unsigned], ['another secret', otherSecret], ['RS256', rs256]] as const) {
        const answer = await post(token, ADD_SOURCE, { title: `Refused ${name}` });
        expect(answer.status, name).toBe(401);
        expect(code(answer), name).toBe('UNAUTHENTICATED');
        // A bad token is refused for reads too, rather than read as anonymous.
        expect((await post(token, `{ __typename }`)).status, `${name}, reading`).toBe(401);
      }
      const sources = await post(null, `{ sources { title } }`);
      expect((sources.body.data?.sources as { title: string }[]).map((s) => s.title).filter((t) => t.startsWith('Refused'))).toEqual([]);
    });
  });
});
