import type { Context } from '@opentelemetry/api';
import { SpanStatusCode } from '@opentelemetry/api';
import { hrTimeToMilliseconds } from '@opentelemetry/core';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SAMPLE_RATE } from '../conventions/attribute-names.js';
import { BoundedMap } from './bounded-map.js';
import type { DeterministicSampler } from './deterministic-sampler.js';

export interface TailSamplingOptions {
  /** A trace whose local root lasts at least this long is kept. Default 10000 ms. */
  slowThresholdMillis?: number;
  /** Traces buffered at once; beyond it the oldest falls back to the head decision. Default 5000. */
  maxTraces?: number;
  /** Spans buffered per trace; beyond it the trace falls back to the head decision. Default 500. */
  maxSpansPerTrace?: number;
  /** A trace buffered longer than this falls back to the head decision. Default 30000 ms. */
  maxAgeMillis?: number;
}

interface PendingTrace {
  readonly startedAt: number;
  readonly spans: ReadableSpan[];
  hasError: boolean;
}

/** 0 = dropped, else the sample rate the kept trace's spans carry. */
type Decision = number;

/**
 * Keeps every trace with an error or a slow local root at rate 1 and the rest at the head
 * sampler's 1-in-N, by holding each local trace until its local root ends. The buffer is bounded
 * in traces, spans and age; an overflowing or expired trace falls back to the head decision.
 */
export class TailSamplingProcessor implements SpanProcessor {
  private readonly pending: BoundedMap<string, PendingTrace>;
  private readonly decided = new BoundedMap<string, Decision>(20_000);
  private readonly slowThresholdMillis: number;
  private readonly maxSpansPerTrace: number;
  private readonly maxAgeMillis: number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly next: SpanProcessor,
    private readonly headSampler: DeterministicSampler,
    options: TailSamplingOptions = {},
  ) {
    this.slowThresholdMillis = options.slowThresholdMillis ?? 10_000;
    this.maxSpansPerTrace = options.maxSpansPerTrace ?? 500;
    this.maxAgeMillis = options.maxAgeMillis ?? 30_000;
    this.pending = new BoundedMap(options.maxTraces ?? 5000, (traceId, trace) => this.decideByHead(traceId, trace));
    this.sweeper = setInterval(() => this.expire(Date.now()), Math.max(100, this.maxAgeMillis / 2));
    this.sweeper.unref();
  }

  /** Traces currently held. */
  get bufferedTraces(): number {
    return this.pending.size;
  }

  onStart(span: Span, parentContext: Context): void {
    this.next.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    const traceId = span.spanContext().traceId;
    const decision = this.decided.get(traceId);
    if (decision !== undefined) return this.forward([span], decision);
    let trace = this.pending.get(traceId);
    if (trace === undefined) {
      trace = { startedAt: Date.now(), spans: [], hasError: false };
      this.pending.set(traceId, trace);
    }
    trace.spans.push(span);
    trace.hasError ||= span.status.code === SpanStatusCode.ERROR;
    const isLocalRoot = span.parentSpanContext === undefined || span.parentSpanContext.isRemote === true;
    if (isLocalRoot) {
      const keepAll = trace.hasError || hrTimeToMilliseconds(span.duration) >= this.slowThresholdMillis;
      this.settle(traceId, trace, keepAll ? 1 : this.headDecision(traceId));
    } else if (trace.spans.length >= this.maxSpansPerTrace) {
      this.decideByHead(traceId, trace);
    }
  }

  async forceFlush(): Promise<void> {
    await this.next.forceFlush();
  }

  async shutdown(): Promise<void> {
    clearInterval(this.sweeper);
    for (const [traceId, trace] of [...this.pending.entries()]) this.decideByHead(traceId, trace);
    await this.next.shutdown();
  }

  /** Falls back to the head decision for traces held longer than the age bound. */
  expire(now: number): void {
    for (const [traceId, trace] of [...this.pending.entries()]) {
      if (now - trace.startedAt >= this.maxAgeMillis) this.decideByHead(traceId, trace);
    }
  }

  private decideByHead(traceId: string, trace: PendingTrace): void {
    this.settle(traceId, trace, this.headDecision(traceId));
  }

  private headDecision(traceId: string): Decision {
    return this.headSampler.keeps(traceId) ? this.headSampler.sampleRate : 0;
  }

  private settle(traceId: string, trace: PendingTrace, decision: Decision): void {
    this.pending.delete(traceId);
    this.decided.set(traceId, decision);
    this.forward(trace.spans, decision);
  }

  private forward(spans: readonly ReadableSpan[], decision: Decision): void {
    if (decision === 0) return;
    for (const span of spans)
      this.next.onEnd(span.attributes[ATTR_SAMPLE_RATE] === decision ? span : withSampleRate(span, decision));
  }
}

/** A view of the ended span carrying the rate it was finally kept at. */
function withSampleRate(span: ReadableSpan, sampleRate: number): ReadableSpan {
  const view = Object.create(span) as ReadableSpan & { attributes: ReadableSpan['attributes'] };
  // Object.assign, not a spread: Node 20 makes spread copies that are slow to read (see traced-function.ts).
  Object.defineProperty(view, 'attributes', { value: Object.assign({}, span.attributes, { [ATTR_SAMPLE_RATE]: sampleRate }) });
  return view;
}
