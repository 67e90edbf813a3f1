/**
 * The embedded store's targets at 100k entities / 1M relations (issue: performance at scale),
 * checked against a bench run's figures: each with what was measured and whether it is met. A
 * target whose question was not run (`--only`) is left out.
 */
import type { LoadFigures } from './common.js';

export interface BenchFigures {
  readonly startupMs: number;
  readonly rssAfterStartMb: number;
  readonly questions: Readonly<Record<string, LoadFigures>>;
}

export interface TargetVerdict {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/** The dataset size the targets are set for. */
export const TARGET_SIZE = { entities: 100_000, relations: 1_000_000 } as const;

const answeredAlways = (f: LoadFigures) => f.errors === 0 && f.timeouts === 0 && f.non2xx === 0 && f.errorAnswers === 0;

export function checkTargets({ startupMs, rssAfterStartMb, questions }: BenchFigures): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [
    { target: 'start-up under 5 s', measured: `${(startupMs / 1000).toFixed(2)} s`, met: startupMs < 5000 },
    { target: 'RSS after start-up under 1 GB', measured: `${rssAfterStartMb} MB`, met: rssAfterStartMb < 1024 },
  ];
  const p99Under = (question: string, label: string, ms: number) => {
    const f = questions[question];
    if (f === undefined) return;
    verdicts.push({ target: `${label} p99 under ${ms} ms`, measured: `${f.p99} ms`, met: answeredAlways(f) && f.p99 < ms });
  };
  p99Under('search', 'search', 20);
  p99Under('shortestPath', 'shortestPath', 50);
  p99Under('paths3', 'paths(first: 3)', 50);
  p99Under('neighborhood2-median', 'neighborhood(depth: 2) of a median node', 50);
  const hub = questions['neighborhood2-hub'];
  if (hub !== undefined) {
    verdicts.push({
      target: "a hub's neighbourhood bounded (limit 100, every answer without an error)",
      measured: `${hub.errorAnswers + hub.errors + hub.timeouts + hub.non2xx} failed of ${hub.requests}, p99 ${hub.p99} ms`,
      met: answeredAlways(hub),
    });
  }
  const floor = questions['floor'];
  const entity = questions['entity'];
  if (floor !== undefined && entity !== undefined) {
    const ratio = entity.requestsPerSec / floor.requestsPerSec;
    verdicts.push({
      target: "entity(id) with relations at least 0.5 of the floor query's requests/s",
      measured: `${ratio.toFixed(3)} (${Math.round(entity.requestsPerSec)} / ${Math.round(floor.requestsPerSec)} req/s)`,
      met: ratio >= 0.5,
    });
  }
  return verdicts;
}
