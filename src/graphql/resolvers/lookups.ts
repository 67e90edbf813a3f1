/** Small questions resolvers ask of the loaders, named for what they answer. */
import type DataLoader from 'dataloader';
import {
  notFound,
  type Direction,
  type EntityKind,
  type EntityRecord,
  type RelationType,
  type SourceRecord,
} from '../../domain/index.js';
import type { RelationFilter, RelationView } from '../../store/graph-store.js';
import type { GraphContext } from '../context.js';
import { relationFilterOfType } from '../relation-filter.js';

/** Loads records that references promise exist; a missing one is a broken store, not user error. */
export async function loadReferenced<T>(
  loader: DataLoader<string, T | null>,
  what: string,
  ids: readonly string[],
): Promise<T[]> {
  const records = await loader.loadMany(ids);
  return records.map((record, i) => {
    if (record instanceof Error) throw record;
    if (record === null) throw new Error(`The store refers to ${what} "${ids[i]}", which it does not hold.`);
    return record;
  });
}

export function loadExisting(ctx: GraphContext, ids: readonly string[]): Promise<EntityRecord[]> {
  return loadReferenced(ctx.loaders.entity, 'entity', ids);
}

/** The entity a reference names: at once when the request has its record already, else loaded. */
export function existingEntity(ctx: GraphContext, id: string): EntityRecord | Promise<EntityRecord> {
  return ctx.loaders.settledEntity(id) ?? loadExisting(ctx, [id]).then((records) => records[0]!);
}

/** The entity a nullable reference points to, or null. */
export async function loadOptionalEntity(ctx: GraphContext, id: string | null): Promise<EntityRecord | null> {
  return id === null ? null : ((await loadExisting(ctx, [id]))[0] ?? null);
}

/** The source a record names; every fact and statement has one. */
export async function loadSource(ctx: GraphContext, id: string): Promise<SourceRecord> {
  return (await loadReferenced(ctx.loaders.source, 'source', [id]))[0]!;
}

/**
 * NOT_FOUND for whichever of both ends of a path question is not an entity. Asked only once the
 * store found no path: a path's question is then one round trip (an unknown end gives no path).
 */
export async function requireEnds(ctx: GraphContext, fromId: string, toId: string): Promise<void> {
  await Promise.all([requireEntity(ctx, 'fromId', fromId), requireEntity(ctx, 'toId', toId)]);
}

/** The entity with this id, or a NOT_FOUND error that names the argument. */
export async function requireEntity(ctx: GraphContext, argument: string, id: string): Promise<EntityRecord> {
  const entity = await ctx.loaders.entity.load(id);
  if (!entity) throw notFound(`No entity has the id "${id}" (argument "${argument}").`, { argument });
  return entity;
}

export function relationsOf(
  ctx: GraphContext,
  entityId: string,
  filter: RelationFilter,
  direction: Direction,
  cap?: number,
): Promise<RelationView[]> {
  return ctx.loaders.relations.load({ entityId, filter, direction, ...(cap !== undefined && { cap }) });
}

/** The entities at the other end of this entity's relations of one type, optionally of one kind. */
export async function related(
  ctx: GraphContext,
  entityId: string,
  type: RelationType,
  direction: Direction,
  kind?: EntityKind,
): Promise<EntityRecord[]> {
  const views = await relationsOf(ctx, entityId, relationFilterOfType(type), direction);
  const otherIds = [...new Set(views.map((v) => v.otherId))];
  const entities = await loadExisting(ctx, otherIds);
  return kind ? entities.filter((e) => e.kind === kind) : entities;
}

export async function firstRelated(
  ctx: GraphContext,
  entityId: string,
  type: RelationType,
  direction: Direction,
  kind?: EntityKind,
): Promise<EntityRecord | null> {
  return (await related(ctx, entityId, type, direction, kind))[0] ?? null;
}
