/** `GET /healthz` (the process is alive) and `GET /readyz` (the store answers). */
import type { Router } from 'express';
import express from 'express';
import type { GraphStore } from '../store/graph-store.js';

export function healthRoutes(store: GraphStore, readyTimeoutMs = 2000): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await withTimeout(store.ping(), readyTimeoutMs);
      res.json({ status: 'ready', store: store.kind });
    } catch (error) {
      res.status(503).json({
        status: 'unavailable',
        store: store.kind,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  });
  return router;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the store did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
