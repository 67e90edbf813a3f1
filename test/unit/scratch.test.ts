import { describe, expect, it } from 'vitest';
import { unmarkedBytes, unreachedInts } from '../../src/store/memory/scratch.js';

describe('scratch arrays for walks', () => {
  it('lends arrays filled with their initial value, also after a walk left marks in them', () => {
    const a = unreachedInts.borrow(5);
    expect([...a]).toEqual([-1, -1, -1, -1, -1]);
    a[2] = 7;
    unreachedInts.giveBack(a);
    const again = unreachedInts.borrow(5);
    expect(again).toBe(a);
    expect([...again]).toEqual([-1, -1, -1, -1, -1]);
    // Two walks at once get two arrays.
    const other = unreachedInts.borrow(5);
    expect(other).not.toBe(again);
    unreachedInts.giveBack(again, other);

    const bytes = unmarkedBytes.borrow(3);
    bytes.fill(1);
    unmarkedBytes.giveBack(bytes);
    expect([...unmarkedBytes.borrow(3)]).toEqual([0, 0, 0]);
    // Another length is another array.
    expect(unmarkedBytes.borrow(4)).toHaveLength(4);
  });
});
