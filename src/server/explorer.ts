/**
 * The analysts' explorer at /, served from the files `npm run build:web` writes to
 * dist/web/explorer/ (tools/build-explorer.ts): the page and its assets (under /explorer/assets/)
 * come from this server, and the page talks only to /graphql on the same origin.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

export const EXPLORER_DIR = fileURLToPath(new URL('../../dist/web/explorer/', import.meta.url));

/**
 * Everything from this origin only, with no inline script or style at all: the explorer sets
 * styles only through the CSSOM (which a CSP does not govern), and cytoscape.js's one inline
 * <style> is made unnecessary by the page (see web/explorer/index.html). The canvas library draws
 * on <canvas> elements and needs nothing more.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT =
  'The explorer has not been built. Run `npm run build:web` (npm start and npm test run it first), then reload this page.\n';

/** True when the built page is there to serve. */
export function explorerBuilt(dir = EXPLORER_DIR): boolean {
  return existsSync(path.join(dir, 'index.html'));
}

export function explorerRoutes(dir = EXPLORER_DIR): Router {
  const router = express.Router();
  const headers: express.RequestHandler = (_req, res, next) => {
    res.setHeader('content-security-policy', EXPLORER_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    next();
  };
  // The page, looked up on every request (a build that finishes later is served without a
  // restart; a missing one gets a clear 503 instead of a 404).
  router.get('/', headers, (_req, res, next) => {
    if (!explorerBuilt(dir)) {
      res.status(503).type('text/plain').send(NOT_BUILT);
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(path.join(dir, 'index.html'), (error) => {
      if (error && !res.headersSent) next(error);
    });
  });
  router.use(
    '/explorer/assets',
    headers,
    express.static(path.join(dir, 'assets'), { index: false, redirect: false }),
  );
  return router;
}
