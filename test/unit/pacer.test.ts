/** The Pacer's slices: fixed for a request's loop, and for shared work a share of what the rest of the server held. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Pacer } from '../../src/store/pacer.js';

let clock = 0;
afterEach(() => vi.restoreAllMocks());

/** Pauses `pacer` while the rest of the server holds the event loop for `awayMs`. */
async function pauseWhileAway(pacer: Pacer, awayMs: number): Promise<void> {
  const paused = pacer.pause();
  clock += awayMs;
  await paused;
}

/** How long after its slice started the pacer first says a pause is due (whole ms). */
function sliceLength(pacer: Pacer): number {
  const started = clock;
  while (!pacer.due(1024)) clock += 1;
  return clock - started;
}

describe('Pacer', () => {
  it('gives a loop slices of sliceMs whatever the pauses, and shared work half of each pause, within 10 to 50 ms', async () => {
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const request = new Pacer(undefined, 10);
    const shared = Pacer.sharing();
    for (const [awayMs, requestSlice, sharedSlice] of [
      [0, 11, 11],
      [60, 11, 31],
      [150, 11, 51],
      [4, 11, 11],
    ] as const) {
      await pauseWhileAway(request, awayMs);
      expect(sliceLength(request), `a request's slice after ${awayMs} ms away`).toBe(requestSlice);
      await pauseWhileAway(shared, awayMs);
      expect(sliceLength(shared), `shared work's slice after ${awayMs} ms away`).toBe(sharedSlice);
    }
  });
});
