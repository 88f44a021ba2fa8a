/** Messages between the HTTP benchmark and an app process it started. */
export type AppCommand =
  | { type: 'flush' }
  | { type: 'window-start' }
  | { type: 'window-stop'; flush: boolean }
  | { type: 'memory' }
  | { type: 'stats' }
  | { type: 'profile-start' }
  | { type: 'profile-stop'; file: string }
  | { type: 'stop' };

/** What the app measured inside itself over one load run. */
export interface AppWindow {
  /** User plus system CPU time of the whole app process (event loop, GC, exporter, embedded database). */
  cpuMicros: number;
  /** Responses the server finished in the window; the window closes only once none is in flight. */
  requests: number;
  /** Highest RSS sampled every 50 ms in the window. */
  peakRssBytes: number;
}

/** Memory after two full collections, taken between load runs (outside any measured window). */
export interface AppMemory {
  settledHeapBytes: number;
  settledRssBytes: number;
}

export interface AppStats {
  /** Warning lines the observability library logged (export failures, dropped spans). */
  warnings: number;
  firstWarning: string | undefined;
}

export type AppReply =
  | { type: 'ready'; port: number }
  | { type: 'flushed' }
  | { type: 'window-started' }
  | { type: 'window'; window: AppWindow }
  | { type: 'memory'; memory: AppMemory }
  | { type: 'stats'; stats: AppStats }
  | { type: 'profile-started' }
  | { type: 'profile-written' };

/** The environment variable naming the app's build output folder. */
export const APP_DIST_ENV = 'BENCH_APP_DIST';
