import type { AppStats } from './app-protocol.js';
import type { LoadResult } from './load-result.js';

/** `disabled`: HONEYCOMB_ENABLED=false. The others export over OTLP to a healthy sink, a closed port, or a server that never answers. */
export const APP_MODES = ['disabled', 'healthy', 'refused', 'hanging'] as const;
export type AppMode = (typeof APP_MODES)[number];

export const APP_MODE_LABELS: Record<AppMode, string> = {
  disabled: 'tracing disabled',
  healthy: 'traced, healthy OTLP sink',
  refused: 'traced, endpoint refuses connections',
  hanging: 'traced, endpoint never answers',
};

export const ROUTES = ['POST /api/spec-sessions', 'GET /api/spec-sessions/:id'] as const;
export type Route = (typeof ROUTES)[number];

export interface HttpSettings {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  rounds: number;
}

export interface HttpResult {
  settings: HttpSettings;
  /** One load result per round, for every route and app mode. */
  runs: Record<Route, Record<AppMode, LoadResult[]>>;
  /** Spans the healthy app exported per response, one value per round. */
  spansPerRequest: Record<Route, number[]>;
  stats: Record<AppMode, AppStats>;
}
