/** Label values with bounded cardinality, so that clients cannot grow the metrics without end. */

/** Values beyond the cap, or too long, are counted under this one. */
export const OTHER = 'other';

/**
 * Admits the first `max` distinct values it sees (each up to `maxLength` characters); any later
 * new value, or a longer one, becomes "other". Values already admitted stay admitted.
 */
export class BoundedLabel {
  private readonly admitted = new Set<string>();

  constructor(
    private readonly max: number,
    private readonly maxLength = 100,
  ) {}

  of(value: string): string {
    if (this.admitted.has(value)) return value;
    if (value.length > this.maxLength || this.admitted.size >= this.max) return OTHER;
    this.admitted.add(value);
    return value;
  }
}
