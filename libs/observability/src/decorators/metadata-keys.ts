export const SPAN_ATTR_METADATA = Symbol.for('@lift-sys/observability/span-attr');
export const NO_TRACE_METADATA = Symbol.for('@lift-sys/observability/no-trace');
