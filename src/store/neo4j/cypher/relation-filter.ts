import type { RelationFilter } from '../../graph-store.js';
import { walkableTypes } from '../graph-model.js';

/** A Cypher text with the parameters it reads (a query may need more, passed beside these). */
export interface CypherQuery {
  readonly text: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A condition over a relationship variable, with the parameters it reads. */
export interface CypherCondition {
  /** Cypher text: a conjunction (safe to AND with), made of fixed text and the checked variable only. */
  readonly where: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * Where the anchors of a question come from (RelationFilter.kinds: an anchor passes whatever its
 * kind): a Cypher list expression the calling query defines, e.g. `[key]` for relationsOf's
 * UNWIND, `[$centreId]`, `[$fromId, $toId]`. Only these fixed texts of our own may be passed.
 */
export type AnchorsExpression = '[]' | '[key]' | '[$centreId]' | '[$fromId, $toId]';

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The port's RelationFilter as a WHERE condition over the relationship variable `variable`: the one
 * place that says in Cypher which relations pass, for every text that follows or returns relations
 * (relationsOf, neighborhood, shortestPath, paths). Values travel as parameters (`$filter…`), never
 * in the text; spliced are only the variable (a plain identifier of the query's own) and the
 * anchors expression (one of a fixed few). The text depends on which clauses the filter has, not on
 * their values, so one text per shape reaches the server's plan cache. Parameter names are fixed: a
 * query that uses the fragment for two variables passes the same values for both.
 *
 * Each clause reads the flat properties the loader derives (graph-model.ts):
 * - types: `type(r) IN $filterTypes`, the filter's types (null: every domain type, so SAID / ABOUT /
 *   FROM_SOURCE never pass), deduplicated and sorted (walkableTypes);
 * - statuses: `r.status IN $filterStatuses` (the derived status);
 * - claimantIds: some claimant of the relation's attributions (`r.claimantIds`, any stance) is one
 *   of them;
 * - window: the relation's day bounds overlap the window (an open end is a null parameter); an
 *   undated relation has no `timeEarliest`, and fails;
 * - kinds: both ends are of the kinds, or are anchors of the question.
 */
export function relationFilterCypher(
  filter: RelationFilter,
  variable: string,
  anchors: AnchorsExpression = '[]',
): CypherCondition {
  if (!VARIABLE.test(variable)) throw new Error(`Not a Cypher variable: ${JSON.stringify(variable)}`);
  const r = variable;
  const clauses = [`type(${r}) IN $filterTypes`];
  const params: Record<string, unknown> = { filterTypes: walkableTypes(filter.types) };
  if (filter.statuses != null) {
    clauses.push(`${r}.status IN $filterStatuses`);
    params['filterStatuses'] = [...filter.statuses];
  }
  if (filter.claimantIds != null) {
    clauses.push(`any(claimant IN ${r}.claimantIds WHERE claimant IN $filterClaimantIds)`);
    params['filterClaimantIds'] = [...filter.claimantIds];
  }
  if (filter.window != null) {
    clauses.push(
      `${r}.timeEarliest IS NOT NULL AND ($filterFrom IS NULL OR ${r}.timeLatest >= $filterFrom) AND ($filterTo IS NULL OR ${r}.timeEarliest <= $filterTo)`,
    );
    params['filterFrom'] = filter.window.from;
    params['filterTo'] = filter.window.to;
  }
  if (filter.kinds != null) {
    clauses.push(
      `(startNode(${r}).kind IN $filterKinds OR startNode(${r}).id IN ${anchors}) AND (endNode(${r}).kind IN $filterKinds OR endNode(${r}).id IN ${anchors})`,
    );
    params['filterKinds'] = [...filter.kinds];
  }
  return { where: clauses.join(' AND '), params };
}
