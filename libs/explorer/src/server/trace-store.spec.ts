import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { OtlpTraceRequest } from '@lift-sys/honeycomb';
import { twoServiceTrace } from './testing/sample-spans.js';
import { TraceStore } from './trace-store.js';

/** The request the OpenTelemetry JSON serializer makes of spans, as the receiver would parse it. */
const otlp = (spans: ReadableSpan[]): OtlpTraceRequest =>
  JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)));
const traceIdOf = (spans: ReadableSpan[]): string => spans[0]!.spanContext().traceId;

async function clockTick(): Promise<void> {
  const before = Date.now();
  while (Date.now() === before) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('TraceStore', () => {
  it('filters the list by service, span name, attribute, errors and trace id prefix', () => {
    const store = new TraceStore(1000);
    const first = twoServiceTrace({ 'deployment.slot': 'blue' });
    const second = twoServiceTrace({ 'deployment.slot': 'green' });
    store.add(otlp(first));
    store.add(otlp(second));
    const ids = (filter: Parameters<TraceStore['list']>[0]) =>
      store
        .list(filter)
        .traces.map((t) => t.traceId)
        .sort();
    const both = [traceIdOf(first), traceIdOf(second)].sort();

    expect(ids({})).toEqual(both);
    expect(ids({ service: 'inference' })).toEqual(both);
    expect(ids({ service: 'nobody' })).toEqual([]);
    expect(ids({ spanName: 'db.query' })).toEqual(both);
    expect(ids({ attribute: 'deployment.slot' })).toEqual(both);
    expect(ids({ attribute: 'deployment.slot=green' })).toEqual([traceIdOf(second)]);
    expect(ids({ attribute: 'service.name=api' })).toEqual(both);
    expect(ids({ errorsOnly: true })).toEqual(both);
    expect(ids({ traceId: traceIdOf(first).slice(0, 10).toUpperCase() })).toEqual([traceIdOf(first)]);
    expect(store.list({ limit: 1 })).toMatchObject({ matched: 2, totalTraces: 2, totalSpans: 8 });
    expect(store.list().services).toEqual(['api', 'inference']);
  });

  it('lists newest first and names a trace by its root span even when the root arrives last', async () => {
    const store = new TraceStore(1000);
    const older = twoServiceTrace();
    // The SDK stamps a span's start with Date.now(): two traces made in the same millisecond tie.
    await clockTick();
    const newer = twoServiceTrace();
    const root = newer.find((span) => !span.parentSpanContext)!;
    store.add(otlp(older));
    store.add(otlp(newer.filter((span) => span !== root)));
    store.add(otlp([root]));
    const [first, second] = store.list().traces;
    expect(first).toMatchObject({ traceId: traceIdOf(newer), rootName: 'POST /generate', spanCount: 4 });
    expect(second!.traceId).toBe(traceIdOf(older));
  });

  it('counts a retried request once, for the list and for the query engine', () => {
    const store = new TraceStore(1000);
    const spans = twoServiceTrace();
    expect(store.add(otlp(spans))).toEqual({ accepted: 4, duplicates: 0 });
    expect(store.add(otlp(spans))).toEqual({ accepted: 0, duplicates: 4 });
    const events = store.events();
    // Four spans plus the exception span event.
    expect(events).toHaveLength(5);
    expect(events.filter((event) => event['meta.annotation_type'] === 'span_event').map((event) => event['name'])).toEqual([
      'exception',
    ]);
  });

  it('drops the oldest traces past its span limit, from the list and the query engine alike', () => {
    const store = new TraceStore(8);
    const traces = [twoServiceTrace(), twoServiceTrace(), twoServiceTrace()];
    for (const spans of traces) store.add(otlp(spans));
    expect(store.totalSpans).toBe(8);
    expect(store.trace(traceIdOf(traces[0]!))).toBeUndefined();
    expect(new Set(store.events().map((event) => event['trace.trace_id']))).toEqual(
      new Set([traceIdOf(traces[1]!), traceIdOf(traces[2]!)]),
    );
  });

  it('tells listeners about every change', () => {
    const store = new TraceStore(1000);
    const versions: number[] = [];
    store.onChange(() => versions.push(store.version));
    store.add(otlp(twoServiceTrace()));
    store.add(otlp(twoServiceTrace()));
    expect(versions).toEqual([1, 2]);
  });
});
