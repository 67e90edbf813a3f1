/**
 * Schema: schema/review.graphql: changesets read from an article, their review, and the
 * provenance accepted records keep. The review service (src/writes/review-service.ts) checks who
 * asks and does the work; these resolvers shape its answers.
 */
import { badInput, checkPageSize, present, type SourceRecord } from '../../domain/index.js';
import { changesetStatus, type ChangesetDocument, type ProposedItem } from '../../domain/review.js';
import { ReviewService } from '../../writes/review-service.js';
import { WriteService } from '../../writes/write-service.js';
import type { GraphContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { ChangesetPage } from '../models.js';
import { totalCountOf } from './connections.js';

const review = (ctx: GraphContext) => new ReviewService(ctx.store, new WriteService(ctx.store, ctx.read), ctx.read);

const CURSOR = /^changeset:[0-9a-z-]+$/;

/** Forget what an acceptance wrote, so the rest of the request reads it fresh. */
function forget(ctx: GraphContext, changeset: ChangesetDocument): void {
  for (const item of changeset.items) {
    ctx.loaders.entity.clear(item.recordId);
    ctx.loaders.statement.clear(item.recordId);
    ctx.loaders.source.clear(item.recordId);
    ctx.loaders.provenance.clear(item.recordId);
  }
  ctx.loaders.relations.clearAll();
  ctx.loaders.statementsBySpeaker.clearAll();
  ctx.loaders.statementsAbout.clearAll();
  ctx.loaders.statementsFromSource.clearAll();
}

/** A line to review an item by: kind and name, or the statement's speaker and words, or the relation's ends. */
function summaryOf(item: ProposedItem): string {
  const r = item.record;
  if (r === null) return `${item.section} ${item.recordId} (in the graph already)`;
  switch (item.section) {
    case 'SOURCE':
      return `SOURCE “${String(r.title)}”${r.publisher ? `, ${String(r.publisher)}` : ''}${r.published ? `, ${String(r.published)}` : ''}`;
    case 'ENTITY':
      return `${String(r.kind)} ${String(r.name)}`;
    case 'EVENT':
      return `EVENT ${String((r.event as { type?: string } | undefined)?.type ?? '')}: ${String(r.name)}`;
    case 'STATEMENT':
      return `${String(r.kind)} by ${r.speakerId ? String(r.speakerId) : 'an unnamed speaker'}: “${String(r.text)}”`;
    case 'RELATION':
      return `${String(r.from)} ${String(r.type)} ${String(r.to)}`;
  }
}

export const reviewResolvers: Resolvers = {
  Query: {
    changeset: (_root, { id }, ctx) => review(ctx).changeset(ctx.viewer, id),
    changesets: async (_root, { status, first, after }, ctx): Promise<ChangesetPage> => {
      const size = checkPageSize(first ?? 20);
      if (after != null && !CURSOR.test(after)) throw badInput(`"${after}" is not a cursor of this list; pass a page's endCursor.`, { argument: 'after' });
      const all = (await review(ctx).changesets(ctx.viewer)).filter((c) => status == null || changesetStatus(c) === status);
      const rest = after == null ? all : all.filter((c) => c.id < after);
      const items = rest.slice(0, size);
      return { items, totalCount: all.length, endCursor: items.at(-1)?.id ?? null, hasNextPage: rest.length > size };
    },
  },
  Mutation: {
    proposeFromText: (_root, { input, idempotencyKey }, ctx) =>
      review(ctx).proposeFromText(
        ctx.viewer,
        {
          text: input.text,
          source: present({
            title: input.source.title,
            publisher: input.source.publisher ?? null,
            published: input.source.published ?? null,
            url: input.source.url ?? null,
          }),
        },
        { idempotencyKey },
      ),
    editProposedItem: (_root, { changesetId, itemId, record, idempotencyKey }, ctx) =>
      review(ctx).editProposedItem(ctx.viewer, changesetId, itemId, record, { idempotencyKey }),
    acceptChangeset: async (_root, { id, itemIds, idempotencyKey }, ctx) => {
      const accepted = await review(ctx).acceptChangeset(ctx.viewer, id, itemIds ?? null, { idempotencyKey });
      forget(ctx, accepted);
      return accepted;
    },
    rejectChangeset: (_root, { id, reason, idempotencyKey }, ctx) => review(ctx).rejectChangeset(ctx.viewer, id, reason ?? null, { idempotencyKey }),
  },
  ChangesetConnection: {
    nodes: (page) => [...page.items],
    totalCount: totalCountOf,
    pageInfo: (page) => page,
  },
  Changeset: {
    status: (changeset) => changesetStatus(changeset),
    source: async (changeset, _args, ctx): Promise<SourceRecord> => {
      const stored = await ctx.loaders.source.load(changeset.sourceId);
      if (stored) return stored;
      // Not accepted yet: the proposed source, as it would be stored.
      const r = changeset.items.find((i) => i.section === 'SOURCE' && i.recordId === changeset.sourceId)?.record ?? {};
      const text = (v: unknown) => (typeof v === 'string' ? v : null);
      return {
        id: changeset.sourceId,
        title: text(r.title) ?? changeset.sourceId,
        publisher: text(r.publisher),
        published: text(r.published),
        url: text(r.url),
        kind: r.kind === 'GENERAL_KNOWLEDGE' ? 'GENERAL_KNOWLEDGE' : 'DOCUMENT',
      };
    },
    rejectionReason: (changeset) => changeset.rejected?.reason ?? null,
    items: (changeset, { decision }) => changeset.items.filter((i) => decision == null || i.decision === decision),
  },
  ProposedItem: {
    record: (item) => (item.record === null ? null : JSON.stringify(item.record)),
    summary: (item) => summaryOf(item),
  },
  Provenance: {
    source: (entry, _args, ctx) => ctx.loaders.source.load(entry.sourceId),
  },
  Relation: {
    provenance: (view, _args, ctx) => ctx.loaders.provenance.load(view.relation.id),
  },
  ...Object.fromEntries(
    ['Person', 'Unit', 'Organization', 'Country', 'Region', 'Settlement', 'Event', 'Edge', 'Statement'].map((type) => [
      type,
      { provenance: (record: { id: string }, _args: unknown, ctx: GraphContext) => ctx.loaders.provenance.load(record.id) },
    ]),
  ),
};
