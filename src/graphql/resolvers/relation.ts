/** Schema: `Relation`, `Statement`, `Source`, `Path` — provenance and the things it points to. */
import type { GraphContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { loadExisting, loadReferenced } from './lookups.js';

async function loadOptionalEntity(ctx: GraphContext, id: string | null) {
  return id === null ? null : ((await loadExisting(ctx, [id]))[0] ?? null);
}

async function loadSource(ctx: GraphContext, id: string) {
  return (await loadReferenced(ctx.loaders.source, 'source', [id]))[0]!;
}

export const relationResolvers: Resolvers = {
  Relation: {
    id: (view) => view.relation.id,
    type: (view) => view.relation.type,
    direction: (view) => view.direction,
    node: async (view, _args, ctx) => (await loadExisting(ctx, [view.otherId]))[0]!,
    status: (view) => view.relation.status,
    claimedBy: (view, _args, ctx) => loadOptionalEntity(ctx, view.relation.claimedBy),
    date: (view) => view.relation.date,
    source: (view, _args, ctx) => loadSource(ctx, view.relation.sourceId),
    statements: (view, _args, ctx) =>
      loadReferenced(ctx.loaders.statement, 'statement', view.relation.statementIds),
    qualifiers: (view) => view.relation.qualifiers,
  },
  Statement: {
    speaker: (statement, _args, ctx) => loadOptionalEntity(ctx, statement.speakerId),
    about: (statement, _args, ctx) => loadExisting(ctx, statement.aboutIds),
    source: (statement, _args, ctx) => loadSource(ctx, statement.sourceId),
    reportedVia: (statement, _args, ctx) => loadOptionalEntity(ctx, statement.reportedViaId),
  },
  Source: {
    statements: (source, _args, ctx) => ctx.loaders.statementsFromSource.load(source.id),
  },
  Path: {
    length: (path) => path.edges.length,
  },
};
