import { AppProcess } from './app-process.js';
import { APP_DIST_ENV } from './app-protocol.js';
import { HangingEndpoint, refusingEndpoint, SpanSink } from './endpoints.js';
import { APP_MODES, type AppMode } from './http-result.js';
import { LoadGenerator } from './load-generator.js';
import { LIGHT_STACK_ENV } from '../light/light-stack.js';

/** The span sink, the broken endpoints, one app process per mode (all on 127.0.0.1), and the load generator. */
export interface HttpFixture {
  sink: SpanSink;
  load: LoadGenerator;
  apps: Record<AppMode, AppProcess>;
  close(): Promise<void>;
}

interface Endpoints {
  healthy: string;
  refused: string;
  hanging: string;
}

/** The auto-instrumentations the standard stack keeps (getNodeAutoInstrumentations reads this). */
const OTEL_INSTRUMENTATIONS = 'http,express,nestjs-core,pg,undici';

/** Entry and environment of a mode: nothing but PATH and the settings that mode needs. */
function appLaunch(mode: AppMode, endpoints: Endpoints, appDist: string): { entry: string; env: NodeJS.ProcessEnv } {
  const base = { PATH: process.env.PATH ?? '' };
  const exportTo = (url: string) => ({ HONEYCOMB_API_KEY: 'bench-local-key', HONEYCOMB_API_ENDPOINT: url });
  const sample = (env: NodeJS.ProcessEnv) => ({ entry: 'http/app-main.js', env: { ...base, [APP_DIST_ENV]: appDist, ...env } });
  const light = (env: NodeJS.ProcessEnv) => ({ entry: 'light/light-main.js', env: { ...base, ...env } });
  switch (mode) {
    case 'disabled':
      return sample({ HONEYCOMB_ENABLED: 'false' });
    case 'healthy':
    case 'refused':
    case 'hanging':
      return sample(exportTo(endpoints[mode]));
    case 'light-disabled':
      return light({ [LIGHT_STACK_ENV]: 'library', HONEYCOMB_ENABLED: 'false' });
    case 'light-library':
      return light({ [LIGHT_STACK_ENV]: 'library', ...exportTo(endpoints.healthy) });
    case 'light-otel':
      return light({
        [LIGHT_STACK_ENV]: 'otel',
        ...exportTo(endpoints.healthy),
        OTEL_NODE_ENABLED_INSTRUMENTATIONS: OTEL_INSTRUMENTATIONS,
      });
  }
}

/** Starts the endpoints, the load generator and every app process (in parallel; start-up is not measured). */
export async function startHttpFixture(appDist: string): Promise<HttpFixture> {
  const sink = new SpanSink();
  const hanging = new HangingEndpoint();
  const endpoints: Endpoints = { healthy: await sink.start(), refused: await refusingEndpoint(), hanging: await hanging.start() };
  const started = await Promise.allSettled(
    APP_MODES.map((mode) => {
      const { entry, env } = appLaunch(mode, endpoints, appDist);
      return AppProcess.start(entry, env);
    }),
  );
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
