import { AppProcess } from './app-process.js';
import { APP_DIST_ENV, type AppStats } from './app-protocol.js';
import { HangingEndpoint, refusingEndpoint, SpanSink } from './endpoints.js';
import { APP_MODES, EXPORTING_MODES, type AppMode, type ExportingMode } from './http-result.js';
import { LoadGenerator } from './load-generator.js';
import { LIGHT_STACK_ENV } from '../light/light-stack.js';
import { shuffled } from '../support/stats.js';

/**
 * The endpoints, one app process per mode (all on 127.0.0.1), and one load generator per mode,
 * so the apps serving a route can be loaded at the same time. Each exporting app has a sink of
 * its own, so apps measured side by side count only their own spans.
 */
export interface HttpFixture {
  sinks: Record<ExportingMode, SpanSink>;
  loads: Record<AppMode, LoadGenerator>;
  /** The current process of each mode; `restartApps` replaces them. */
  apps: Record<AppMode, AppProcess>;
  /** Each mode's library warnings over every process it has had, the current one included. */
  stats(): Promise<Record<AppMode, AppStats>>;
  /** Stops the apps of `modes`, then starts a fresh process for each, forked in a random order. */
  restartApps(modes: readonly AppMode[]): Promise<void>;
  close(): Promise<void>;
}

interface Endpoints {
  sinks: Record<ExportingMode, string>;
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
      return sample(exportTo(endpoints.sinks.healthy));
    case 'refused':
    case 'hanging':
      return sample(exportTo(endpoints[mode]));
    case 'light-disabled':
      return light({ [LIGHT_STACK_ENV]: 'library', HONEYCOMB_ENABLED: 'false' });
    case 'light-library':
      return light({ [LIGHT_STACK_ENV]: 'library', ...exportTo(endpoints.sinks['light-library']) });
    case 'light-otel':
      return light({
        [LIGHT_STACK_ENV]: 'otel',
        ...exportTo(endpoints.sinks['light-otel']),
        OTEL_NODE_ENABLED_INSTRUMENTATIONS: OTEL_INSTRUMENTATIONS,
      });
  }
}

/** Starts one process per mode, forked in a random order so no mode always starts first. */
async function startApps(
  modes: readonly AppMode[],
  endpoints: Endpoints,
  appDist: string,
): Promise<Partial<Record<AppMode, AppProcess>>> {
  const order = shuffled(modes);
  const started = await Promise.allSettled(
    order.map((mode) => {
      const { entry, env } = appLaunch(mode, endpoints, appDist);
      return AppProcess.start(entry, env);
    }),
  );
  const failure = started.find((result) => result.status === 'rejected');
  if (failure !== undefined) {
    await Promise.all(started.map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)));
    throw failure.reason;
  }
  return Object.fromEntries(order.map((mode, i) => [mode, (started[i] as PromiseFulfilledResult<AppProcess>).value]));
}

const mapModes = <T>(modes: readonly AppMode[], value: (mode: AppMode) => T): Record<AppMode, T> =>
  Object.fromEntries(modes.map((mode) => [mode, value(mode)])) as Record<AppMode, T>;

/** Starts the endpoints, the load generators and every app process (in parallel; start-up is not measured). */
export async function startHttpFixture(appDist: string): Promise<HttpFixture> {
  const sinks = mapModes(EXPORTING_MODES, () => new SpanSink()) as Record<ExportingMode, SpanSink>;
  const hanging = new HangingEndpoint();
  const sinkUrls = Object.fromEntries(
    await Promise.all(EXPORTING_MODES.map(async (mode) => [mode, await sinks[mode].start()])),
  ) as Record<ExportingMode, string>;
  const endpoints: Endpoints = { sinks: sinkUrls, refused: await refusingEndpoint(), hanging: await hanging.start() };
  const loads = mapModes(APP_MODES, () => new LoadGenerator());
  const stopEndpoints = async (): Promise<void> => {
    for (const mode of APP_MODES) loads[mode].close();
    await Promise.all([...EXPORTING_MODES.map((mode) => sinks[mode].stop()), hanging.stop()]);
  };
  const apps = (await startApps(APP_MODES, endpoints, appDist).catch(async (error: unknown) => {
    await stopEndpoints();
    throw error;
  })) as Record<AppMode, AppProcess>;
  const earlierStats = mapModes(APP_MODES, (): AppStats => ({ warnings: 0, firstWarning: undefined }));
  const stopApps = () => Promise.all(APP_MODES.map((mode) => apps[mode].stop()));
  /** The warnings of `modes` over every process each has had, the current one included. */
  const totals = async (modes: readonly AppMode[]): Promise<Partial<Record<AppMode, AppStats>>> => {
    const current = await Promise.all(modes.map((mode) => apps[mode].stats()));
    return Object.fromEntries(
      modes.map((mode, i) => {
        const before = earlierStats[mode];
        return [
          mode,
          { warnings: before.warnings + current[i].warnings, firstWarning: before.firstWarning ?? current[i].firstWarning },
        ];
      }),
    );
  };
  const fixture: HttpFixture = {
    sinks,
    loads,
    apps,
    async stats() {
      return (await totals(APP_MODES)) as Record<AppMode, AppStats>;
    },
    async restartApps(modes) {
      Object.assign(earlierStats, await totals(modes));
      await Promise.all(modes.map((mode) => apps[mode].stop()));
      Object.assign(apps, await startApps(modes, endpoints, appDist));
    },
    async close() {
      await stopApps();
      await stopEndpoints();
    },
  };
  return fixture;
}
