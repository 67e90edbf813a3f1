/**
 * The port's RelationFilter, compiled once per store: the embedded store's predicate (over records
 * and over the compressed adjacency's relation numbers) on a fixture, and the Neo4j store's WHERE
 * fragment, its text and parameters pinned beside the question each text answers. The store
 * contract suite checks that both give the same answers.
 */
import { describe, expect, it } from 'vitest';
import { RELATION_TYPE_NAMES, type EntityRecord, type RelationRecord, type RelationType } from '../../src/domain/index.js';
import { ANY_RELATION, type RelationFilter } from '../../src/store/graph-store.js';
import { buildAdjacency } from '../../src/store/memory/adjacency.js';
import { compileRelationFilter } from '../../src/store/memory/relation-filter.js';
import { neighborhoodNodesCypher, relationsAmongCypher, shortestPathCypher } from '../../src/store/neo4j/cypher/explore.js';
import { relationFilterCypher } from '../../src/store/neo4j/cypher/relation-filter.js';
import { relationsOfCypher } from '../../src/store/neo4j/cypher/relations.js';

const entity = (id: string): EntityRecord => ({ id, kind: 'SETTLEMENT', name: id, aliases: [], description: null });
const relation = (id: string, type: RelationType, from: string, to: string): RelationRecord => ({
  id,
  type,
  from,
  to,
  status: 'CONFIRMED',
  claimedBy: null,
  date: null,
  sourceId: 'source:s',
  statementIds: [],
  qualifiers: {},
});

const entities = ['a', 'b', 'c'].map(entity);
const relations = [
  relation('r1', 'NEAR', 'a', 'b'),
  relation('r2', 'LOCATED_IN', 'b', 'c'),
  relation('r3', 'CONTROLS', 'a', 'c'),
  relation('r4', 'NEAR', 'c', 'a'),
];
const passing = (filter: RelationFilter) => relations.filter(compileRelationFilter(filter).accepts).map((r) => r.id);

describe('the embedded store’s relation predicate', () => {
  it('passes every relation for no types (null), none for an empty list, those of the types otherwise', () => {
    expect(passing(ANY_RELATION)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(passing({ types: [] })).toEqual([]);
    expect(passing({ types: ['NEAR'] })).toEqual(['r1', 'r4']);
    expect(passing({ types: ['CONTROLS', 'LOCATED_IN', 'CONTROLS'] })).toEqual(['r2', 'r3']);
    expect(passing({ types: ['ALLIED_WITH'] })).toEqual([]);
  });

  it('answers the same by relation number over the adjacency, for every type alone and together', () => {
    const adjacency = buildAdjacency(entities, relations);
    const filters: RelationFilter[] = [ANY_RELATION, { types: [] }, { types: ['NEAR', 'CONTROLS'] }, ...RELATION_TYPE_NAMES.map((t) => ({ types: [t] }))];
    for (const filter of filters) {
      const compiled = compileRelationFilter(filter);
      const byNumber = compiled.over(adjacency);
      adjacency.relations.forEach((r, n) => expect(byNumber(n), `${r.id} under ${JSON.stringify(filter)}`).toBe(compiled.accepts(r)));
    }
  });

  it('refuses a type outside the vocabulary rather than reading it as another', () => {
    expect(() => compileRelationFilter({ types: ['SAID' as RelationType] })).toThrow(/Not a relation type/);
  });
});

describe('the Neo4j store’s relation filter fragment', () => {
  it('is a condition on type(r) with the types as a parameter: every domain type for null, sorted and unique otherwise', () => {
    expect(relationFilterCypher(ANY_RELATION, 'r')).toEqual({ where: 'type(r) IN $filterTypes', params: { filterTypes: RELATION_TYPE_NAMES } });
    expect(relationFilterCypher({ types: ['NEAR', 'COMMANDS', 'NEAR'] }, 'rel')).toEqual({
      where: 'type(rel) IN $filterTypes',
      params: { filterTypes: ['COMMANDS', 'NEAR'] },
    });
    expect(relationFilterCypher({ types: [] }, 'r')).toEqual({ where: 'type(r) IN $filterTypes', params: { filterTypes: [] } });
  });

  it('splices nothing but a plain variable name, and no type outside the vocabulary', () => {
    for (const bad of ['r)', 'r OR true', '', '1r', 'r.id']) {
      expect(() => relationFilterCypher(ANY_RELATION, bad)).toThrow(/Not a Cypher variable/);
    }
    expect(() => relationFilterCypher({ types: ['SAID' as RelationType] }, 'r')).toThrow(/Not a relation type/);
  });

  const near: RelationFilter = { types: ['NEAR'] };
  const fragment = 'type(r) IN $filterTypes';

  it('relationsOf: an entity’s relations that pass, matched as (e)-[r]-(other)', () => {
    const query = relationsOfCypher(near);
    expect(query.params).toEqual({ filterTypes: ['NEAR'] });
    expect(query.text).toContain(`MATCH (e:Entity {id: key})-[r]-(other:Entity)\nWHERE ${fragment}\n`);
  });

  it('neighborhood: hops only over relations that pass, and only those listed among the nodes', () => {
    const walk = neighborhoodNodesCypher(2, near);
    expect(walk.params).toEqual({ filterTypes: ['NEAR'] });
    expect(walk.text).toContain(`((x:Entity)-[r]-(y:Entity) WHERE ${fragment}){0,2} (n:Entity)`);
    const among = relationsAmongCypher(near);
    expect(among.params).toEqual({ filterTypes: ['NEAR'] });
    expect(among.text).toContain(`MATCH (a:Entity {id: id})-[r]->(b:Entity)\nWHERE ${fragment} AND b.id IN $ids`);
  });

  it('shortestPath: steps only over relations that pass, directed or not', () => {
    const path = shortestPathCypher(4, near);
    expect(path.params).toEqual({ filterTypes: ['NEAR'] });
    expect(path.text).toContain(`WHERE ${fragment} AND (NOT $directed OR type(r) IN $symmetricTypes OR startNode(r) = x)\n  ){1,4} (b)`);
  });
});
