/** neighborhood, shortestPath and paths over the Neo4j store (orders as in the header of graph-store.ts). */
import neo4j from 'neo4j-driver';
import { nodesThatFit, type EntityRecord } from '../../domain/index.js';
import type { NeighborhoodQuery, PathQuery, PathResult, RelationFilter, SubgraphResult, TooManyNodes } from '../graph-store.js';
import {
  kShortestPathsCypher,
  NEIGHBORHOOD_CENTRE,
  neighborhoodLevelByIdWalkCypher,
  neighborhoodLevelCypher,
  neighborhoodNodesCypher,
  relationsAmongCypher,
  relationsJoiningCypher,
  shortestPathCypher,
} from './cypher/explore.js';
import { ENTITIES_BY_IDS } from './cypher/lookups.js';
import type { QueryRunner } from './executor.js';
import { MAX_PATH_HOPS, SYMMETRIC_TYPES } from './graph-model.js';
import { pathFromWalk, type WalkNode } from '../path-steps.js';
import { entityFromNode, relationFromRow, statementFromNode, type Row } from './mapping.js';

export async function neighborhoodIn(
  tx: QueryRunner,
  centreId: string,
  { depth, filter, limit, maxNodes, maxItems, maxEdges }: NeighborhoodQuery,
): Promise<SubgraphResult | TooManyNodes | null> {
  const limited = limit !== undefined;
  if (depth === 0) {
    // A quantifier cannot be {0,0}; the centre alone has no relation among itself (no self-loops).
    const [row] = await tx.run(ENTITIES_BY_IDS, { ids: [centreId] });
    if (!row) return null;
    return { nodes: [entityFromNode(row['n'])], edges: [], ...(limited && { truncated: false }) };
  }
  let nodes: EntityRecord[];
  let truncated = false;
  if (limited) {
    // One node more than the limit says whether any was left out.
    const found = await nearestNodesIn(tx, centreId, depth, filter, limit + 1);
    if (found === null) return null;
    truncated = found.length > limit;
    nodes = truncated ? found.slice(0, limit) : found;
  } else {
    // One row past maxNodes says the answer will be refused: the relations among the nodes (a
    // hub's neighbourhood brings most of the graph's) are then never read. An infinite maxNodes
    // (no list cap configured) is no cap: LIMIT takes only an integer.
    const cap = maxNodes !== undefined && Number.isFinite(maxNodes) ? maxNodes : undefined;
    const walk = neighborhoodNodesCypher(depth, filter, cap !== undefined ? 'any' : 'none');
    const rows = await tx.run(walk.text, { ...walk.params, centreId, ...(cap !== undefined && { rowLimit: neo4j.int(cap + 1) }) });
    if (rows.length === 0) return null; // the centre itself is always a row at 0 hops
    if (cap !== undefined && rows.length > cap) return { tooManyNodes: true, atLeast: rows.length };
    // Rows come by hops, then id: the centre (the only node at 0 hops) first.
    nodes = rows.map((row) => entityFromNode(row['n']));
  }
  const ids = nodes.map((n) => n.id);
  const fit = limited && maxItems !== undefined && Number.isFinite(maxItems) ? maxItems : undefined;
  if (fit === undefined) {
    // Without a limit, an edges list past maxEdges is refused: one row past it is enough to know.
    const cut = !limited && maxEdges !== undefined && Number.isFinite(maxEdges) ? maxEdges : undefined;
    const among = relationsAmongCypher(filter, cut !== undefined);
    const edgeRows = await tx.run(among.text, { ...among.params, centreId, ids, ...(cut !== undefined && { rowLimit: neo4j.int(cut + 1) }) });
    const edgesCut = cut !== undefined && edgeRows.length > cut;
    return { nodes, edges: edgeRows.map(relationFromRow), ...(limited && { truncated }), ...(edgesCut && { edgesCut }) };
  }
  // The caller answers at most `fit` items: one relation past it says the nodes must be cut, and a
  // median node's nearest hundred can hold tens of thousands of relations between two hubs.
  const among = relationsAmongCypher(filter, true);
  const edgeRows = await tx.run(among.text, { ...among.params, centreId, ids, rowLimit: neo4j.int(fit + 1) });
  if (edgeRows.length <= fit && nodes.length <= fit) return { nodes, edges: edgeRows.map(relationFromRow), truncated };
  const kept = await nearestThatFitIn(tx, centreId, ids, filter, fit);
  const keptRows = await tx.run(among.text, { ...among.params, centreId, ids: ids.slice(0, kept), rowLimit: neo4j.int(fit + 1) });
  return { nodes: nodes.slice(0, kept), edges: keptRows.map(relationFromRow), truncated: true };
}

