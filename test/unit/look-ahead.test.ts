/**
 * Reading ahead: the relations question an `entity` field's selection will ask, as Entity.relations
 * will ask it. A `relations` with no arguments is worked out once per field node of a document, so
 * the same node must still follow each request's list limit, and arguments each request's variables.
 */
import { Kind, parse, type FieldNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { GraphContext } from '../../src/graphql/context.js';
import { relationsAskedOfEntity } from '../../src/graphql/look-ahead.js';
import { buildGraphSchema } from '../../src/graphql/schema.js';

const schema = buildGraphSchema({ maxListLength: 1000 });

function entityField(query: string): FieldNode {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  const field = operation.selectionSet.selections[0]!;
  if (field.kind !== Kind.FIELD) throw new Error('not a field');
  return field;
}

const asked = (field: FieldNode, maxListLength: number, variableValues: Record<string, unknown> = {}) =>
  relationsAskedOfEntity(
    { fieldNodes: [field], schema, variableValues } as unknown as GraphQLResolveInfo,
    { maxListLength } as GraphContext,
  );

describe('the relations an entity field will ask for', () => {
  it('follows each request\'s list limit for the same field of a cached document', () => {
    const field = entityField('{ entity(id: "a") { id relations { type } } }');
    expect(asked(field, 1000)).toEqual({ filter: { types: null }, direction: 'BOTH', cap: 1000 });
    expect(asked(field, 1000)).toEqual({ filter: { types: null }, direction: 'BOTH', cap: 1000 });
    expect(asked(field, 5)).toEqual({ filter: { types: null }, direction: 'BOTH', cap: 5 });
    expect(asked(field, Number.POSITIVE_INFINITY)).toEqual({ filter: { types: null }, direction: 'BOTH' });
  });

  it("follows each request's variables, and leaves to the resolver what needs the store or is wrong", () => {
    const field = entityField('query($d: Direction, $t: [String!]) { entity(id: "a") { relations(direction: $d, types: $t) { type } } }');
    expect(asked(field, 10, { d: 'OUT' })).toMatchObject({ direction: 'OUT', cap: 10 });
    expect(asked(field, 10, { d: 'IN', t: ['NEAR'] })).toMatchObject({ direction: 'IN', filter: { types: ['NEAR'] } });
    expect(asked(field, 10, { t: ['NOT_A_TYPE'] })).toBeNull();
    expect(asked(entityField('{ entity(id: "a") { relations(filter: { claimantIds: ["x"] }) { type } } }'), 10)).toBeNull();
    expect(asked(entityField('{ entity(id: "a") { id } }'), 10)).toBeNull();
  });
});
