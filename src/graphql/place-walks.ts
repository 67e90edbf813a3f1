/**
 * Walks along LOCATED_IN for many places at once (schema: `within` of Country, Region and
 * Settlement; their `events` are the store's `eventsInPlaces`). Each step is one load per place
 * through the request's loaders, so a batch of places costs one store call per step, not one per
 * place.
 */
import { ENTITY_KINDS, type Direction, type EntityRecord, type RelationType } from '../domain/index.js';
import type { Loaders } from './context.js';
import { relationFilterOfType } from './relation-filter.js';

type WalkLoaders = Pick<Loaders, 'relations' | 'entity'>;

/** Every id reached from each start along relations of one type and direction, the start left out. */
async function reachable(
  loaders: WalkLoaders,
  startIds: readonly string[],
  type: RelationType,
  direction: Direction,
): Promise<string[][]> {
  const filter = relationFilterOfType(type);
  return Promise.all(
    startIds.map(async (start) => {
      const seen = new Set([start]);
      let frontier = [start];
      while (frontier.length > 0) {
        const views = await loaders.relations.loadMany(frontier.map((entityId) => ({ entityId, filter, direction })));
        frontier = [];
        for (const list of views) {
          if (list instanceof Error) throw list;
          for (const { otherId } of list) {
            if (!seen.has(otherId)) {
              seen.add(otherId);
              frontier.push(otherId);
            }
          }
        }
      }
      seen.delete(start);
      return [...seen];
    }),
  );
}

async function loadAll(loaders: WalkLoaders, ids: readonly string[]): Promise<EntityRecord[]> {
  const records = await loaders.entity.loadMany(ids);
  return records.flatMap((r) => {
    if (r instanceof Error) throw r;
    return r === null ? [] : [r];
  });
}

/** Larger places first: a country before a region before a settlement. */
const kindRank = (e: EntityRecord) => ENTITY_KINDS.indexOf(e.kind);
const placeOrder = (a: EntityRecord, b: EntityRecord) =>
  kindRank(a) - kindRank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Schema: `within`: the places each place lies in (LOCATED_IN, any status, any depth), largest first, then id. */
export async function placesContaining(loaders: WalkLoaders, placeIds: readonly string[]): Promise<EntityRecord[][]> {
  const containing = await reachable(loaders, placeIds, 'LOCATED_IN', 'OUT');
  return Promise.all(containing.map(async (ids) => (await loadAll(loaders, ids)).sort(placeOrder)));
}
