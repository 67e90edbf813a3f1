/** neighborhood and shortestPath over the Neo4j store (orders as in the header of graph-store.ts). */
import { compareText, type EntityRecord } from '../../domain/index.js';
import type { NeighborhoodQuery, PathQuery, PathResult, SubgraphResult } from '../graph-store.js';
import { neighborhoodNodesCypher, relationsAmongCypher, shortestPathCypher } from './cypher/explore.js';
import { ENTITIES_BY_IDS } from './cypher/lookups.js';
import type { QueryRunner } from './executor.js';
import { SYMMETRIC_TYPES } from './graph-model.js';
import { entityFromNode, relationFromRow, toNumber, type Row } from './mapping.js';

export async function neighborhoodIn(
  tx: QueryRunner,
  centreId: string,
  { depth, filter }: NeighborhoodQuery,
): Promise<SubgraphResult | null> {
  if (depth === 0) {
    // A quantifier cannot be {0,0}; the centre alone has no relation among itself (no self-loops).
    const [row] = await tx.run(ENTITIES_BY_IDS, { ids: [centreId] });
    return row ? { nodes: [entityFromNode(row['n'])], edges: [] } : null;
  }
  const walk = neighborhoodNodesCypher(depth, filter);
  const rows = await tx.run(walk.text, { ...walk.params, centreId });
  if (rows.length === 0) return null; // the centre itself is always a row at 0 hops
  const reached = rows.map((row) => ({ entity: entityFromNode(row['n']), hops: toNumber(row['hops'], 'a hop count') }));
  // The centre is the only node at 0 hops, so this puts it first.
  reached.sort((a, b) => a.hops - b.hops || compareText(a.entity.id, b.entity.id));
  const nodes = reached.map((r) => r.entity);
  const among = relationsAmongCypher(filter);
  const edgeRows = await tx.run(among.text, { ...among.params, ids: nodes.map((n) => n.id) });
  return { nodes, edges: edgeRows.map(relationFromRow) };
}

export async function shortestPathIn(
  tx: QueryRunner,
  fromId: string,
  toId: string,
  { maxHops, filter, directed }: PathQuery,
): Promise<PathResult | null> {
  if (fromId === toId) {
    const [row] = await tx.run(ENTITIES_BY_IDS, { ids: [fromId] });
    return row ? { nodes: [entityFromNode(row['n'])], edges: [] } : null;
  }
  const path = shortestPathCypher(maxHops, filter);
  const [row] = await tx.run(path.text, {
    ...path.params,
    fromId,
    toId,
    symmetricTypes: SYMMETRIC_TYPES,
    directed,
  });
  if (!row) return null; // an unknown end, or no path within maxHops
  const nodes: EntityRecord[] = asList(row['nodes']).map(entityFromNode);
  const edges = asList(row['rels']).map((r) => relationFromRow(r as Row));
  return { nodes, edges };
}

function asList(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error('Neo4j returned a path without its list of nodes or relations.');
  return value;
}
