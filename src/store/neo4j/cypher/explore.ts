import { checkedHopBound, MAX_NEIGHBORHOOD_DEPTH, MAX_PATH_HOPS } from '../graph-model.js';
import type { RelationFilter } from '../../graph-store.js';
import { relationFilterCypher, type CypherQuery } from './relation-filter.js';

/** How many relationships a node has (from its relationship groups when it is dense: no expansion). */
const DEGREE = (node: string) => `COUNT { (${node})--() }`;

/**
 * neighborhood (schema `Query.neighborhood`): every entity within `depth` hops of $centreId (the
 * centre included, at 0), walking relations that pass `filter` (relationFilterCypher) in
 * either direction, with its hop distance, ordered by hops, then id.
 * ANY SHORTEST to each reachable node is a breadth-first search. The quantifier bound cannot be a
 * parameter: only the validated integer `depth` (1..LIMITS.maxNeighborhoodDepth) is spliced in.
 * With `cut: 'any'` the walk stops once it has found $rowLimit nodes, whichever they are, for a
 * caller that only needs to know whether there are more (a hub's walk ends within its first hop);
 * fewer rows than $rowLimit are the whole neighbourhood, in order. (The first nodes in order, for a
 * `limit`, are neighborhoodLevelCypher's.)
 */
export function neighborhoodNodesCypher(depth: number, filter: RelationFilter, cut: 'none' | 'any' = 'none'): CypherQuery {
  const bound = checkedHopBound(depth, 1, MAX_NEIGHBORHOOD_DEPTH);
  const relation = relationFilterCypher(filter, 'r', '[$centreId]');
  const walk = `
MATCH (c:Entity {id: $centreId})
MATCH p = ANY SHORTEST (c) ((x:Entity)-[r]-(y:Entity) WHERE ${relation.where}){0,${bound}} (n:Entity)`;
  const order = 'ORDER BY hops, n.id';
  const tail =
    cut === 'any'
      ? `\nWITH n, length(p) AS hops\nLIMIT $rowLimit\nRETURN n, hops\n${order}`
      : `\nRETURN n, length(p) AS hops\n${order}`;
  return { params: relation.params, text: walk + tail };
}

/**
 * neighborhood with a limit, one level at a time: the first $rowLimit entities by id a step from
 * any of $frontier (ids) over relations that pass `filter` (around $centreId), in either
 * direction, leaving out $seen (the ids of earlier levels). A top-k sort of the frontier's
 * relationships: the walk of the whole neighbourhood (neighborhoodNodesCypher) makes a path to every
 * node within `depth` and sorts them all, which took half a second for a median node of a 100k
 * graph and half a minute for a hub, to list a hundred.
 */
export function neighborhoodLevelCypher(filter: RelationFilter): CypherQuery {
  const relation = relationFilterCypher(filter, 'r', '[$centreId]');
  return {
    params: relation.params,
    text: `
UNWIND $frontier AS fid
MATCH (f:Entity {id: fid})-[r]-(n:Entity)
WHERE ${relation.where} AND NOT n.id IN $seen
WITH DISTINCT n
ORDER BY n.id
LIMIT $rowLimit
RETURN n, ${DEGREE('n')} AS degree`,
  };
}

/**
 * neighborhood: the centre $centreId with its degree, and how many entities there are (the count
 * store): what the first level needs to choose between neighborhoodLevelCypher and
 * neighborhoodLevelByIdWalkCypher.
 */
export const NEIGHBORHOOD_CENTRE = `
MATCH (n:Entity {id: $centreId})
CALL () {
  MATCH (e:Entity)
  RETURN count(e) AS entities
}
RETURN n, ${DEGREE('n')} AS degree, entities`;

/**
 * neighborhood with a limit, a level whose frontier is busy: the rows of neighborhoodLevelCypher,
 * found by walking entities in id order (the id index) and keeping those a passing relation joins
 * to the frontier, without reading the frontier's other relationships. A hub's neighbours are
 * many, so the first of them by id come early in the walk. At most $scanLimit ids are read: fewer
 * than $rowLimit rows say only that the walk stopped short (the caller then expands).
 */
