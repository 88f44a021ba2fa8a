import { avg, count, p95, sum, type Trigger } from '@lift-sys/honeycomb';
import type { AlertRoutes } from './recipients.js';
import { ATTR_GEN_AI_PROVIDER_NAME } from '@opentelemetry/semantic-conventions/incubating';
import { dbSpans, failed, requests, spanNamed } from './query-kit.js';

const RUNBOOKS = 'docs/HONEYCOMB_RUNBOOKS.md';

/** The five alerts of section 8.1; where Appendix B differs, docs/HONEYCOMB_ALERTS.md says which was kept and why. */
export function triggers(routes: AlertRoutes): Trigger[] {
  return [
    {
      name: 'High Error Rate',
      description: `Critical: more than 5% of requests failed over 5 minutes. Runbook: ${RUNBOOKS}#high-error-rate`,
      query: { calculations: [avg('dc.is_error')], filters: [requests], time_range: 300 },
      threshold: { op: '>', value: 0.05 },
      frequency: 300,
      recipients: routes.critical,
    },
    {
      name: 'Slow Requests',
      description: `Warning: P95 request latency above 15 s over 10 minutes. Runbook: ${RUNBOOKS}#slow-requests`,
      query: { calculations: [p95('duration_ms')], filters: [requests], time_range: 600 },
      threshold: { op: '>', value: 15_000 },
      frequency: 600,
      recipients: routes.performance,
    },
    {
      name: 'LLM Provider Failure',
      description: `Critical: more than 10 failed LLM calls in 5 minutes, per provider. Runbook: ${RUNBOOKS}#llm-provider-failure`,
      query: {
        calculations: [count()],
        filters: [spanNamed('llm.call'), failed],
        breakdowns: [ATTR_GEN_AI_PROVIDER_NAME],
        time_range: 300,
      },
      threshold: { op: '>', value: 10 },
      frequency: 300,
      recipients: routes.critical,
    },
    {
      name: 'Database Failure',
      description: `Critical: more than 5 failed database operations in 2 minutes. Runbook: ${RUNBOOKS}#database-failure`,
      query: { calculations: [count()], filters: [dbSpans, failed], time_range: 120 },
      threshold: { op: '>', value: 5 },
      frequency: 120,
      recipients: routes.critical,
    },
    {
      name: 'LLM Cost Spike',
      description: `Warning: more than $5.00 of LLM spend in an hour. Runbook: ${RUNBOOKS}#cost-spike`,
      query: { calculations: [sum('llm.cost_usd')], filters: [spanNamed('llm.call')], time_range: 3600 },
      threshold: { op: '>', value: 5 },
      frequency: 3600,
      recipients: routes.cost,
    },
  ];
}
