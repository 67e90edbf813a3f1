/**
 * GraphiQL at /graphiql, served from the files `npm run build:web` writes to dist/web/graphiql/
 * (tools/build-graphiql.ts): the page, its scripts, styles and Monaco's workers all come from this
 * server, so the playground works without internet. Browsers that open /graphql are sent here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler, type Router } from 'express';

export const GRAPHIQL_DIR = fileURLToPath(new URL('../../dist/web/graphiql/', import.meta.url));

/**
 * Everything from this origin only. What GraphiQL needs beyond that: inline styles (React and
 * Monaco set style attributes and add <style> elements at run time) and data: fonts (GraphiQL's
 * CSS inlines its Roboto, Fira Code and codicon fonts).
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT =
  'GraphiQL has not been built. Run `npm run build:web` (npm start and npm test run it first), then reload this page.\n';

/** True when the built page is there to serve. */
export function graphiqlBuilt(dir = GRAPHIQL_DIR): boolean {
  return existsSync(path.join(dir, 'index.html'));
}

export function graphiqlRoutes(dir = GRAPHIQL_DIR): Router {
  const router = express.Router();
  router.use('/graphiql', (_req, res, next) => {
    res.setHeader('content-security-policy', GRAPHIQL_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    next();
  });
  // The page itself, looked up on every request: a build that finishes after the server started
  // is served without a restart, and a missing one gets a clear 503 instead of a 404.
  router.get('/graphiql', (_req, res, next) => {
    if (!graphiqlBuilt(dir)) {
      res.status(503).type('text/plain').send(NOT_BUILT);
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(path.join(dir, 'index.html'), (error) => {
      if (error && !res.headersSent) next(error);
    });
  });
  router.use('/graphiql/assets', express.static(path.join(dir, 'assets'), { index: false, redirect: false }));
  return router;
}

/**
 * A browser opening /graphql (a GET that prefers HTML, with no `query` parameter) is redirected
 * to /graphiql; API clients, and GETs that carry a query, go on to Apollo Server.
 */
export function redirectBrowsersToGraphiQL(): RequestHandler {
  return (req, res, next) => {
    const wantsPage =
      (req.method === 'GET' || req.method === 'HEAD') &&
      req.query.query === undefined &&
      req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
    if (wantsPage) res.redirect(302, '/graphiql');
    else next();
  };
}
