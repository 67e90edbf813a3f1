/**
 * The port's RelationFilter, compiled once per store: the embedded store's predicate (over records
 * and over the compressed adjacency's relation numbers) on a fixture, and the Neo4j store's WHERE
 * fragment, its text and parameters pinned beside the question each text answers. The store
 * contract suite checks that both give the same answers.
 */
import { describe, expect, it } from 'vitest';
import {
  CLAIM_STATUSES,
  ENTITY_KINDS,
  RELATION_TYPE_NAMES,
  deriveStatus,
  type Attribution,
  type EntityKind,
  type EntityRecord,
  type RelationRecord,
  type RelationType,
  type TimeSpan,
} from '../../src/domain/index.js';
import { ANY_RELATION, type RelationFilter } from '../../src/store/graph-store.js';
import { buildAdjacency } from '../../src/store/memory/adjacency.js';
import { compileRelationFilter } from '../../src/store/memory/relation-filter.js';
import { recordOf } from '../../src/store/memory/relation-rows.js';
import { neighborhoodNodesCypher, relationsAmongCypher, shortestPathCypher } from '../../src/store/neo4j/cypher/explore.js';
import { relationFilterCypher } from '../../src/store/neo4j/cypher/relation-filter.js';
import { entitiesWithRelationsCypher, relationsOfCypher } from '../../src/store/neo4j/cypher/relations.js';

const entity = (id: string, kind: EntityKind = 'SETTLEMENT'): EntityRecord => ({ id, kind, name: id, aliases: [], description: null, location: null, event: null });
const said = (claimantId: string | null, stance: Attribution['stance'] = 'ASSERTS'): Attribution => ({
  claimantId,
  viaId: null,
  statementId: null,
  stance,
  saidOn: null,
  sourceId: 'source:s',
  note: null,
});
const relation = (
  id: string,
  type: RelationType,
  from: string,
  to: string,
  { attributions = [said(null)], time = null }: { attributions?: Attribution[]; time?: TimeSpan | null } = {},
): RelationRecord => ({
  id,
  type,
  from,
  to,
  time,
  attributions,
  status: deriveStatus(attributions),
  claimedBy: null,
  date: null,
  sourceId: 'source:s',
  statementIds: [],
  qualifiers: {},
});
const span = (start: string, end: string | null = null): TimeSpan => ({ start, end, text: null });

const entities = [entity('a'), entity('b'), entity('c'), entity('region:r', 'REGION'), entity('unit:u', 'UNIT')];
const relations = [
  relation('r1', 'NEAR', 'a', 'b', { time: span('2025-01-06') }),
  relation('r2', 'LOCATED_IN', 'b', 'c'),
  relation('r3', 'CONTROLS', 'a', 'c', { attributions: [said('unit:u'), said('region:r', 'DISPUTES')], time: span('2024-12') }),
  relation('r4', 'NEAR', 'c', 'a', { attributions: [said('unit:u'), said('c')], time: span('2024', '2025-01') }),
  relation('r5', 'LOCATED_IN', 'a', 'region:r', { attributions: [said('x', 'DENIES')] }),
  relation('r6', 'CONTROLS', 'unit:u', 'a', { attributions: [said('unit:u'), said(null, 'CANNOT_VERIFY')], time: span('2025') }),
];
const kindOf = (id: string) => entities.find((e) => e.id === id)?.kind;
const passing = (filter: RelationFilter, anchors: string[] = []) =>
  relations.filter((r) => compileRelationFilter(filter).accepts(r, kindOf, anchors)).map((r) => r.id);

