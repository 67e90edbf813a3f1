/**
 * Schema: `Query.history`, `Change`, `ChangedRecord` (schema/history.graphql): the changes that
 * touched a record, newest first, each with the records before and after in the file form.
 */
import { checkId } from '../../domain/index.js';
import type { ChangeRecord } from '../../store/graph-store.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { ChangedRecordModel } from '../models.js';
import { pageFromStore, pageOf, totalCountOf } from './connections.js';

const SECTIONS = [
  ['sources', 'SOURCE'],
  ['entities', 'ENTITY'],
  ['relations', 'RELATION'],
  ['statements', 'STATEMENT'],
] as const;

/** One side of a change as a list of records, section by section, in the order the change keeps them. */
function recordsOf(side: ChangeRecord['before']): ChangedRecordModel[] {
  return SECTIONS.flatMap(([key, section]) => (side[key] ?? []).map((record) => ({ section, record })));
}

export const historyResolvers: Resolvers = {
  Query: {
    history: async (_root, { id, first, after }, ctx) => {
      const recordId = checkId('id', id);
      const page = pageOf(first, after, 20);
      return pageFromStore(page, () => ctx.store.changesOf(recordId, page, ctx.read));
    },
  },
  ChangeConnection: {
    totalCount: totalCountOf,
    nodes: (page) => [...page.items],
    pageInfo: (page) => page,
  },
  Change: {
    role: (change) => (change.role === null ? null : (change.role.toUpperCase() as 'READER' | 'EDITOR' | 'ADMIN')),
    recordIds: (change) => [...change.recordIds],
    before: (change) => recordsOf(change.before),
    after: (change) => recordsOf(change.after),
  },
  ChangedRecord: {
    id: (r) => r.record.id,
    json: (r) => JSON.stringify(r.record),
  },
};
