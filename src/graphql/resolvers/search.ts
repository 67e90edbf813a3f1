/**
 * Schema: `Query.searchEntities` and `Query.searchStatements` (schema/search.graphql): the hits of
 * the store's ranked search, with their scores, as the domain scored them.
 */
import {
  checkFirst,
  checkId,
  checkKinds,
  checkSearchText,
  checkWindow,
  MatchTier,
  type SearchMatch,
  type StatementMatch,
} from '../../domain/index.js';
import type { Resolvers, ResolversTypes, SearchMatchKind } from '../generated/resolvers-types.js';

/** The schema's name for a domain tier; typed by MatchTier, so a new tier fails to compile here. */
const MATCH_KINDS: Readonly<Record<MatchTier, SearchMatchKind>> = {
  [MatchTier.EXACT]: 'EXACT',
  [MatchTier.PREFIX]: 'PREFIX',
  [MatchTier.WORD_PREFIX]: 'WORD_PREFIX',
  [MatchTier.SUBSTRING]: 'SUBSTRING',
  [MatchTier.WORDS]: 'WORDS',
  [MatchTier.FUZZY]: 'FUZZY',
  [MatchTier.PHRASE]: 'PHRASE',
};

function entityHit({ entity, score, field, tier, matched }: SearchMatch): ResolversTypes['EntityHit'] {
  return { entity, score, field, match: MATCH_KINDS[tier], matchedText: matched };
}

function statementHit({ statement, score, tier }: StatementMatch): ResolversTypes['StatementHit'] {
  return { statement, score, match: MATCH_KINDS[tier] };
}

export const searchResolvers: Resolvers = {
  Query: {
    searchEntities: async (_root, { text, kinds, first }, ctx) => {
      const matches = await ctx.store.search(
        { text: checkSearchText(text), kinds: checkKinds(kinds), first: checkFirst(first ?? 10) },
        ctx.read,
      );
      for (const { entity } of matches) ctx.loaders.keepEntity(entity.id, entity);
      return matches.map(entityHit);
    },

    searchStatements: async (_root, { text, first, speakerId, from, to }, ctx) => {
      const matches = await ctx.store.searchStatements(
        {
          text: checkSearchText(text),
          first: checkFirst(first ?? 10),
          speakerId: speakerId == null ? null : checkId('speakerId', speakerId),
          window: from == null && to == null ? null : checkWindow(from, to),
        },
        ctx.read,
      );
      return matches.map(statementHit);
    },
  },
};
