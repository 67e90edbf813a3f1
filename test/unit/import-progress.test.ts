import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importProgress } from '../../src/ingest/progress.js';

describe('import progress', () => {
  it('logs a phase when it starts, then at most every interval, and always its last row', () => {
    const lines: string[] = [];
    let clock = 0;
    const progress = importProgress({ interactive: false, line: (l) => lines.push(l), everyMs: 2_000, now: () => clock });
    for (let done = 5_000; done <= 50_000; done += 5_000) {
      clock += 500; // a batch every half second: one line in four
      progress.report(done, 50_000, 'relations');
    }
    progress.report(50_000, 50_000, 'relations'); // a repeated last report is not logged twice
    progress.report(120, 120, 'statements');
    progress.stop();
    expect(lines).toEqual([
      'relations: 5,000 of 50,000 rows (10%)',
      'relations: 25,000 of 50,000 rows (50%)',
      'relations: 45,000 of 50,000 rows (90%)',
      'relations: 50,000 of 50,000 rows (100%)',
      'statements: 120 of 120 rows (100%)',
    ]);
  });

  it('draws a bar per phase on a terminal', () => {
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true });
    let drawn = '';
    stream.on('data', (chunk: Buffer) => (drawn += chunk.toString()));
    const progress = importProgress({ interactive: true, line: () => {}, stream });
    progress.report(2_500, 10_000, 'entities');
    progress.report(10_000, 10_000, 'entities');
    progress.report(40, 80, 'relations');
    progress.stop();
    expect(drawn).toContain('entities');
    expect(drawn).toMatch(/10000\/10000 rows/);
    expect(drawn).toMatch(/relations\s+\[[^\]]+\] 50% \| 40\/80 rows/);
  });
});