export function neighborhoodLevelByIdWalkCypher(filter: RelationFilter): CypherQuery {
  const relation = relationFilterCypher(filter, 'r', '[$centreId]');
  return {
    params: relation.params,
    text: `
UNWIND $frontier AS fid
MATCH (f:Entity {id: fid})
WITH collect(f) AS frontier
MATCH (n:Entity)
WHERE n.id >= ''
WITH frontier, n
ORDER BY n.id
LIMIT $scanLimit
WITH n
WHERE NOT n.id IN $seen AND EXISTS {
  UNWIND frontier AS f
  MATCH (n)-[r]-(f)
  WHERE ${relation.where}
}
RETURN n, ${DEGREE('n')} AS degree
LIMIT $rowLimit`,
  };
}

/**
 * neighborhood: each relation r that passes `filter` between entities of $ids (around $centreId),
 * once, found from its end with fewer relationships (a, ties by id; b the other end): a hub among
 * the nodes is expanded only for the relations it has with busier nodes, not for all of them.
 * Expanding every node's relationships read a hub's tens of thousands to find the few that
 * join it to the others.
 */
function relationsAmong(filter: RelationFilter): CypherQuery {
  const relation = relationFilterCypher(filter, 'r', '[$centreId]');
  return {
    params: relation.params,
    text: `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH n
ORDER BY ${DEGREE('n')}, n.id
WITH collect(n) AS nodes
UNWIND range(0, size(nodes) - 2) AS i
WITH nodes[i] AS a, nodes[i + 1..] AS busier
MATCH (a)-[r]-(b)
WHERE b IN busier AND ${relation.where}`,
  };
}

/**
 * neighborhood: the relations that pass `filter` between entities of $ids (around $centreId), by
 * id; with `capped`, only the first $rowLimit of them.
 */
export function relationsAmongCypher(filter: RelationFilter, capped = false): CypherQuery {
  const among = relationsAmong(filter);
  return {
    params: among.params,
    text: `${among.text}
RETURN r, startNode(r).id AS fromId, endNode(r).id AS toId
ORDER BY r.id${capped ? '\nLIMIT $rowLimit' : ''}`,
  };
}

/**
 * neighborhood: how many of the relations among $ids (as relationsAmongCypher) join the list at
 * each place, a relation joining at the later of its two ends' places ($place: id → place).
 */
export function relationsJoiningCypher(filter: RelationFilter): CypherQuery {
  const among = relationsAmong(filter);
  return {
    params: among.params,
    text: `${among.text}
WITH $place[a.id] AS x, $place[b.id] AS y
RETURN CASE WHEN x > y THEN x ELSE y END AS joinsAt, count(*) AS relations`,
  };
}

/**
 * shortestPath (schema `Query.shortestPath`): of all shortest paths from $fromId to $toId over
 * relations that pass `filter` (relationFilterCypher), the first by node ids, then relation ids.
 * With $directed a relation is followed only from its start (`startNode(r) = x`) unless its type
 * is in $symmetricTypes, which are stored once but walkable both ways: a quantified path pattern with that predicate inside is a
 * pre-filter of ALL SHORTEST (Neo4j 5.21+), which `allShortestPaths((a)-[*]->(b))` cannot express.
 * The hop bound cannot be a parameter: only the validated integer `maxHops`
 * (1..LIMITS.maxPathHops) is spliced in. With `throughStatements`, statements are nodes of the
 * walk too (pathStepCypher).
 */
export function shortestPathCypher(maxHops: number, filter: RelationFilter, throughStatements = false): CypherQuery {
  const bound = checkedHopBound(maxHops, 1, MAX_PATH_HOPS);
  const step = pathStepCypher(filter, throughStatements);
  return {
    params: step.params,
    text: `
MATCH (a:Entity {id: $fromId})
MATCH (b:Entity {id: $toId})
MATCH p = ALL SHORTEST (a) (${step.pattern}
    WHERE ${step.where}
  ){1,${bound}} (b)
WITH p
ORDER BY ${PATH_ORDER}
LIMIT 1
${PATH_RETURN}`,
  };
}

