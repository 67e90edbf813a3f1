/**
 * The graph as JSON lines: one record a line, each with a `section` (source, entity, relation,
 * statement) and then the record as the dataset file gives it (data/README.md): sources first,
 * then entities, relations and statements, as the file orders its sections.
 */
import { entityToFile, relationToFile, sourceToFile, statementToFile } from '../../domain/index.js';
import type { Dataset, EventDetails } from '../../domain/model.js';

export type JsonlSection = 'source' | 'entity' | 'relation' | 'statement';

/** The lines, each ending in a newline. */
export function* jsonlLines(dataset: Dataset): Generator<string> {
  const events = new Map<string, EventDetails>();
  for (const e of dataset.entities) if (e.event !== null) events.set(e.id, e.event);
  const line = (section: JsonlSection, record: object) => `${JSON.stringify({ section, ...record })}\n`;
  for (const s of dataset.sources) yield line('source', sourceToFile(s));
  for (const e of dataset.entities) yield line('entity', entityToFile(e));
  for (const r of dataset.relations) yield line('relation', relationToFile(r, (id) => events.get(id)));
  for (const s of dataset.statements) yield line('statement', statementToFile(s));
}

export function toJsonl(dataset: Dataset): string {
  return [...jsonlLines(dataset)].join('');
}
