import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** A tracer of the real SDK whose finished spans stay in memory, under `service.name` = `service`. */
export function memoryTracer(service: string): {
  tracer: ReturnType<BasicTracerProvider['getTracer']>;
  spans: () => ReadableSpan[];
} {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: service }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  return { tracer: provider.getTracer('explorer-tests'), spans: () => exporter.getFinishedSpans() };
}

const child = (parent: Span) => trace.setSpan(context.active(), parent);

/**
 * One trace across two services: `api` serves a request and calls `inference`, whose handler
 * fails with an exception. Extra attributes go on the failing span.
 */
export function twoServiceTrace(extra: Record<string, string> = {}): ReadableSpan[] {
  const api = memoryTracer('api');
  const inference = memoryTracer('inference');
  const root = api.tracer.startSpan('POST /generate', {
    kind: SpanKind.SERVER,
    attributes: { [ATTR_HTTP_REQUEST_METHOD]: 'POST' },
  });
  const call = api.tracer.startSpan('POST /v1/chat/completions', { kind: SpanKind.CLIENT }, child(root));
  const handler = inference.tracer.startSpan(
    'chat.completions',
    { kind: SpanKind.SERVER, attributes: { 'gen_ai.request.model': 'test-model', ...extra } },
    child(call),
  );
  const error = new TypeError('model exploded');
  handler.recordException(error);
  handler.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
  handler.end();
  call.setStatus({ code: SpanStatusCode.ERROR });
  call.end();
  const db = api.tracer.startSpan('db.query', { kind: SpanKind.CLIENT }, child(root));
  db.end();
  root.end();
  return [...api.spans(), ...inference.spans()];
}
