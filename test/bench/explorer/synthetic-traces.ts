import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** Two services' tracers from the real SDK, spans kept in memory. */
function tracers() {
  const make = (service: string) => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: service }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    return { tracer: provider.getTracer('bench'), exporter };
  };
  return { api: make('bench-api'), inference: make('bench-inference') };
}

const under = (span: Span) => trace.setSpan(context.active(), span);

/**
 * `traces` traces of `spansPerTrace` spans each: a server root, then children nested `depth`
 * deep in turn, every fifth in the second service, every fiftieth an error. Start times spread
 * over the last hour so time-range queries have something to bucket.
 */
export function syntheticTraces(traces: number, spansPerTrace: number, depth = 4): ReadableSpan[] {
  const { api, inference } = tracers();
  const now = Date.now();
  for (let t = 0; t < traces; t++) {
    const start = now - 3_600_000 + Math.floor((t / traces) * 3_600_000);
    const root = api.tracer.startSpan('GET /bench', {
      kind: SpanKind.SERVER,
      startTime: start,
      attributes: { [ATTR_HTTP_REQUEST_METHOD]: 'GET' },
    });
    const parents: Span[] = [root];
    for (let s = 1; s < spansPerTrace; s++) {
      const parent = parents[Math.min(parents.length - 1, s % depth)]!;
      const other = s % 5 === 0;
      const span = (other ? inference : api).tracer.startSpan(
        other ? 'inference.generate' : `step.${s % 7}`,
        { kind: other ? SpanKind.SERVER : SpanKind.INTERNAL, startTime: start + s * 0.5, attributes: { 'bench.index': s } },
        under(parent),
      );
      if (s % 50 === 0) span.setStatus({ code: SpanStatusCode.ERROR, message: 'synthetic failure' });
      if (parents.length < depth) parents.push(span);
      span.end(start + s * 0.5 + 3);
    }
    root.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, 200);
    root.end(start + spansPerTrace * 0.5 + 10);
  }
  // Children end before their parents, so the in-memory exporters hold them out of order: fine for OTLP.
  return [...api.exporter.getFinishedSpans(), ...inference.exporter.getFinishedSpans()];
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
