/**
 * GraphiQL at /graphiql, served from the files `npm run build:web` writes to dist/web/graphiql/
 * (tools/build-graphiql.ts): the page, its scripts, styles and Monaco's workers all come from this
 * server, so the playground works without internet. Browsers that open /graphql are sent here.
 */
import { fileURLToPath } from 'node:url';
import type { RequestHandler, Router } from 'express';
import { builtPageRoutes, pageBuilt } from './built-page.js';

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

/** True when the built page is there to serve. */
export function graphiqlBuilt(dir = GRAPHIQL_DIR): boolean {
  return pageBuilt(dir);
}

export function graphiqlRoutes(dir = GRAPHIQL_DIR): Router {
  return builtPageRoutes({ dir, pagePath: '/graphiql', assetsPath: '/graphiql/assets', csp: GRAPHIQL_CSP, title: 'GraphiQL' });
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