/**
 * paths (schema `Query.paths`): the loopless paths from $fromId to $toId among the `groups`
 * shortest lengths, over relations that pass `filter` (and $directed as in shortestPathCypher),
 * shortest first, then by node ids, then relation ids; at most $rowLimit.
 * `SHORTEST k GROUPS` gives every path (a trail: no relation twice) whose length is one of the k
 * shortest, so the loopless ones of those lengths are all there; the caller asks for more groups
 * while fewer than it wants are found (pathsIn). Neo4j's own order within a group is unspecified,
 * hence the ORDER BY. Neither bound can be a parameter: only validated integers are spliced in.
 */
export function kShortestPathsCypher(
  maxHops: number,
  groups: number,
  filter: RelationFilter,
  throughStatements = false,
): CypherQuery {
  const bound = checkedHopBound(maxHops, 1, MAX_PATH_HOPS);
  const k = checkedHopBound(groups, 1, MAX_PATH_HOPS);
  const step = pathStepCypher(filter, throughStatements);
  return {
    params: step.params,
    text: `
MATCH (a:Entity {id: $fromId})
MATCH (b:Entity {id: $toId})
MATCH p = SHORTEST ${k} GROUPS (a) (${step.pattern}
    WHERE ${step.where}
  ){1,${bound}} (b)
WITH p, nodes(p) AS ns
WHERE all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])
WITH p ORDER BY length(p), ${PATH_ORDER}
LIMIT $rowLimit
${PATH_RETURN}`,
  };
}

/**
 * Node ids, then relation ids (the port's order). Through statements, a statement's id is among
 * the node ids and its SAID / ABOUT links, which have no id, count as '' (equal node ids make them
 * the same links).
 */
const PATH_ORDER = `[n IN nodes(p) | n.id], [rel IN relationships(p) | coalesce(rel.id, '')]`;

/** The path's nodes (entities, and statements when walked through: `isStatement` says which), and its relations (null for a SAID / ABOUT link). */
const PATH_RETURN = `RETURN nodes(p) AS nodes, [n IN nodes(p) | n:Statement] AS isStatement,
  [rel IN relationships(p) | CASE WHEN rel.id IS NULL THEN null ELSE {r: rel, fromId: startNode(rel).id, toId: endNode(rel).id} END] AS rels`;

/**
 * One hop of a path: a relation that passes `filter`, and with $directed taken from its start
 * unless its type is in $symmetricTypes. Through statements (PathQuery.throughStatements), also a
 * statement's link: SAID from the speaker, ABOUT to a subject other than the speaker (a statement
 * about its own speaker joins them once), directed from the link's start, its entity end passing
 * the filter's kinds clause or being an end of the path.
 */
function pathStepCypher(
  filter: RelationFilter,
  throughStatements: boolean,
): { pattern: string; where: string; params: Readonly<Record<string, unknown>> } {
  const relation = relationFilterCypher(filter, 'r', '[$fromId, $toId]');
  const relationStep = `${relation.where} AND (NOT $directed OR type(r) IN $symmetricTypes OR startNode(r) = x)`;
  if (!throughStatements) return { pattern: '(x:Entity)-[r]-(y:Entity)', where: relationStep, params: relation.params };
  const kindsOf = (end: string) =>
    filter.kinds == null ? 'true' : `(${end}.kind IN $filterKinds OR ${end}.id IN [$fromId, $toId])`;
  const params = filter.kinds == null ? relation.params : { ...relation.params, filterKinds: [...filter.kinds] };
  const linkStep =
    `((type(r) = 'SAID' AND startNode(r):Entity AND endNode(r):Statement AND ${kindsOf('startNode(r)')})` +
    ` OR (type(r) = 'ABOUT' AND startNode(r):Statement AND endNode(r):Entity` +
    ` AND endNode(r).id <> coalesce(startNode(r).speakerId, '') AND ${kindsOf('endNode(r)')}))` +
    ` AND (NOT $directed OR startNode(r) = x)`;
  return { pattern: '(x)-[r]-(y)', where: `(${relationStep}) OR (${linkStep})`, params };
}
