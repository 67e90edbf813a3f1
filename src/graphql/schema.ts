/** The executable schema: the SDL files of schema/ (the contract), read once, with the resolvers. */
import { readFileSync, readdirSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { GraphContext } from './context.js';
import { capListLengths } from './list-limit.js';
import { resolvers } from './resolvers/index.js';
import { SCHEMA_DIR } from '../paths.js';

export { SCHEMA_DIR };

export function loadTypeDefs(): string {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(`${SCHEMA_DIR}${f}`, 'utf8'))
    .join('\n');
}

export interface SchemaOptions {
  /** The longest list any field may return (MAX_LIST_LENGTH). */
  readonly maxListLength: number;
}

export function buildGraphSchema({ maxListLength }: SchemaOptions): GraphQLSchema {
  const schema = makeExecutableSchema<GraphContext>({ typeDefs: loadTypeDefs(), resolvers });
  return capListLengths(schema, maxListLength);
}
