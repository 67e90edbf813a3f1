/**
 * The cap on the length of any list a field returns (MAX_LIST_LENGTH): every list-typed field's
 * resolver is wrapped once, when the schema is built, so the check costs one comparison per list
 * and nothing per scalar. A longer list is a RESULT_TOO_LARGE error on that field, not a huge
 * response; a narrower question (types, kinds, depth, first) answers.
 */
import {
  defaultFieldResolver,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { DomainError, ErrorCode } from '../domain/index.js';

export function capListLengths(schema: GraphQLSchema, maxListLength: number): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type))) continue;
      field.resolve = capped(field.resolve ?? defaultFieldResolver, `${type.name}.${field.name}`, maxListLength);
    }
  }
  return schema;
}

function capped(
  resolve: GraphQLFieldResolver<unknown, unknown>,
  coordinate: string,
  max: number,
): GraphQLFieldResolver<unknown, unknown> {
  const check = (value: unknown) => {
    if (Array.isArray(value) && value.length > max) throw listTooLong(coordinate, value.length, max);
    return value;
  };
  return (source, args, context, info) => {
    const value = resolve(source, args, context, info);
    return value instanceof Promise ? value.then(check) : check(value);
  };
}

/**
 * The refusal of a list longer than MAX_LIST_LENGTH. `counted` false: the store stopped reading
 * past the limit, so `length` is only a lower bound (and `value` in the error is null).
 */
export function listTooLong(coordinate: string, length: number, max: number, counted = true): DomainError {
  return new DomainError(
    ErrorCode.RESULT_TOO_LARGE,
    `${coordinate} has ${counted ? length : `more than ${max}`} items; the limit is ${max} (MAX_LIST_LENGTH). Ask a narrower question.`,
    { limit: max, value: counted ? length : null, setting: 'MAX_LIST_LENGTH' },
  );
}
