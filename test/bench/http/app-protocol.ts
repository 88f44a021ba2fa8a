/** Messages between the HTTP benchmark and an app process it started. */
export type AppCommand =
  | { type: 'flush' }
  | { type: 'baseline' }
  | { type: 'stats' }
  | { type: 'profile-start' }
  | { type: 'profile-stop'; file: string }
  | { type: 'stop' };

export interface AppStats {
  /** RSS when the measured rounds began (after start-up and warm-up). */
  baselineRssBytes: number;
  /** Highest RSS sampled every 100 ms since then. */
  peakRssBytes: number;
  /** At that peak: the V8 heap (reserved), and memory outside it (buffers, WebAssembly memory). */
  peakHeapTotalBytes: number;
  peakExternalBytes: number;
  /** The kernel's high-water mark (VmHWM) over the whole process life, start-up included. */
  highWaterMarkBytes: number;
  /** JS heap in use after a full collection, at the end. */
  settledHeapBytes: number;
  /** Warning lines the observability library logged (export failures, dropped spans). */
  warnings: number;
  firstWarning: string | undefined;
}

export type AppReply =
  | { type: 'ready'; port: number }
  | { type: 'flushed' }
  | { type: 'baseline-set' }
  | { type: 'stats'; stats: AppStats }
  | { type: 'profile-started' }
  | { type: 'profile-written' };

/** The environment variable naming the app's build output folder. */
export const APP_DIST_ENV = 'BENCH_APP_DIST';
