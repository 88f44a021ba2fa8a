import type { SpanEvent } from '../engine/span-event.js';
import { queryPanel, sloPanel, textPanel } from '../spec/board.js';
import { avg, desc, p95 } from '../spec/builders.js';
import type { HoneycombDefinitions } from '../spec/definitions.js';

/** 2023-11-14T22:13:20Z, a fixed "now" for tests. */
export const T0 = 1_700_000_000_000;
export const MINUTE = 60_000;

let spanSeq = 0;

/** A server span event with the fields every flattened span has; override what the test is about. */
export function spanEvent(fields: SpanEvent = {}): SpanEvent {
  spanSeq++;
  return {
    name: 'POST /api/sessions',
    timestamp: T0 - MINUTE,
    duration_ms: 10,
    'trace.trace_id': `trace-${spanSeq}`,
    'trace.span_id': `span-${spanSeq}`,
    'service.name': 'lift-sys',
    'span.kind': 'server',
    'meta.signal_type': 'trace',
    status_code: 0,
    ...fields,
  };
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so generated data is the same every run. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DECLARED_COLUMNS = ['http.route', 'http.status_code', 'user.id', 'llm.provider', 'llm.cost_usd', 'exception.type'];

/** A small but complete set of definitions: every kind, with references between them. */
export function sampleDefinitions(): HoneycombDefinitions {
  const slack = { type: 'slack' as const, target: '#alerts' };
  const pager = { type: 'pagerduty' as const, target: '0123456789abcdef0123456789abcdef', name: 'On call' };
  return {
    recipients: [slack, pager],
    derivedColumns: [
      { alias: 'is_error', expression: 'BOOL($error)', description: 'true when the span failed' },
      { alias: 'request_succeeded', expression: 'IF(EQUALS($span.kind, "server"), NOT(EXISTS($error)))', description: 'SLI' },
    ],
    queries: [
      {
        name: 'Slowest Operations',
        description: 'P95 latency by span name',
        query: {
          calculations: [p95('duration_ms')],
          breakdowns: ['name'],
          orders: [desc(p95('duration_ms'))],
          time_range: 86400,
        },
      },
      { name: 'Error Rate', query: { calculations: [avg('is_error')], time_range: 86400, granularity: 300 } },
    ],
    slos: [{ name: 'Request Success', sli: { alias: 'request_succeeded' }, target_per_million: 950_000, time_period_days: 30 }],
    burnAlerts: [
      {
        slo: { name: 'Request Success' },
        description: 'Budget gone within 4 hours',
        alert_type: 'exhaustion_time',
        exhaustion_minutes: 240,
        recipients: [slack],
      },
    ],
    triggers: [
      {
        name: 'High Error Rate',
        description: 'Runbook: docs/HONEYCOMB_RUNBOOKS.md#high-error-rate',
        query: { calculations: [avg('is_error')], time_range: 300 },
        threshold: { op: '>', value: 0.1 },
        frequency: 300,
        recipients: [slack, pager],
      },
    ],
    boards: [
      {
        name: 'Request Overview',
        panels: [
          textPanel('High-level request health'),
          queryPanel('Error Rate'),
          queryPanel('Slowest Operations', 'table'),
          sloPanel('Request Success'),
        ],
      },
    ],
  };
}
