import { MalformedOtlpError } from './otlp-decode.js';
import type { OtlpSpan, OtlpTraceRequest } from '@lift-sys/honeycomb';

const TRACE_ID = /^[0-9a-f]{32}$/i;
const SPAN_ID = /^[0-9a-f]{16}$/i;
const ZERO = /^0+$/;
const NANOS = /^\d{1,20}$/;

const isArrayOrAbsent = (value: unknown): boolean => value === undefined || value === null || Array.isArray(value);

/**
 * The rules of opentelemetry-proto's trace.proto a span must meet to be shown: a non-zero 16-byte
 * trace id and 8-byte span id, an 8-byte parent id or none, a name, and start and end times in
 * Unix nanoseconds. Throws naming the first span that breaks one, by its position in the request.
 */
export function validateRequest(request: OtlpTraceRequest): number {
  if (!isArrayOrAbsent(request.resourceSpans)) throw new MalformedOtlpError('resourceSpans must be an array');
  let spans = 0;
  (request.resourceSpans ?? []).forEach((resourceSpans, r) => {
    if (typeof resourceSpans !== 'object' || resourceSpans === null)
      throw new MalformedOtlpError(`resourceSpans[${r}] must be an object`);
    if (!isArrayOrAbsent(resourceSpans.scopeSpans))
      throw new MalformedOtlpError(`resourceSpans[${r}].scopeSpans must be an array`);
    if (!isArrayOrAbsent(resourceSpans.resource?.attributes)) {
      throw new MalformedOtlpError(`resourceSpans[${r}].resource.attributes must be an array`);
    }
    (resourceSpans.scopeSpans ?? []).forEach((scopeSpans, s) => {
      if (!isArrayOrAbsent(scopeSpans?.spans))
        throw new MalformedOtlpError(`resourceSpans[${r}].scopeSpans[${s}].spans must be an array`);
      (scopeSpans.spans ?? []).forEach((span, i) => {
        const problem = spanProblem(span);
        if (problem) throw new MalformedOtlpError(`resourceSpans[${r}].scopeSpans[${s}].spans[${i}]: ${problem}`);
        spans++;
      });
    });
  });
  return spans;
}

function spanProblem(span: OtlpSpan): string | undefined {
  if (typeof span !== 'object' || span === null) return 'not an object';
  if (typeof span.traceId !== 'string' || !TRACE_ID.test(span.traceId) || ZERO.test(span.traceId)) {
    return 'traceId must be 16 non-zero bytes (32 hex digits in OTLP/JSON)';
  }
  if (typeof span.spanId !== 'string' || !SPAN_ID.test(span.spanId) || ZERO.test(span.spanId)) {
    return 'spanId must be 8 non-zero bytes (16 hex digits in OTLP/JSON)';
  }
  if (
    span.parentSpanId !== undefined &&
    span.parentSpanId !== '' &&
    (typeof span.parentSpanId !== 'string' || !SPAN_ID.test(span.parentSpanId))
  ) {
    return 'parentSpanId must be empty or 8 bytes (16 hex digits in OTLP/JSON)';
  }
  if (typeof span.name !== 'string') return 'name must be a string';
  if (!NANOS.test(String(span.startTimeUnixNano)) || !NANOS.test(String(span.endTimeUnixNano))) {
    return 'startTimeUnixNano and endTimeUnixNano must be Unix nanoseconds';
  }
  for (const field of ['attributes', 'events', 'links'] as const) {
    if (!isArrayOrAbsent(span[field])) return `${field} must be an array`;
  }
  return undefined;
}
