import type { HttpTracingOptions } from '../http/http-tracing-options.js';
import type { ObservabilityOptions } from '../sdk/observability-options.js';

export interface ObservabilityModuleOptions extends ObservabilityOptions {
  /** HTTP server spans and the global interceptor; `false` turns both off. */
  http?: HttpTracingOptions | false;
  /** Longest wait for pending spans at application shutdown. Default 5000 ms. */
  shutdownTimeoutMillis?: number;
}

export const OBSERVABILITY_HANDLE = Symbol.for('@lift-sys/observability/handle-token');
