/**
 * A page the project bundles (`npm run build:web` into dist/web/<name>/): index.html at one path
 * and its files under another, with a Content-Security-Policy of its own. The page is looked up on
 * every request, so a build that finishes after the server started is served without a restart,
 * and a missing one gets a clear 503 instead of a 404. GraphiQL and the explorer are two of them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';

export interface BuiltPageOptions {
  /** The folder the build wrote: index.html and assets/. */
  readonly dir: string;
  /** Where the page is served, e.g. '/graphiql'. */
  readonly pagePath: string;
  /** Where its files are served, e.g. '/graphiql/assets'. */
  readonly assetsPath: string;
  readonly csp: string;
  /** For the 503 when the page is not built, e.g. 'GraphiQL'. */
  readonly title: string;
}

/** True when the built page is there to serve. */
export function pageBuilt(dir: string): boolean {
  return existsSync(path.join(dir, 'index.html'));
}

export function builtPageRoutes({ dir, pagePath, assetsPath, csp, title }: BuiltPageOptions): Router {
  const router = express.Router();
  const headers: RequestHandler = (_req, res, next) => {
    res.setHeader('content-security-policy', csp);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    next();
  };
  router.get(pagePath, headers, (_req, res, next) => {
    if (!pageBuilt(dir)) {
      res
        .status(503)
        .type('text/plain')
        .send(`${title} has not been built. Run \`npm run build:web\` (npm start and npm test run it first), then reload this page.\n`);
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(path.join(dir, 'index.html'), (error) => {
      if (error && !res.headersSent) next(error);
    });
  });
  router.use(assetsPath, headers, express.static(path.join(dir, 'assets'), { index: false, redirect: false }));
  return router;
}
