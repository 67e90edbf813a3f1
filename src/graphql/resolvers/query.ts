/**
 * Schema: `type Query`, the landed questions (the newer ones are in claims.ts, connections.ts,
 * paths.ts and places.ts). Each resolver checks its arguments, then asks the store one question.
 */
import {
  RELATION_TYPE_INFOS,
  checkDepth,
  checkFirst,
  checkId,
  checkKinds,
  checkMaxHops,
  checkNeighborhoodLimit,
  checkSearchText,
  DomainError,
  ErrorCode,
  nearestThatFit,
} from '../../domain/index.js';
import type { GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from '../generated/resolvers-types.js';
import { relationFilterFromArgs } from '../relation-filter.js';
import { listTooLong } from '../list-limit.js';
import { requireEnds, requireEntity } from './lookups.js';
import { relationsAskedOfEntity } from '../look-ahead.js';
import { ResolutionService } from '../../writes/resolution-service.js';

export const queryResolvers: Resolvers = {
  Query: {
    // An id merged into another entity answers that entity.
    entity: async (_root, { id }, ctx, info) => {
      const checked = checkId('id', id);
      // With the relations its selection asks for, in the same round trip, when it asks for some.
      const relations = relationsAskedOfEntity(info, ctx);
      // Asked alone, no batch could form: the store is asked at once, without a loader.
      const alone = isTheOnlyRootField(info);
      const entity =
        relations === null
          ? await (alone ? ctx.loaders.entityAlone(checked) : ctx.loaders.entity.load(checked))
          : (await (alone
              ? ctx.loaders.entityWithRelationsAlone({ id: checked, query: relations })
              : ctx.loaders.entityWithRelations.load({ id: checked, query: relations }))).entity;
      return entity ?? new ResolutionService(ctx.store, ctx.read).resolve(id);
    },

    entities: async (_root, { kinds }, ctx) => {
      // A list longer than MAX_LIST_LENGTH is refused: the store counts it rather than reading it.
      const found = await ctx.store.entitiesUpTo(checkKinds(kinds), ctx.maxListLength, ctx.read);
      if ('tooManyItems' in found) throw listTooLong('Query.entities', found.count, ctx.maxListLength);
      return found;
    },

    search: async (_root, { text, kinds, first }, ctx) => {
      const matches = await ctx.store.search({
        text: checkSearchText(text),
        kinds: checkKinds(kinds),
        first: checkFirst(first ?? 10),
      }, ctx.read);
      for (const { entity } of matches) ctx.loaders.keepEntity(entity.id, entity);
      return matches.map((m) => m.entity);
    },

    neighborhood: async (_root, { id, depth, types, filter, limit }, ctx) => {
      const centreId = checkId('id', id);
      const checkedDepth = checkDepth(depth ?? 1);
      const checkedLimit = limit == null ? undefined : checkNeighborhoodLimit(limit);
      const relations = await relationFilterFromArgs(ctx, { types, filter });
      const query = {
        depth: checkedDepth,
        filter: relations,
        // With a limit the store lists the nearest nodes and says it left some out. Without one,
        // past MAX_LIST_LENGTH + 1 nodes both lists are refused whichever is asked for (every node
        // but the centre brings a relation, so edges >= nodes - 1 > MAX_LIST_LENGTH): the store
        // may stop counting there. Edges past MAX_LIST_LENGTH are refused when asked for
        // (Subgraph.edges), so the store may stop listing them one past it; the nodes still answer.
        ...(checkedLimit === undefined
          ? { maxNodes: ctx.maxListLength + 1, maxEdges: ctx.maxListLength }
          : { limit: checkedLimit, maxItems: ctx.maxListLength }),
      };
      // One round trip: the store answers null for a centre that is not an entity.
      const subgraph = await ctx.store.neighborhood(centreId, query, ctx.read);
      if (!subgraph) {
        await requireEntity(ctx, 'id', centreId);
        // The centre exists now; a concurrent write is the only way to get null above.
        throw new Error(`Entity "${centreId}" was not there while its neighbourhood was read.`);
      }
      // The same refusal whether the store stopped early or answered in full.
      if ('tooManyNodes' in subgraph || (checkedLimit === undefined && subgraph.nodes.length > ctx.maxListLength)) {
        throw neighbourhoodTooLarge(centreId, query.depth, ctx.maxListLength);
      }
      // A limit asks for a bounded answer: the nearest nodes whose relations among them fit the cap.
      return checkedLimit === undefined ? subgraph : nearestThatFit(subgraph, ctx.maxListLength);
    },

    shortestPath: async (_root, { fromId, toId, maxHops, types, directed, filter, through }, ctx) => {
      // Every argument is checked before any lookup starts: a lookup started before another
      // check threw would reject with nobody listening, and an unhandled rejection ends the process.
      const ids = [checkId('fromId', fromId), checkId('toId', toId)] as const;
      const checkedMaxHops = checkMaxHops(maxHops ?? 6);
      const query = {
        maxHops: checkedMaxHops,
        filter: await relationFilterFromArgs(ctx, { types, filter }),
        directed: directed ?? false,
        throughStatements: through?.includes('STATEMENTS') ?? false,
      };
      const path = await ctx.store.shortestPath(ids[0], ids[1], query, ctx.read);
      if (path === null) await requireEnds(ctx, ids[0], ids[1]); // no path, or no such entity
      return path;
    },

    statements: async (_root, { speakerId, aboutId }, ctx) => {
      // As in shortestPath: check both ids before either lookup starts.
      const speakerChecked = speakerId == null ? null : checkId('speakerId', speakerId);
      const aboutChecked = aboutId == null ? null : checkId('aboutId', aboutId);
      const [speaker, about] = await Promise.all([
        speakerChecked === null ? null : requireEntity(ctx, 'speakerId', speakerChecked),
        aboutChecked === null ? null : requireEntity(ctx, 'aboutId', aboutChecked),
      ]);
      return ctx.store.findStatements({ speakerId: speaker?.id ?? null, aboutId: about?.id ?? null }, ctx.read);
    },

    source: (_root, { id }, ctx) => ctx.loaders.source.load(checkId('id', id)),

    sources: (_root, _args, ctx) => ctx.store.listSources(ctx.read),

    relationTypes: () => [...RELATION_TYPE_INFOS],
  },
};

/** Whether this field is the whole of its operation's selection: no other root field can share its store call. */
function isTheOnlyRootField(info: GraphQLResolveInfo): boolean {
  const roots = info.operation.selectionSet.selections;
  return roots.length === 1 && info.fieldNodes.length === 1 && roots[0] === info.fieldNodes[0];
}

function neighbourhoodTooLarge(centreId: string, depth: number, max: number): DomainError {
  return new DomainError(
    ErrorCode.RESULT_TOO_LARGE,
    `The neighbourhood of "${centreId}" within ${depth} hops has more than ${max} nodes; the limit is ${max} (MAX_LIST_LENGTH). Ask a smaller depth or fewer types.`,
    { limit: max, setting: 'MAX_LIST_LENGTH' },
  );
}
