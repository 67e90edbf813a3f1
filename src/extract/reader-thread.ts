/**
 * Reading an article off the event loop: one worker thread per process, started on the first
 * article and not keeping the process alive, reads `readArticle` for every caller in turn. The
 * server goes on answering other requests meanwhile (reading the seed article takes tens to hundreds
 * of milliseconds of CPU, more on a busy machine).
 */
import { Worker } from 'node:worker_threads';
import type { Changeset } from '../domain/changeset.js';
import type { Dataset } from '../domain/model.js';
import type { ArticleInfo } from './extract.js';
import type { ReadRequest } from './read-worker.js';

interface Pending {
  resolve(changeset: Changeset): void;
  reject(error: Error): void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/** The changeset `readArticle(text, graph, info)` gives, read on the reader's thread. */
export function readArticleOffThread(text: string, graph: Dataset, info: ArticleInfo, signal?: AbortSignal): Promise<Changeset> {
  return new Promise<Changeset>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const id = nextId++;
    const onAbort = () => {
      // The thread finishes the reading; its answer is dropped.
      pending.delete(id);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    pending.set(id, {
      resolve: (c) => (signal?.removeEventListener('abort', onAbort), resolve(c)),
      reject: (e) => (signal?.removeEventListener('abort', onAbort), reject(e)),
    });
    const request: ReadRequest = { id, text, graph, info };
    readerThread().postMessage(request);
  });
}

function readerThread(): Worker {
  if (worker) return worker;
  // Compiled, the thread is read-worker.js beside this file; from the TypeScript sources (tsx,
  // vitest) it is read-worker.ts, which the thread loads after registering tsx's loader in itself
  // (a thread does not take the loader its parent was started with).
  const started = import.meta.url.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./read-worker.ts', import.meta.url).href)}); })`,
        { eval: true },
      )
    : new Worker(new URL('./read-worker.js', import.meta.url));
  started.unref();
  started.on('message', (message: { id: number; changeset?: Changeset; error?: string }) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.changeset) waiting.resolve(message.changeset);
    else waiting.reject(new Error(`Reading the article failed: ${message.error}`));
  });
  const fail = (error: Error) => {
    if (worker === started) worker = null;
    for (const [id, waiting] of pending) {
      pending.delete(id);
      waiting.reject(error);
    }
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`The reader's thread stopped (exit code ${code}).`)));
  worker = started;
  return started;
}
