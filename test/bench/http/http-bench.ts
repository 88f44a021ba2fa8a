import { widestHalfWidth } from '../report/http-analysis.js';
import { shuffled } from '../support/stats.js';
import type { HttpFixture } from './http-apps.js';
import {
  APP_MODES,
  EXPORTING_MODES,
  ROUTE_MODES,
  ROUTES,
  type AppMode,
  type HttpResult,
  type HttpSettings,
  type Route,
} from './http-result.js';
import { createSession, routeRequest } from './route-requests.js';

type Progress = (line: string) => void;

/**
 * Drives every app with the same fixed load, one at a time, in rounds; each round runs every route
 * on every app serving it, in a fresh random order, so ratios pair within a round. Around each run
 * the app measures its own CPU time and finished requests (exporting apps flush before the window
 * closes, so the window pays for exporting its spans); the sink's new spans give spans per
 * request. After each round every app's memory is read after full collections, outside the windows.
 * Rounds continue past `minRounds` until every tracked ratio's 95% interval is within
 * `halfWidth`, or `maxRounds` or `maxSeconds` is reached.
 */
export async function runHttpBench(fixture: HttpFixture, settings: HttpSettings, progress: Progress): Promise<HttpResult> {
  const { apps, sink, load: generator } = fixture;
  const sampleApps = ROUTE_MODES['GET /api/spec-sessions/:id'];
  const sessions = new Map<AppMode, string>(
    await Promise.all(sampleApps.map(async (mode) => [mode, await createSession(apps[mode])] as const)),
  );
  const load = (route: Route, mode: AppMode, durationSeconds: number) =>
    generator.run(
      routeRequest(route, apps[mode], sessions.get(mode) ?? '', { connections: settings.connections, durationSeconds }),
    );

  if (settings.warmupSeconds > 0) {
    for (const route of ROUTES) for (const mode of ROUTE_MODES[route]) await load(route, mode, settings.warmupSeconds);
  }
  await Promise.all(EXPORTING_MODES.map((mode) => apps[mode].flush()));

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
  const runs = ROUTES.flatMap((route) => ROUTE_MODES[route].map((mode) => ({ route, mode })));
  const started = performance.now();
  for (;;) {
    for (const { route, mode } of shuffled(runs)) {
      const app = apps[mode];
      const exporting = EXPORTING_MODES.includes(mode);
      const spansBefore = sink.spans;
      sink.contentTypes.clear();
      await app.startWindow();
      const loadResult = await load(route, mode, settings.durationSeconds);
      const window = await app.stopWindow(exporting);
      result.runs[route][mode]?.push({
        ...loadResult,
        cpuMicrosPerRequest: window.cpuMicros / window.requests,
        peakRssBytes: window.peakRssBytes,
        spansPerRequest: exporting ? (sink.spans - spansBefore) / window.requests : undefined,
        exportEncodings: exporting ? [...sink.contentTypes] : [],
      });
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
  result.stats = Object.fromEntries(await Promise.all(APP_MODES.map(async (mode) => [mode, await apps[mode].stats()])));
  return result;
}
