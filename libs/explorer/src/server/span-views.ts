import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { SpanView } from '../shared/api-types.js';
import { flattenKeyValues, nanosToMs, otlpSpanKindName, otlpStatusCode, type OtlpTraceRequest } from '@lift-sys/honeycomb';

/** The spans of a validated OTLP/JSON request as the UI shows them. */
export function spanViews(request: OtlpTraceRequest): SpanView[] {
  const views: SpanView[] = [];
  for (const resourceSpans of request.resourceSpans ?? []) {
    const resource = flattenKeyValues(resourceSpans.resource?.attributes);
    const service = String(resource[ATTR_SERVICE_NAME] ?? 'unknown_service');
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      const scope = scopeSpans.scope?.name;
      for (const span of scopeSpans.spans ?? []) {
        const startMs = nanosToMs(span.startTimeUnixNano);
        const view: SpanView = {
          traceId: span.traceId.toLowerCase(),
          spanId: span.spanId.toLowerCase(),
          name: span.name,
          kind: otlpSpanKindName(span.kind),
          service,
          startMs,
          durationMs: Math.max(0, nanosToMs(span.endTimeUnixNano) - startMs),
          statusCode: otlpStatusCode(span.status?.code),
          attributes: flattenKeyValues(span.attributes),
          resource,
          events: (span.events ?? []).map((event) => ({
            name: event.name,
            timeMs: nanosToMs(event.timeUnixNano),
            attributes: flattenKeyValues(event.attributes),
          })),
          links: (span.links ?? []).map((link) => ({
            traceId: String(link.traceId).toLowerCase(),
            spanId: String(link.spanId).toLowerCase(),
            attributes: flattenKeyValues(link.attributes),
          })),
        };
        if (span.parentSpanId) view.parentSpanId = span.parentSpanId.toLowerCase();
        if (span.status?.message) view.statusMessage = span.status.message;
        if (scope) view.scope = scope;
        views.push(view);
      }
    }
  }
  return views;
}
