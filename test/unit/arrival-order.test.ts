/** Requests start in the order they arrived, a few per turn of the event loop. */
import { describe, expect, it } from 'vitest';
import { ArrivalOrder } from '../../src/server/arrival-order.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('ArrivalOrder', () => {
  it('starts a request at once on an idle server: in the turn it arrived, before what that turn queued after it', async () => {
    const order = new ArrivalOrder(3);
    const seen: string[] = [];
    order.inTurn(() => seen.push('request'));
    setImmediate(() => seen.push('later in the turn'));
    await nextTurn();
    expect(seen).toEqual(['request', 'later in the turn']);
  });

  it('starts the waiting requests a few per turn, in the order they arrived, and a later arrival after all of them', async () => {
    const order = new ArrivalOrder(3);
    const started: number[][] = [];
    let turn = 0;
    const arrive = (id: number) =>
      order.inTurn(() => {
        (started[turn] ??= []).push(id);
      });
    for (let id = 1; id <= 7; id++) arrive(id);
    expect(order.length).toBe(7);
    // Each turn of the loop: the requests started in it, then one that arrives during it.
    for (let id = 8; order.length > 0; id++) {
      await nextTurn();
      arrive(id);
      turn++;
      if (id > 20) break;
    }
    await nextTurn();
    await nextTurn();
    expect(started.flat()).toEqual([...started.flat()].sort((a, b) => a - b));
    expect(started[0]).toEqual([1, 2, 3]);
    expect(started[1]).toEqual([4, 5, 6]);
    expect(started[2]).toEqual([7, 8, 9]);
    expect(Math.max(...started.map((s) => s.length))).toBe(3);
    expect(order.length).toBe(0);
  });

  it('resolves turn() in the order of asking', async () => {
    const order = new ArrivalOrder(2);
    const seen: number[] = [];
    await Promise.all([1, 2, 3, 4, 5].map((id) => order.turn().then(() => seen.push(id))));
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });
});
