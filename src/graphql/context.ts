/**
 * Per-request context: the store and DataLoaders that batch and cache lookups within one
 * request, so a query's round trips to the store grow with its depth, not its breadth.
 */
import DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type {
  Direction,
  EntityRecord,
  RelationType,
  SourceRecord,
  StatementRecord,
} from '../domain/index.js';
import type { GraphStore, RelationFilter, RelationView } from '../store/graph-store.js';

export interface RelationKey {
  readonly entityId: string;
  readonly types: readonly RelationType[] | null;
  readonly direction: Direction;
}

export interface Loaders {
  readonly entity: DataLoader<string, EntityRecord | null>;
  readonly statement: DataLoader<string, StatementRecord | null>;
  readonly source: DataLoader<string, SourceRecord | null>;
  readonly relations: DataLoader<RelationKey, RelationView[], string>;
  readonly statementsBySpeaker: DataLoader<string, StatementRecord[]>;
  readonly statementsAbout: DataLoader<string, StatementRecord[]>;
  readonly statementsFromSource: DataLoader<string, StatementRecord[]>;
}

export interface GraphContext {
  readonly store: GraphStore;
  readonly loaders: Loaders;
  readonly requestId: string;
  readonly log: Logger;
}

export function createContext(store: GraphStore, requestId: string, log: Logger): GraphContext {
  return { store, loaders: createLoaders(store), requestId, log };
}

function createLoaders(store: GraphStore): Loaders {
  return {
    entity: new DataLoader((ids) => store.entitiesByIds(ids)),
    statement: new DataLoader((ids) => store.statementsByIds(ids)),
    source: new DataLoader((ids) => store.sourcesByIds(ids)),
    relations: new DataLoader((keys) => loadRelations(store, keys), {
      cacheKeyFn: (key) => `${key.entityId} ${key.direction} ${key.types?.join(',') ?? '*'}`,
    }),
    statementsBySpeaker: new DataLoader((ids) => store.statementsBySpeakers(ids)),
    statementsAbout: new DataLoader((ids) => store.statementsAbout(ids)),
    statementsFromSource: new DataLoader((ids) => store.statementsFromSources(ids)),
  };
}

/** One store call per distinct filter in the batch. */
async function loadRelations(
  store: GraphStore,
  keys: readonly RelationKey[],
): Promise<RelationView[][]> {
  const groups = new Map<string, { filter: RelationFilter; positions: number[] }>();
  keys.forEach((key, position) => {
    const groupKey = `${key.direction} ${key.types?.join(',') ?? '*'}`;
    const group = groups.get(groupKey) ?? {
      filter: { types: key.types, direction: key.direction },
      positions: [],
    };
    group.positions.push(position);
    groups.set(groupKey, group);
  });
  const results: RelationView[][] = new Array(keys.length);
  await Promise.all(
    [...groups.values()].map(async ({ filter, positions }) => {
      const ids = positions.map((p) => keys[p]!.entityId);
      const views = await store.relationsOf(ids, filter);
      positions.forEach((p, i) => {
        results[p] = views[i] ?? [];
      });
    }),
  );
  return results;
}
