/**
 * The comparison for the Neo4j benchmark: the Neo4j GraphQL Library (`@neo4j/graphql` 7) serving
 * the same graph, set up as its documentation does (Apollo Server standalone, the driver in the
 * library's constructor), with type definitions mapping the project's labels and relationship types:
 *
 *   NEO4J_URI=bolt://... PORT=N npx tsx tools/bench/neo4j-graphql-library-server.ts
 *
 * - `Entity` is every (:Entity) node; each relation type of the vocabulary is two relationship
 *   fields (`<type>Out`, `<type>In`), so `entity(id) { relations { type node } }` is the 34
 *   `…Connection` fields of one entity (the same rows: every relation, with the other end);
 * - search has no counterpart in the library short of a custom query: `entities(where:
 *   {searchText: {contains}}, limit: 10)` over the same folded names (the substring tiers only);
 * - shortestPath and neighborhood have none at all: they are `@cypher` queries running the store's
 *   own path and walk Cypher (its parameters written in), so the library adds only its own cost.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import { RELATION_TYPE_NAMES } from '../../src/domain/index.js';
import { neighborhoodNodesCypher, shortestPathCypher } from '../../src/store/neo4j/cypher/explore.js';
import { SYMMETRIC_TYPES } from '../../src/store/neo4j/graph-model.js';
import { fieldName } from './common.js';

const uri = process.env.NEO4J_URI;
if (!uri) throw new Error('NEO4J_URI is not set');
const port = Number(process.env.PORT ?? 4000);

const list = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;

/** The store's Cypher with its fixed parameters written in (the library passes only field arguments). */
function withFixedParams(text: string): string {
  return text
    .replaceAll('$filterTypes', list(RELATION_TYPE_NAMES))
    .replaceAll('$symmetricTypes', list(SYMMETRIC_TYPES))
    .replaceAll('$directed', 'false')
    .replaceAll('\\', '\\\\')
    .replaceAll('"', '\\"');
}

const path = withFixedParams(shortestPathCypher(6, { types: null }).text).replace(
  /RETURN nodes\(p\) AS nodes[\s\S]*$/,
  'UNWIND nodes(p) AS n RETURN n',
);
const walk = withFixedParams(neighborhoodNodesCypher(2, { types: null }).text);

const relationshipFields = RELATION_TYPE_NAMES.flatMap((type) => [
  `  ${fieldName(type)}Out: [Entity!]! @relationship(type: "${type}", direction: OUT, properties: "Relation")`,
  `  ${fieldName(type)}In: [Entity!]! @relationship(type: "${type}", direction: IN, properties: "Relation")`,
]).join('\n');

const typeDefs = `
type Entity @node(labels: ["Entity"]) {
  id: ID!
  name: String!
  kind: String!
  searchText: String
${relationshipFields}
}

type Relation @relationshipProperties {
  id: ID!
  status: String
}

type Query {
  shortestPath(fromId: ID!, toId: ID!): [Entity!]! @cypher(statement: """${path}""", columnName: "n")
  neighborhood(centreId: ID!): [Entity!]! @cypher(statement: """${walk}""", columnName: "n")
}
`;

async function main(): Promise<void> {
  const driver = neo4j.driver(uri!, undefined, { maxConnectionPoolSize: 50 });
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  process.stdout.write(`listening at ${url}\n`);
  const stop = () => void server.stop().then(() => driver.close()).then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`neo4j-graphql-library-server: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
