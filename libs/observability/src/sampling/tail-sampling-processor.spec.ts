import { context, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  RandomIdGenerator,
  SimpleSpanProcessor,
  type IdGenerator,
} from '@opentelemetry/sdk-trace-base';
import { DeterministicSampler } from './deterministic-sampler.js';
import { TailSamplingProcessor, type TailSamplingOptions } from './tail-sampling-processor.js';

const RATE = 1000;
const ids = new RandomIdGenerator();
const head = new DeterministicSampler(RATE);

/** Trace ids the head sampler drops and keeps, so each test knows what the head alone would do. */
function traceIdWhere(kept: boolean): string {
  for (;;) {
    const traceId = ids.generateTraceId();
    if (head.keeps(traceId) === kept) return traceId;
  }
}

class FixedTraceIds implements IdGenerator {
  next = '';
  generateTraceId(): string {
    return this.next;
  }
  generateSpanId(): string {
    return ids.generateSpanId();
  }
}

function setup(options: TailSamplingOptions = {}): {
  tracer: Tracer;
  exporter: InMemorySpanExporter;
  tail: TailSamplingProcessor;
  traceIds: FixedTraceIds;
} {
  const exporter = new InMemorySpanExporter();
  const traceIds = new FixedTraceIds();
  const tail = new TailSamplingProcessor(new SimpleSpanProcessor(exporter), head, options);
  const provider = new BasicTracerProvider({
    sampler: new DeterministicSampler(RATE, true),
    spanProcessors: [tail],
    idGenerator: traceIds,
  });
  return { tracer: provider.getTracer('tail'), exporter, tail, traceIds };
}

beforeAll(() => context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable()));

function runTrace(tracer: Tracer, withError: boolean): void {
  tracer.startActiveSpan('root', (root) => {
    const child = tracer.startSpan('child');
    if (withError) child.setStatus({ code: SpanStatusCode.ERROR, message: 'boom' });
    child.end();
    root.end();
  });
}

describe('TailSamplingProcessor', () => {
  it('drops a healthy trace the head sampler drops', () => {
    const { tracer, exporter, traceIds } = setup();
    traceIds.next = traceIdWhere(false);
    runTrace(tracer, false);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('keeps a healthy trace the head keeps, at the head rate', () => {
    const { tracer, exporter, traceIds } = setup();
    traceIds.next = traceIdWhere(true);
    runTrace(tracer, false);
    expect(exporter.getFinishedSpans().map((span) => span.attributes.SampleRate)).toEqual([RATE, RATE]);
  });

  it('keeps an erroring trace at rate 1 even when the head would drop it', () => {
    const { tracer, exporter, traceIds } = setup();
    traceIds.next = traceIdWhere(false);
    runTrace(tracer, true);
    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => [span.name, span.attributes.SampleRate])).toEqual([
      ['child', 1],
      ['root', 1],
    ]);
    expect(spans[0].spanContext().traceId).toBe(traceIds.next);
  });

  it('keeps a slow trace at rate 1', () => {
    const { tracer, exporter, traceIds } = setup({ slowThresholdMillis: 5 });
    traceIds.next = traceIdWhere(false);
    tracer.startActiveSpan('slow-root', { startTime: Date.now() - 50 }, (root) => root.end());
    expect(exporter.getFinishedSpans().map((span) => span.attributes.SampleRate)).toEqual([1]);
  });

  it('never holds more traces than its bound under 10,000 concurrent unfinished traces', () => {
    const { tracer, tail, traceIds } = setup({ maxTraces: 2000 });
    const roots = [];
    for (let index = 0; index < 10_000; index++) {
      traceIds.next = ids.generateTraceId();
      const root = tracer.startSpan('open-root');
      tracer.startSpan('child', {}, trace.setSpan(context.active(), root)).end();
      roots.push(root);
      expect(tail.bufferedTraces).toBeLessThanOrEqual(2000);
    }
    expect(tail.bufferedTraces).toBe(2000);
  });

  it('falls back to the head decision for traces older than the age bound', () => {
    const { tracer, exporter, tail, traceIds } = setup({ maxAgeMillis: 1000 });
    traceIds.next = traceIdWhere(true);
    const root = tracer.startSpan('never-ending');
    tracer.startSpan('child', {}, trace.setSpan(context.active(), root)).end();
    expect(exporter.getFinishedSpans()).toEqual([]);
    tail.expire(Date.now() + 1000);
    expect(tail.bufferedTraces).toBe(0);
    expect(exporter.getFinishedSpans().map((span) => [span.name, span.attributes.SampleRate])).toEqual([['child', RATE]]);
  });

  it('bounds spans per trace', () => {
    const { tracer, exporter, tail, traceIds } = setup({ maxSpansPerTrace: 10 });
    traceIds.next = traceIdWhere(true);
    const root = tracer.startSpan('root');
    for (let index = 0; index < 25; index++) tracer.startSpan('child', {}, trace.setSpan(context.active(), root)).end();
    expect(tail.bufferedTraces).toBe(0);
    expect(exporter.getFinishedSpans()).toHaveLength(25);
  });
});
