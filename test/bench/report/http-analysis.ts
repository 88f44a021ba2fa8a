import type { AppStats } from '../http/app-protocol.js';
import { ROUTE_MODES, ROUTES, type AppMode, type HttpResult, type Route, type RunSample } from '../http/http-result.js';
import {
  meanEstimate,
  median,
  pairedDifferences,
  pairedRatios,
  ratioEstimate,
  relativeHalfWidth,
  type Estimate,
} from '../support/stats.js';

/** One app on one route: medians over rounds. */
export interface ModeSummary {
  route: Route;
  mode: AppMode;
  cpuMicrosPerRequest: number;
  requestsPerSecond: number;
  p50Millis: number;
  p99Millis: number;
  spansPerRequest: number | undefined;
  /** Content types of the export requests over all rounds. */
  exportEncodings: string[];
  failures: number;
}

/** One app against a reference app on the same route, from per-round paired values. */
export interface Comparison {
  route: Route;
  mode: AppMode;
  reference: AppMode;
  cpu: Estimate;
  /** CPU microseconds per request added over the reference. */
  addedCpuMicros: Estimate;
  throughput: Estimate;
  /**
   * Reference CPU per request over this app's: the throughput ratio a CPU-bound server reaches
   * when both have the CPU to themselves. Unlike measured throughput, other load on the machine
   * between the two runs of a round does not move it.
   */
  capacity: Estimate;
  p50: Estimate;
  p99: Estimate;
}

export interface MemoryComparison {
  mode: AppMode;
  stats: AppStats;
  /** Medians over rounds. */
  settledHeapBytes: number;
  peakRssBytes: number;
  /** Per-round differences from the healthy app (refused and hanging only). */
  settledHeapVsHealthy: Estimate | undefined;
  peakRssVsHealthy: Estimate | undefined;
}

export interface HttpAnalysis {
  rounds: number;
  stoppedBecause: string;
  modes: ModeSummary[];
  /** Every traced app against tracing disabled on its route. */
  overhead: Comparison[];
  /** Refused and hanging endpoints against the healthy one. */
  outage: Comparison[];
  /** The library's added CPU per request on the light fixture over the standard stack's, per round. */
  addedVsOtel: Estimate;
  memory: MemoryComparison[];
}

const OVERHEAD: [Route, AppMode, AppMode][] = [
  ['POST /api/spec-sessions', 'healthy', 'disabled'],
  ['GET /api/spec-sessions/:id', 'healthy', 'disabled'],
  ['GET /api/orders/:sku', 'light-library', 'light-disabled'],
  ['GET /api/orders/:sku', 'light-otel', 'light-disabled'],
];
const OUTAGE: [Route, AppMode, AppMode][] = ROUTES.filter((route) => ROUTE_MODES[route].includes('healthy')).flatMap((route) =>
  (['refused', 'hanging'] as const).map((mode): [Route, AppMode, AppMode] => [route, mode, 'healthy']),
);

export function analyzeHttp(result: HttpResult): HttpAnalysis {
  // Rounds served by the same app processes count as one observation (see blockMeans).
  const block = result.settings.restartEveryRounds;
  const samples = (route: Route, mode: AppMode): RunSample[] => result.runs[route][mode] ?? [];
  const pick = (list: RunSample[], field: 'cpuMicrosPerRequest' | 'requestsPerSecond' | 'p50Millis' | 'p99Millis') =>
    list.map((run) => run[field]);
  const compare = ([route, mode, reference]: [Route, AppMode, AppMode]): Comparison => {
    const [a, b] = [samples(route, mode), samples(route, reference)];
    const ratio = (field: Parameters<typeof pick>[1]) => ratioEstimate(pairedRatios(pick(a, field), pick(b, field)), block);
    return {
      route,
      mode,
      reference,
      cpu: ratio('cpuMicrosPerRequest'),
      addedCpuMicros: meanEstimate(pairedDifferences(pick(a, 'cpuMicrosPerRequest'), pick(b, 'cpuMicrosPerRequest')), block),
      throughput: ratio('requestsPerSecond'),
      capacity: ratioEstimate(pairedRatios(pick(b, 'cpuMicrosPerRequest'), pick(a, 'cpuMicrosPerRequest')), block),
      p50: ratio('p50Millis'),
      p99: ratio('p99Millis'),
    };
  };
  const light = (mode: AppMode) => pick(samples('GET /api/orders/:sku', mode), 'cpuMicrosPerRequest');
  const disabledLight = light('light-disabled');
  const healthyMemory = result.memory.healthy;
  const vsHealthy = (mode: AppMode, field: 'settledHeapBytes') =>
    meanEstimate(
      pairedDifferences(
        result.memory[mode].map((entry) => entry[field]),
        healthyMemory.map((entry) => entry[field]),
      ),
      block,
    );
  const peaks = (mode: AppMode): number[] => {
    // A round's peak for an app: the highest RSS over its runs on every route in that round.
    const perRoute = ROUTES.map((route) => samples(route, mode).map((run) => run.peakRssBytes));
    return Array.from({ length: result.rounds }, (_, i) => Math.max(...perRoute.map((list) => list[i] ?? 0)));
  };
  return {
    rounds: result.rounds,
    stoppedBecause: result.stoppedBecause,
    modes: ROUTES.flatMap((route) =>
      ROUTE_MODES[route].map((mode) => {
        const runs = samples(route, mode);
        const spans = runs.map((run) => run.spansPerRequest).filter((value) => value !== undefined);
        return {
          route,
          mode,
          cpuMicrosPerRequest: median(pick(runs, 'cpuMicrosPerRequest')),
          requestsPerSecond: median(pick(runs, 'requestsPerSecond')),
          p50Millis: median(pick(runs, 'p50Millis')),
          p99Millis: median(pick(runs, 'p99Millis')),
          spansPerRequest: spans.length > 0 ? median(spans) : undefined,
          exportEncodings: [...new Set(runs.flatMap((run) => run.exportEncodings))],
          failures: runs.reduce((sum, run) => sum + run.failures, 0),
        };
      }),
    ),
    overhead: OVERHEAD.map(compare),
    outage: OUTAGE.map(compare),
    addedVsOtel: meanEstimate(
      pairedRatios(
        pairedDifferences(light('light-library'), disabledLight),
        pairedDifferences(light('light-otel'), disabledLight),
      ),
      block,
    ),
    memory: (['disabled', 'healthy', 'refused', 'hanging'] as const).map((mode) => {
      const outage = mode === 'refused' || mode === 'hanging';
      return {
        mode,
        stats: result.stats[mode],
        settledHeapBytes: median(result.memory[mode].map((entry) => entry.settledHeapBytes)),
        peakRssBytes: median(peaks(mode)),
        settledHeapVsHealthy: outage ? vsHealthy(mode, 'settledHeapBytes') : undefined,
        peakRssVsHealthy: outage ? meanEstimate(pairedDifferences(peaks(mode), peaks('healthy')), block) : undefined,
      };
    }),
  };
}

/** The widest relative 95% half-width among the ratios the targets judge: CPU per request, and capacity under outage. */
export function widestTrackedHalfWidth(analysis: HttpAnalysis): number {
  const tracked = [...analysis.overhead.map((row) => row.cpu), ...analysis.outage.map((row) => row.capacity)];
  return Math.max(...tracked.map(relativeHalfWidth));
}

export function widestHalfWidth(result: HttpResult): number {
  return widestTrackedHalfWidth(analyzeHttp(result));
}
