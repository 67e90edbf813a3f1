/**
 * Schema: `interface Fact` and what says who claims it: `Edge`, `Attribution`, `TimeSpan`,
 * `Claim`, `ClaimGroup`. (`Event`, the other Fact, is in events.ts.)
 */
import { isEventRecord, type FactRecord } from '../../domain/claims.js';
import type { FactRef } from '../../store/graph-store.js';
import {
  claimantsOf,
  precisionOf,
  timeBounds,
  TOPIC_OF_RELATION_TYPE,
  type Attribution,
  type RelationRecord,
} from '../../domain/index.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { loadExisting, loadOptionalEntity, loadReferenced, loadSource } from './lookups.js';
import type { GraphContext } from '../context.js';

/** The statements a fact rests on: those of its attributions, then the others listed, once each. */
export function evidenceOf(
  ctx: GraphContext,
  attributions: readonly Attribution[],
  listed: readonly string[] = [],
) {
  const ids = new Set([...attributions.flatMap((a) => (a.statementId === null ? [] : [a.statementId])), ...listed]);
  return loadReferenced(ctx.loaders.statement, 'statement', [...ids]);
}

/** The document of a fact's first attribution. */
export function sourceOfFirst(ctx: GraphContext, attributions: readonly Attribution[]) {
  const first = attributions[0];
  if (!first) throw new Error('The store holds a fact without attributions.');
  return loadSource(ctx, first.sourceId);
}

/** A store's reference to a fact as the fact itself. */
export function factOfRef(ref: FactRef): FactRecord {
  if (ref.relation !== null) return ref.relation;
  if (ref.event !== null && isEventRecord(ref.event)) return ref.event;
  throw new Error('The store referred to a fact that is neither a relation nor an event.');
}

export const factResolvers: Resolvers = {
  Fact: {
    __resolveType: (fact) => (isEventRecord(fact) ? 'Event' : 'Edge'),
  },
  Edge: {
    start: async (edge, _args, ctx) => (await loadExisting(ctx, [edge.from]))[0]!,
    end: async (edge, _args, ctx) => (await loadExisting(ctx, [edge.to]))[0]!,
    claimants: (edge, _args, ctx) => loadExisting(ctx, claimantsOf(edge.attributions)),
    source: (edge, _args, ctx) => loadSource(ctx, edge.sourceId),
    evidence: (edge, _args, ctx) => evidenceOf(ctx, edge.attributions, edge.statementIds),
    topic: (edge: RelationRecord) => TOPIC_OF_RELATION_TYPE[edge.type],
  },
  Attribution: {
    claimant: (a, _args, ctx) => loadOptionalEntity(ctx, a.claimantId),
    via: (a, _args, ctx) => loadOptionalEntity(ctx, a.viaId),
    statement: async (a, _args, ctx) =>
      a.statementId === null ? null : (await loadReferenced(ctx.loaders.statement, 'statement', [a.statementId]))[0]!,
    source: (a, _args, ctx) => loadSource(ctx, a.sourceId),
  },
  TimeSpan: {
    precision: (time) => precisionOf(time),
    earliest: (time) => timeBounds(time).earliest,
    latest: (time) => timeBounds(time).latest,
  },
  Claim: {
    fact: (claim) => claim.fact,
    attribution: (claim) => claim.attribution,
  },
  ClaimGroup: {
    facts: (group) => [...group.facts],
    claims: (group) => [...group.claims],
  },
};
