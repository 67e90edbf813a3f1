/**
 * The analysts' explorer at /, served from the files `npm run build:web` writes to
 * dist/web/explorer/ (tools/build-explorer.ts): the page and its assets (under /explorer/assets/)
 * come from this server, and the page talks only to /graphql on the same origin.
 */
import { fileURLToPath } from 'node:url';
import type { Router } from 'express';
import { builtPageRoutes, pageBuilt } from './built-page.js';

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

/** True when the built page is there to serve. */
export function explorerBuilt(dir = EXPLORER_DIR): boolean {
  return pageBuilt(dir);
}

export function explorerRoutes(dir = EXPLORER_DIR): Router {
  return builtPageRoutes({ dir, pagePath: '/', assetsPath: '/explorer/assets', csp: EXPLORER_CSP, title: 'The explorer' });
}
