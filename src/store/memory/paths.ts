/**
 * The k shortest loopless paths (the port's `paths`): Yen's algorithm over the canonical shortest
 * path of traversal.ts. The first path is the canonical shortest path; each next one is the best
 * of the candidates made by leaving an earlier path at one of its nodes (the spur) for the
 * canonical shortest path from there that avoids the nodes before it (the root) and the relations
 * the earlier paths with the same root took next. Through statements, the walk graph has them as
 * nodes (statement-walk.ts) and the same search runs over it. "Best" is the port's order: fewer hops, then
 * node ids, then edge ids (numbers are in id order, so comparing numbers compares ids). With the
 * spur path the best of its kind in that order, the best candidate is the best path not yet
 * listed, ties included.
 *
 * No library fits here: graph libraries' algorithms neither read the compressed adjacency nor
 * order ties by id, and the spur searches must share the one relation filter and the Pacer.
 */
import type { PathQuery, PathResult } from '../graph-store.js';
import { Pacer } from './pacer.js';
import type { MemoryState } from './state.js';
import { preparedWalk, shortestPathNumbers, type NumberedPath, type PreparedWalk } from './traversal.js';
import { unmarkedBytes } from './scratch.js';

export async function kShortestPaths(
  state: MemoryState,
  fromId: string,
  toId: string,
  query: PathQuery,
  pacer: Pacer,
): Promise<PathResult[]> {
  const first = query.first ?? 1;
  if (first < 1) return [];
  const walk = preparedWalk(state, fromId, toId, query);
  if (walk === null) return [];
  const { graph, target, accepts } = walk;
  const { maxHops, directed } = query;
  const shortest = await shortestPathNumbers(graph, walk.start, target, maxHops, accepts, directed, pacer);
  if (shortest === null) return [];

  const blockedRelation = unmarkedBytes.borrow(graph.relFrom.length);
  try {
    const found = await spurPaths(walk, shortest, query, first, blockedRelation, pacer);
    return found.map(walk.result);
  } finally {
    unmarkedBytes.giveBack(blockedRelation);
  }
}

/** Yen's loop: the next shortest paths after `shortest`, up to `first` in all. */
async function spurPaths(
  { graph, target, accepts }: PreparedWalk,
  shortest: NumberedPath,
  { maxHops, directed }: PathQuery,
  first: number,
  blockedRelation: Uint8Array,
  pacer: Pacer,
): Promise<NumberedPath[]> {
  const found: NumberedPath[] = [shortest];
  const candidates: NumberedPath[] = [];
  const seen = new Set<string>([keyOf(shortest)]);

  while (found.length < first) {
    const previous = found[found.length - 1]!;
    for (let i = 0; i < previous.rels.length; i++) {
      const spur = previous.nodes[i]!;
      // Relations the listed paths with this root take from the spur; the root's nodes before it.
      const blockedRelations: number[] = [];
      for (const path of found) {
        if (sharesRoot(path, previous, i)) blockedRelations.push(path.rels[i]!);
      }
      for (const r of blockedRelations) blockedRelation[r] = 1;
      const spurAccepts = (r: number) => blockedRelation[r] === 0 && accepts(r);
      const root = previous.nodes.slice(0, i);
      const spurPath = await shortestPathNumbers(graph, spur, target, maxHops - i, spurAccepts, directed, pacer, root);
      for (const r of blockedRelations) blockedRelation[r] = 0;
      if (spurPath === null) continue;
      const candidate: NumberedPath = {
        nodes: [...previous.nodes.slice(0, i), ...spurPath.nodes],
        rels: [...previous.rels.slice(0, i), ...spurPath.rels],
      };
      const key = keyOf(candidate);
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(candidate);
    }
    if (candidates.length === 0) break;
    let best = 0;
    for (let c = 1; c < candidates.length; c++) if (comparePaths(candidates[c]!, candidates[best]!) < 0) best = c;
    found.push(candidates.splice(best, 1)[0]!);
  }
  return found;
}

/** Whether `path` starts with the first `i` relations (and so `i + 1` nodes) of `other`. */
function sharesRoot(path: NumberedPath, other: NumberedPath, i: number): boolean {
  if (path.rels.length <= i) return false;
  for (let j = 0; j < i; j++) if (path.rels[j] !== other.rels[j] || path.nodes[j] !== other.nodes[j]) return false;
  return path.nodes[i] === other.nodes[i];
}

/** The port's order of paths: fewer hops, then node ids, then edge ids. */
export function comparePaths(a: NumberedPath, b: NumberedPath): number {
  if (a.rels.length !== b.rels.length) return a.rels.length - b.rels.length;
  for (let j = 0; j < a.nodes.length; j++) if (a.nodes[j] !== b.nodes[j]) return a.nodes[j]! - b.nodes[j]!;
  for (let j = 0; j < a.rels.length; j++) if (a.rels[j] !== b.rels[j]) return a.rels[j]! - b.rels[j]!;
  return 0;
}

function keyOf(path: NumberedPath): string {
  return `${path.nodes.join(',')}/${path.rels.join(',')}`;
}
