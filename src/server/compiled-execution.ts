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
 * changes nothing.) A document is compiled only when asked a second time, and after three
 * compiled answers with errors in a row graphql-js alone answers it for ten seconds (see below);
 * the answers of requests whose client has gone do not count, and a request whose deadline had
 * passed before it ran (a long wait for its turn) goes to graphql-js at once, uncounted.
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
/**
 * After this many compiled answers of a document in a row had an error, its next askings go to
 * graphql-js alone for GRAPHQL_JS_AFTER_ERRORS_MS. Not after one: a document asked with many
 * values (an `$id`) may fail for a few of them (a hub's relations past MAX_LIST_LENGTH) and
 * should stay compiled for the rest. Nor for requests whose client has gone: graphql-js refuses
 * those at once, so running them again costs nothing, while counting them put a document on
 * graphql-js whenever a client closed a few connections at once (a load test ending its warm-up:
 * every entity question of the next ten seconds then ran about a third slower). A deadline that
 * passed while the answer was being made still counts: that is a store that stalls. One that had
 * passed before it started does not: that is a server behind on its queue, which graphql-js for
 * every question of the document would only put further behind.
 */
const ERRORS_IN_A_ROW = 3;
const GRAPHQL_JS_AFTER_ERRORS_MS = 10_000;

export interface CompiledExecutionOptions {
  /** Told of each operation answered compiled (tests count them). */
  readonly answered?: () => void;
  /** GRAPHQL_JS_AFTER_ERRORS_MS unless given (tests that compare every answer give 0). */
  readonly graphqlJsAfterErrorsMs?: number;
}

/** What the plugin needs to know of a request, from its context. */
export interface RequestState<TContext> {
  /** Whether its client has closed the connection before its answer. */
  clientGone(context: TContext): boolean;
  /** Whether, by now, its deadline has passed or its client has gone. */
  cancelled(context: TContext): boolean;
}

/** null: graphql-js runs the operation (graphql-jit could not compile it). */
type Compiled = CompiledQuery | null;

interface CompiledDocument {
  readonly operations: Map<string | null, Compiled>;
  /** Compiled answers with an error since the last one without. */
  errorsInARow: number;
  /** Until then (performance.now()), graphql-js alone answers the document. */
  graphqlJsUntil: number;
}

/** Nothing to add to the HTTP answer: Apollo's own head and the other plugins' stay. */
const NO_HTTP_CHANGE = { headers: new HeaderMap() };

export function compiledExecution<TContext extends BaseContext>(
  schema: GraphQLSchema,
  { clientGone, cancelled }: RequestState<TContext>,
  { answered = () => {}, graphqlJsAfterErrorsMs = GRAPHQL_JS_AFTER_ERRORS_MS }: CompiledExecutionOptions = {},
): ApolloServerPlugin<TContext> {
  // Apollo's document store hands back the same DocumentNode for the same query text. Compiling
  // costs milliseconds and a few hundred kB of code for a question about entities, so only a
  // document asked again is compiled (one with its values written in, asked once, never is), and
  // only the ones used most recently are kept.
  const uses = new WeakMap<DocumentNode, number>();
  const compiled = new Map<DocumentNode, CompiledDocument>();
  /** The document's compiled operations, or null while it has been asked only once. */
  const compiledDocument = (document: DocumentNode): CompiledDocument | null => {
    let entry = compiled.get(document);
    if (entry !== undefined) {
      compiled.delete(document);
    } else {
      const used = (uses.get(document) ?? 0) + 1;
      uses.set(document, used);
      if (used < COMPILE_AT_USE) return null;
      if (compiled.size >= COMPILED_DOCUMENTS) compiled.delete(compiled.keys().next().value!);
      entry = { operations: new Map(), errorsInARow: 0, graphqlJsUntil: 0 };
    }
    compiled.set(document, entry);
    return entry;
  };
  const listener: GraphQLRequestListener<TContext> = {
    async responseForOperation({ document, operation, request, contextValue }) {
      // No operation: the name asked for is not in the document, which graphql-js reports.
      if (operation?.operation !== 'query') return null;
      // Refused before it ran: graphql-js makes the errors, and the document's record is left alone.
      if (cancelled(contextValue)) return null;
      const entry = compiledDocument(document);
      // A document whose compiled answers keep having errors (a question too large, a store that
      // stalls) would be run twice each time: graphql-js alone answers it for a while.
      if (entry === null || performance.now() < entry.graphqlJsUntil) return null;
      const operationName = request.operationName ?? null;
      let query = entry.operations.get(operationName);
      if (query === undefined) {
        query = compiledOrNull(schema, document, operationName);
        entry.operations.set(operationName, query);
      }
      if (query === null) return null;
      let result: Awaited<ReturnType<CompiledQuery['query']>>;
      try {
        result = await query.query(undefined, contextValue, request.variables ?? {});
      } catch {
        // Resolvers' errors come back in the result; a throw is graphql-jit's own. graphql-js answers.
        return null;
      }
      // No `data`: the variables did not fit; nothing ran, and graphql-js says why.
      if (!('data' in result)) return null;
      // Errors: graphql-js runs the operation again and makes them, as before.
      if (result.errors !== undefined && result.errors.length > 0) {
        if (!clientGone(contextValue) && ++entry.errorsInARow >= ERRORS_IN_A_ROW) {
          entry.errorsInARow = 0;
          entry.graphqlJsUntil = performance.now() + graphqlJsAfterErrorsMs;
        }
        return null;
      }
      entry.errorsInARow = 0;
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
