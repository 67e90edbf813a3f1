/**
 * The request deadline: it aborts on time or when the client leaves, a client still there gets
 * DEADLINE_EXCEEDED, and the embedded store's long walks stop at it while letting other work run.
 */
import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, deadlineExceeded, type Dataset, type EntityRecord, type RelationRecord } from '../../src/domain/index.js';
import { requestDeadline } from '../../src/server/request-deadline.js';
import type { GraphStore } from '../../src/store/graph-store.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { startHarness, type Harness } from '../support/harness.js';

function fakeResponse(): Response & EventEmitter {
  const res = new EventEmitter() as Response & EventEmitter & { writableFinished: boolean };
  res.writableFinished = false;
  return res;
}

/** `people` persons, all members of one unit: from any of them, two hops reach everyone. */
function starDataset(people: number): Dataset {
  const base = { aliases: [], description: null, location: null, event: null };
  const entities: EntityRecord[] = [{ ...base, id: 'unit:hub', kind: 'UNIT', name: 'Hub' } as EntityRecord];
  const relations: RelationRecord[] = [];
  for (let p = 0; p < people; p++) {
    entities.push({ ...base, id: `person:p${p}`, kind: 'PERSON', name: `Person ${p}` } as EntityRecord);
    relations.push(relation(`rel:p${p}-member`, 'MEMBER_OF', `person:p${p}`, 'unit:hub'));
  }
  return {
    sources: [{ id: 'source:test', title: 'Test', publisher: null, published: null, url: null, kind: 'DOCUMENT' }],
    entities,
    relations,
    statements: [],
  } as unknown as Dataset;
}

function relation(id: string, type: string, from: string, to: string): RelationRecord {
  return {
    id,
    type,
    from,
    to,
    time: null,
    attributions: [{ claimantId: null, viaId: null, statementId: null, stance: 'ASSERTS', saidOn: null, sourceId: 'source:test', note: null }],
    status: 'CONFIRMED',
    claimedBy: null,
    date: null,
    sourceId: 'source:test',
    statementIds: [],
    qualifiers: {},
  } as unknown as RelationRecord;
}

describe('the request deadline', () => {
  it('aborts after the timeout with DEADLINE_EXCEEDED naming REQUEST_TIMEOUT_MS', async () => {
    const { signal, deadline } = requestDeadline(30, fakeResponse());
    expect(deadline - Date.now()).toBeLessThanOrEqual(30);
    await new Promise((resolve) => signal.addEventListener('abort', resolve));
    expect(signal.reason).toBeInstanceOf(DomainError);
    expect(signal.reason).toMatchObject({ code: 'DEADLINE_EXCEEDED', details: { timeoutMs: 30, setting: 'REQUEST_TIMEOUT_MS' } });
  });

  it('aborts when the client closes the connection before the answer, and not after it', () => {
    const gone = fakeResponse();
    const { signal } = requestDeadline(60_000, gone);
    gone.emit('close');
    expect(signal.aborted).toBe(true);
    expect(String(signal.reason.message)).toContain('client closed');

    const answered = fakeResponse() as Response & EventEmitter & { writableFinished: boolean };
    const kept = requestDeadline(60_000, answered).signal;
    answered.writableFinished = true;
    answered.emit('close');
    expect(kept.aborted).toBe(false);
  });

  it('says whether it is cancelled, as its signal would, without making the signal', async () => {
    const running = requestDeadline(60_000, fakeResponse());
    expect(() => running.throwIfCancelled?.()).not.toThrow();

    const late = requestDeadline(1, fakeResponse());
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(() => late.throwIfCancelled?.()).toThrow(expect.objectContaining({ code: 'DEADLINE_EXCEEDED', details: { timeoutMs: 1, setting: 'REQUEST_TIMEOUT_MS' } }));
    expect(late.signal.aborted).toBe(true);
    expect(late.signal.reason).toMatchObject({ code: 'DEADLINE_EXCEEDED' });

    const gone = fakeResponse();
    const left = requestDeadline(60_000, gone);
    gone.emit('close');
    expect(() => left.throwIfCancelled?.()).toThrow('client closed');
    expect(left.signal.reason.message).toContain('client closed');
  });

  it('makes no getter per request (its signal is read through the prototype)', () => {
    // A getter made per object (an object literal's) kept each request's response and request
    // alive until a full collection: every request's objects were promoted under load.
    const deadline = requestDeadline(60_000, fakeResponse());
    expect(Object.getOwnPropertyDescriptor(deadline, 'signal')).toBeUndefined();
    expect(deadline.signal.aborted).toBe(false);
  });
});

