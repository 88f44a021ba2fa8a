import { flattenOtlpRequest, type OtlpTraceRequest, type SpanEvent } from '@lift-sys/honeycomb';
import type { SpanView, TraceListResponse, TraceSummary } from '../shared/api-types.js';
import { spanViews } from './span-views.js';

export interface TraceFilter {
  service?: string;
  spanName?: string;
  /** `key` (present) or `key=value` (string form equal). */
  attribute?: string;
  errorsOnly?: boolean;
  /** A trace id or its prefix. */
  traceId?: string;
  limit?: number;
}

interface TraceEntry {
  spans: SpanView[];
  spanIds: Set<string>;
  events: SpanEvent[];
  /** Spans whose Honeycomb events are in `events`. */
  flattened: Set<string>;
  summary: TraceSummary;
}

export interface AddResult {
  accepted: number;
  /** Spans already stored (same trace and span id): a retried export is not counted twice. */
  duplicates: number;
}

const DEFAULT_LIST_LIMIT = 200;
const PENDING_SPANS_LIMIT = 200_000;

/**
 * The spans the explorer holds, by trace, with their Honeycomb events for the query engine.
 * Past `maxSpans` the traces that arrived first are dropped whole.
 */
export class TraceStore {
  private readonly traces = new Map<string, TraceEntry>();
  private spanCount = 0;
  private allEvents: SpanEvent[] | undefined;
  /** Requests whose Honeycomb events are not computed yet: only the boards need them, so ingest stays cheap. */
  private pending: OtlpTraceRequest[] = [];
  private pendingSpans = 0;
  private readonly listeners = new Set<() => void>();
  /** Grows on every change; the UI's live list compares it. */
  version = 0;

  constructor(readonly maxSpans: number) {}

  add(request: OtlpTraceRequest): AddResult {
    const views = spanViews(request);
    let accepted = 0;
    for (const view of views) {
      const entry = this.entryFor(view);
      if (entry.spanIds.has(view.spanId)) continue;
      entry.spanIds.add(view.spanId);
      entry.spans.push(view);
      summarize(entry.summary, view);
      accepted++;
    }
    this.spanCount += accepted;
    this.evict();
    if (accepted > 0) {
      this.pending.push(request);
      this.pendingSpans += views.length;
      // Bounds the raw requests held: past this they are flattened now rather than on the next board view.
      if (this.pendingSpans > PENDING_SPANS_LIMIT) this.flattenPending();
      this.changed();
    }
    return { accepted, duplicates: views.length - accepted };
  }

  get totalSpans(): number {
    return this.spanCount;
  }

  trace(traceId: string): SpanView[] | undefined {
    return this.traces.get(traceId.toLowerCase())?.spans;
  }

  /** Every Honeycomb event held, for the query engine (one array, rebuilt after a change). */
  events(): readonly SpanEvent[] {
    this.flattenPending();
    if (!this.allEvents) {
      const all: SpanEvent[] = [];
      for (const entry of this.traces.values()) for (const event of entry.events) all.push(event);
      this.allEvents = all;
    }
    return this.allEvents;
  }

  list(filter: TraceFilter = {}): TraceListResponse {
    const matches = this.matcher(filter);
    const services = new Set<string>();
    const spanNames = new Set<string>();
    const matched: TraceSummary[] = [];
    for (const entry of this.traces.values()) {
      for (const service of entry.summary.services) services.add(service);
      for (const span of entry.spans) spanNames.add(span.name);
      if (matches(entry)) matched.push(entry.summary);
    }
    matched.sort((a, b) => b.startMs - a.startMs);
    return {
      matched: matched.length,
      totalTraces: this.traces.size,
      totalSpans: this.spanCount,
      traces: matched.slice(0, filter.limit ?? DEFAULT_LIST_LIMIT),
      services: [...services].sort(),
      spanNames: [...spanNames].sort(),
    };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Flattens the requests received since the last call (honeycomb's flattener emits each span's
   * event, then its span events), skipping spans already flattened (a retried export) and traces
   * evicted meanwhile.
   */
  private flattenPending(): void {
    const pending = this.pending;
    this.pending = [];
    this.pendingSpans = 0;
    for (const request of pending) {
      let keep = false;
      for (const event of flattenOtlpRequest(request as Parameters<typeof flattenOtlpRequest>[0])) {
        const entry = this.traces.get(String(event['trace.trace_id']).toLowerCase());
        if (event['meta.annotation_type'] !== 'span_event') {
          const spanId = String(event['trace.span_id']).toLowerCase();
          keep = entry !== undefined && !entry.flattened.has(spanId);
          if (keep) entry!.flattened.add(spanId);
        }
        if (keep) entry!.events.push(event);
      }
    }
    if (pending.length > 0) this.allEvents = undefined;
  }

  private matcher(filter: TraceFilter): (entry: TraceEntry) => boolean {
    const idPrefix = filter.traceId?.trim().toLowerCase();
    const [attrKey, ...rest] = (filter.attribute ?? '').split('=');
    const attrValue = rest.length > 0 ? rest.join('=') : undefined;
    const spanTests: Array<(span: SpanView) => boolean> = [];
    if (filter.spanName) spanTests.push((span) => span.name === filter.spanName);
    if (attrKey) {
      spanTests.push((span) => {
        const value = span.attributes[attrKey] ?? span.resource[attrKey];
        return value !== undefined && (attrValue === undefined || String(value) === attrValue);
      });
    }
    return (entry) => {
      const { summary } = entry;
      if (idPrefix && !summary.traceId.startsWith(idPrefix)) return false;
      if (filter.errorsOnly && summary.errorCount === 0) return false;
      if (filter.service && !summary.services.includes(filter.service)) return false;
      return spanTests.every((test) => entry.spans.some(test));
    };
  }

  private entryFor(view: SpanView): TraceEntry {
    let entry = this.traces.get(view.traceId);
    if (!entry) {
      entry = {
        spans: [],
        spanIds: new Set(),
        events: [],
        flattened: new Set(),
        summary: {
          traceId: view.traceId,
          rootName: view.name,
          services: [],
          startMs: view.startMs,
          durationMs: 0,
          spanCount: 0,
          errorCount: 0,
        },
      };
      this.traces.set(view.traceId, entry);
    }
    return entry;
  }

  private evict(): void {
    for (const [traceId, entry] of this.traces) {
      if (this.spanCount <= this.maxSpans) break;
      this.traces.delete(traceId);
      this.spanCount -= entry.spans.length;
    }
  }

  private changed(): void {
    this.version++;
    this.allEvents = undefined;
    for (const listener of this.listeners) listener();
  }
}

/** Folds one span into its trace's summary; the root (no parent) names the trace. */
function summarize(summary: TraceSummary, span: SpanView): void {
  const end = Math.max(summary.startMs + summary.durationMs, span.startMs + span.durationMs);
  const isFirst = summary.spanCount === 0;
  summary.startMs = isFirst ? span.startMs : Math.min(summary.startMs, span.startMs);
  summary.durationMs = end - summary.startMs;
  summary.spanCount++;
  if (span.statusCode === 2) summary.errorCount++;
  if (!summary.services.includes(span.service)) summary.services.push(span.service);
  if (!span.parentSpanId) summary.rootName = span.name;
}
