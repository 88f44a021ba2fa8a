/** Columns Honeycomb derives from every OTLP span, whatever the service's own attributes are. */
export const HONEYCOMB_BUILTIN_COLUMNS: readonly string[] = [
  'duration_ms',
  'name',
  'trace.trace_id',
  'trace.parent_id',
  'trace.span_id',
  'error',
  'service.name',
  'status_code',
  'status_message',
  'span.kind',
  'span.num_events',
  'span.num_links',
  'meta.signal_type',
  'meta.annotation_type',
  'parent_name',
  'library.name',
  'library.version',
];

/** Honeycomb's default query window when a spec gives neither time_range nor start/end. */
export const DEFAULT_TIME_RANGE_SECONDS = 7200;
