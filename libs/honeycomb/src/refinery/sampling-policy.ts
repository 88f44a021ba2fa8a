/**
 * The sampling rules @lift-sys/observability applies in-process, as data: keep every trace with an
 * error, keep every trace whose root is slow, and keep 1 in `sampleRate` of the rest, decided by
 * trace id. Refinery gets the same rules for a fleet.
 */
export interface SamplingPolicy {
  sampleRate: number;
  /** Keep errors and slow traces at rate 1; false leaves only the rate. */
  tailSampling: false | { slowThresholdMillis: number; traceTimeoutMillis: number; maxSpansPerTrace: number; maxTraces: number };
}

/** The shape of `ObservabilityOptions` this reads (`sampleRate`, `tailSampling`), kept structural so no runtime import is needed. */
export interface SamplingOptions {
  sampleRate?: number;
  tailSampling?: false | { slowThresholdMillis?: number; maxAgeMillis?: number; maxSpansPerTrace?: number; maxTraces?: number };
}

/**
 * The defaults of @lift-sys/observability's TailSamplingProcessor
 * (libs/observability/src/sampling/tail-sampling-processor.ts): slow from 10 s, a trace held at most
 * 30 s, 500 spans and 5000 traces at once.
 */
export const IN_PROCESS_DEFAULTS = { slowThresholdMillis: 10_000, maxAgeMillis: 30_000, maxSpansPerTrace: 500, maxTraces: 5000 };

/**
 * The policy a service runs with: `HONEYCOMB_SAMPLE_RATE` wins over `sampleRate`, as in the
 * library's configuration, and tail rules apply only above rate 1.
 */
export function samplingPolicyFrom(options: SamplingOptions, env: Record<string, string | undefined> = {}): SamplingPolicy {
  const fromEnv = env['HONEYCOMB_SAMPLE_RATE']?.trim();
  const sampleRate = fromEnv ? Number(fromEnv) : (options.sampleRate ?? 1);
  if (!Number.isInteger(sampleRate) || sampleRate < 1) {
    throw new Error(`the sample rate must be a whole number of at least 1, not ${fromEnv ?? String(options.sampleRate)}`);
  }
  const tail = options.tailSampling;
  if (tail === false || sampleRate === 1) return { sampleRate, tailSampling: false };
  const slowThresholdMillis = tail?.slowThresholdMillis ?? IN_PROCESS_DEFAULTS.slowThresholdMillis;
  if (!(slowThresholdMillis > 0)) throw new Error(`slowThresholdMillis must be positive, not ${slowThresholdMillis}`);
  return {
    sampleRate,
    tailSampling: {
      slowThresholdMillis,
      traceTimeoutMillis: tail?.maxAgeMillis ?? IN_PROCESS_DEFAULTS.maxAgeMillis,
      maxSpansPerTrace: tail?.maxSpansPerTrace ?? IN_PROCESS_DEFAULTS.maxSpansPerTrace,
      maxTraces: tail?.maxTraces ?? IN_PROCESS_DEFAULTS.maxTraces,
    },
  };
}
