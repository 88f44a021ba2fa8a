import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { Attributes, AttributeValue, SpanView } from '../shared/api-types.js';
import type { OtlpAnyValue, OtlpKeyValue, OtlpSpan, OtlpTraceRequest } from './otlp-types.js';

const KINDS = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];

type Plain = AttributeValue | null | Plain[] | { [key: string]: Plain };

function plain(value: OtlpAnyValue | undefined): Plain {
  if (!value) return null;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return Number(value.doubleValue);
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.bytesValue !== undefined) return value.bytesValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(plain);
  if (value.kvlistValue) return Object.fromEntries((value.kvlistValue.values ?? []).map((kv) => [kv.key, plain(kv.value)]));
  return null;
}

/** Key-value lists as a record: scalars kept, arrays and maps as JSON text, empty values dropped. */
export function attributesOf(list: readonly OtlpKeyValue[] | undefined): Attributes {
  const out: Attributes = {};
  for (const { key, value } of list ?? []) {
    const v = plain(value);
    if (v !== null) out[key] = typeof v === 'object' ? JSON.stringify(v) : v;
  }
  return out;
}

/** Unix nanoseconds (string or number) as float milliseconds, without losing the sub-millisecond part. */
export function nanosToMs(nanos: string | number): number {
  const text = String(nanos);
  if (text.length <= 15) return Number(text) / 1e6;
  return Number(text.slice(0, -6)) + Number(text.slice(-6)) / 1e6;
}

function kindOf(kind: OtlpSpan['kind']): string {
  if (typeof kind === 'string') return kind.replace(/^SPAN_KIND_/, '').toLowerCase();
  return KINDS[kind ?? 0] ?? 'unspecified';
}

const STATUS = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'];
const statusOf = (code: number | string | undefined): number =>
  typeof code === 'number' ? code : Math.max(STATUS.indexOf(code ?? ''), 0);

/** The spans of a validated OTLP/JSON request as the UI shows them. */
export function spanViews(request: OtlpTraceRequest): SpanView[] {
  const views: SpanView[] = [];
  for (const resourceSpans of request.resourceSpans ?? []) {
    const resource = attributesOf(resourceSpans.resource?.attributes);
    const service = String(resource[ATTR_SERVICE_NAME] ?? 'unknown_service');
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      const scope = scopeSpans.scope?.name;
      for (const span of scopeSpans.spans ?? []) {
        const startMs = nanosToMs(span.startTimeUnixNano);
        const view: SpanView = {
          traceId: span.traceId.toLowerCase(),
          spanId: span.spanId.toLowerCase(),
          name: span.name,
          kind: kindOf(span.kind),
          service,
          startMs,
          durationMs: Math.max(0, nanosToMs(span.endTimeUnixNano) - startMs),
          statusCode: statusOf(span.status?.code),
          attributes: attributesOf(span.attributes),
          resource,
          events: (span.events ?? []).map((event) => ({
            name: event.name,
            timeMs: nanosToMs(event.timeUnixNano),
            attributes: attributesOf(event.attributes),
          })),
          links: (span.links ?? []).map((link) => ({
            traceId: String(link.traceId).toLowerCase(),
            spanId: String(link.spanId).toLowerCase(),
            attributes: attributesOf(link.attributes),
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
