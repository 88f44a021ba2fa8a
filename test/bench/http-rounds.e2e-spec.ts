import { routeStops } from './http/http-bench.js';
import {
  APP_MODES,
  LIGHT_ROUTE,
  ROUTE_MODES,
  ROUTES,
  type AppMode,
  type HttpResult,
  type Route,
  type RunSample,
} from './http/http-result.js';
import { analyzeHttp, type RouteProgress } from './report/http-analysis.js';
import { relativeHalfWidth } from './support/stats.js';

const SETTINGS = { minRounds: 5, maxRounds: 100, maxSeconds: 600, halfWidth: 0.02 };
const progress = (route: Route, widestHalfWidth: number): RouteProgress => ({
  route,
  rounds: 0,
  blocks: 0,
  widestHalfWidth,
  stoppedBecause: '',
});

describe('when each HTTP route stops', () => {
  const [post, get] = ROUTES;

  it('stops no route before the minimum number of rounds, however narrow its intervals', () => {
    expect(routeStops([progress(post, 0.001)], 4, 10, SETTINGS)).toEqual([]);
  });

  it('stops a route whose judged intervals are narrow enough and keeps the others running', () => {
    expect(routeStops([progress(post, 0.019), progress(get, 0.021), progress(LIGHT_ROUTE, 0.05)], 5, 10, SETTINGS)).toEqual([
      [post, 'every judged interval within ±2%'],
    ]);
  });

  it('stops every running route at the time budget or the round limit, naming which', () => {
    const running = [progress(get, 0.021), progress(LIGHT_ROUTE, 0.05)];
    expect(routeStops(running, 50, 600, SETTINGS)).toEqual([
      [get, 'time budget (600 s) spent'],
      [LIGHT_ROUTE, 'time budget (600 s) spent'],
    ]);
    expect(routeStops(running, 100, 10, SETTINGS).map(([, reason]) => reason)).toEqual([
      'round limit (100) reached',
      'round limit (100) reached',
    ]);
  });
});

/** A run whose CPU per request is `cpu`; the other fields are fixed. */
const sample = (cpu: number, peakRssBytes = 100e6): RunSample => ({
  responses: 1000,
  sent: 1000,
  requestsPerSecond: 1e6 / cpu,
  p50Millis: 1,
  p99Millis: 2,
  failures: 0,
  cpuMicrosPerRequest: cpu,
  peakRssBytes,
  spansPerRequest: undefined,
  exportEncodings: [],
});

/**
 * The sample app's routes stopped after 6 rounds, the light route ran 12, fresh processes every 3.
 * Sample app: traced CPU 1.2x disabled in every round. Light fixture: the library's CPU is within
 * ±1% of 1100 µs over a disabled app at 1000 µs, the standard stack's 1200 µs, so the library's
 * CPU ratio is tight while its added CPU over the stack's (about 100 µs ± 10 over 200) is not.
 */
function staggeredResult(): HttpResult {
  const sampleRounds = 6;
  const lightRounds = 12;
  const wobble = (i: number) => (i % 2 === 0 ? 1 : -1) * (i % 3);
  const cpu: Record<AppMode, (i: number) => number> = {
    disabled: () => 4000,
    healthy: () => 4800,
    refused: () => 4800,
    hanging: () => 4800,
    'light-disabled': () => 1000,
    'light-library': (i) => 1100 + 5 * wobble(i),
    'light-otel': () => 1200,
  };
  const runs = Object.fromEntries(
    ROUTES.map((route) => {
      const rounds = route === LIGHT_ROUTE ? lightRounds : sampleRounds;
      return [
        route,
        Object.fromEntries(
          ROUTE_MODES[route].map((mode) => [mode, Array.from({ length: rounds }, (_, i) => sample(cpu[mode](i)))]),
        ),
      ];
    }),
  ) as HttpResult['runs'];
  const memoryRounds = (mode: AppMode) => (ROUTE_MODES[LIGHT_ROUTE].includes(mode) ? lightRounds : sampleRounds);
  return {
    settings: {
      connections: 4,
      warmupSeconds: 0,
      durationSeconds: 1,
      minRounds: 5,
      maxRounds: 100,
      restartEveryRounds: 3,
      maxSeconds: 600,
      halfWidth: 0.02,
    },
    rounds: lightRounds,
    stoppedBecause: {
      'POST /api/spec-sessions': 'every judged interval within ±2%',
      'GET /api/spec-sessions/:id': 'every judged interval within ±2%',
      'GET /api/orders/:sku': 'time budget (600 s) spent',
    },
    runs,
    memory: Object.fromEntries(
      APP_MODES.map((mode) => [
        mode,
        Array.from({ length: memoryRounds(mode) }, () => ({ settledHeapBytes: 50e6, settledRssBytes: 90e6 })),
      ]),
    ) as HttpResult['memory'],
    stats: Object.fromEntries(APP_MODES.map((mode) => [mode, { warnings: 0, firstWarning: undefined }])) as HttpResult['stats'],
  };
}

describe('the HTTP analysis of routes that stopped at different rounds', () => {
  const analysis = analyzeHttp(staggeredResult());

  it("counts each route's own rounds and blocks, with the reason it stopped", () => {
    expect(analysis.routes.map(({ route, rounds, blocks, stoppedBecause }) => [route, rounds, blocks, stoppedBecause])).toEqual([
      ['POST /api/spec-sessions', 6, 2, 'every judged interval within ±2%'],
      ['GET /api/spec-sessions/:id', 6, 2, 'every judged interval within ±2%'],
      ['GET /api/orders/:sku', 12, 4, 'time budget (600 s) spent'],
    ]);
  });

  it("judges the light route by the library's added CPU over the standard stack's as well as by each CPU ratio", () => {
    const light = analysis.routes.find((route) => route.route === LIGHT_ROUTE);
    const lightCpu = analysis.overhead.filter((row) => row.route === LIGHT_ROUTE).map((row) => relativeHalfWidth(row.cpu));
    expect(Math.max(...lightCpu)).toBeLessThan(0.01);
    expect(light?.widestHalfWidth).toBeCloseTo(relativeHalfWidth(analysis.addedVsOtel), 10);
    expect(light?.widestHalfWidth).toBeGreaterThan(0.02);
  });

  it('takes peak memory only from the rounds an app ran in', () => {
    // Padding the stopped routes' missing rounds would put zero-byte peaks into the median.
    expect(analysis.memory.map((row) => row.peakRssBytes)).toEqual([100e6, 100e6, 100e6, 100e6]);
    expect(analysis.memory.find((row) => row.mode === 'refused')?.peakRssVsHealthy?.n).toBe(2);
  });
});
