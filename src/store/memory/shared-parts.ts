/**
 * Records read back from the data file share their repeated parts. Each JSON.parse makes its own
 * copy of every id a record refers to, so a million relations held four to six million copies of
 * entity and source ids, days and empty lists; here each id becomes the one string of its entity's
 * or source's own record, each day one string, and every empty list or qualifier set one frozen
 * value. At 100k entities / 1M relations that is about 40% of the heap the records take, which the
 * garbage collector then no longer has to mark. The records are changed in place: they were just
 * parsed and nothing else holds them yet.
 */
import type { Attribution, EntityRecord, RelationRecord, SourceRecord, StatementRecord } from '../../domain/index.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NO_IDS: readonly string[] = Object.freeze([]);
const NO_QUALIFIERS = Object.freeze({});

export class SharedParts {
  private readonly strings = new Map<string, string>();

  /** `entities` and `sources`: the records whose ids the others refer to. */
  constructor(entities: readonly EntityRecord[], sources: readonly SourceRecord[]) {
    for (const { id } of entities) this.strings.set(id, id);
    for (const { id } of sources) this.strings.set(id, id);
  }

  relation(parsed: RelationRecord): RelationRecord {
    const r = parsed as Mutable<RelationRecord>;
    r.from = this.text(r.from);
    r.to = this.text(r.to);
    r.sourceId = this.text(r.sourceId);
    r.claimedBy = this.orNull(r.claimedBy);
    r.date = this.orNull(r.date);
    if (r.statementIds.length === 0) r.statementIds = NO_IDS;
    if (Object.keys(r.qualifiers).length === 0) r.qualifiers = NO_QUALIFIERS;
    for (const a of r.attributions) this.attribution(a);
    return r;
  }

  statement(parsed: StatementRecord): StatementRecord {
    const s = parsed as Mutable<StatementRecord>;
    s.speakerId = this.orNull(s.speakerId);
    s.reportedViaId = this.orNull(s.reportedViaId);
    s.sourceId = this.text(s.sourceId);
    s.date = this.orNull(s.date);
    s.aboutIds = s.aboutIds.length === 0 ? NO_IDS : s.aboutIds.map((id) => this.text(id));
    return s;
  }

  private attribution(parsed: Attribution): void {
    const a = parsed as Mutable<Attribution>;
    a.claimantId = this.orNull(a.claimantId);
    a.viaId = this.orNull(a.viaId);
    a.sourceId = this.text(a.sourceId);
    a.saidOn = this.orNull(a.saidOn);
  }

  /** The one string of this text: an entity's or source's id is its record's own. */
  text(value: string): string {
    const shared = this.strings.get(value);
    if (shared !== undefined) return shared;
    this.strings.set(value, value);
    return value;
  }

  private orNull(value: string | null): string | null {
    return value === null ? null : this.text(value);
  }
}
