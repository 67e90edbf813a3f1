/** Schema: `Query.claims`: the facts about an entity, grouped so competing claims stand side by side. */
import { EVENT_TIES, factsAbout, groupClaims, isEventRecord } from '../../domain/claims.js';
import { CLAIM_TOPIC_NAMES, checkEnumList, checkId, checkIdList } from '../../domain/index.js';
import { ANY_RELATION } from '../../store/graph-store.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { loadExisting, relationsOf, requireEntity } from './lookups.js';

export const claimResolvers: Resolvers = {
  Query: {
    claims: async (_root, { aboutId, topics, claimantIds }, ctx) => {
      const id = checkId('aboutId', aboutId);
      const selection = {
        topics: checkEnumList(topics, CLAIM_TOPIC_NAMES),
        claimantIds: checkIdList('claimantIds', claimantIds),
      };
      const [entity] = await Promise.all([
        requireEntity(ctx, 'aboutId', id),
        ...(selection.claimantIds ?? []).map((claimant) => requireEntity(ctx, 'claimantIds', claimant)),
      ]);
      // The relations with the entity at an end, and the events its ties to events lead to.
      const views = await relationsOf(ctx, entity.id, ANY_RELATION, 'BOTH');
      const eventIds = views.filter((v) => EVENT_TIES.includes(v.relation.type)).map((v) => v.otherId);
      const events = (await loadExisting(ctx, [...new Set(eventIds)])).filter(isEventRecord);
      const facts = factsAbout(entity, views.map((v) => v.relation), events);
      return groupClaims(facts, selection);
    },
  },
};
