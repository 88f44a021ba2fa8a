/**
 * The pre-1.0 HTTP names, emitted only under `OTEL_SEMCONV_STABILITY_OPT_IN=http/dup` for
 * backends still querying them. `@opentelemetry/semantic-conventions` keeps deprecated names in
 * its incubating entry only, which the OpenTelemetry project advises libraries not to load at run
 * time; the HTTP spec checks these copies against that entry.
 */
export const ATTR_HTTP_METHOD_DEPRECATED = 'http.method';
export const ATTR_HTTP_STATUS_CODE_DEPRECATED = 'http.status_code';
