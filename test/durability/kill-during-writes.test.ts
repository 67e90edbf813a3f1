/**
 * Durability over HTTP: the real server (dist/main.js, as `npm start` runs it) on a DATA_DIR, with
 * an editor token, takes a stream of createEntity and addRelation mutations from a few clients at
 * once and is killed with SIGKILL at a random moment, several times. After each kill the data file
 * is opened directly and must hold every write the server acknowledged (HTTP 200 with data) and,
 * of the writes in flight, each either whole (the record and the record of its change, together)
 * or not at all. Then the server starts again on the same directory, and the writes that were in
 * flight are sent again with their idempotency keys: each is then applied exactly once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { GraphStore } from '../../src/store/graph-store.js';
import { openDurableMemoryStore } from '../../src/store/memory/memory-store.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const EDITOR = 'durability-editor-token-0123456789';
const ROUNDS = 8;
const WRITERS = 3;
const ARTICLE = 'source:reuters-kursk-kurakhove-2025-01-06';
const UNIT = 'unit:ukrainian-armed-forces';

const CREATE = `mutation ($input: CreateEntityInput!, $key: String) { createEntity(input: $input, idempotencyKey: $key) { id name } }`;
const RELATE = `mutation ($input: AddRelationInput!, $key: String) { addRelation(input: $input, idempotencyKey: $key) { id } }`;

/** One write the test sent: what it writes, and whether the server acknowledged it. */
interface Write {
  readonly key: string;
  readonly kind: 'entity' | 'relation';
  readonly id: string;
  readonly name: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  acknowledged: boolean;
}

function writesOf(person: string): [Write, Write] {
  const id = `person:${person}`;
  const relationId = `rel:${person}-member-of-ukrainian-armed-forces`;
  const name = person.replace(/-/g, ' ');
  return [
    { key: `create-${person}`, kind: 'entity', id, name, query: CREATE, variables: { input: { id, kind: 'PERSON', name } }, acknowledged: false },
    {
      key: `relate-${person}`,
      kind: 'relation',
      id: relationId,
      name,
      query: RELATE,
      variables: {
        input: { id: relationId, type: 'MEMBER_OF', fromId: id, toId: UNIT, attributions: [{ claimantId: id, stance: 'ASSERTS', sourceId: ARTICLE }] },
      },
      acknowledged: false,
    },
  ];
}

/** Sends a write; true when the server answered 200 with its data (an acknowledgement). */
async function send(server: ServerProcess, write: Write): Promise<boolean> {
  try {
    const response = await fetch(`${server.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR}` },
      body: JSON.stringify({ query: write.query, variables: { ...write.variables, key: write.key } }),
    });
    const body = (await response.json()) as { data?: Record<string, { id: string }> | null; errors?: unknown[] };
    if (response.status !== 200 || !body.data || body.errors) throw new Error(`Write ${write.key} was refused: ${JSON.stringify(body)}`);
    expect(Object.values(body.data)[0]!.id).toBe(write.id);
    return true;
  } catch (error) {
    // The connection went down with the server: not acknowledged.
    if (error instanceof TypeError) return false;
    throw error;
  }
}

let dataDir: string;
let server: ServerProcess | undefined;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'kg-kill-writes-'));
});
afterAll(async () => {
  await server?.stop('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

const start = () => startServerProcess({ DATA_DIR: dataDir, AUTH_TOKENS: `${EDITOR}=editor` });

/** Every write acknowledged is there with the change that made it; every other one is whole or absent. */
async function checkDataFile(writes: readonly Write[], round: number): Promise<number> {
  const store: GraphStore = openDurableMemoryStore(dataDir);
  let inFlightCommitted = 0;
  try {
    for (const write of writes) {
      const [record] = write.kind === 'entity' ? await store.entitiesByIds([write.id]) : await store.relationsByIds([write.id]);
      const changes = await store.changesOf(write.id, { first: 5, after: null });
      const label = `round ${round}: ${write.key} (${write.acknowledged ? 'acknowledged' : 'in flight'})`;
      if (write.acknowledged) expect(record, label).toBeTruthy();
      if (record) {
        if (!write.acknowledged) inFlightCommitted++;
        if (write.kind === 'entity') expect((record as { name: string }).name, label).toBe(write.name);
        else expect((record as { from: string }).from, label).toBe(`person:${write.name.replace(/ /g, '-')}`);
      }
      // The record and the record of its change come together, or not at all.
      expect(changes.items.map((c) => [c.operation, c.idempotencyKey]), label).toEqual(
        record ? [[write.kind === 'entity' ? 'createEntity' : 'addRelation', write.key]] : [],
      );
      expect((await store.changeByIdempotencyKey(write.key)) !== null, label).toBe(Boolean(record));
    }
  } finally {
    await store.close();
  }
  return inFlightCommitted;
}

it(`keeps every acknowledged write and no partial one across ${ROUNDS} kills (SIGKILL) of the server mid-stream`, async () => {
  const writes: Write[] = [];
  let acknowledged = 0;
  let inFlightCommitted = 0;
  for (let round = 0; round < ROUNDS; round++) {
    server = await start();
    // The writes the last kill caught in flight, sent again with their keys: applied once.
    for (const write of writes.filter((w) => !w.acknowledged)) {
      write.acknowledged = await send(server, write);
      expect(write.acknowledged, `${write.key} sent again`).toBe(true);
    }
    let killed = false;
    const writer = async (w: number) => {
      for (let i = 0; !killed; i++) {
        for (const write of writesOf(`durable-r${round}-w${w}-n${i}`)) {
          writes.push(write);
          write.acknowledged = await send(server!, write);
          if (!write.acknowledged) return;
          acknowledged++;
        }
      }
    };
    const streams = Array.from({ length: WRITERS }, (_, w) => writer(w));
    await new Promise((r) => setTimeout(r, 150 + Math.floor(Math.random() * 400)));
    killed = true;
    expect(await server.stop('SIGKILL')).toBeNull();
    server = undefined;
    await Promise.all(streams);
    inFlightCommitted += await checkDataFile(writes, round);
  }
  // A last start: the writes in flight at the last kill, sent again, are applied once too.
  server = await start();
  for (const write of writes.filter((w) => !w.acknowledged)) write.acknowledged = await send(server, write);
  await server.stop();
  server = undefined;
  await checkDataFile(writes, ROUNDS);
  expect(writes.every((w) => w.acknowledged)).toBe(true);
  expect(acknowledged, 'the server acknowledged writes in every round').toBeGreaterThan(ROUNDS * WRITERS);
  console.log(
    `[durability] ${ROUNDS} kills of the server, ${acknowledged} writes acknowledged in the streams, ` +
      `${writes.length} sent, ${inFlightCommitted} in flight at a kill and found committed`,
  );
}, 55_000);
