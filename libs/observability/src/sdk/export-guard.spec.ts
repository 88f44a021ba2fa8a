import { trace } from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { ExportGuard } from './export-guard.js';

/** A span with an unexportable value on its attributes, an event and a link, then a clean span. */
function finishedSpans(resourceAttributes: Record<string, number | string>): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes(resourceAttributes),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer('guard');
  const span = tracer.startSpan('bad', {
    attributes: { nan: Number.NaN, fine: 1 },
    links: [
      {
        context: trace.wrapSpanContext({ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: 1 }).spanContext(),
        attributes: { inf: Infinity },
      },
    ],
  });
  span.addEvent('event', { huge: 2 ** 64 });
  span.end();
  tracer.startSpan('good', { attributes: { fine: 2 } }).end();
  return memory.getFinishedSpans();
}

function exportThrough(exporter: SpanExporter, spans: ReadableSpan[]): Promise<ExportResult> {
  return new Promise((resolve) => new ExportGuard(exporter).export(spans, resolve));
}

describe('ExportGuard', () => {
  it('rewrites unexportable values on spans, events, links and the resource, and passes clean spans through as they are', async () => {
    const spans = finishedSpans({ 'service.name': 's', bad: Number.NaN });
    const seen = new InMemorySpanExporter();
    expect(await exportThrough(seen, spans)).toEqual({ code: ExportResultCode.SUCCESS });
    const [bad, good] = seen.getFinishedSpans();
    expect(bad.attributes).toEqual({ nan: 'NaN', fine: 1 });
    expect(bad.events[0].attributes).toEqual({ huge: '18446744073709551616' });
    expect(bad.links[0].attributes).toEqual({ inf: 'Infinity' });
    expect(bad.resource.attributes).toMatchObject({ 'service.name': 's', bad: 'NaN' });
    expect(bad.spanContext()).toEqual(spans[0].spanContext());
    expect(bad.resource).toBe(good.resource);
    expect(good.attributes).toBe(spans[1].attributes);
  });

  it('leaves the original spans unchanged', async () => {
    const spans = finishedSpans({});
    await exportThrough(new InMemorySpanExporter(), spans);
    expect(spans[0].attributes.nan).toBeNaN();
  });

  it('fails the batch, without throwing, when the exporter throws', async () => {
    const throwing: SpanExporter = {
      export: () => {
        throw new Error('encoder exploded');
      },
      shutdown: async () => {},
    };
    const result = await exportThrough(throwing, finishedSpans({}));
    expect(result.code).toBe(ExportResultCode.FAILED);
    expect(result.error?.message).toBe('encoder exploded');
  });
});
