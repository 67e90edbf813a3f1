/**
 * Prometheus metrics: an Apollo Server plugin for GraphQL requests, latency and errors, the
 * `GET /metrics` handler, a registry with Node's default metrics, and `instrumentStore` for the
 * store port. One registry per server instance (never prom-client's global one), so several
 * servers in one process keep their own numbers.
 *
 * Per-request hooks only (no per-field hooks), so the cost is a few map look-ups per request.
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { RequestHandler } from 'express';
import { getOperationAST, type GraphQLFormattedError } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { BoundedLabel } from './labels.js';

export { instrumentStore } from './store.js';

export interface Options {
  /** Where the metrics are registered; one per server instance (see `createMetricsRegistry`). */
  readonly registry: Registry;
  /**
   * The most distinct operation names given a label of their own (default 100). Later new names
   * are counted as "other"; operations without a name as "anonymous" (not one of the 100), and so
   * are requests whose query does not parse.
   */
  readonly maxOperationNames?: number;
  /** The most distinct error codes given a label of their own (default 50); others as "other". */
  readonly maxErrorCodes?: number;
  /** Buckets of the request duration histogram, in seconds (default prom-client's, 5 ms to 10 s). */
  readonly durationBuckets?: readonly number[];
}

/** A registry with prom-client's default metrics: heap, event-loop lag, GC, CPU, handles. */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** `GET /metrics`: the registry in Prometheus' text exposition format. */
export function metricsHandler(registry: Registry): RequestHandler {
  return async (_req, res) => {
    const text = await registry.metrics();
    res.setHeader('content-type', registry.contentType);
    res.setHeader('cache-control', 'no-store');
    res.send(text);
  };
}

/**
 * `graphql_requests_waiting`: GraphQL requests read and waiting for their turn to start, in the
 * order they arrived (see server/arrival-order.ts), as at each scrape. The duration histogram
 * starts when a request does, so this is where a server that has fallen behind shows it.
 */
export function registerWaitingRequests(registry: Registry, waiting: { readonly length: number }): void {
  new Gauge({
    name: 'graphql_requests_waiting',
    help: 'GraphQL requests read and waiting for their turn to start (in the order they arrived).',
    registers: [registry],
    collect() {
      this.set(waiting.length);
    },
  });
}

export const ANONYMOUS = 'anonymous';

/**
 * The plugin: `graphql_requests_total{operation_name}`,
 * `graphql_request_duration_seconds{operation_name}` (from the start of the request to its
 * response) and `graphql_errors_total{code}` (`extensions.code` of each error sent, after
 * formatting; requests Apollo rejects as malformed count as BAD_REQUEST).
 */
export function metricsPlugin<TContext extends BaseContext>(options: Options): ApolloServerPlugin<TContext> {
  const { registry } = options;
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests, by operation name ("anonymous" without one, "other" beyond the cap).',
    labelNames: ['operation_name'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Duration of GraphQL requests from their start (after any wait for their turn) to response, by operation name.',
    labelNames: ['operation_name'] as const,
    ...(options.durationBuckets ? { buckets: [...options.durationBuckets] } : {}),
    registers: [registry],
  });
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors sent in GraphQL responses, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [registry],
  });

  const operationNames = new BoundedLabel(options.maxOperationNames ?? 100);
  const errorCodes = new BoundedLabel(options.maxErrorCodes ?? 50);
  const countError = (code: unknown) => {
    errors.inc({ code: errorCodes.of(typeof code === 'string' && code !== '' ? code : 'NONE') });
  };

  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse(requestContext) {
          const given = operationNameOf(requestContext);
          const name = given === undefined ? ANONYMOUS : operationNames.of(given);
          requests.inc({ operation_name: name });
          duration.observe({ operation_name: name }, (performance.now() - started) / 1000);
          for (const error of errorsOf(requestContext)) countError(error.extensions?.code);
        },
      };
    },
    async invalidRequestWasReceived({ error }) {
      countError((error as { extensions?: { code?: unknown } }).extensions?.code ?? 'BAD_REQUEST');
    },
  };
}

/** The operation's name once resolved; for a request that failed validation, from its document. */
function operationNameOf(ctx: GraphQLRequestContextWillSendResponse<BaseContext>): string | undefined {
  if (ctx.operationName) return ctx.operationName;
  if (!ctx.document) return undefined;
  return getOperationAST(ctx.document, ctx.request.operationName)?.name?.value;
}

function errorsOf(ctx: GraphQLRequestContextWillSendResponse<BaseContext>): readonly GraphQLFormattedError[] {
  const { body } = ctx.response;
  return (body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors) ?? [];
}
