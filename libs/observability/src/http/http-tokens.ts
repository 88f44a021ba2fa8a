export const HTTP_TRACING_OPTIONS = Symbol.for('@lift-sys/observability/http-tracing-options');
