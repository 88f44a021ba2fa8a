import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { SpanSink } from './http/endpoints.js';

/** Real spans from two instrumentation scopes, with events (whose timestamps must not count as spans). */
function recordSpans(): ReturnType<InMemorySpanExporter['getFinishedSpans']> {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  for (const [scope, count] of [
    ['bench.a', 3],
    ['bench.b', 4],
  ] as const) {
    const tracer = provider.getTracer(scope);
    for (let i = 0; i < count; i++) {
      const span = tracer.startSpan(`${scope}.op`, { attributes: { 'note.text': '"startTimeUnixNano": inside a value' } });
      span.addEvent('step', { index: i });
      span.end();
    }
  }
  return exporter.getFinishedSpans();
}

describe('the benchmark span sink', () => {
  const sink = new SpanSink();
  let url = '';
  beforeAll(async () => {
    url = `${await sink.start()}/v1/traces`;
  });
  afterAll(() => sink.stop());

  it.each([
    ['application/json', JsonTraceSerializer],
    ['application/x-protobuf', ProtobufTraceSerializer],
  ] as const)('counts every span of an OTLP request encoded as %s by the OpenTelemetry serializer', async (type, serializer) => {
    const before = sink.spans;
    const body = serializer.serializeRequest(recordSpans());
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
    expect(response.status).toBe(200);
    expect(sink.spans - before).toBe(7);
    // The exporter decodes the answer with the same serializer; one it cannot read makes it warn on every export.
    expect(response.headers.get('content-type')).toBe(type);
    expect(serializer.deserializeResponse(new Uint8Array(await response.arrayBuffer()))).toEqual({});
  });
});
