/**
 * Schema: `Mutation.retract` and the `retraction` of facts and attributions
 * (schema/history.graphql): what was taken back stays readable, marked with who, when and why.
 */
import type { Resolvers } from '../generated/resolvers-types.js';
import { forget, writes } from './mutation.js';

export const retractionResolvers: Resolvers = {
  Mutation: {
    retract: async (_root, { input, idempotencyKey }, ctx) => {
      const written = await writes(ctx).retract(
        ctx.viewer,
        { factId: input.factId, attributionIndex: input.attributionIndex ?? null, reason: input.reason },
        { idempotencyKey },
      );
      forget(ctx, 'from' in written ? [written.from, written.to] : [written.id]);
      return written;
    },
  },
  Edge: { retraction: (relation) => relation.retraction ?? null },
  Relation: { retraction: (view) => view.relation.retraction ?? null },
  Event: { retraction: (event) => event.event.retraction ?? null },
  Attribution: { retraction: (attribution) => attribution.retraction ?? null },
};
