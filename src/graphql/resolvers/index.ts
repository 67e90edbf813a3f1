import { DateScalar } from '../date-scalar.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { claimResolvers } from './claims.js';
import { connectionResolvers } from './connections.js';
import { entityResolvers } from './entity.js';
import { eventResolvers } from './events.js';
import { factResolvers } from './facts.js';
import { historyResolvers } from './history.js';
import { mutationResolvers } from './mutation.js';
import { pathResolvers } from './paths.js';
import { placeResolvers } from './places.js';
import { queryResolvers } from './query.js';
import { relationResolvers } from './relation.js';
import { resolutionResolvers } from './resolution.js';
import { reviewResolvers } from './review.js';
import { retractionResolvers } from './retraction.js';
import { searchResolvers } from './search.js';

/** One map per concern; makeExecutableSchema merges them (several add fields to `Query`). */
export const resolvers: Resolvers[] = [
  { Date: DateScalar },
  queryResolvers,
  pathResolvers,
  claimResolvers,
  connectionResolvers,
  entityResolvers,
  placeResolvers,
  eventResolvers,
  factResolvers,
  relationResolvers,
  searchResolvers,
  mutationResolvers,
  resolutionResolvers,
  reviewResolvers,
  historyResolvers,
  retractionResolvers,
];
