/**
 * The README's example queries, asked over HTTP of a real server on each store: both must
 * answer exactly what the README says.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readmeExamples } from '../support/readme-examples.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const examples = readmeExamples();
const neo4jUri = inject('neo4jUri');

describe('the README', () => {
  it('has at least five example queries with their answers', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });
});

const stores = [
  { store: 'embedded', env: {} as Record<string, string>, enabled: true },
  { store: 'Neo4j', env: { NEO4J_URI: neo4jUri ?? '' }, enabled: neo4jUri !== null },
];

describe.each(stores)('the README examples, over HTTP, on the $store store', ({ env, enabled }) => {
  let server: ServerProcess;
  beforeAll(async () => {
    if (enabled) server = await startServerProcess(env);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.skipIf(!enabled).each(examples)('answer "$title" as the README shows', async ({ query, expected }) => {
    expect(await server.graphql(query)).toEqual(expected);
  });
});
