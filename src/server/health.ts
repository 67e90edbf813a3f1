/** `GET /healthz` (the process is alive) and `GET /readyz` (the store answers). */
import type { Router } from 'express';
import express from 'express';
import { storeUnavailable } from '../domain/index.js';
import type { GraphStore } from '../store/graph-store.js';

export function healthRoutes(store: GraphStore, readyTimeoutMs = 2000): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await pingWithin(store, readyTimeoutMs);
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

/**
 * The store's ping, given up on after `ms`. The ping gets a signal that aborts then (and a
 * deadline), so the store stops its work and lets its connection go (Neo4j: closes the session)
 * instead of holding it past the check; the race also covers a store that ignores the signal.
 */
async function pingWithin(store: GraphStore, ms: number): Promise<void> {
  const controller = new AbortController();
  const timedOut = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  timedOut.catch(() => {}); // settled only when the ping lost the race
  const timer = setTimeout(
    () => controller.abort(storeUnavailable(`the store did not answer within ${ms} ms`)),
    ms,
  );
  try {
    await Promise.race([store.ping({ signal: controller.signal, deadline: Date.now() + ms }), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
