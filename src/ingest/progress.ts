/**
 * Progress of a long import: a bar per phase on a terminal (cli-progress), and on anything else
 * (a CI log, a file) a line per phase at most every few seconds, plus its last one, so that a log
 * shows the import moving without a line per batch.
 */
import cliProgress from 'cli-progress';

export type ProgressReport = (done: number, total: number, phase: string) => void;

export interface ImportProgress {
  readonly report: ProgressReport;
  /** Ends the bar of the phase in progress (call once, after the load, whether or not it failed). */
  stop(): void;
}

export function importProgress(options: {
  readonly interactive: boolean;
  readonly line: (text: string) => void;
  readonly stream?: NodeJS.WritableStream;
  /** Least time between two log lines of one phase (non-interactive). */
  readonly everyMs?: number;
  readonly now?: () => number;
}): ImportProgress {
  return options.interactive ? barProgress(options.stream ?? process.stderr) : lineProgress(options.line, options.everyMs ?? 2_000, options.now ?? Date.now);
}

function barProgress(stream: NodeJS.WritableStream): ImportProgress {
  let bar: cliProgress.SingleBar | null = null;
  let current: string | null = null;
  const stop = () => {
    bar?.stop();
    bar = null;
    current = null;
  };
  return {
    report(done, total, phase) {
      if (phase !== current) {
        stop();
        current = phase;
        bar = new cliProgress.SingleBar(
          { format: `${phase.padEnd(16)} [{bar}] {percentage}% | {value}/{total} rows | {duration_formatted}`, stream, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar!.update(done);
    },
    stop,
  };
}

function lineProgress(line: (text: string) => void, everyMs: number, now: () => number): ImportProgress {
  let current: string | null = null;
  let lastAt = 0;
  return {
    report(done, total, phase) {
      const t = now();
      const finished = done >= total;
      if (phase === current && !finished && t - lastAt < everyMs) return;
      if (phase === current && finished && lastAt === Number.POSITIVE_INFINITY) return;
      current = phase;
      lastAt = finished ? Number.POSITIVE_INFINITY : t;
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      line(`${phase}: ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} rows (${percent}%)`);
    },
    stop() {},
  };
}
