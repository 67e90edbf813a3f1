/**
 * The reader's thread: reads articles sent by `readArticleOffThread` (reader-thread.ts), one at a
 * time, so that reading never holds the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import type { Dataset } from '../domain/model.js';
import { readArticle, type ArticleInfo } from './extract.js';

export interface ReadRequest {
  readonly id: number;
  readonly text: string;
  readonly graph: Dataset;
  readonly info: ArticleInfo;
}

parentPort!.on('message', ({ id, text, graph, info }: ReadRequest) => {
  try {
    parentPort!.postMessage({ id, changeset: readArticle(text, graph, info).changeset });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
