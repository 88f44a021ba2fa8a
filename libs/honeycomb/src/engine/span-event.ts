/**
 * One Honeycomb event: an OTLP span (or span event) flattened the way Honeycomb stores it.
 * `timestamp` is the start in milliseconds since the epoch; `duration_ms` is a float.
 */
export type SpanEvent = Record<string, string | number | boolean>;
