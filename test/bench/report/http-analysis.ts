import type { AppStats } from '../http/app-protocol.js';
import { ROUTES, type AppMode, type HttpResult, type Route } from '../http/http-result.js';
import type { LoadResult } from '../http/load-result.js';
import { median, pairedRatios } from '../support/stats.js';

/** Medians of one mode on one route, and its ratios to a reference mode, paired by round. */
export interface ModeComparison {
  route: Route;
  mode: AppMode;
  requestsPerSecond: number;
  p50Millis: number;
  p99Millis: number;
  throughputRatio: number;
  p50Ratio: number;
  p99Ratio: number;
  failures: number;
}

export interface MemoryComparison {
  mode: AppMode;
  stats: AppStats;
  /** Peak RSS during the measured rounds minus the healthy app's. */
  peakVsHealthyBytes: number;
  /** Heap left after full collections at the end minus the healthy app's: memory actually retained. */
  settledHeapVsHealthyBytes: number;
}

export interface HttpAnalysis {
  /** Healthy export against tracing disabled. */
  overhead: ModeComparison[];
  /** Refused and hanging endpoints against the healthy one. */
  outage: ModeComparison[];
  spansPerRequest: Record<Route, number>;
  memory: MemoryComparison[];
}

export function analyzeHttp(result: HttpResult): HttpAnalysis {
  const compare = (route: Route, mode: AppMode, reference: AppMode): ModeComparison => {
    const runs = result.runs[route][mode];
    const base = result.runs[route][reference];
    const pick = (list: LoadResult[], field: 'requestsPerSecond' | 'p50Millis' | 'p99Millis'): number[] =>
      list.map((run) => run[field]);
    return {
      route,
      mode,
      requestsPerSecond: median(pick(runs, 'requestsPerSecond')),
      p50Millis: median(pick(runs, 'p50Millis')),
      p99Millis: median(pick(runs, 'p99Millis')),
      throughputRatio: median(pairedRatios(pick(runs, 'requestsPerSecond'), pick(base, 'requestsPerSecond'))),
      p50Ratio: median(pairedRatios(pick(runs, 'p50Millis'), pick(base, 'p50Millis'))),
      p99Ratio: median(pairedRatios(pick(runs, 'p99Millis'), pick(base, 'p99Millis'))),
      failures: runs.reduce((sum, run) => sum + run.failures, 0),
    };
  };
  const healthy = result.stats.healthy;
  return {
    overhead: ROUTES.flatMap((route) => [compare(route, 'disabled', 'disabled'), compare(route, 'healthy', 'disabled')]),
    outage: ROUTES.flatMap((route) => (['refused', 'hanging'] as const).map((mode) => compare(route, mode, 'healthy'))),
    spansPerRequest: Object.fromEntries(ROUTES.map((route) => [route, median(result.spansPerRequest[route])])) as Record<
      Route,
      number
    >,
    memory: (['disabled', 'healthy', 'refused', 'hanging'] as const).map((mode) => ({
      mode,
      stats: result.stats[mode],
      peakVsHealthyBytes: result.stats[mode].peakRssBytes - healthy.peakRssBytes,
      settledHeapVsHealthyBytes: result.stats[mode].settledHeapBytes - healthy.settledHeapBytes,
    })),
  };
}
