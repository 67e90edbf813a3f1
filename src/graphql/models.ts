/**
 * What the GraphQL layer hands from a resolver to the fields of its result (codegen's mappers),
 * where that is not a domain or port record as it is.
 */
import type { EntityRecord, StatementRecord } from '../domain/index.js';
import type { ChangesetDocument } from '../domain/review.js';
import type { Page, TimelineEntry } from '../store/graph-store.js';

/** `EntityConnection` and `EventConnection` (whose items are events). */
export type EntityPage = Page<EntityRecord>;
/** `StatementConnection`. */
export type StatementPage = Page<StatementRecord>;
/** `TimelineConnection`. */
export type TimelinePage = Page<TimelineEntry>;
/** `PageInfo`: where any page ends. */
export type AnyPage = Page<unknown>;
/** `ChangesetConnection`. */
export type ChangesetPage = Page<ChangesetDocument>;
