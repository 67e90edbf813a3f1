/**
 * Queries run as compiled JavaScript (graphql-jit) behind Apollo's executor interface: Apollo
 * still parses, validates (with the query limits), caches documents, runs the plugins and formats
 * errors; only execution changes. graphql-js's execute walks the document anew on every request,
 * field by field, which for an answer of a few hundred objects (a neighbourhood, paths) cost more
 * than reading the graph did; a compiled query is made once per document and operation.
 *
 * graphql-js still answers where its exact behaviour is the contract and speed does not matter:
 * mutations (serial, and few), an operation name not in the document, a document graphql-jit
 * cannot compile, and variables that do not fit their types (its messages are what clients are
 * told, and Apollo turns them into BAD_USER_INPUT with status 400); and a document the first time
 * it is asked (see below).
 */
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { GraphQLError, execute, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/**
 * An Apollo "gateway" that serves `schema` and runs operations through `executorFor(schema)`:
 * the supported way to give Apollo Server another executor.
 */
export function compiledExecution(schema: GraphQLSchema): Gateway {
  const executor = executorFor(schema);
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}

/** A document is compiled when asked for the second time. */
const COMPILE_AT_USE = 2;
/** How many documents' compiled operations are kept; the one used least recently goes first. */
const COMPILED_DOCUMENTS = 100;

/** null: graphql-js runs the operation (graphql-jit could not compile it, or not yet asked to). */
type Compiled = CompiledQuery | null;

export function executorFor(schema: GraphQLSchema): GatewayExecutor {
  // Apollo's document store hands back the same DocumentNode for the same query text. Compiling
  // costs milliseconds and a few hundred kB of code for a question about entities, so only a
  // document asked again is compiled (one with its values written in, asked once, never is), and
  // only the ones used most recently are kept.
  const uses = new WeakMap<DocumentNode, number>();
  const compiled = new Map<DocumentNode, Map<string | null, Compiled>>();
  const compiledFor = (document: DocumentNode, operationName: string | null): Compiled => {
    let byOperation = compiled.get(document);
    if (byOperation !== undefined) {
      compiled.delete(document);
    } else {
      const used = (uses.get(document) ?? 0) + 1;
      uses.set(document, used);
      if (used < COMPILE_AT_USE) return null;
      if (compiled.size >= COMPILED_DOCUMENTS) compiled.delete(compiled.keys().next().value!);
      byOperation = new Map();
    }
    compiled.set(document, byOperation);
    let query = byOperation.get(operationName);
    if (query === undefined) {
      const made = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      query = isCompiledQuery(made) ? made : null;
      byOperation.set(operationName, query);
    }
    return query;
  };

  return async ({ document, operation, request, context }) => {
    // The name the client sent: Apollo's own `operationName` is that of the operation it found.
    const operationName = request.operationName ?? null;
    const byGraphQLJs = () =>
      execute({ schema, document, operationName, variableValues: request.variables, contextValue: context }) as Promise<ExecutionResult> | ExecutionResult;
    // No operation: the name asked for is not in the document; graphql-js says so, and Apollo
    // answers OPERATION_RESOLUTION_FAILURE from that.
    if ((operation as typeof operation | undefined)?.operation !== 'query') return byGraphQLJs();
    const query = compiledFor(document, operationName);
    if (query === null) return byGraphQLJs();
    const result = await query.query(undefined, context, request.variables ?? {});
    // No `data` at all: the variables did not fit, and nothing ran. graphql-js says why.
    if (!('data' in result)) return byGraphQLJs();
    // As graphql-js orders them: a client may see the keys' order in the response text.
    return result.errors === undefined || result.errors.length === 0
      ? { data: result.data }
      : { errors: result.errors.map(asGraphQLError), data: result.data };
  };
}

/**
 * A graphql-jit error made again as graphql-js makes a resolver's error (graphql-jit's own class
 * formats to other JSON): the same message, path and cause, whose extensions graphql-js takes
 * over, and the locations graphql-jit found.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const same = new GraphQLError(error.message, { path: error.path, originalError: error.originalError });
  if (error.locations !== undefined) Object.defineProperty(same, 'locations', { value: error.locations, enumerable: true });
  return same;
}
