import type { AppStats } from '../http/app-protocol.js';
import {
  LIGHT_ROUTE,
  ROUTE_MODES,
  ROUTES,
  type AppMode,
  type HttpResult,
  type Route,
  type RunSample,
} from '../http/http-result.js';
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

/** How far one route's rounds went, and why they stopped. */
export interface RouteProgress {
  route: Route;
  rounds: number;
  blocks: number;
  /** The widest relative 95% half-width among the route's judged ratios. */
  widestHalfWidth: number;
  stoppedBecause: string;
}

export interface HttpAnalysis {
  /** Rounds in which any route ran. */
  rounds: number;
  routes: RouteProgress[];
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
  [LIGHT_ROUTE, 'light-library', 'light-disabled'],
  [LIGHT_ROUTE, 'light-otel', 'light-disabled'],
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
  const light = (mode: AppMode) => pick(samples(LIGHT_ROUTE, mode), 'cpuMicrosPerRequest');
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
    // A route that stopped early has fewer runs; rounds after it count the routes still running.
    const perRoute = ROUTES.map((route) => samples(route, mode).map((run) => run.peakRssBytes));
    const rounds = Math.max(...perRoute.map((list) => list.length));
    return Array.from({ length: rounds }, (_, i) => Math.max(...perRoute.map((list) => list[i] ?? 0)));
  };
  const overhead = OVERHEAD.map(compare);
  const outage = OUTAGE.map(compare);
  const addedVsOtel = meanEstimate(
    pairedRatios(pairedDifferences(light('light-library'), disabledLight), pairedDifferences(light('light-otel'), disabledLight)),
    block,
  );
  const judged = judgedEstimates(overhead, outage, addedVsOtel);
  return {
    rounds: result.rounds,
    routes: ROUTES.map((route) => {
      const rounds = samples(route, ROUTE_MODES[route][0]).length;
      return {
        route,
        rounds,
        blocks: Math.ceil(rounds / block),
        widestHalfWidth: widestOf(judged, route),
        stoppedBecause: result.stoppedBecause[route],
      };
    }),
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
    overhead,
    outage,
    addedVsOtel,
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

/**
 * The ratios the targets judge, each with its route: CPU per request against tracing disabled,
 * capacity under outage, and the library's added CPU over the standard stack's on the light fixture.
 */
function judgedEstimates(overhead: Comparison[], outage: Comparison[], addedVsOtel: Estimate): [Route, Estimate][] {
  return [
    ...overhead.map((row): [Route, Estimate] => [row.route, row.cpu]),
    ...outage.map((row): [Route, Estimate] => [row.route, row.capacity]),
    [LIGHT_ROUTE, addedVsOtel],
  ];
}

function widestOf(judged: [Route, Estimate][], route: Route): number {
  return Math.max(...judged.filter(([of]) => of === route).map(([, estimate]) => relativeHalfWidth(estimate)));
}
