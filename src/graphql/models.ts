/**
 * What the GraphQL layer hands from a resolver to the fields of its result (codegen's mappers),
 * where that is not a domain or port record as it is.
 */
import type { EntityRecord, StatementRecord } from '../domain/index.js';
import type { ChangesetDocument } from '../domain/review.js';
import type { ChangeRecord, Page, TimelineEntry } from '../store/graph-store.js';

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
/** `ChangeConnection`. */
export type ChangePage = Page<ChangeRecord>;
/** `ChangedRecord`: one record of a change's before or after, in the file form. */
export interface ChangedRecordModel {
  readonly section: 'SOURCE' | 'ENTITY' | 'RELATION' | 'STATEMENT';
  readonly record: { readonly id: string };
}
