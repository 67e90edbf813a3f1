/**
 * The claims-model questions in process, over the embedded store with the seed graph: every bad
 * argument gets an error with a code that names the argument, and `claims` puts the competing
 * answers to one question side by side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import { LIMITS } from '../../src/domain/index.js';
import { createMemoryStore } from '../../src/store/memory/memory-store.js';
import { startHarness, type Harness, type HarnessResult } from '../support/harness.js';

const ALAUDINOV = 'person:apti-alaudinov';
const KURAKHOVE = 'settlement:kurakhove';
const NOBODY = 'person:nobody-at-all';

let harness: Harness;
beforeAll(async () => {
  const store = createMemoryStore();
  await store.load(await readDatasetFile(SEED_FILE));
  harness = await startHarness({ store });
});
afterAll(async () => {
  await harness?.stop();
});

function onlyError(result: HarnessResult) {
  expect(result.errors, JSON.stringify(result)).toHaveLength(1);
  return result.errors![0]!;
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => JSON.stringify(`person:p${i}`)).join(', ');

/** [what is wrong, the operation, the code, the argument the error names] */
const badArguments: [string, string, 'BAD_USER_INPUT' | 'NOT_FOUND', string][] = [
  ['claims about nobody', `{ claims(aboutId: "${NOBODY}") { topic } }`, 'NOT_FOUND', 'aboutId'],
  ['claims about a malformed id', `{ claims(aboutId: "kurakhove") { topic } }`, 'BAD_USER_INPUT', 'aboutId'],
  ['claims by nobody', `{ claims(aboutId: "${KURAKHOVE}", claimantIds: ["${NOBODY}"]) { topic } }`, 'NOT_FOUND', 'claimantIds'],
  ['relations claimed by nobody', `{ entity(id: "${KURAKHOVE}") { relations(filter: { claimantIds: ["${NOBODY}"] }) { id } } }`, 'NOT_FOUND', 'filter.claimantIds'],
  ['relations in a reversed window', `{ entity(id: "${KURAKHOVE}") { relations(filter: { from: "2025-01-06", to: "2025-01-05" }) { id } } }`, 'BAD_USER_INPUT', 'filter.to'],
  ['relations of an unknown type in the filter', `{ entity(id: "${KURAKHOVE}") { relations(filter: { types: ["LOVES"] }) { id } } }`, 'BAD_USER_INPUT', 'filter.types'],
  ['a neighbourhood in a reversed window', `{ neighborhood(id: "${ALAUDINOV}", filter: { from: "2025-02-01", to: "2025-01-01" }) { truncated } }`, 'BAD_USER_INPUT', 'filter.to'],
  ['a neighbourhood limit of 0', `{ neighborhood(id: "${ALAUDINOV}", limit: 0) { truncated } }`, 'BAD_USER_INPUT', 'limit'],
  [`a neighbourhood limit over ${LIMITS.maxNeighborhoodLimit}`, `{ neighborhood(id: "${ALAUDINOV}", limit: ${LIMITS.maxNeighborhoodLimit + 1}) { truncated } }`, 'BAD_USER_INPUT', 'limit'],
  ['a shortest path by nobody\'s claims', `{ shortestPath(fromId: "${ALAUDINOV}", toId: "${KURAKHOVE}", filter: { claimantIds: ["${NOBODY}"] }) { length } }`, 'NOT_FOUND', 'filter.claimantIds'],
  ['paths from nobody', `{ paths(fromId: "${NOBODY}", toId: "${KURAKHOVE}") { length } }`, 'NOT_FOUND', 'fromId'],
  ['paths to nobody', `{ paths(fromId: "${ALAUDINOV}", toId: "${NOBODY}") { length } }`, 'NOT_FOUND', 'toId'],
  ['paths of 0 hops', `{ paths(fromId: "${ALAUDINOV}", toId: "${KURAKHOVE}", maxHops: 0) { length } }`, 'BAD_USER_INPUT', 'maxHops'],
  [`paths of ${LIMITS.maxPathHops + 1} hops`, `{ paths(fromId: "${ALAUDINOV}", toId: "${KURAKHOVE}", maxHops: ${LIMITS.maxPathHops + 1}) { length } }`, 'BAD_USER_INPUT', 'maxHops'],
  ['no paths at all', `{ paths(fromId: "${ALAUDINOV}", toId: "${KURAKHOVE}", first: 0) { length } }`, 'BAD_USER_INPUT', 'first'],
  [`more than ${LIMITS.maxPaths} paths`, `{ paths(fromId: "${ALAUDINOV}", toId: "${KURAKHOVE}", first: ${LIMITS.maxPaths + 1}) { length } }`, 'BAD_USER_INPUT', 'first'],
  ['a subgraph of no ids', `{ subgraph(ids: []) { truncated } }`, 'BAD_USER_INPUT', 'ids'],
  ['a subgraph of one id', `{ subgraph(ids: ["${ALAUDINOV}"]) { truncated } }`, 'BAD_USER_INPUT', 'ids'],
  [`a subgraph of ${LIMITS.maxSubgraphIds + 1} ids`, `{ subgraph(ids: [${ids(LIMITS.maxSubgraphIds + 1)}]) { truncated } }`, 'BAD_USER_INPUT', 'ids'],
  ['a subgraph with an id twice', `{ subgraph(ids: ["${ALAUDINOV}", "${KURAKHOVE}", "${ALAUDINOV}"]) { truncated } }`, 'BAD_USER_INPUT', 'ids'],
  ['a subgraph with nobody in it', `{ subgraph(ids: ["${ALAUDINOV}", "${NOBODY}"]) { truncated } }`, 'NOT_FOUND', 'ids'],
  [`a subgraph of ${LIMITS.maxPathHops + 1} hops`, `{ subgraph(ids: ["${ALAUDINOV}", "${KURAKHOVE}"], maxHops: ${LIMITS.maxPathHops + 1}) { truncated } }`, 'BAD_USER_INPUT', 'maxHops'],
  ['a timeline in a reversed window', `{ timeline(from: "2025-01-07", to: "2025-01-06") { totalCount } }`, 'BAD_USER_INPUT', 'to'],
  ['a timeline about nobody', `{ timeline(entityId: "${NOBODY}") { totalCount } }`, 'NOT_FOUND', 'entityId'],
  ['a timeline page of 0', `{ timeline(first: 0) { totalCount } }`, 'BAD_USER_INPUT', 'first'],
  [`a timeline page over ${LIMITS.maxPageSize}`, `{ timeline(first: ${LIMITS.maxPageSize + 1}) { totalCount } }`, 'BAD_USER_INPUT', 'first'],
  ['events in a reversed window', `{ events(from: "2025-01-20", to: "2025-01-01") { totalCount } }`, 'BAD_USER_INPUT', 'to'],
  ['events with nobody taking part', `{ events(participantId: "${NOBODY}") { totalCount } }`, 'NOT_FOUND', 'participantId'],
  ['events in no place', `{ events(placeId: "settlement:atlantis") { totalCount } }`, 'NOT_FOUND', 'placeId'],
  [`an events page over ${LIMITS.maxPageSize}`, `{ events(first: ${LIMITS.maxPageSize + 1}) { totalCount } }`, 'BAD_USER_INPUT', 'first'],
  ['places near nowhere', `{ near(placeId: "settlement:atlantis", km: 10) { distanceKm } }`, 'NOT_FOUND', 'placeId'],
  ['places within 0 km', `{ near(placeId: "${KURAKHOVE}", km: 0) { distanceKm } }`, 'BAD_USER_INPUT', 'km'],
  ['places within a negative radius', `{ near(placeId: "${KURAKHOVE}", km: -5) { distanceKm } }`, 'BAD_USER_INPUT', 'km'],
  [`places within more than ${LIMITS.maxNearKm} km`, `{ near(placeId: "${KURAKHOVE}", km: ${LIMITS.maxNearKm + 1}) { distanceKm } }`, 'BAD_USER_INPUT', 'km'],
  ['an entities page of 0', `{ entitiesConnection(first: 0) { totalCount } }`, 'BAD_USER_INPUT', 'first'],
  ['statements in a reversed window', `{ statementsConnection(from: "2025-01-06", to: "2025-01-01") { totalCount } }`, 'BAD_USER_INPUT', 'to'],
  ['statements by nobody', `{ statementsConnection(speakerId: "${NOBODY}") { totalCount } }`, 'NOT_FOUND', 'speakerId'],
  ['statements about nobody', `{ statementsConnection(aboutId: "${NOBODY}") { totalCount } }`, 'NOT_FOUND', 'aboutId'],
];

describe('bad arguments', () => {
  it.each(badArguments)('%s: an error with its code that names the argument, and no data', async (_what, query, code, argument) => {
    harness.resetCalls();
    const result = await harness.run(query);
    const error = onlyError(result);
    expect(error.extensions).toMatchObject({ code, argument });
    expect(error.message).toContain(`"${argument}"`);
  });

  it('asks the store nothing before every argument that needs no store has been checked', async () => {
    harness.resetCalls();
    const result = await harness.run(`{ paths(fromId: "${NOBODY}", toId: "${KURAKHOVE}", maxHops: 99) { length } }`);
    expect(onlyError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxHops' });
    expect(harness.calls.size).toBe(0);
  });
});
