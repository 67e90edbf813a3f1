/**
 * GraphQL over HTTP without express in the way: the common request, `POST /graphql` with a JSON
 * body, is answered straight from node:http (a JSON body reader, CORS, then Apollo's
 * `executeHTTPGraphQLRequest`); every other request (GET queries, preflights, other content types
 * or encodings, other paths) goes through the express app as before, whose /graphql handler is
 * `graphqlHandler` below, so both ways answer alike.
 *
 * What the express way did for a POST, and this one does the same: cors (any origin, or the
 * listed ones with `Vary: Origin`), express.json (strict JSON, an empty body as `{}`, a BOM
 * dropped, the body limit with 413, 400 for JSON that does not parse, both as our JSON errors),
 * then @as-integrations/express5. Not kept: express's ETag on GraphQL answers (a hash of every
 * response body, of no use to a POST and costly).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as urlParse } from 'node:url';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { ArrivalOrder } from './arrival-order.js';
import { httpErrorAnswer, type HttpError } from './http-errors.js';

/** `readAt`: when the request's body had been read (epoch ms), before any wait for its turn. */
export type ContextFunction<TContext> = (req: IncomingMessage, res: ServerResponse, readAt: number) => Promise<TContext>;

export interface GraphQLHttpOptions<TContext extends BaseContext> {
  readonly apollo: ApolloServer<TContext>;
  readonly context: ContextFunction<TContext>;
  /** Browser origins allowed to call /graphql: '*' or a list. */
  readonly corsOrigins: '*' | readonly string[];
  /** The largest request body accepted, e.g. '100kb' (as express.json takes it). */
  readonly bodyLimit: string;
  /** Logs an error before GraphQL that is the server's fault. */
  readonly logError: (error: unknown) => void;
  /** Where requests whose body has been read wait to start, in the order they arrived. */
  readonly arrivalOrder: ArrivalOrder;
}

/** Runs one GraphQL request whose body has been read, and writes Apollo's answer. */
async function runGraphQL<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: ContextFunction<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  search: string,
  readAt: number,
): Promise<void> {
  const headers = new HeaderMap();
  for (const key in req.headers) {
    const value = req.headers[key];
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method!.toUpperCase(), headers, search, body };
  const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => context(req, res, readAt) });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status || 200;
  if (response.body.kind === 'complete') {
    sendString(req, res, response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** As express's res.send(string) wrote it, less the ETag. */
function sendString(req: IncomingMessage, res: ServerResponse, text: string): void {
  const type = res.getHeader('content-type');
  if (type === undefined) res.setHeader('content-type', 'text/html; charset=utf-8');
  else if (typeof type === 'string' && !/;\s*charset=/i.test(type)) res.setHeader('content-type', `${type}; charset=utf-8`);
  res.setHeader('content-length', Buffer.byteLength(text));
  if (req.method === 'HEAD') res.end();
  else res.end(text);
}

/** The express handler of /graphql, after cors and express.json (GET, and POSTs out of the fast way). */
export function graphqlHandler<TContext extends BaseContext>(options: GraphQLHttpOptions<TContext>): RequestHandler {
  const { apollo, context, arrivalOrder } = options;
  return async (req, res) => {
    if (!('body' in req)) {
      res.status(500);
      res.send('`req.body` is not set; this probably means you forgot to set up the `json` middleware before the Apollo Server middleware.');
      return;
    }
    const readAt = Date.now();
    await arrivalOrder.turn();
    // A client that left while its request waited is not answered: nothing to run.
    if (req.socket.destroyed) return;
    await runGraphQL(apollo, context, req, res, req.body, urlParse(req.url).search ?? '', readAt);
  };
}

/**
 * The fast way: the answer to `POST /graphql` with `content-type: application/json` (charset
 * utf-8 or none), no content encoding and a length or chunks, or null for any other request.
 */
export function fastGraphQLPost<TContext extends BaseContext>(
  options: GraphQLHttpOptions<TContext>,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { apollo, context, corsOrigins, logError, arrivalOrder } = options;
  const limit = parseBytes(options.bodyLimit);
  const allowed = corsOrigins === '*' ? null : new Set(corsOrigins);

  const fail = (res: ServerResponse, error: HttpError) => {
    const { status, body } = httpErrorAnswer(error, options.bodyLimit);
    if (status >= 500) logError(error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-length', Buffer.byteLength(body));
    res.end(body);
  };

  return (req, res) => {
    if (req.method !== 'POST' || req.url !== '/graphql') return false;
    const { headers } = req;
    const type = headers['content-type']?.toLowerCase();
    if (type !== 'application/json' && type !== 'application/json; charset=utf-8') return false;
    if (headers['content-encoding'] !== undefined) return false;
    const lengthHeader = headers['content-length'];
    if (lengthHeader === undefined ? headers['transfer-encoding'] === undefined : !/^\d+$/.test(lengthHeader)) return false;

    // cors
    if (allowed === null) {
      res.setHeader('access-control-allow-origin', '*');
    } else {
      const origin = headers.origin;
      if (origin !== undefined && allowed.has(origin)) res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
    }

    // express.json: refused before reading when the declared length is over the limit; the
    // body is read off either way, so the client hears the answer.
    const tooLarge = () => {
      req.resume();
      req.once('end', () => fail(res, { name: 'PayloadTooLargeError', message: 'request entity too large', status: 413, type: 'entity.too.large' }));
    };
    if (lengthHeader !== undefined && Number(lengthHeader) > limit) {
      tooLarge();
      return true;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        req.off('data', onData);
        req.off('end', onEnd);
        chunks.length = 0;
        tooLarge();
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      let body: unknown;
      try {
        body = parseJson(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
      } catch {
        fail(res, { name: 'SyntaxError', message: 'invalid json', status: 400, type: 'entity.parse.failed' });
        return;
      }
      const readAt = Date.now();
      arrivalOrder.inTurn(() => {
        if (req.socket.destroyed) return;
        runGraphQL(apollo, context, req, res, body, '', readAt).catch((error: unknown) => fail(res, error as HttpError));
      });
    };
    req.on('data', onData);
    req.on('end', onEnd);
    return true;
  };
}

/** body-parser's strict JSON: an object or array, whitespace around it, a BOM dropped, '' as {}. */
function parseJson(text: string): unknown {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length === 0) return {};
  const first = /^[\x20\x09\x0a\x0d]*(.)/s.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw new SyntaxError('strict violation');
  return JSON.parse(text);
}

/** '100kb' → 102400, as the `bytes` package reads a limit (units of 1024). */
export function parseBytes(limit: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb|pb)?\s*$/i.exec(limit);
  if (!match) throw new Error(`Not a size: ${limit}`);
  const unit = (match[2] ?? 'b').toLowerCase();
  const power = ['b', 'kb', 'mb', 'gb', 'tb', 'pb'].indexOf(unit);
  return Math.floor(Number(match[1]) * 1024 ** power);
}
