/** Schema: `interface Entity` and its types of actors, with their typed convenience fields. */
import type { GraphQLResolveInfo } from 'graphql';
import { unreachable, type EntityKind, type EntityRecord } from '../../domain/index.js';
import type { GraphContext } from '../context.js';
import type { RelationView } from '../../store/graph-store.js';
import { listTooLong } from '../list-limit.js';
import type { Direction, RelationFilterInput, Resolvers } from '../generated/resolvers-types.js';
import { relationFilterFromArgs, relationFilterWithoutLookups } from '../relation-filter.js';
import { firstRelated, related, relationsOf } from './lookups.js';

type EntityTypeName = 'Person' | 'Unit' | 'Organization' | 'Country' | 'Region' | 'Settlement' | 'Event';

export function typeNameOfKind(kind: EntityKind): EntityTypeName {
  switch (kind) {
    case 'PERSON':
      return 'Person';
    case 'UNIT':
      return 'Unit';
    case 'ORGANIZATION':
      return 'Organization';
    case 'COUNTRY':
      return 'Country';
    case 'REGION':
      return 'Region';
    case 'SETTLEMENT':
      return 'Settlement';
    case 'EVENT':
      return 'Event';
    default:
      return unreachable(kind);
  }
}

/** The fields every entity type shares (schema: `interface Entity`). */
export const entityFields = {
  relations: (
    entity: EntityRecord,
    args: { types?: readonly string[] | null; direction?: Direction | null; filter?: RelationFilterInput | null },
    ctx: GraphContext,
    info: GraphQLResolveInfo,
  ): RelationView[] | Promise<RelationView[]> => {
    // A list past MAX_LIST_LENGTH is refused, so the store need not read a hub's every relation.
    const max = ctx.maxListLength;
    const cap = Number.isFinite(max) ? max : undefined;
    const direction = args.direction ?? 'BOTH';
    const withinCap = (views: RelationView[]) => {
      if (cap !== undefined && views.length > cap) throw listTooLong(`${info.parentType.name}.relations`, views.length, cap, false);
      return views;
    };
    // The relations that came with the entity (the entity question's one round trip) are answered
    // at once: no promise for graphql-jit to wait on.
    const filter = relationFilterWithoutLookups(args);
    const settled = filter && ctx.loaders.settledRelations({ entityId: entity.id, filter, direction, ...(cap !== undefined && { cap }) });
    if (settled) return withinCap(settled);
    return (async () => withinCap(await relationsOf(ctx, entity.id, filter ?? (await relationFilterFromArgs(ctx, args)), direction, cap)))();
  },
  statements: (entity: EntityRecord, _args: unknown, ctx: GraphContext) =>
    ctx.loaders.statementsBySpeaker.load(entity.id),
  mentionedIn: (entity: EntityRecord, _args: unknown, ctx: GraphContext) =>
    ctx.loaders.statementsAbout.load(entity.id),
};

export const entityResolvers: Resolvers = {
  Entity: {
    __resolveType: (entity) => typeNameOfKind(entity.kind),
  },
  Person: {
    ...entityFields,
    commands: (person, _args, ctx) => related(ctx, person.id, 'COMMANDS', 'OUT'),
    memberOf: (person, _args, ctx) => related(ctx, person.id, 'MEMBER_OF', 'OUT'),
  },
  Unit: {
    ...entityFields,
    commander: (unit, _args, ctx) => firstRelated(ctx, unit.id, 'COMMANDS', 'IN', 'PERSON'),
    partOf: (unit, _args, ctx) => related(ctx, unit.id, 'PART_OF', 'OUT'),
    deployedTo: (unit, _args, ctx) => related(ctx, unit.id, 'DEPLOYED_TO', 'OUT'),
    fightingIn: (unit, _args, ctx) => related(ctx, unit.id, 'FIGHTING_IN', 'OUT'),
  },
  Organization: {
    ...entityFields,
    partOf: (org, _args, ctx) => related(ctx, org.id, 'PART_OF', 'OUT'),
    members: (org, _args, ctx) => related(ctx, org.id, 'MEMBER_OF', 'IN', 'PERSON'),
  },
};
