/**
 * A validation rule: an operation must be of a type the schema has. graphql-js's validation does
 * not check this, so `subscription { ... }` on this schema without subscriptions (and, before it had
 * writes, `mutation { ... }`) passed
 * validation and failed in execution with an error that had no code ("Schema is not configured to
 * execute mutation operation."), which clients saw as INTERNAL_SERVER_ERROR. Here it is a
 * GRAPHQL_VALIDATION_FAILED error that says what the server answers.
 */
import { GraphQLError, type ValidationRule } from 'graphql';

export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root =
      node.operation === 'query'
        ? schema.getQueryType()
        : node.operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    if (!root) {
      context.reportError(
        new GraphQLError(`This server has no ${node.operation} operations.`, { nodes: node }),
      );
    }
  },
});
