/**
 * The floor for the Neo4j benchmark: a bare node:http server that answers each benchmark question
 * by running exactly the Cypher the Neo4j store runs for it, over neo4j-driver, in the same
 * transactions (one read transaction per store call), with the same parameters. The query texts
 * are imported from src/store/neo4j, so they cannot drift from the adapter's.
 *
 *   NEO4J_URI=bolt://... PORT=N npx tsx tools/bench/neo4j-direct-server.ts
 *
 * POST /entity {id}, /search {text}, /shortestPath {from, to}, /neighborhood {id} and
 * /neighborhood-limited {id} (depth 2, limit 100) answer JSON.
 * What this server leaves out is what the GraphQL server adds: HTTP + GraphQL parsing, validation
 * and execution, DataLoaders, mapping rows to domain records (search excepted: its candidates
 * must be ranked by the domain to be an answer), limits and deadlines.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import neo4j, { type Integer, type ManagedTransaction, type Node } from 'neo4j-driver';
import { nodesThatFit, normalizeForSearch, rankSearchResults } from '../../src/domain/index.js';
import {
  NEIGHBORHOOD_CENTRE,
  neighborhoodLevelByIdWalkCypher,
  neighborhoodLevelCypher,
  neighborhoodNodesCypher,
  relationsAmongCypher,
  relationsJoiningCypher,
  shortestPathCypher,
} from '../../src/store/neo4j/cypher/explore.js';
import { ENTITIES_BY_IDS } from '../../src/store/neo4j/cypher/lookups.js';
import { entitiesWithRelationsCypher } from '../../src/store/neo4j/cypher/relations.js';
import { luceneQuery, SEARCH_ENTITY_CANDIDATES, SEARCH_ENTITY_SUBSTRING_PAGE } from '../../src/store/neo4j/cypher/search.js';
import { driverConfig } from '../../src/store/neo4j/executor.js';
import { SYMMETRIC_TYPES } from '../../src/store/neo4j/graph-model.js';
import { entityFromNode } from '../../src/store/neo4j/mapping.js';
import { idWalkLimit } from '../../src/store/neo4j/traversal.js';

const uri = process.env.NEO4J_URI;
if (!uri) throw new Error('NEO4J_URI is not set');
const port = Number(process.env.PORT ?? 0);
/** The GraphQL server's defaults: MAX_LIST_LENGTH and no relation filter. */
const MAX_LIST_LENGTH = Number(process.env.MAX_LIST_LENGTH ?? 1000);
const NO_FILTER = { types: null };

const driver = neo4j.driver(uri, undefined, driverConfig({ requestTimeoutMs: 30_000 }));

/** One read transaction, as the store's Executor runs each store call. */
async function read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(work, { timeout: 30_000 });
  } finally {
    await session.close();
  }
}

async function rows(cypher: string, params: Record<string, unknown>) {
  return read(async (tx) => (await tx.run(cypher, params)).records);
}

const idName = (n: Node) => ({ id: n.properties['id'] as string, name: n.properties['name'] as string });

/**
 * entity(id) { id name relations { type node { id name } } }: the entity with its relations and
 * their other ends in one query, as the store reads an entity asked for with its relations
 * (entitiesWithRelations): one transaction.
 */
async function entity({ id }: { id: string }) {
  // Capped as the server asks (RelationsQuery.cap = MAX_LIST_LENGTH): one relation past it means refused.
  const query = entitiesWithRelationsCypher(NO_FILTER, true);
  const found = await rows(query.text, {
    ...query.params,
    symmetricTypes: SYMMETRIC_TYPES,
    directions: ['OUT', 'IN', 'BOTH'],
    ids: [id],
    rowLimit: neo4j.int(MAX_LIST_LENGTH + 1),
  });
  const [row, ...rels] = found; // the entity's row first, then one per relation
  if (!row) return { entity: null };
  // The GraphQL server refuses a longer list.
  if (rels.length > MAX_LIST_LENGTH) return { error: 'RESULT_TOO_LARGE', relations: rels.length };
  return {
    entity: {
      ...idName(row.get('e') as Node),
      relations: rels.map((r) => ({ type: (r.get('r') as { type: string }).type, node: idName(r.get('other') as Node) })),
    },
  };
}