describe('a query past its deadline', () => {
  let harness: Harness;
  let store: GraphStore;
  beforeAll(async () => {
    store = createMemoryStore();
    await store.load(starDataset(100_000));
    // No list cap to speak of: under the default one the store stops a 100,000-node neighbourhood
    // at 1,001 nodes (RESULT_TOO_LARGE) long before any deadline, and this is about the deadline.
    harness = await startHarness({ store, limits: { maxListLength: 10_000_000 } });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('answers DEADLINE_EXCEEDED with the message of the deadline, not an internal error', async () => {
    const controller = new AbortController();
    controller.abort(deadlineExceeded('The request took longer than its deadline of 5 ms (REQUEST_TIMEOUT_MS); its work was cancelled.'));
    const result = await harness.run('{ entity(id: "unit:hub") { id } }', {}, controller.signal);
    expect(result.errors?.[0]).toMatchObject({
      message: expect.stringContaining('REQUEST_TIMEOUT_MS'),
      extensions: { code: 'DEADLINE_EXCEEDED' },
    });
  });

  it('stops a walk over 100,000 entities where it is when the deadline passes', async () => {
    // The walk takes tens of milliseconds and yields every 10 ms; the deadline passes at its first
    // yield, wherever that falls, so the walk must stop part-way.
    const controller = new AbortController();
    setImmediate(() => controller.abort(deadlineExceeded('The request took longer than its deadline.')));
    await expect(
      store.neighborhood('person:p0', { depth: 2, filter: { types: null } }, { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'DEADLINE_EXCEEDED' });
    await expect(
      store.shortestPath('person:p0', 'person:p99999', { maxHops: 6, filter: { types: null }, directed: false }, { signal: AbortSignal.abort(deadlineExceeded('Past it already.')) }),
    ).rejects.toMatchObject({ code: 'DEADLINE_EXCEEDED' });
  });

  it('stops a walk as its deadline passes when the request offers only its cheap check, and never makes its signal', async () => {
    // What the HTTP server's requests offer (request-deadline.ts): the signal would cost a
    // controller and a timer per request; a walk stops by the check alone.
    let passed = false;
    setImmediate(() => (passed = true));
    let signalsMade = 0;
    const reads = {
      throwIfCancelled() {
        if (passed) throw deadlineExceeded('The request took longer than its deadline.');
      },
      get signal(): AbortSignal {
        signalsMade++;
        return new AbortController().signal;
      },
    };
    await expect(store.neighborhood('person:p0', { depth: 2, filter: { types: null } }, reads)).rejects.toMatchObject({
      code: 'DEADLINE_EXCEEDED',
    });
    passed = true;
    await expect(
      store.shortestPath('person:p0', 'person:p99999', { maxHops: 6, filter: { types: null }, directed: false }, reads),
    ).rejects.toMatchObject({ code: 'DEADLINE_EXCEEDED' });
    expect(signalsMade).toBe(0);
  });

  it('lets the event loop turn every few milliseconds while it walks 100,000 entities', async () => {
    // Counted, not timed: a walk that never yields lets the 1 ms timer run once at most, however
    // long it takes; one that yields every 10 ms lets it run about once per 10 ms of walking. The
    // bound (one turn per 50 ms: a busy machine stretches slices with GC and waits for a core)
    // holds on a slow machine too, where the walk just takes longer.
    let turns = 0;
    const ticker = setInterval(() => turns++, 1);
    const started = performance.now();
    try {
      const subgraph = await store.neighborhood('person:p0', { depth: 2, filter: { types: null } });
      expect(subgraph && 'nodes' in subgraph ? subgraph.nodes.length : 0).toBe(100_001);
    } finally {
      clearInterval(ticker);
    }
    const walkMs = performance.now() - started;
    expect(turns, `${turns} turns in ${walkMs.toFixed(0)} ms`).toBeGreaterThanOrEqual(Math.floor(walkMs / 50));
  });

  it('answers a 100,000-node neighbourhood in full through GraphQL when no cap stops it', async () => {
    const result = await harness.run('{ neighborhood(id: "person:p0", depth: 2) { nodes { id } } }');
    expect(result.errors).toBeUndefined();
    expect((result.data!['neighborhood'] as { nodes: unknown[] }).nodes).toHaveLength(100_001);
  });
});
