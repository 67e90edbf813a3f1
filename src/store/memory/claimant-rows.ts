/**
 * Lists by claimant id, as the timeline's claimants' index keeps them (facts.ts): each write changes
 * the lists of a claimant or two, so a write's index keeps the lists it changed beside the index it
 * came from rather than copying a Map of every claimant (tens of thousands at 1M relations).
 */

/** Past this many claimants whose lists were changed, the next change makes one Map of them all again. */
export const CHANGED_CLAIMANTS = 256;

export class ClaimantRows<T> {
  constructor(
    private readonly base: ReadonlyMap<string, readonly T[]>,
    private readonly changed: ReadonlyMap<string, readonly T[]> = new Map(),
    private readonly maxChanged = CHANGED_CLAIMANTS,
  ) {}

  /** A claimant's list; empty when it has none. */
  of(claimantId: string): readonly T[] {
    return this.changed.get(claimantId) ?? this.base.get(claimantId) ?? [];
  }

  /** These lists with the given claimants' lists instead (an empty list: none left). */
  with(lists: ReadonlyMap<string, readonly T[]>): ClaimantRows<T> {
    if (lists.size === 0) return this;
    const changed = new Map([...this.changed, ...lists]);
    if (changed.size <= this.maxChanged) return new ClaimantRows(this.base, changed, this.maxChanged);
    const base = new Map(this.base);
    for (const [claimantId, rows] of changed) {
      if (rows.length === 0) base.delete(claimantId);
      else base.set(claimantId, rows);
    }
    return new ClaimantRows(base, new Map(), this.maxChanged);
  }
}
