import { analyzeHttp, type RouteProgress } from '../report/http-analysis.js';
import { shuffled } from '../support/stats.js';
import type { HttpFixture } from './http-apps.js';
import {
  APP_MODES,
  EXPORTING_MODES,
  isExportingMode,
  ROUTE_MODES,
  ROUTES,
  type AppMode,
  type HttpResult,
  type HttpSettings,
  type Route,
  type RunSample,
} from './http-result.js';
import { createSession, routeRequest } from './route-requests.js';

type Progress = (line: string) => void;

/**
 * Runs rounds; each round takes the routes still running in a fresh random order and loads every
 * app serving a route at the same time, each from its own load generator with the same fixed
 * load, so whatever else the machine does in that moment falls on all of them alike and ratios
 * pair within a round; the other apps are paused meanwhile. Around each run the app measures its
 * own CPU time and finished requests (exporting apps flush before the window closes, so the
 * window pays for exporting its spans); its own sink's new spans give spans per request. After
 * each round every running app's memory is read after full collections, outside the windows.
 * Every `restartEveryRounds` rounds the running apps are replaced by fresh processes, so a
 * process's own bias (where the scheduler put it, how its code was compiled) varies across rounds
 * instead of running through the phase. Each route runs past `minRounds` until its judged ratios'
 * 95% intervals are within `halfWidth`, then stops on its own, so the time left goes to the routes
 * whose ratios are noisier; the phase ends when every route has stopped, or at `maxRounds` or
 * `maxSeconds`.
 */
export async function runHttpBench(fixture: HttpFixture, settings: HttpSettings, progress: Progress): Promise<HttpResult> {
  const { apps, sinks, loads } = fixture;
  const running = new Set<Route>(ROUTES);
  const liveModes = (): AppMode[] => APP_MODES.filter((mode) => [...running].some((route) => ROUTE_MODES[route].includes(mode)));
  const sessions = new Map<AppMode, string>();
  const load = (route: Route, mode: AppMode, durationSeconds: number) =>
    loads[mode].run(
      routeRequest(route, apps[mode], sessions.get(mode) ?? '', { connections: settings.connections, durationSeconds }),
    );
  /** Fresh processes: the sessions the GET route reads, warm-up, an empty export queue. */
  const prepareApps = async (): Promise<void> => {
    const live = liveModes();
    const sampleApps = ROUTE_MODES['GET /api/spec-sessions/:id'].filter((mode) => live.includes(mode));
    const created = await Promise.all(sampleApps.map((mode) => createSession(apps[mode])));
    sampleApps.forEach((mode, i) => sessions.set(mode, created[i]));
    if (settings.warmupSeconds > 0) {
      for (const route of running) await Promise.all(ROUTE_MODES[route].map((mode) => load(route, mode, settings.warmupSeconds)));
    }
    await Promise.all(EXPORTING_MODES.filter((mode) => live.includes(mode)).map((mode) => apps[mode].flush()));
  };
  const measure = async (route: Route, mode: AppMode): Promise<RunSample> => {
    const app = apps[mode];
    const sink = isExportingMode(mode) ? sinks[mode] : undefined;
    const spansBefore = sink?.spans ?? 0;
    sink?.contentTypes.clear();
    await app.startWindow();
    const loadResult = await load(route, mode, settings.durationSeconds);
    const window = await app.stopWindow(sink !== undefined);
    return {
      ...loadResult,
      cpuMicrosPerRequest: window.cpuMicros / window.requests,
      peakRssBytes: window.peakRssBytes,
      spansPerRequest: sink === undefined ? undefined : (sink.spans - spansBefore) / window.requests,
      exportEncodings: sink === undefined ? [] : [...sink.contentTypes],
    };
  };

  await prepareApps();
  const result: HttpResult = {
    settings,
    rounds: 0,
    stoppedBecause: Object.fromEntries(ROUTES.map((route) => [route, ''])) as Record<Route, string>,
    runs: Object.fromEntries(
      ROUTES.map((route) => [route, Object.fromEntries(ROUTE_MODES[route].map((mode) => [mode, []]))]),
    ) as unknown as HttpResult['runs'],
    memory: Object.fromEntries(APP_MODES.map((mode) => [mode, []])) as unknown as HttpResult['memory'],
    stats: {} as HttpResult['stats'],
  };
  const started = performance.now();
  /** Apps no running route needs: paused until the phase ends (the profiles use them afterwards). */
  const retired: AppMode[] = [];
  try {
    for (;;) {
      if (result.rounds > 0 && result.rounds % settings.restartEveryRounds === 0) {
        await fixture.restartApps(liveModes());
        await prepareApps();
      }
      for (const route of shuffled([...running])) {
        const modes = ROUTE_MODES[route];
        // The other apps are paused meanwhile: their background work (retried exports, timers,
        // collections) would otherwise land on some of the measured apps more than on others.
        const idle = liveModes().filter((mode) => !modes.includes(mode));
        for (const mode of idle) apps[mode].pause();
        try {
          const samples = await Promise.all(modes.map((mode) => measure(route, mode)));
          modes.forEach((mode, i) => result.runs[route][mode]?.push(samples[i]));
        } finally {
          for (const mode of idle) apps[mode].resume();
        }
      }
      const live = liveModes();
      const settled = await Promise.all(live.map((mode) => apps[mode].memory()));
      live.forEach((mode, i) => result.memory[mode].push(settled[i]));
      result.rounds++;
      const elapsed = (performance.now() - started) / 1000;
      const routes = analyzeHttp(result).routes.filter((entry) => running.has(entry.route));
      const widths = routes.map((entry) => `${entry.route} ±${(entry.widestHalfWidth * 100).toFixed(1)}%`).join(', ');
      progress(`http round ${result.rounds} after ${elapsed.toFixed(0)} s, widest 95% intervals: ${widths}`);
      for (const [route, reason] of routeStops(routes, result.rounds, elapsed, settings)) {
        result.stoppedBecause[route] = reason;
        running.delete(route);
      }
      const newlyRetired = live.filter((mode) => !liveModes().includes(mode));
      for (const mode of newlyRetired) apps[mode].pause();
      retired.push(...newlyRetired);
      if (running.size === 0) break;
    }
  } finally {
    for (const mode of retired) apps[mode].resume();
  }
  result.stats = await fixture.stats();
  return result;
}

/**
 * The running routes that stop after `rounds` rounds and `elapsedSeconds`, each with its reason:
 * none before `minRounds`; a route whose judged intervals are all within `halfWidth`; every route
 * once the round limit or the time budget is reached.
 */
export function routeStops(
  running: readonly RouteProgress[],
  rounds: number,
  elapsedSeconds: number,
  settings: Pick<HttpSettings, 'minRounds' | 'maxRounds' | 'maxSeconds' | 'halfWidth'>,
): [Route, string][] {
  if (rounds < settings.minRounds) return [];
  const limit =
    rounds >= settings.maxRounds
      ? `round limit (${settings.maxRounds}) reached`
      : elapsedSeconds >= settings.maxSeconds
        ? `time budget (${settings.maxSeconds} s) spent`
        : '';
  return running.flatMap(({ route, widestHalfWidth }): [Route, string][] => {
    const reason = widestHalfWidth <= settings.halfWidth ? `every judged interval within ±${settings.halfWidth * 100}%` : limit;
    return reason === '' ? [] : [[route, reason]];
  });
}
