import type { AppMemory, AppStats } from './app-protocol.js';
import type { LoadResult } from './load-result.js';

/**
 * Every app process the HTTP phase starts. The sample app: tracing disabled
 * (HONEYCOMB_ENABLED=false), or traced with Honeycomb-style OTLP export to a healthy sink, a closed
 * port, or a server that never answers. The light fixture: tracing disabled, this library, or the
 * standard OpenTelemetry stack, both exporting to a healthy sink.
 */
export const APP_MODES = ['disabled', 'healthy', 'refused', 'hanging', 'light-disabled', 'light-library', 'light-otel'] as const;
export type AppMode = (typeof APP_MODES)[number];

export const APP_MODE_LABELS: Record<AppMode, string> = {
  disabled: 'tracing disabled',
  healthy: 'traced, healthy OTLP sink',
  refused: 'traced, endpoint refuses connections',
  hanging: 'traced, endpoint never answers',
  'light-disabled': 'tracing disabled',
  'light-library': '@lift-sys/observability',
  'light-otel': 'OpenTelemetry NodeSDK + auto-instrumentations + nestjs-otel',
};

/** Modes whose spans reach a healthy sink (one sink each): their windows include exporting every span. */
export const EXPORTING_MODES = ['healthy', 'light-library', 'light-otel'] as const satisfies readonly AppMode[];
export type ExportingMode = (typeof EXPORTING_MODES)[number];

export function isExportingMode(mode: AppMode): mode is ExportingMode {
  return (EXPORTING_MODES as readonly AppMode[]).includes(mode);
}

export const ROUTES = ['POST /api/spec-sessions', 'GET /api/spec-sessions/:id', 'GET /api/orders/:sku'] as const;
export type Route = (typeof ROUTES)[number];
/** The light fixture's route. */
export const LIGHT_ROUTE = 'GET /api/orders/:sku' satisfies Route;

const SAMPLE_APP: readonly AppMode[] = ['disabled', 'healthy', 'refused', 'hanging'];
/** The apps that serve each route. */
export const ROUTE_MODES: Record<Route, readonly AppMode[]> = {
  'POST /api/spec-sessions': SAMPLE_APP,
  'GET /api/spec-sessions/:id': SAMPLE_APP,
  'GET /api/orders/:sku': ['light-disabled', 'light-library', 'light-otel'],
};

export interface HttpSettings {
  /** Connections each app gets; the apps serving a route are loaded at the same time. */
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Rounds run whatever the spread; then rounds go on until every tracked ratio is precise enough or a limit is hit. */
  minRounds: number;
  maxRounds: number;
  /** Every app process is replaced after this many rounds, so no process's own bias runs through the whole phase. */
  restartEveryRounds: number;
  /** Time budget for the measured rounds. */
  maxSeconds: number;
  /** Wanted half-width of each tracked ratio's 95% confidence interval (0.02 = ±2%). */
  halfWidth: number;
}

/** One load run of one app: the load generator's view and the app's own CPU account. */
export interface RunSample extends LoadResult {
  /** App-process CPU time per finished request, in microseconds. */
  cpuMicrosPerRequest: number;
  peakRssBytes: number;
  /** Spans the sink received per finished request (exporting modes only). */
  spansPerRequest: number | undefined;
  /** Content types of the export requests the sink received in the window (exporting modes only). */
  exportEncodings: string[];
}

export interface HttpResult {
  settings: HttpSettings;
  /** Rounds in which any route ran. */
  rounds: number;
  /** Why each route's rounds stopped; a route stops on its own once its judged intervals are narrow enough. */
  stoppedBecause: Record<Route, string>;
  /** One sample per round the route ran in, for every route and the modes serving it. */
  runs: Record<Route, Partial<Record<AppMode, RunSample[]>>>;
  /** Settled memory of every app after each round. */
  memory: Record<AppMode, AppMemory[]>;
  stats: Record<AppMode, AppStats>;
}
