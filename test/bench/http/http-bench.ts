import { widestHalfWidth } from '../report/http-analysis.js';
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
 * Runs rounds; each round takes the routes in a fresh random order and loads every app serving a
 * route at the same time, each from its own load generator with the same fixed load, so whatever
 * else the machine does in that moment falls on all of them alike and ratios pair within a
 * round; the apps not serving the route are paused meanwhile. Around each run the app measures
 * its own CPU time and finished requests (exporting apps flush before the window closes, so the
 * window pays for exporting its spans); its own sink's new spans give spans per request. After
 * each round every app's memory is read after full collections, outside the windows. Every
 * `restartEveryRounds` rounds all apps are replaced by fresh processes, so a process's own bias
 * (where the scheduler put it, how its code was compiled) varies across rounds instead of running
 * through the phase. Rounds continue past `minRounds` until every tracked ratio's 95% interval is
 * within `halfWidth`, or `maxRounds` or `maxSeconds` is reached.
 */
export async function runHttpBench(fixture: HttpFixture, settings: HttpSettings, progress: Progress): Promise<HttpResult> {
  const { apps, sinks, loads } = fixture;
  const sessions = new Map<AppMode, string>();
  const load = (route: Route, mode: AppMode, durationSeconds: number) =>
    loads[mode].run(
      routeRequest(route, apps[mode], sessions.get(mode) ?? '', { connections: settings.connections, durationSeconds }),
    );
  /** Fresh processes: the sessions the GET route reads, warm-up, an empty export queue. */
  const prepareApps = async (): Promise<void> => {
    const sampleApps = ROUTE_MODES['GET /api/spec-sessions/:id'];
    const created = await Promise.all(sampleApps.map((mode) => createSession(apps[mode])));
    sampleApps.forEach((mode, i) => sessions.set(mode, created[i]));
    if (settings.warmupSeconds > 0) {
      for (const route of ROUTES) await Promise.all(ROUTE_MODES[route].map((mode) => load(route, mode, settings.warmupSeconds)));
    }
    await Promise.all(EXPORTING_MODES.map((mode) => apps[mode].flush()));
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
    stoppedBecause: '',
    runs: Object.fromEntries(
      ROUTES.map((route) => [route, Object.fromEntries(ROUTE_MODES[route].map((mode) => [mode, []]))]),
    ) as unknown as HttpResult['runs'],
    memory: Object.fromEntries(APP_MODES.map((mode) => [mode, []])) as unknown as HttpResult['memory'],
    stats: {} as HttpResult['stats'],
  };
  const started = performance.now();
  for (;;) {
    if (result.rounds > 0 && result.rounds % settings.restartEveryRounds === 0) {
      await fixture.restartApps();
      await prepareApps();
    }
    for (const route of shuffled(ROUTES)) {
      const modes = ROUTE_MODES[route];
      // The other apps are paused meanwhile: their background work (retried exports, timers,
      // collections) would otherwise land on some of the measured apps more than on others.
      const idle = APP_MODES.filter((mode) => !modes.includes(mode));
      for (const mode of idle) apps[mode].pause();
      try {
        const samples = await Promise.all(modes.map((mode) => measure(route, mode)));
        modes.forEach((mode, i) => result.runs[route][mode]?.push(samples[i]));
      } finally {
        for (const mode of idle) apps[mode].resume();
      }
    }
    const settled = await Promise.all(APP_MODES.map((mode) => apps[mode].memory()));
    APP_MODES.forEach((mode, i) => result.memory[mode].push(settled[i]));
    result.rounds++;
    const elapsed = (performance.now() - started) / 1000;
    const widest = result.rounds >= 2 ? widestHalfWidth(result) : Number.POSITIVE_INFINITY;
    progress(`http round ${result.rounds}: widest 95% interval ±${(widest * 100).toFixed(1)}% after ${elapsed.toFixed(0)} s`);
    if (result.rounds < settings.minRounds) continue;
    if (widest <= settings.halfWidth) result.stoppedBecause = `every tracked interval within ±${settings.halfWidth * 100}%`;
    else if (result.rounds >= settings.maxRounds) result.stoppedBecause = `round limit (${settings.maxRounds}) reached`;
    else if (elapsed >= settings.maxSeconds) result.stoppedBecause = `time budget (${settings.maxSeconds} s) spent`;
    if (result.stoppedBecause !== '') break;
  }
  result.stats = await fixture.stats();
  return result;
}
