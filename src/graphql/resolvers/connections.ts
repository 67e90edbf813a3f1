/**
 * Schema: the questions answered a page at a time (`Query.timeline`, `events`,
 * `entitiesConnection`, `statementsConnection`), their connections, `PageInfo` and `TimelineEntry`.
 */
import { isEventRecord } from '../../domain/claims.js';
import type { GraphQLResolveInfo } from 'graphql';
import {
  DomainError,
  ErrorCode,
  EVENT_TYPE_NAMES,
  badInput,
  checkEnumList,
  checkId,
  checkKinds,
  checkPageSize,
  checkWindow,
  type TimeSpan,
} from '../../domain/index.js';
import { TIMELINE_ENTRY_KINDS, type PageQuery, type TimelineEntry } from '../../store/graph-store.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { requireEntity } from './lookups.js';
import type { GraphContext } from '../context.js';
import { selectionMayAsk } from '../look-ahead.js';


/**
 * A page's question; with `info`, it tells the store whether the query asks for the connection's
 * `totalCount` (counting can cost a pass over every item on Neo4j).
 */
export function pageOf(first: number | null | undefined, after: string | null | undefined, defaultSize: number, info?: GraphQLResolveInfo): PageQuery {
  const page = { first: checkPageSize(first ?? defaultSize), after: after ?? null };
  return info === undefined ? page : { ...page, counted: selectionMayAsk(info, 'totalCount') };
}

/** A connection's `totalCount`: left out by the store only when the query did not ask for it. */
export function totalCountOf(page: { readonly totalCount: number | null }): number {
  if (page.totalCount === null) throw new Error('The store left out a count the query asks for.');
  return page.totalCount;
}

/**
 * A page from the store. A cursor the store did not make is its only BAD_USER_INPUT (the port's
 * PageQuery): said here once, naming the argument, so both stores answer it alike.
 */
export async function pageFromStore<T>(page: PageQuery, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.BAD_USER_INPUT && page.after !== null) {
      throw badInput(
        `Argument "after" has the value ${JSON.stringify(page.after)}, which is not a cursor of this list; pass the endCursor of the page before.`,
        { argument: 'after' },
      );
    }
    throw error;
  }
}

/** An optional id argument: checked at once, looked up later (after every other check). */
function optionalId(argument: string, id: string | null | undefined): { argument: string; id: string } | null {
  return id == null ? null : { argument, id: checkId(argument, id) };
}

async function requireOptional(ctx: GraphContext, ref: { argument: string; id: string } | null): Promise<string | null> {
  return ref === null ? null : (await requireEntity(ctx, ref.argument, ref.id)).id;
}

/** A day as a TimeSpan of DAY precision. */
const onDay = (day: string): TimeSpan => ({ start: day, end: null, text: null });

function attributionOf(entry: TimelineEntry) {
  if (entry.kind !== 'CLAIM' || entry.attributionIndex === null) return null;
  const attributions = entry.relation?.attributions ?? entry.event?.event?.attributions ?? [];
  return attributions[entry.attributionIndex] ?? null;
}

export const connectionResolvers: Resolvers = {
  Query: {
    timeline: async (_root, { from, to, entityId, kinds, first, after }, ctx, info) => {
      const window = checkWindow(from, to);
      const entity = optionalId('entityId', entityId);
      const page = pageOf(first, after, 50, info);
      const query = { window, entityId: await requireOptional(ctx, entity), kinds: checkEnumList(kinds, TIMELINE_ENTRY_KINDS) };
      return pageFromStore(page, () => ctx.store.timeline(query, page, ctx.read));
    },

    events: async (_root, { types, participantId, placeId, from, to, first, after }, ctx, info) => {
      const participant = optionalId('participantId', participantId);
      const place = optionalId('placeId', placeId);
      const window = checkWindow(from, to);
      const page = pageOf(first, after, 20, info);
      const [participantChecked, placeChecked] = await Promise.all([requireOptional(ctx, participant), requireOptional(ctx, place)]);
      const query = {
        types: checkEnumList(types, EVENT_TYPE_NAMES),
        participantId: participantChecked,
        placeId: placeChecked,
        window: window.from === null && window.to === null ? null : window,
      };
      return pageFromStore(page, () => ctx.store.findEvents(query, page, ctx.read));
    },

    entitiesConnection: (_root, { kinds, first, after }, ctx, info) => {
      const page = pageOf(first, after, 20, info);
      return pageFromStore(page, () => ctx.store.entitiesPage(checkKinds(kinds), page, ctx.read));
    },

    statementsConnection: async (_root, { speakerId, aboutId, from, to, first, after }, ctx, info) => {
      const speaker = optionalId('speakerId', speakerId);
      const about = optionalId('aboutId', aboutId);
      const window = checkWindow(from, to);
      const page = pageOf(first, after, 20, info);
      const [speakerChecked, aboutChecked] = await Promise.all([requireOptional(ctx, speaker), requireOptional(ctx, about)]);
      const filter = {
        speakerId: speakerChecked,
        aboutId: aboutChecked,
        window: window.from === null && window.to === null ? null : window,
      };
      return pageFromStore(page, () => ctx.store.statementsPage(filter, page, ctx.read));
    },
  },
  EntityConnection: {
    totalCount: totalCountOf,
    nodes: (page) => [...page.items],
    pageInfo: (page) => page,
  },
  EventConnection: {
    totalCount: totalCountOf,
    nodes: (page) => page.items.filter(isEventRecord),
    pageInfo: (page) => page,
  },
  StatementConnection: {
    totalCount: totalCountOf,
    nodes: (page) => [...page.items],
    pageInfo: (page) => page,
  },
  TimelineConnection: {
    totalCount: totalCountOf,
    nodes: (page) => [...page.items],
    pageInfo: (page) => page,
  },
  PageInfo: {
    hasNextPage: (page) => page.hasNextPage,
    endCursor: (page) => page.endCursor,
  },
  TimelineEntry: {
    time: (entry) => {
      if (entry.kind === 'EVENT' && entry.event?.event?.time) return entry.event.event.time;
      if (entry.kind === 'RELATION' && entry.relation?.time) return entry.relation.time;
      // A statement or a claim: the day it was said.
      return onDay(entry.earliest);
    },
    event: (entry) => (entry.event !== null && isEventRecord(entry.event) ? entry.event : null),
    attribution: (entry) => attributionOf(entry),
  },
};