/**
 * search(text) { id name }: the page of substring hits Neo4j ranks, or when they do not fill it the
 * candidates, ranked by the domain as the store ranks them.
 */
async function search({ text }: { text: string }) {
  const normalized = normalizeForSearch(text);
  const first = 10;
  let found = await rows(SEARCH_ENTITY_SUBSTRING_PAGE, { text: normalized, wordStart: ` ${normalized}`, kinds: null, first: neo4j.int(first) });
  if (found.length < first) found = await rows(SEARCH_ENTITY_CANDIDATES, { text: normalized, words: luceneQuery(normalized), kinds: null });
  const ranked = rankSearchResults(found.map((r) => entityFromNode(r.get('n'))), normalized, first);
  return { search: ranked.map((m) => ({ id: m.entity.id, name: m.entity.name })) };
}

/** shortestPath(fromId, toId) { nodes { id } edges { id } }: the path; both ends looked up only when there is none. */
async function shortestPath({ from, to }: { from: string; to: string }) {
  const path = shortestPathCypher(6, NO_FILTER) // the default maxHops;
  const [row] = await rows(path.text, { ...path.params, fromId: from, toId: to, symmetricTypes: SYMMETRIC_TYPES, directed: false });
  if (!row) {
    // As the server does: the ends are looked up only when no path was found.
    const ends = await rows(ENTITIES_BY_IDS, { ids: [from, to] });
    return ends.length < 2 ? { error: 'NOT_FOUND' } : { shortestPath: null };
  }
  return {
    shortestPath: {
      nodes: (row.get('nodes') as Node[]).map((n) => ({ id: n.properties['id'] })),
      edges: (row.get('rels') as { r: { properties: Record<string, unknown> } }[]).map((e) => ({ id: e.r.properties['id'] })),
    },
  };
}

/**
 * neighborhood(id, depth: 2) { nodes { id } edges { id } }: one transaction, the walk and the
 * relations among the nodes it reached, as the store's neighborhood runs them.
 */
async function neighborhood({ id }: { id: string }) {
  // The server asks for at most MAX_LIST_LENGTH + 1 nodes (maxNodes): one more means refused; and
  // for at most MAX_LIST_LENGTH edges (maxEdges): one more row means refused.
  const walk = neighborhoodNodesCypher(2, NO_FILTER, 'any');
  const among = relationsAmongCypher(NO_FILTER, true);
  const result = await read(async (tx) => {
    const walked = await tx.run(walk.text, { ...walk.params, centreId: id, rowLimit: neo4j.int(MAX_LIST_LENGTH + 2) });
    const nodes = walked.records.map((r) => (r.get('n') as Node).properties['id'] as string);
    if (nodes.length > MAX_LIST_LENGTH + 1) return { nodes, edges: [] };
    const edges = (await tx.run(among.text, { ...among.params, centreId: id, ids: nodes, rowLimit: neo4j.int(MAX_LIST_LENGTH + 1) })).records.map(
      (r) => (r.get('r') as { properties: Record<string, unknown> }).properties['id'],
    );
    return { nodes, edges };
  });
  if (result.nodes.length === 0) return { error: 'NOT_FOUND' }; // the centre is the walk's first row
  if (result.nodes.length > MAX_LIST_LENGTH) return { error: 'RESULT_TOO_LARGE', nodes: result.nodes.length };
  if (result.edges.length > MAX_LIST_LENGTH) return { error: 'RESULT_TOO_LARGE', edges: result.edges.length };
  return { neighborhood: { nodes: result.nodes.map((n) => ({ id: n })), edges: result.edges.map((e) => ({ id: e })) } };
}

/** A count or a place: an Integer from Neo4j, or a float where a place came from a number parameter. */
const toNumber = (value: unknown) => (neo4j.isInt(value) ? (value as Integer).toNumber() : Number(value));

