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
 * The port's RelationFilter as a WHERE condition over the relationship variable `variable`: the one
 * place that says in Cypher which relations pass, for every text that follows or returns relations
 * (relationsOf, neighborhood, shortestPath). Values travel as parameters (`$filter…`), never in the
 * text; the only thing spliced is the variable, which must be a plain identifier of the query's own.
 * The text depends on which clauses the filter has, not on their values, so one text per shape
 * reaches the server's plan cache. Parameter names are fixed: a query that uses the fragment for two
 * variables passes the same values for both.
 *
 * - types: `type(r) IN $filterTypes`, the filter's types (null: every domain type, so SAID / ABOUT /
 *   FROM_SOURCE never pass), deduplicated and sorted (walkableTypes).
 */
export function relationFilterCypher(filter: RelationFilter, variable: string): CypherCondition {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
    throw new Error(`Not a Cypher variable: ${JSON.stringify(variable)}`);
  }
  return {
    where: `type(${variable}) IN $filterTypes`,
    params: { filterTypes: walkableTypes(filter.types) },
  };
}