/**
 * The first `wanted` entities within `depth` of the centre, by hops then id, the centre first; null
 * when the centre is unknown. A level at a time, each the first ones by id a step from the level
 * before (neighborhoodLevelCypher), so no more of a level is read and sorted than the answer takes;
 * a level whose frontier has many relationships walks the ids in order instead
 * (neighborhoodLevelByIdWalkCypher, when idWalkLimit allows), and expands only if the walk stops
 * short.
 */
async function nearestNodesIn(tx: QueryRunner, centreId: string, depth: number, filter: RelationFilter, wanted: number): Promise<EntityRecord[] | null> {
  const [centre] = await tx.run(NEIGHBORHOOD_CENTRE, { centreId });
  if (!centre) return null;
  const entities = Number(centre['entities']);
  const nodes = [entityFromNode(centre['n'])];
  const expand = neighborhoodLevelCypher(filter);
  const walk = neighborhoodLevelByIdWalkCypher(filter);
  let frontier = [centreId];
  let reach = Number(centre['degree']);
  for (let hops = 1; hops <= depth && frontier.length > 0 && nodes.length < wanted; hops++) {
    const rowLimit = wanted - nodes.length;
    const params = { centreId, frontier, seen: nodes.map((n) => n.id), rowLimit: neo4j.int(rowLimit) };
    const scanLimit = mayWalkIds(filter) ? idWalkLimit({ reach, frontier: frontier.length, wanted: rowLimit, entities }) : undefined;
    let rows = scanLimit === undefined ? undefined : await tx.run(walk.text, { ...walk.params, ...params, scanLimit: neo4j.int(scanLimit) });
    if (rows === undefined || rows.length < rowLimit) rows = await tx.run(expand.text, { ...expand.params, ...params });
    const found = rows.map((row) => entityFromNode(row['n']));
    nodes.push(...found);
    frontier = found.map((n) => n.id);
    reach = rows.reduce((sum, row) => sum + Number(row['degree']), 0);
  }
  return nodes;
}

/**
 * Whether a level with this filter may walk the ids from a busy frontier. A filter's share of the
 * frontier's relationships is not known without reading them: the walk is chosen as if all
 * passed, and when fewer do (a narrow window, a claimant) it stops short and the level is expanded.
 * Not with relation types: expanding a busy node reads only its relationships of those types, far
 * fewer than `reach`, so the expansion is cheaper than the walk (measured at 1M relations: a
 * hub's MEMBER_OF neighbours 33-53 ms expanded, 72-110 ms walked). With a window of a year the walk
 * took 76-100 ms where the expansion took 182-286 ms; with a day's window or a claimant, where it
 * stops short, 15-45 % more than the expansion alone (a walk allowed half as many ids lost
 * the gain on a 30k-relationship hub and saved little).
 */
function mayWalkIds(filter: RelationFilter): boolean {
  return filter.types == null;
}

/** What a level of a limited neighbourhood knows before it reads: see idWalkLimit. */
export interface LevelShape {
  /** The frontier's relationships, all types (what expanding it reads at most). */
  readonly reach: number;
  /** How many nodes the frontier has (what each id of a walk is checked against). */
  readonly frontier: number;
  /** How many nodes the level may still add. */
  readonly wanted: number;
  /** How many entities the graph has (the ids a walk could read). */
  readonly entities: number;
}

/**
 * How many ids in order a level may read instead of expanding its frontier; undefined: expand.
 * Expanding reads each of the frontier's `reach` relationships (about 1 µs each on Neo4j 5.26,
 * 2 cores); the walk checks each id it reads against every frontier node (1-15 µs a pair, the
 * most when the frontier is a hub), and may read a tenth of `reach` pairs. It is taken when, were
 * the frontier's neighbours spread evenly among the ids, it would find the `wanted` within half
 * of that. When they are not (the neighbours come late in id order), the walk stops short and the
 * level is expanded after it: at worst about 2.5 times the expansion alone. At 1M relations a
 * level from a hub's frontier took 50-60 ms expanded and 6-8 ms walked.
 */
