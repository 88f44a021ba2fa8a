import type { ObservabilityOptions } from '../sdk/observability-options.js';

export interface ObservabilityModuleOptions extends ObservabilityOptions {
  /** Longest wait for pending spans at application shutdown. Default 5000 ms. */
  shutdownTimeoutMillis?: number;
}

export const OBSERVABILITY_HANDLE = Symbol.for('@lift-sys/observability/handle-token');
