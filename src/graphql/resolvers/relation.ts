/** Schema: `Relation`, `Statement`, `Source`, `Path`, `Subgraph` — provenance and the things it points to. */
import { listTooLong } from '../list-limit.js';
import { pathLength, stepsOf } from '../../store/path-steps.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { factOfRef } from './facts.js';
import { existingEntity, loadExisting, loadOptionalEntity, loadReferenced, loadSource } from './lookups.js';

export const relationResolvers: Resolvers = {
  Relation: {
    id: (view) => view.relation.id,
    type: (view) => view.relation.type,
    direction: (view) => view.direction,
    node: (view, _args, ctx) => existingEntity(ctx, view.otherId),
    status: (view) => view.relation.status,
    claimedBy: (view, _args, ctx) => loadOptionalEntity(ctx, view.relation.claimedBy),
    date: (view) => view.relation.date,
    time: (view) => view.relation.time,
    attributions: (view) => [...view.relation.attributions],
    source: (view, _args, ctx) => loadSource(ctx, view.relation.sourceId),
    statements: (view, _args, ctx) =>
      loadReferenced(ctx.loaders.statement, 'statement', view.relation.statementIds),
    qualifiers: (view) => view.relation.qualifiers,
    edge: (view) => view.relation,
  },
  Statement: {
    speaker: (statement, _args, ctx) => loadOptionalEntity(ctx, statement.speakerId),
    about: (statement, _args, ctx) => loadExisting(ctx, statement.aboutIds),
    source: (statement, _args, ctx) => loadSource(ctx, statement.sourceId),
    reportedVia: (statement, _args, ctx) => loadOptionalEntity(ctx, statement.reportedViaId),
    supports: async (statement, _args, ctx) =>
      (await ctx.loaders.factsSupportedBy.load(statement.id)).map(factOfRef),
  },
  Source: {
    statements: (source, _args, ctx) => ctx.loaders.statementsFromSource.load(source.id),
  },
  Path: {
    length: (path) => pathLength(path),
    steps: (path) => [...stepsOf(path)],
  },
  PathStep: {
    edge: (step) => step.relation,
    hops: (step) => (step.statement === null ? 1 : 2),
  },
  Subgraph: {
    // A store that stopped listing edges past MAX_LIST_LENGTH knows only that there are more.
    edges: (subgraph, _args, ctx, info) => {
      if (subgraph.edgesCut) throw listTooLong(`${info.parentType.name}.edges`, subgraph.edges.length, ctx.maxListLength, false);
      return [...subgraph.edges];
    },
    truncated: (subgraph) => subgraph.truncated ?? false,
  },
};
