import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  type GraphQLArgument,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/graphql/schema.js';

/**
 * Every schema coordinate of the contract that should carry a description, with the description
 * it has (undefined when none). Built-in scalars, introspection types and the specified
 * directives are GraphQL's own, so they are left out.
 */
function describedCoordinates(schema: GraphQLSchema): [string, string | null | undefined][] {
  const found: [string, string | null | undefined][] = [];
  const args = (owner: string, list: readonly GraphQLArgument[]) => {
    for (const arg of list) found.push([`${owner}(${arg.name}:)`, arg.description]);
  };

  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    found.push([type.name, type.description]);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${field.name}`;
        found.push([coordinate, field.description]);
        args(coordinate, field.args);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        found.push([`${type.name}.${field.name}`, field.description]);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) found.push([`${type.name}.${value.name}`, value.description]);
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    found.push([`@${directive.name}`, directive.description]);
    args(`@${directive.name}`, directive.args);
  }
  return found;
}

describe('the schema documents itself', () => {
  const schema = buildSchema(loadTypeDefs());
  const coordinates = describedCoordinates(schema);

  it('walks the whole contract', () => {
    const names = coordinates.map(([coordinate]) => coordinate);
    // A few of each sort, so that a broken walk cannot pass by finding nothing.
    expect(names).toEqual(
      expect.arrayContaining([
        'Query',
        'Query.search',
        'Query.search(first:)',
        'Entity.relations(types:)',
        'Person.relations(direction:)',
        'EntityKind.PERSON',
        'Relation.date',
        'Date',
      ]),
    );
    expect(names).not.toContain('String');
    expect(names.some((name) => name.startsWith('__'))).toBe(false);
  });

  it('has a non-empty description on every type, field, argument, enum value, interface and scalar', () => {
    const missing = coordinates
      .filter(([, description]) => description == null || description.trim() === '')
      .map(([coordinate]) => coordinate);
    expect(missing, `schema coordinates without a description:\n${missing.join('\n')}`).toEqual([]);
  });
});
