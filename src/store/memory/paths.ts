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
 * Lawler's refinement: a path's spurs before the node where it left the path it was made from are
 * not searched again. There its root and the relations blocked after the root are those of that
 * earlier path, whose own spur search was made with them (or, when a later path added a blocked
 * relation there, by that path's spur search), and the searches are deterministic: searching again
 * could only find a candidate already made.
 *
 * No library fits here: graph libraries' algorithms neither read the compressed adjacency nor
 * order ties by id, and the spur searches must share the one relation filter and the Pacer.
 */
import type { PathQuery, PathResult } from '../graph-store.js';
import { Pacer } from '../pacer.js';
import type { MemoryState } from './state.js';
import { preparedWalk, shortestPathNumbers, type NumberedPath, type PreparedWalk } from './traversal.js';

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

  const found = await spurPaths(walk, shortest, query, first, pacer);
  return found.map(walk.result);
}

/** Yen's loop: the next shortest paths after `shortest`, up to `first` in all. */
async function spurPaths(
  { graph, target, accepts }: PreparedWalk,
  shortest: NumberedPath,
  { maxHops, directed }: PathQuery,
  first: number,
  pacer: Pacer,
): Promise<NumberedPath[]> {
  const found: NumberedPath[] = [shortest];
  /** Where each listed path, and each candidate, left the path it was made from (the shortest: 0). */
  const foundLeftAt: number[] = [0];
  const candidates: NumberedPath[] = [];
  const candidatesLeftAt: number[] = [];
  const seen = new Set<string>([keyOf(shortest)]);

  while (found.length < first) {
    const previous = found[found.length - 1]!;
    for (let i = foundLeftAt[found.length - 1]!; i < previous.rels.length; i++) {
      const spur = previous.nodes[i]!;
      // Relations the listed paths with this root take from the spur; the root's nodes before it.
      const blockedRelations: number[] = [];
      for (const path of found) {
        if (sharesRoot(path, previous, i)) blockedRelations.push(path.rels[i]!);
      }
      // At most `first` of them: a scan of a short list is cheaper than a lookup in a column of
      // every relation, for every entry the search reads.
      const spurAccepts = (r: number) => !blockedRelations.includes(r) && accepts(r);
      const root = previous.nodes.slice(0, i);
      const hopsLeft = Math.min(maxHops, longestUseful(candidates, first - found.length)) - i;
      if (hopsLeft < 1) continue;
      const spurPath = await shortestPathNumbers(graph, spur, target, hopsLeft, spurAccepts, directed, pacer, root);
      if (spurPath === null) continue;
      const candidate: NumberedPath = {
        nodes: [...previous.nodes.slice(0, i), ...spurPath.nodes],
        rels: [...previous.rels.slice(0, i), ...spurPath.rels],
      };
      const key = keyOf(candidate);
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(candidate);
      candidatesLeftAt.push(i);
    }
    if (candidates.length === 0) break;
    let best = 0;
    for (let c = 1; c < candidates.length; c++) if (comparePaths(candidates[c]!, candidates[best]!) < 0) best = c;
    found.push(candidates.splice(best, 1)[0]!);
    foundLeftAt.push(candidatesLeftAt.splice(best, 1)[0]!);
  }
  return found;
}

/**
 * The longest a new candidate may be and still be listed: with `wanted` candidates already at
 * most L hops long, each of them comes before any longer path, and they fill what is left to
 * list. So a spur search looks no further than L (a search that finds nothing otherwise reads
 * everything within maxHops of both ends, most of a large graph).
 */
function longestUseful(candidates: readonly NumberedPath[], wanted: number): number {
  if (candidates.length < wanted) return Number.POSITIVE_INFINITY;
  const lengths = candidates.map((c) => c.rels.length).sort((a, b) => a - b);
  return lengths[wanted - 1]!;
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
