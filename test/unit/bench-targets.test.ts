/** The bench's targets: each met or missed by the figures a run measured, and only for questions it ran. */
import { describe, expect, it } from 'vitest';
import type { LoadFigures } from '../../tools/bench/common.js';
import { checkTargets } from '../../tools/bench/targets.js';

const figures = (requestsPerSec: number, p99: number, failures: Partial<LoadFigures> = {}): LoadFigures => ({
  requestsPerSec,
  p50: 1,
  p99,
  max: p99,
  requests: 1000,
  errors: 0,
  timeouts: 0,
  non2xx: 0,
  errorAnswers: 0,
  errorCodes: {},
  peakRssMb: 800,
  loadAverage: [1, 1, 1],
  ...failures,
});

const verdicts = (questions: Record<string, LoadFigures>, startupMs = 3000, rssAfterStartMb = 750) =>
  Object.fromEntries(checkTargets({ startupMs, rssAfterStartMb, questions }).map((v) => [v.target, v]));

describe('the bench targets', () => {
  it('are met by figures within them and missed by figures past them', () => {
    const met = verdicts({
      floor: figures(18_000, 7),
      entity: figures(9_000, 11),
      search: figures(8_000, 19),
      shortestPath: figures(6_000, 49),
      paths3: figures(3_000, 31),
      'neighborhood2-median': figures(2_000, 47),
      'neighborhood2-hub': figures(3_000, 28),
    });
    expect(Object.values(met).every((v) => v.met)).toBe(true);
    expect(Object.keys(met)).toHaveLength(8);
    expect(met["entity(id) with relations at least 0.5 of the floor query's requests/s"]?.measured).toBe('0.500 (9000 / 18000 req/s)');

    const missed = verdicts(
      {
        floor: figures(18_000, 7),
        entity: figures(8_999, 11),
        search: figures(8_000, 20),
        'neighborhood2-median': figures(2_000, 12, { timeouts: 1 }),
        'neighborhood2-hub': figures(3_000, 28, { errorAnswers: 2 }),
      },
      5000,
      1024,
    );
    expect(Object.entries(missed).filter(([, v]) => v.met).map(([target]) => target)).toEqual([]);
    expect(missed["a hub's neighbourhood bounded (limit 100, every answer without an error)"]?.measured).toBe('2 failed of 1000, p99 28 ms');
  });

  it('leave out the questions a run did not ask', () => {
    expect(Object.keys(verdicts({ search: figures(8_000, 12) }))).toEqual([
      'start-up under 5 s',
      'RSS after start-up under 1 GB',
      'search p99 under 20 ms',
    ]);
  });
});
