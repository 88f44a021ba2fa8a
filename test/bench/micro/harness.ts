import { setupObservability, type BatchOptions } from '@lift-sys/observability';
import { trace } from '@opentelemetry/api';
import { CountingExporter } from './counting-exporter.js';
import type { BenchTarget, Variant } from './targets/bench-target.js';
import { ManualTarget } from './targets/manual-target.js';
import { NestjsOtelTarget } from './targets/nestjs-otel-target.js';
import { PlainTarget } from './targets/plain-target.js';
import { TracedTarget } from './targets/traced-target.js';

/** The SDK state a micro-benchmark process runs under, and the targets to call. */
export interface MicroHarness {
  readonly tracingEnabled: boolean;
  readonly targets: Partial<Record<Variant, BenchTarget>>;
  /** Exports everything queued. */
  flush(): Promise<void>;
  exportedSpans(): number;
  /** Warning lines the library logged (dropped spans, export failures). */
  readonly warnings: string[];
}

/** Queue big enough that a round never drops a span; flushes between rounds keep it small anyway. */
export const MICRO_BATCH: BatchOptions = {
  maxQueueSize: 65_536,
  maxExportBatchSize: 512,
  scheduledDelayMillis: 1000,
  exportTimeoutMillis: 30_000,
};

/**
 * One provider for every case: the library registers it globally (with its AsyncLocalStorage
 * context manager), and the manual and nestjs-otel cases reach it through the global API.
 */
export function enabledHarness(batch: BatchOptions = MICRO_BATCH): MicroHarness {
  const exporter = new CountingExporter();
  const warnings: string[] = [];
  const handle = setupObservability({
    serviceName: 'bench',
    exporter,
    spanProcessor: 'batch',
    batch,
    instrumentations: false,
    logger: { info: () => {}, warn: (line) => warnings.push(line) },
  });
  if (!handle.enabled) throw new Error('tracing is disabled in the enabled micro-benchmark; is HONEYCOMB_ENABLED=false set?');
  return {
    tracingEnabled: true,
    targets: {
      plain: new PlainTarget(),
      manual: new ManualTarget(trace.getTracer('bench.manual')),
      traced: new TracedTarget(),
      'nestjs-otel': new NestjsOtelTarget(),
    },
    flush: () => handle.forceFlush(),
    exportedSpans: () => exporter.exported,
    warnings,
  };
}

/** HONEYCOMB_ENABLED=false in the environment: no provider, `@Traced` is a plain call. */
export function disabledHarness(): MicroHarness {
  const warnings: string[] = [];
  const handle = setupObservability({ serviceName: 'bench', logger: { info: () => {}, warn: (line) => warnings.push(line) } });
  if (handle.enabled) throw new Error('the disabled micro-benchmark must run with HONEYCOMB_ENABLED=false');
  return {
    tracingEnabled: false,
    targets: { plain: new PlainTarget(), traced: new TracedTarget(), 'nestjs-otel': new NestjsOtelTarget() },
    flush: async () => {},
    exportedSpans: () => 0,
    warnings,
  };
}