export function idWalkLimit({ reach, frontier, wanted, entities }: LevelShape): number | undefined {
  if (reach <= 0 || frontier <= 0 || wanted <= 0) return undefined;
  const affordable = Math.floor(reach / (5 * frontier) / 2);
  const expected = (wanted * entities) / reach;
  return expected * 2 <= affordable ? affordable : undefined;
}

/**
 * How many of `ids`, from the first, `nearestThatFit` of the domain keeps, from the relations
 * joining the list at each place, counted in Neo4j: no relationship is sent to be counted.
 */
async function nearestThatFitIn(tx: QueryRunner, centreId: string, ids: readonly string[], filter: RelationFilter, fit: number): Promise<number> {
  const joining = relationsJoiningCypher(filter);
  const place = Object.fromEntries(ids.map((id, i) => [id, i]));
  const rows = await tx.run(joining.text, { ...joining.params, centreId, ids, place });
  const joiningAt = new Array<number>(ids.length).fill(0);
  for (const row of rows) joiningAt[Number(row['joinsAt'])] = Number(row['relations']);
  return nodesThatFit(joiningAt, fit);
}

export async function shortestPathIn(
  tx: QueryRunner,
  fromId: string,
  toId: string,
  { maxHops, filter, directed, throughStatements = false }: PathQuery,
): Promise<PathResult | null> {
  if (fromId === toId) return pathOfOne(tx, fromId, throughStatements);
  const path = shortestPathCypher(maxHops, filter, throughStatements);
  const [row] = await tx.run(path.text, {
    ...path.params,
    fromId,
    toId,
    symmetricTypes: SYMMETRIC_TYPES,
    directed,
  });
  if (!row) return null; // an unknown end, or no path within maxHops
  return pathFromRow(row, throughStatements);
}

/**
 * The first `query.first` loopless paths, shortest first, ties by node ids then relation ids: what
 * Yen's algorithm gives with that tie-break. Asks Neo4j for the paths of the k shortest lengths
 * (kShortestPathsCypher), k starting at 1 and doubling while fewer loopless paths than wanted are
 * found, up to every length within maxHops. No path at all shows at once: the shortest trail
 * between two nodes is always loopless, so an empty first answer means there is none. A group holds
 * every path of its length, and between two entities near hubs the second and third lengths hold
 * millions: starting at `first` groups, `paths(first: 3)` between two entities with three paths of
 * the shortest length ran past the deadline at 100k relations.
 */
export async function pathsIn(tx: QueryRunner, fromId: string, toId: string, query: PathQuery): Promise<PathResult[]> {
  const first = query.first ?? 1;
  const through = query.throughStatements ?? false;
  if (fromId === toId) {
    const alone = await pathOfOne(tx, fromId, through);
    return alone ? [alone] : [];
  }
  const maxHops = Math.min(query.maxHops, MAX_PATH_HOPS);
  for (let groups = 1; ; groups = Math.min(groups * 2, maxHops)) {
    const cypher = kShortestPathsCypher(maxHops, groups, query.filter, through);
    const rows = await tx.run(cypher.text, {
      ...cypher.params,
      fromId,
      toId,
      symmetricTypes: SYMMETRIC_TYPES,
      directed: query.directed,
      rowLimit: neo4j.int(first),
    });
    if (rows.length >= first || rows.length === 0 || groups >= maxHops) return rows.map((row) => pathFromRow(row, through));
  }
}

async function pathOfOne(tx: QueryRunner, id: string, throughStatements: boolean): Promise<PathResult | null> {
  const [row] = await tx.run(ENTITIES_BY_IDS, { ids: [id] });
  if (!row) return null;
  return { nodes: [entityFromNode(row['n'])], edges: [], ...(throughStatements && { steps: [] }) };
}

function pathFromRow(row: Row, throughStatements: boolean): PathResult {
  if (throughStatements) {
    const isStatement = asList(row['isStatement']);
    const nodes = asList(row['nodes']).map((n, i): WalkNode =>
      isStatement[i] === true ? { statement: statementFromNode(n) } : { entity: entityFromNode(n) },
    );
    return pathFromWalk(nodes, asList(row['rels']).map((r) => (r === null ? null : relationFromRow(r as Row))));
  }
  const nodes: EntityRecord[] = asList(row['nodes']).map(entityFromNode);
  const edges = asList(row['rels']).map((r) => relationFromRow(r as Row));
  return { nodes, edges };
}

function asList(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error('Neo4j returned a path without its list of nodes or relations.');
  return value;
}
