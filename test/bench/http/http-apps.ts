import { AppProcess } from './app-process.js';
import { HangingEndpoint, refusingEndpoint, SpanSink } from './endpoints.js';
import { APP_MODES, type AppMode } from './http-result.js';
import { LoadGenerator } from './load-generator.js';

/** The span sink, the broken endpoints, one app process per mode (all on 127.0.0.1), and the load generator. */
export interface HttpFixture {
  sink: SpanSink;
  load: LoadGenerator;
  apps: Record<AppMode, AppProcess>;
  close(): Promise<void>;
}

/** Where each exporting mode sends its spans. */
export type Endpoints = Record<Exclude<AppMode, 'disabled'>, string>;

/** The app's environment for a mode: nothing but PATH and the observability variables. */
export function appEnvironment(mode: AppMode, endpoints: Endpoints): NodeJS.ProcessEnv {
  const base = { PATH: process.env.PATH ?? '' };
  if (mode === 'disabled') return { ...base, HONEYCOMB_ENABLED: 'false' };
  return { ...base, HONEYCOMB_API_KEY: 'bench-local-key', HONEYCOMB_API_ENDPOINT: endpoints[mode] };
}

/** Starts the endpoints, the load generator and the four app processes (in parallel; start-up is not measured). */
export async function startHttpFixture(appDist: string): Promise<HttpFixture> {
  const sink = new SpanSink();
  const hanging = new HangingEndpoint();
  const endpoints: Endpoints = { healthy: await sink.start(), refused: await refusingEndpoint(), hanging: await hanging.start() };
  const started = await Promise.allSettled(APP_MODES.map((mode) => AppProcess.start(appDist, appEnvironment(mode, endpoints))));
  const load = new LoadGenerator();
  const close = async (): Promise<void> => {
    load.close();
    await Promise.all(started.map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)));
    await Promise.all([sink.stop(), hanging.stop()]);
  };
  const failure = started.find((result) => result.status === 'rejected');
  if (failure !== undefined) {
    await close();
    throw failure.reason;
  }
  const apps = Object.fromEntries(
    APP_MODES.map((mode, i) => [mode, (started[i] as PromiseFulfilledResult<AppProcess>).value]),
  ) as Record<AppMode, AppProcess>;
  return { sink, load, apps, close };
}