describe('the embedded store’s relation predicate', () => {
  it('passes every relation for no types (null), none for an empty list, those of the types otherwise', () => {
    expect(passing(ANY_RELATION)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    expect(passing({ types: [] })).toEqual([]);
    expect(passing({ types: ['NEAR'] })).toEqual(['r1', 'r4']);
    expect(passing({ types: ['CONTROLS', 'LOCATED_IN', 'CONTROLS'] })).toEqual(['r2', 'r3', 'r5', 'r6']);
    expect(passing({ types: ['ALLIED_WITH'] })).toEqual([]);
  });

  it('passes relations by derived status, by claimant of any stance, and by time window (never undated ones)', () => {
    expect(passing({ types: null, statuses: ['DISPUTED', 'DENIED'] })).toEqual(['r3', 'r5']);
    expect(passing({ types: null, statuses: ['REPORTED'] })).toEqual(['r4']);
    expect(passing({ types: null, statuses: ['UNVERIFIED'] })).toEqual(['r6']);
    expect(passing({ types: null, statuses: [] })).toEqual([]);
    expect(passing({ types: null, claimantIds: ['unit:u'] })).toEqual(['r3', 'r4', 'r6']);
    expect(passing({ types: null, claimantIds: ['region:r', 'x'] })).toEqual(['r3', 'r5']);
    expect(passing({ types: null, claimantIds: ['nobody'] })).toEqual([]);
    expect(passing({ types: null, window: { from: null, to: null } })).toEqual(['r1', 'r3', 'r4', 'r6']);
    expect(passing({ types: null, window: { from: '2025-01-06', to: '2025-01-06' } })).toEqual(['r1', 'r4', 'r6']);
    // 2024-12 ends on 2024-12-31; 2024 .. 2025-01 on 2025-01-31.
    expect(passing({ types: null, window: { from: '2024-12-31', to: '2024-12-31' } })).toEqual(['r3', 'r4']);
    expect(passing({ types: null, window: { from: '2025-02-01', to: null } })).toEqual(['r6']);
    expect(passing({ types: null, window: { from: null, to: '2023-12-31' } })).toEqual([]);
  });

  it('passes relations whose ends are of the kinds, an anchor end whatever its kind', () => {
    expect(passing({ types: null, kinds: ['SETTLEMENT'] })).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(passing({ types: null, kinds: ['REGION'] })).toEqual([]);
    expect(passing({ types: null, kinds: ['REGION'] }, ['a'])).toEqual(['r5']);
    expect(passing({ types: null, kinds: ['SETTLEMENT'] }, ['unit:u'])).toEqual(['r1', 'r2', 'r3', 'r4', 'r6']);
    expect(passing({ types: null, kinds: [] }, ['a', 'b'])).toEqual(['r1']);
    expect(passing({ types: ['NEAR'], statuses: ['REPORTED'], claimantIds: ['c'], window: { from: '2024-06-01', to: null }, kinds: ['SETTLEMENT'] })).toEqual(['r4']);
  });

  it('answers the same by relation number over the adjacency, for every clause alone and together, with anchors', () => {
    const adjacency = buildAdjacency(entities, relations);
    const filters: RelationFilter[] = [
      ANY_RELATION,
      { types: [] },
      { types: ['NEAR', 'CONTROLS'] },
      ...RELATION_TYPE_NAMES.map((t) => ({ types: [t] })),
      ...CLAIM_STATUSES.map((s) => ({ types: null, statuses: [s] })),
      { types: null, claimantIds: ['unit:u'] },
      { types: null, claimantIds: ['c', 'x', 'nobody'] },
      { types: null, claimantIds: [] },
      { types: null, window: { from: '2025-01-06', to: null } },
      { types: null, window: { from: null, to: '2024-12-31' } },
      { types: null, window: { from: '2024-12-31', to: '2025-01-01' } },
      ...ENTITY_KINDS.map((k) => ({ types: null, kinds: [k] })),
      { types: ['CONTROLS'], statuses: ['DISPUTED', 'UNVERIFIED'], claimantIds: ['unit:u'], window: { from: '2024-12-15', to: null }, kinds: ['SETTLEMENT'] },
    ];
    const anchorSets: string[][] = [[], ['a'], ['unit:u', 'c'], ['region:r']];
    for (const filter of filters) {
      const compiled = compileRelationFilter(filter);
      const byNumber = compiled.over(adjacency);
      for (const anchors of anchorSets) {
        const [x = -1, y = -1] = anchors.map((id) => adjacency.numberOf.get(id)!);
        adjacency.relations.forEach((r, n) =>
          expect(byNumber(n, x, y), `${r.id} under ${JSON.stringify(filter)} anchored at ${anchors.join(', ')}`).toBe(compiled.accepts(recordOf(r), kindOf, anchors)),
        );
      }
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

  it('relationsOf and entitiesWithRelations: an entity’s relations that pass, matched as (e)-[r]-(other)', () => {
    for (const query of [relationsOfCypher(near), entitiesWithRelationsCypher(near)]) {
      expect(query.params).toEqual({ filterTypes: ['NEAR'] });
      expect(query.text).toContain(`MATCH (e:Entity {id: key})\n`);
      expect(query.text).toContain(`MATCH (e)-[r]-(other:Entity)\nWHERE ${fragment}\n`);
    }
  });

  it('neighborhood: hops only over relations that pass, and only those listed among the nodes', () => {
    const walk = neighborhoodNodesCypher(2, near);
    expect(walk.params).toEqual({ filterTypes: ['NEAR'] });
    expect(walk.text).toContain(`((x:Entity)-[r]-(y:Entity) WHERE ${fragment}){0,2} (n:Entity)`);
    const among = relationsAmongCypher(near);
    expect(among.params).toEqual({ filterTypes: ['NEAR'] });
    expect(among.text).toContain(`MATCH (a)-[r]-(b)\nWHERE b IN busier AND ${fragment}`);
  });

  it('shortestPath: steps only over relations that pass, directed or not', () => {
    const path = shortestPathCypher(4, near);
    expect(path.params).toEqual({ filterTypes: ['NEAR'] });
    expect(path.text).toContain(`WHERE ${fragment} AND (NOT $directed OR type(r) IN $symmetricTypes OR startNode(r) = x)\n  ){1,4} (b)`);
  });
});
