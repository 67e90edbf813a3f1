/**
 * Writes over HTTP on the running server: tokens decide who writes, a write survives `kill -9`, a
 * request retried with its idempotency key is applied once, and every write is in `history`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const EDITOR = 'editor-token-0123456789';
const READER = 'reader-token-0123456789';
const CREATE = 'mutation { createEntity(input: { kind: PERSON, name: "Oleksandr Syrskyi" }) { id } }';

async function post(server: ServerProcess, token: string | null, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string; reason?: string; argument?: string } }[];
  };
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

describe('idempotency keys over HTTP', () => {
  let server: ServerProcess;
  const ARTICLE = 'source:reuters-kursk-kurakhove-2025-01-06';
  const ADD_RELATION = `mutation ($input: AddRelationInput!, $key: String) {
    addRelation(input: $input, idempotencyKey: $key) { id status attributions { claimant { id } stance } }
  }`;
  const ADD_ATTRIBUTION = `mutation ($input: AttributionInput!, $key: String) {
    addAttribution(factId: "rel:oleksandr-syrskyi-member-of-ukrainian-armed-forces", input: $input, idempotencyKey: $key) {
      id status attributions { claimant { id } stance }
    }
  }`;
  const relationInput = {
    type: 'MEMBER_OF',
    fromId: 'person:oleksandr-syrskyi',
    toId: 'unit:ukrainian-armed-forces',
    attributions: [{ claimantId: 'country:ukraine', stance: 'ASSERTS', sourceId: ARTICLE }],
  };
  const attributionInput = { claimantId: 'org:deepstate', stance: 'ASSERTS', sourceId: ARTICLE };
  const historyOf = async (id: string) =>
    (await post(server, READER, `{ history(id: "${id}") { totalCount nodes { operation actor role } } }`)).data?.history as {
      totalCount: number;
      nodes: { operation: string; actor: string; role: string }[];
    };
  const attributionCount = async () => {
    const read = await post(server, READER, '{ entity(id: "person:oleksandr-syrskyi") { relations(types: ["MEMBER_OF"]) { attributions { stance } } } }');
    const [relation] = (read.data?.entity as { relations: { attributions: unknown[] }[] }).relations;
    return relation!.attributions.length;
  };
  beforeAll(async () => {
    server = await startServerProcess({ AUTH_TOKENS: `${EDITOR}=editor,${READER}=reader` });
    expect(await post(server, EDITOR, CREATE)).toEqual({ data: { createEntity: { id: 'person:oleksandr-syrskyi' } } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('applies a retried addRelation once and answers it alike', async () => {
    const first = await post(server, EDITOR, ADD_RELATION, { input: relationInput, key: 'relation-1' });
    expect(first.errors).toBeUndefined();
    const again = await post(server, EDITOR, ADD_RELATION, { input: relationInput, key: 'relation-1' });
    expect(again).toEqual(first);
    const relations = await post(server, READER, '{ entity(id: "person:oleksandr-syrskyi") { relations(types: ["MEMBER_OF"]) { id } } }');
    expect(relations.data).toEqual({ entity: { relations: [{ id: 'rel:oleksandr-syrskyi-member-of-ukrainian-armed-forces' }] } });
    const history = await historyOf('rel:oleksandr-syrskyi-member-of-ukrainian-armed-forces');
    expect(history.totalCount).toBe(1);
    expect(history.nodes[0]).toMatchObject({ operation: 'addRelation', role: 'EDITOR', actor: expect.stringMatching(/^token:/) });
  });

  it('applies a retried addAttribution once: the attributions do not grow on the second call, and the answer is the same', async () => {
    const first = await post(server, EDITOR, ADD_ATTRIBUTION, { input: attributionInput, key: 'attribution-1' });
    expect(first.errors).toBeUndefined();
    const attributions = (first.data?.addAttribution as { attributions: unknown[] }).attributions;
    expect(attributions).toHaveLength(2);
    const again = await post(server, EDITOR, ADD_ATTRIBUTION, { input: attributionInput, key: 'attribution-1' });
    expect(again).toEqual(first);
    expect(await attributionCount()).toBe(2);
    expect((await historyOf('rel:oleksandr-syrskyi-member-of-ukrainian-armed-forces')).nodes.map((n) => n.operation)).toEqual([
      'addAttribution',
      'addRelation',
    ]);
  });

  it('refuses a key reused with another input, and writes nothing', async () => {
    const reused = await post(server, EDITOR, ADD_ATTRIBUTION, {
      input: { ...attributionInput, stance: 'DISPUTES' },
      key: 'attribution-1',
    });
    expect(reused.data).toBeNull();
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'idempotencyKey', reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await attributionCount()).toBe(2);
  });
});
