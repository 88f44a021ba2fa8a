import type { HttpFixture } from './http-apps.js';
import { APP_MODES, ROUTES, type AppMode, type HttpResult, type HttpSettings, type Route } from './http-result.js';
import type { LoadResult } from './load-result.js';
import { createSession, routeRequest } from './route-requests.js';

type Progress = (line: string) => void;

/**
 * Drives every app with the same fixed load, one at a time, in rounds. The order of the modes
 * rotates each round, so no mode always follows another; ratios are paired within a round.
 * After each healthy run the app is flushed and the sink's new spans are divided by the requests
 * sent (which includes those in flight when the run stopped: the app still handles them).
 */
export async function runHttpBench(fixture: HttpFixture, settings: HttpSettings, progress: Progress): Promise<HttpResult> {
  const { apps, sink, load: generator } = fixture;
  const sessions = new Map<AppMode, string>(
    await Promise.all(APP_MODES.map(async (mode) => [mode, await createSession(apps[mode])] as const)),
  );
  const load = (route: Route, mode: AppMode, durationSeconds: number): Promise<LoadResult> =>
    generator.run(
      routeRequest(route, apps[mode], sessions.get(mode) ?? '', { connections: settings.connections, durationSeconds }),
    );

  if (settings.warmupSeconds > 0) {
    for (const mode of APP_MODES) for (const route of ROUTES) await load(route, mode, settings.warmupSeconds);
  }
  await apps.healthy.flush();
  await Promise.all(APP_MODES.map((mode) => apps[mode].markBaseline()));

  const runs = emptyRuns();
  const spansPerRequest: Record<Route, number[]> = { [ROUTES[0]]: [], [ROUTES[1]]: [] } as Record<Route, number[]>;
  for (let round = 0; round < settings.rounds; round++) {
    progress(`http round ${round + 1}/${settings.rounds}`);
    const order = APP_MODES.map((_, i) => APP_MODES[(i + round) % APP_MODES.length]);
    for (const route of ROUTES) {
      for (const mode of order) {
        const spansBefore = sink.spans;
        const result = await load(route, mode, settings.durationSeconds);
        runs[route][mode].push(result);
        if (mode === 'healthy') {
          await apps.healthy.flush();
          spansPerRequest[route].push((sink.spans - spansBefore) / result.sent);
        }
      }
    }
  }
  const stats = Object.fromEntries(await Promise.all(APP_MODES.map(async (mode) => [mode, await apps[mode].stats()])));
  return { settings, runs, spansPerRequest, stats };
}

function emptyRuns(): HttpResult['runs'] {
  const perMode = (): Record<AppMode, LoadResult[]> => ({ disabled: [], healthy: [], refused: [], hanging: [] });
  return { [ROUTES[0]]: perMode(), [ROUTES[1]]: perMode() } as HttpResult['runs'];
}
