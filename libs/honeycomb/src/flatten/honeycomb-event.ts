import type { SpanEvent } from '../engine/span-event.js';

export type FlatAttributes = Record<string, string | number | boolean>;

/** A span in the terms both flatteners (SDK ReadableSpan and OTLP/JSON) can produce. */
export interface SpanParts {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: string;
  startMs: number;
  durationMs: number;
  resource: FlatAttributes;
  attributes: FlatAttributes;
  /** 0 unset, 1 ok, 2 error. */
  statusCode: number;
  statusMessage?: string;
  scopeName?: string;
  scopeVersion?: string;
  events: Array<{ name: string; timeMs: number; attributes: FlatAttributes }>;
  linkCount: number;
}

export const SPAN_KIND_NAMES = ['internal', 'server', 'client', 'producer', 'consumer'] as const;

/**
 * The events Honeycomb stores for one span: the span itself, then one event per span event
 * (`meta.annotation_type` = span_event, parented to the span, not carrying its `error`).
 * Resource attributes come first, then span attributes, then Honeycomb's own fields.
 */
export function toHoneycombEvents(span: SpanParts): SpanEvent[] {
  const base: SpanEvent = { ...span.resource, ...span.attributes };
  const event: SpanEvent = {
    ...base,
    name: span.name,
    timestamp: span.startMs,
    duration_ms: span.durationMs,
    'trace.trace_id': span.traceId,
    'trace.span_id': span.spanId,
    'span.kind': span.kind,
    'span.num_events': span.events.length,
    'span.num_links': span.linkCount,
    status_code: span.statusCode,
    'meta.signal_type': 'trace',
  };
  if (span.parentSpanId) event['trace.parent_id'] = span.parentSpanId;
  if (span.statusCode === 2) event['error'] = true;
  if (span.statusMessage) event['status_message'] = span.statusMessage;
  if (span.scopeName) event['library.name'] = span.scopeName;
  if (span.scopeVersion) event['library.version'] = span.scopeVersion;

  const annotations = span.events.map((e): SpanEvent => ({
    ...span.resource,
    ...e.attributes,
    name: e.name,
    timestamp: e.timeMs,
    'trace.trace_id': span.traceId,
    'trace.parent_id': span.spanId,
    parent_name: span.name,
    'meta.annotation_type': 'span_event',
    'meta.signal_type': 'trace',
  }));
  return [event, ...annotations];
}
