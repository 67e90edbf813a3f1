/**
 * Queries answered by compiled JavaScript (graphql-jit) where that gives graphql-js's answer:
 * Apollo still parses, validates (with the query limits), caches documents, runs every other
 * plugin and sends the answer; this plugin only answers an operation before Apollo executes it
 * (`responseForOperation`, the hook response caches use). graphql-js's execute walks the document
 * anew on every request, field by field, which for an answer of a few hundred objects (a
 * neighbourhood, paths) cost more than reading the graph did; a compiled query is made once per
 * document and operation.
 *
 * Anything else is left to graphql-js, whose behaviour is the contract: mutations (serial, and
 * few), an operation name not in the document, a document graphql-jit cannot compile, variables
 * that do not fit their types (graphql-js's messages are what clients are told), and any answer
 * with an error: the compiled answer is dropped and graphql-js runs the operation, so errors are
 * made, formatted, counted and logged exactly as before. (A query is a read: running it again
 * changes nothing.) A document is compiled only when asked a second time (see below).
 *
 * Not Apollo's gateway executor interface: that path, even around graphql-js's own execute, cost
 * ~50 µs of CPU a request more (twice the collector's work) in this server.
 */
import { HeaderMap, type ApolloServerPlugin, type BaseContext, type GraphQLRequestListener } from '@apollo/server';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** A document is compiled when asked for the second time. */
const COMPILE_AT_USE = 2;
/** How many documents' compiled operations are kept; the one used least recently goes first. */
const COMPILED_DOCUMENTS = 100;

/** null: graphql-js runs the operation (graphql-jit could not compile it, or not yet asked to). */
type Compiled = CompiledQuery | null;

/** Nothing to add to the HTTP answer: Apollo's own head and the other plugins' stay. */
const NO_HTTP_CHANGE = { headers: new HeaderMap() };

/** `answered` is told of each operation answered compiled (tests count them). */
export function compiledExecution<TContext extends BaseContext>(schema: GraphQLSchema, answered: () => void = () => {}): ApolloServerPlugin<TContext> {
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
      query = compiledOrNull(schema, document, operationName);
      byOperation.set(operationName, query);
    }
    return query;
  };
  const listener: GraphQLRequestListener<TContext> = {
    async responseForOperation({ document, operation, request, contextValue }) {
      // No operation: the name asked for is not in the document, which graphql-js reports.
      if (operation?.operation !== 'query') return null;
      const query = compiledFor(document, request.operationName ?? null);
      if (query === null) return null;
      let result: Awaited<ReturnType<CompiledQuery['query']>>;
      try {
        result = await query.query(undefined, contextValue, request.variables ?? {});
      } catch {
        // Resolvers' errors come back in the result; a throw is graphql-jit's own. graphql-js answers.
        return null;
      }
      // No `data`: the variables did not fit. Errors: graphql-js makes them, as before.
      if (!('data' in result) || (result.errors !== undefined && result.errors.length > 0)) return null;
      answered();
      return { http: NO_HTTP_CHANGE, body: { kind: 'single', singleResult: { data: result.data } } };
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}

/** The operation compiled, or null when graphql-jit cannot compile it (graphql-js runs it). */
function compiledOrNull(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): Compiled {
  try {
    const made = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
    return isCompiledQuery(made) ? made : null;
  } catch {
    return null;
  }
}
