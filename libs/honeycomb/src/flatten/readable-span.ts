import type { Attributes, HrTime } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { SpanEvent } from '../engine/span-event.js';
import { SPAN_KIND_NAMES, toHoneycombEvents, type FlatAttributes } from './honeycomb-event.js';

const hrTimeToMs = ([seconds, nanos]: HrTime): number => seconds * 1000 + nanos / 1e6;

/** Arrays become JSON strings, as Honeycomb stores them. */
export function flattenAttributes(attributes: Attributes | undefined): FlatAttributes {
  const flat: FlatAttributes = {};
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null) continue;
    flat[key] = Array.isArray(value) ? JSON.stringify(value) : value;
  }
  return flat;
}

/** The Honeycomb events for a finished SDK span: the span plus one per span event. */
export function flattenReadableSpan(span: ReadableSpan): SpanEvent[] {
  const context = span.spanContext();
  return toHoneycombEvents({
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    name: span.name,
    kind: SPAN_KIND_NAMES[span.kind] ?? 'unspecified',
    startMs: hrTimeToMs(span.startTime),
    durationMs: hrTimeToMs(span.duration),
    resource: flattenAttributes(span.resource.attributes as Attributes),
    attributes: flattenAttributes(span.attributes),
    statusCode: span.status.code,
    statusMessage: span.status.message,
    scopeName: span.instrumentationScope.name,
    scopeVersion: span.instrumentationScope.version,
    events: span.events.map((e) => ({ name: e.name, timeMs: hrTimeToMs(e.time), attributes: flattenAttributes(e.attributes) })),
    linkCount: span.links.length,
  });
}

export const flattenReadableSpans = (spans: readonly ReadableSpan[]): SpanEvent[] => spans.flatMap(flattenReadableSpan);
