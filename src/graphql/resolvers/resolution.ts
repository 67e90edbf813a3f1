/**
 * Schema: entity resolution (schema/resolution.graphql): duplicate candidates, judgements, merges
 * and their undoing, answered by the resolution service (src/writes/resolution-service.ts), which
 * checks the viewer's role; after a write the request's caches forget what it changed.
 */
import { checkFirst, checkId, checkKinds } from '../../domain/index.js';
import { ResolutionService } from '../../writes/resolution-service.js';
import type { GraphContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';

const resolution = (ctx: GraphContext) => new ResolutionService(ctx.store, ctx.read);

/** After a merge or its undo, every cached read of this request may be stale. */
function forgetEverything(ctx: GraphContext): void {
  for (const loader of Object.values(ctx.loaders)) if (typeof loader?.clearAll === 'function') loader.clearAll();
}

export const resolutionResolvers: Resolvers = {
  Query: {
    duplicateCandidates: (_root, { first, kinds }, ctx) => resolution(ctx).duplicateCandidates(checkFirst(first ?? 20), checkKinds(kinds)),
    judgements: (_root, { first }, ctx) => resolution(ctx).judgements(checkFirst(first ?? 20)),
    mergeOf: (_root, { absorbedId }, ctx) => resolution(ctx).mergeOf(checkId('absorbedId', absorbedId)),
  },
  Mutation: {
    judge: async (_root, { aId, bId, verdict, reason, idempotencyKey }, ctx) => {
      const judgement = await resolution(ctx).judge(
        ctx.viewer,
        { aId: checkId('aId', aId), bId: checkId('bId', bId), verdict, reason },
        idempotencyKey ?? null,
      );
      forgetEverything(ctx);
      return judgement;
    },
    mergeEntities: async (_root, { input, idempotencyKey }, ctx) => {
      const merge = await resolution(ctx).mergeEntities(
        ctx.viewer,
        { survivorId: checkId('input.survivorId', input.survivorId), absorbedId: checkId('input.absorbedId', input.absorbedId), reason: input.reason },
        idempotencyKey ?? null,
      );
      forgetEverything(ctx);
      return merge;
    },
    unmergeEntity: async (_root, { id, idempotencyKey }, ctx) => {
      const entity = await resolution(ctx).unmergeEntity(ctx.viewer, checkId('id', id), idempotencyKey ?? null);
      forgetEverything(ctx);
      return entity;
    },
  },
  DuplicateCandidate: {
    reasons: (candidate) => [...candidate.reasons],
  },
  Judgement: {
    a: (j, _args, ctx) => resolution(ctx).resolve(j.aId),
    b: (j, _args, ctx) => resolution(ctx).resolve(j.bId),
    undone: (j) => j.undone !== null,
    merge: (j, _args, ctx) => {
      if (j.verdict !== 'SAME' || j.undone !== null || j.survivorId === null) return null;
      return resolution(ctx).mergeOf(j.survivorId === j.aId ? j.bId : j.aId);
    },
  },
  Merge: {
    survivor: (m, _args, ctx) => resolution(ctx).resolve(m.survivorId),
    absorbedName: (m) => m.absorbed.name,
    addedAliases: (m) => [...m.addedAliases],
    movedFields: (m) => m.moves.length,
    removedRelationIds: (m) => m.removedRelations.map((r) => r.id),
    collapsedRelationIds: (m) => m.collapsed.map((c) => c.relation.id),
  },
};