/** neighborhood(id, depth: 2, limit: 100) { nodes { id } edges { id } truncated }, as the store runs it. */
const LIMIT = 100;
async function neighborhoodLimited({ id }: { id: string }) {
  const level = neighborhoodLevelCypher(NO_FILTER);
  const walk = neighborhoodLevelByIdWalkCypher(NO_FILTER);
  const among = relationsAmongCypher(NO_FILTER, true);
  const joining = relationsJoiningCypher(NO_FILTER);
  const relationIds = (records: { get(key: string): unknown }[]) =>
    records.map((r) => (r.get('r') as { properties: Record<string, unknown> }).properties['id'] as string);
  const result = await read(async (tx) => {
    // The store reads the centre first, in the same transaction, with its degree and the number
    // of entities: a level from a busy frontier walks the ids in order (idWalkLimit), and is
    // expanded when the walk stops short.
    const [centre] = (await tx.run(NEIGHBORHOOD_CENTRE, { centreId: id })).records;
    if (!centre) return null;
    const entities = toNumber(centre.get('entities'));
    let reach = toNumber(centre.get('degree'));
    const nodes = [id];
    let frontier = [id];
    for (let hops = 1; hops <= 2 && frontier.length > 0 && nodes.length <= LIMIT; hops++) {
      const rowLimit = LIMIT + 1 - nodes.length;
      const params = { centreId: id, frontier, seen: nodes, rowLimit: neo4j.int(rowLimit) };
      const scanLimit = idWalkLimit({ reach, frontier: frontier.length, wanted: rowLimit, entities });
      let rows = scanLimit === undefined ? undefined : (await tx.run(walk.text, { ...walk.params, ...params, scanLimit: neo4j.int(scanLimit) })).records;
      if (rows === undefined || rows.length < rowLimit) rows = (await tx.run(level.text, { ...level.params, ...params })).records;
      const next = rows.map((r) => (r.get('n') as Node).properties['id'] as string);
      reach = rows.reduce((sum, r) => sum + toNumber(r.get('degree')), 0);
      nodes.push(...next);
      frontier = next;
    }
    const truncated = nodes.length > LIMIT;
    let ids = nodes.slice(0, LIMIT);
    const cap = { rowLimit: neo4j.int(MAX_LIST_LENGTH + 1) };
    let edges = relationIds((await tx.run(among.text, { ...among.params, centreId: id, ids, ...cap })).records);
    if (edges.length <= MAX_LIST_LENGTH && ids.length <= MAX_LIST_LENGTH) return { nodes: ids, edges, truncated };
    const place = Object.fromEntries(ids.map((n, i) => [n, i]));
    const joiningAt = new Array<number>(ids.length).fill(0);
    for (const r of (await tx.run(joining.text, { ...joining.params, centreId: id, ids, place })).records) {
      joiningAt[toNumber(r.get('joinsAt'))] = toNumber(r.get('relations'));
    }
    ids = ids.slice(0, nodesThatFit(joiningAt, MAX_LIST_LENGTH));
    edges = relationIds((await tx.run(among.text, { ...among.params, centreId: id, ids, ...cap })).records);
    return { nodes: ids, edges, truncated: true };
  });
  if (result === null) return { error: 'NOT_FOUND' };
  return { neighborhood: { nodes: result.nodes.map((n) => ({ id: n })), edges: result.edges.map((e) => ({ id: e })), truncated: result.truncated } };
}

const ROUTES: Record<string, (body: never) => Promise<unknown>> = {
  '/entity': entity,
  '/search': search,
  '/shortestPath': shortestPath,
  '/neighborhood': neighborhood,
  '/neighborhood-limited': neighborhoodLimited,
};

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const route = ROUTES[req.url ?? ''];
  if (req.url === '/healthz') {
    res.writeHead(200).end('ok');
    return;
  }
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  try {
    const answer = await route(JSON.parse(Buffer.concat(chunks).toString('utf8')) as never);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  } catch (error) {
    res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
  }
}

const server = createServer((req, res) => void handle(req, res));
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening on ${typeof address === 'object' && address ? address.port : port}\n`);
});
const stop = () => server.close(() => void driver.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
