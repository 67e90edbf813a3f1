/** Schema: `scalar Date`, ISO 8601 calendar dates (`YYYY-MM-DD`). */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate } from '../domain/index.js';

function parseDate(value: unknown): string {
  if (typeof value === 'string' && isIsoDate(value)) return value;
  throw new GraphQLError(
    `Date must be a calendar date written YYYY-MM-DD; got ${JSON.stringify(value)}.`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, serialised as ISO 8601 `YYYY-MM-DD`.',
  serialize: (value) => {
    if (typeof value === 'string' && isIsoDate(value)) return value;
    throw new GraphQLError(`A stored date is not YYYY-MM-DD: ${JSON.stringify(value)}.`);
  },
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
