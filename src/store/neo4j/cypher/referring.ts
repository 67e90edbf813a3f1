/**
 * recordsReferringTo(): the records that name some entities, for a merge. Ends are found from the
 * entities (an index seek, then their relationships); claimants from the derived `claimantIds`
 * list; an attribution's intermediary (`viaId`) lives only in `attributionsJson`, so it is found
 * by the JSON text `"viaId":"<id>"` ($viaNeedles) and the store keeps only exact matches after
 * reading the records back. A merge is rare and reads each relationship once.
 */
import { ANY_RELATION } from '../../graph-store.js';
import { relationFilterCypher, type CypherQuery } from './relation-filter.js';

const everyRelation = relationFilterCypher(ANY_RELATION, 'r');

/** Relations with an end among $ids, or naming one in an attribution; with their ends, by id. */
export const REFERRING_RELATIONS: CypherQuery = {
  params: everyRelation.params,
  text: `
CALL () {
  MATCH (e:Entity)-[r]-(:Entity) WHERE e.id IN $ids AND ${everyRelation.where}
  RETURN r
  UNION
  MATCH (:Entity)-[r]->(:Entity)
  WHERE ${everyRelation.where}
    AND (any(c IN coalesce(r.claimantIds, []) WHERE c IN $ids) OR any(needle IN $viaNeedles WHERE r.attributionsJson CONTAINS needle))
  RETURN r
}
RETURN r, startNode(r).id AS fromId, endNode(r).id AS toId
ORDER BY r.id`,
};

/** Statements with a speaker, subject or medium among $ids, by id. */
export const REFERRING_STATEMENTS = `
MATCH (s:Statement)
WHERE s.speakerId IN $ids OR s.reportedViaId IN $ids OR any(a IN s.aboutIds WHERE a IN $ids)
RETURN s
ORDER BY s.id`;

/** Events naming one of $ids in an attribution, by id. */
export const REFERRING_EVENTS = `
MATCH (n:Entity:Event)
WHERE any(c IN coalesce(n.claimantIds, []) WHERE c IN $ids) OR any(needle IN $viaNeedles WHERE n.attributionsJson CONTAINS needle)
RETURN n
ORDER BY n.id`;
