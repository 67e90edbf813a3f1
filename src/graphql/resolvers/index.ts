import { DateScalar } from '../date-scalar.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { entityResolvers } from './entity.js';
import { queryResolvers } from './query.js';
import { relationResolvers } from './relation.js';

export const resolvers: Resolvers = {
  Date: DateScalar,
  ...queryResolvers,
  ...entityResolvers,
  ...relationResolvers,
};
