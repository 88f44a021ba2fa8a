import type { DerivedColumn } from '@lift-sys/honeycomb';

/** Booleans as 0/1 so AVG gives a rate, and the SLIs: true good, false bad, null not eligible. */
export const derivedColumns: DerivedColumn[] = [
  { alias: 'dc.is_error', expression: 'IF(EQUALS($error, true), 1, 0)', description: '1 for spans with status ERROR' },
  {
    alias: 'dc.http_success',
    expression: 'IF(EXISTS($http.response.status_code), IF(LT($http.response.status_code, 400), 1, 0))',
    description: '1 for responses under 400',
  },
  { alias: 'dc.code_failed', expression: 'IF(EQUALS($code.success, false), 1, 0)', description: '1 for failed code generations' },
  {
    alias: 'dc.code_succeeded',
    expression: 'IF(EQUALS($code.success, true), 1, 0)',
    description: '1 for successful code generations',
  },
  { alias: 'dc.retried', expression: 'IF(GT($code.retries, 0), 1, 0)', description: '1 when code generation needed a retry' },
  {
    alias: 'dc.session_finalized',
    expression: 'IF(EQUALS($session.status, "finalized"), 1, 0)',
    description: '1 for finalized sessions',
  },
  {
    alias: 'sli.request_success',
    expression: 'IF(EQUALS($span.kind, "server"), NOT(EQUALS($error, true)))',
    description: 'SLI: a request (server span) that did not fail',
  },
  {
    alias: 'sli.request_latency',
    expression: 'IF(EQUALS($span.kind, "server"), LTE($duration_ms, 10000))',
    description: 'SLI: a request (server span) answered within 10 s',
  },
];
