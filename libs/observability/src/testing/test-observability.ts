import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { ObservabilityOptions } from '../sdk/observability-options.js';
import { currentObservability, setupObservability, type ObservabilityHandle } from '../sdk/setup-observability.js';
import { buildSpanForest, formatSpanForest, type FormatOptions, type SpanNode } from '../tree/span-tree.js';

export interface TestObservability {
  readonly handle: ObservabilityHandle;
  /** Every finished span, in the order they ended. */
  spans(): ReadableSpan[];
  spansNamed(name: string): ReadableSpan[];
  /** The finished spans of one trace. */
  traceSpans(traceId: string): ReadableSpan[];
  forest(spans?: readonly ReadableSpan[]): SpanNode[];
  /** Text rendering, e.g. for a failing test's message. */
  tree(spans?: readonly ReadableSpan[], options?: FormatOptions): string;
  reset(): void;
  shutdown(): Promise<void>;
}

const silent = { info: () => {}, warn: () => {} };

/**
 * Real SDK, in-memory exporter, synchronous export: spans are readable as soon as they end.
 * Goes through `setupObservability`, so tests exercise the same code as production.
 */
export function setupTestObservability(
  options: Omit<ObservabilityOptions, 'exporter' | 'spanProcessor'> = {},
): TestObservability {
  if (currentObservability() !== undefined) {
    throw new Error('setupTestObservability: observability is already set up in this process; shut it down first');
  }
  const exporter = new InMemorySpanExporter();
  const handle = setupObservability({ logger: silent, ...options, exporter, spanProcessor: 'simple' });
  const spans = (): ReadableSpan[] => exporter.getFinishedSpans();
  return {
    handle,
    spans,
    spansNamed: (name) => spans().filter((span) => span.name === name),
    traceSpans: (traceId) => spans().filter((span) => span.spanContext().traceId === traceId),
    forest: (selected = spans()) => buildSpanForest(selected),
    tree: (selected = spans(), format) => formatSpanForest(buildSpanForest(selected), format),
    reset: () => exporter.reset(),
    shutdown: () => handle.shutdown(),
  };
}
