import { SpanStatusCode, SpanKind, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { flattenReadableSpans } from './readable-span.js';

describe('flattenReadableSpan', () => {
  it('flattens real SDK spans, their parentage, status and exception events', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const tracer = provider.getTracer('lift-sys.tests', '0.1.0');

    const root = tracer.startSpan('POST /api/sessions', { kind: SpanKind.SERVER, startTime: [1_700_000_000, 0] });
    const child = tracer.startSpan(
      'llm.call',
      {
        attributes: { 'llm.provider': 'anthropic', 'llm.input_tokens': 120, 'llm.models': ['a', 'b'] },
        startTime: [1_700_000_000, 500_000_000],
      },
      trace.setSpan(ROOT_CONTEXT, root),
    );
    child.recordException(new TypeError('boom'), [1_700_000_000, 600_000_000]);
    child.setStatus({ code: SpanStatusCode.ERROR, message: 'boom' });
    child.end([1_700_000_000, 750_000_000]);
    root.end([1_700_000_001, 0]);
    await provider.forceFlush();

    const [exception, llm, request] = flattenReadableSpans(exporter.getFinishedSpans()).sort((a, b) =>
      String(a['name']).localeCompare(String(b['name'])),
    );
    const rootId = root.spanContext().spanId;
    expect(request).toMatchObject({
      name: 'POST /api/sessions',
      'span.kind': 'server',
      duration_ms: 1000,
      timestamp: 1_700_000_000_000,
      'trace.span_id': rootId,
    });
    expect(request).not.toHaveProperty('trace.parent_id');
    expect(llm).toMatchObject({
      name: 'llm.call',
      'span.kind': 'internal',
      'trace.trace_id': root.spanContext().traceId,
      'trace.parent_id': rootId,
      duration_ms: 250,
      'llm.provider': 'anthropic',
      'llm.input_tokens': 120,
      'llm.models': '["a","b"]',
      error: true,
      status_code: 2,
      status_message: 'boom',
      'span.num_events': 1,
      'library.name': 'lift-sys.tests',
      'library.version': '0.1.0',
      'meta.signal_type': 'trace',
    });
    expect(llm!['service.name']).toEqual(expect.any(String));
    expect(exception).toMatchObject({
      name: 'exception',
      'meta.annotation_type': 'span_event',
      'trace.parent_id': child.spanContext().spanId,
      parent_name: 'llm.call',
      'exception.type': 'TypeError',
      'exception.message': 'boom',
      timestamp: 1_700_000_000_600,
    });
    expect(exception).not.toHaveProperty('error');
  });
});
