/**
 * The claimants' index of the embedded store's timeline (claimant-rows.ts): a write's lists kept
 * beside the index it came from, made into one Map again past a bound. Every version answers as a
 * plain Map written the same way, and a later write leaves the earlier versions as they were.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimantRows } from '../../src/store/memory/claimant-rows.js';

const IDS = ['a', 'b', 'c', 'd', 'e', 'f'];

/** One write: some claimants' lists replaced, an empty list taking a claimant's away. */
const writeArb = fc.array(fc.tuple(fc.constantFrom(...IDS), fc.array(fc.nat(9), { maxLength: 3 })), { maxLength: 4 });

describe('the claimants\' index', () => {
  it('answers every claimant as a Map written alike, in every version, across the point where it is made whole again', () => {
    fc.assert(
      fc.property(fc.array(writeArb, { maxLength: 12 }), fc.integer({ min: 0, max: 4 }), (writes, maxChanged) => {
        let model = new Map<string, number[]>([['a', [1]], ['c', [2, 3]]]);
        let index = new ClaimantRows<number>(new Map(model), new Map(), maxChanged);
        const versions: [ClaimantRows<number>, Map<string, number[]>][] = [[index, model]];
        for (const write of writes) {
          const lists = new Map(write);
          index = index.with(lists);
          model = new Map(model);
          for (const [id, rows] of lists) {
            if (rows.length === 0) model.delete(id);
            else model.set(id, rows);
          }
          versions.push([index, model]);
        }
        for (const [version, expected] of versions) {
          for (const id of IDS) expect(version.of(id)).toEqual(expected.get(id) ?? []);
        }
      }),
      { numRuns: 500 },
    );
  });
});
