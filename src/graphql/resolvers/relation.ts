/** Schema: `Relation`, `Statement`, `Source`, `Path` — provenance and the things it points to. */
import type { GraphContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { loadExisting } from './lookups.js';

async function loadOptionalEntity(ctx: GraphContext, id: string | null) {
  return id === null ? null : ((await loadExisting(ctx, [id]))[0] ?? null);
}

async function loadSource(ctx: GraphContext, id: string) {
  const source = await ctx.loaders.source.load(id);
  if (!source) throw new Error(`The store refers to source "${id}", which it does not hold.`);
  return source;
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
    statements: async (view, _args, ctx) => {
      const statements = await ctx.loaders.statement.loadMany(view.relation.statementIds);
      return statements.map((s, i) => {
        if (s instanceof Error) throw s;
        if (!s) throw new Error(`The store refers to statement "${view.relation.statementIds[i]}", which it does not hold.`);
        return s;
      });
    },
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
