import type { SpanEvent } from '../engine/span-event.js';
import { SPAN_KIND_NAMES, toHoneycombEvents, type FlatAttributes } from './honeycomb-event.js';
import type { OtlpAnyValue, OtlpKeyValue, OtlpSpan, OtlpTraceRequest } from './otlp-json-types.js';

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

function plainValue(value: OtlpAnyValue | undefined): Plain {
  if (!value) return null;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return Number(value.doubleValue);
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.bytesValue !== undefined) return value.bytesValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(plainValue);
  if (value.kvlistValue) return Object.fromEntries((value.kvlistValue.values ?? []).map((kv) => [kv.key, plainValue(kv.value)]));
  return null;
}

/** Scalars as is; arrays and key-value lists as JSON strings; empty values dropped. */
export function flattenKeyValues(list: readonly OtlpKeyValue[] | undefined): FlatAttributes {
  const flat: FlatAttributes = {};
  for (const { key, value } of list ?? []) {
    const plain = plainValue(value);
    if (plain === null) continue;
    flat[key] = typeof plain === 'object' ? JSON.stringify(plain) : plain;
  }
  return flat;
}

/** Unix nanoseconds (a string, to keep precision) as float milliseconds. */
export function nanosToMs(nanos: string | number): number {
  const n = BigInt(nanos);
  return Number(n / 1_000_000n) + Number(n % 1_000_000n) / 1e6;
}

const OTLP_KINDS = ['unspecified', ...SPAN_KIND_NAMES];

/** An OTLP span kind (number or enum name) as Honeycomb's lower-case name: `server`, `client`, ... */
export function otlpSpanKindName(kind: OtlpSpan['kind']): string {
  if (typeof kind === 'string') return kind.replace(/^SPAN_KIND_/, '').toLowerCase();
  return OTLP_KINDS[kind ?? 0] ?? 'unspecified';
}

const STATUS_NAMES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'];

/** An OTLP status code (number or enum name) as its number: 0 unset, 1 ok, 2 error. */
export const otlpStatusCode = (code: number | string | undefined): number =>
  typeof code === 'number' ? code : Math.max(STATUS_NAMES.indexOf(code ?? ''), 0);

/** The Honeycomb events of one OTLP/JSON ExportTraceServiceRequest (ids are hex strings in OTLP/JSON). */
export function flattenOtlpRequest(request: OtlpTraceRequest): SpanEvent[] {
  const events: SpanEvent[] = [];
  for (const resourceSpans of request.resourceSpans ?? []) {
    const resource = flattenKeyValues(resourceSpans.resource?.attributes);
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      for (const span of scopeSpans.spans ?? []) {
        const startMs = nanosToMs(span.startTimeUnixNano);
        events.push(
          ...toHoneycombEvents({
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId || undefined,
            name: span.name,
            kind: otlpSpanKindName(span.kind),
            startMs,
            durationMs: Number(BigInt(span.endTimeUnixNano) - BigInt(span.startTimeUnixNano)) / 1e6,
            resource,
            attributes: flattenKeyValues(span.attributes),
            statusCode: otlpStatusCode(span.status?.code),
            statusMessage: span.status?.message,
            scopeName: scopeSpans.scope?.name,
            scopeVersion: scopeSpans.scope?.version,
            events: (span.events ?? []).map((e) => ({
              name: e.name,
              timeMs: nanosToMs(e.timeUnixNano),
              attributes: flattenKeyValues(e.attributes),
            })),
            linkCount: span.links?.length ?? 0,
          }),
        );
      }
    }
  }
  return events;
}
