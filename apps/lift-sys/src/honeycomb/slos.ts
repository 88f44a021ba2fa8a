import type { BurnAlert, Slo } from '@lift-sys/honeycomb';
import type { AlertRoutes } from './recipients.js';

/** The two SLOs of section 8.2, over 30 days, with burn alerts standing in for "alert on <90%" and "alert on P95 > 12 s". */
export const slos: Slo[] = [
  {
    name: 'Request Success Rate',
    description: '95% of requests succeed (section 8.2, SLO 1)',
    sli: { alias: 'sli.request_success' },
    target_per_million: 950_000,
    time_period_days: 30,
  },
  {
    name: 'Request Latency',
    description: '95% of requests answer within 10 s, i.e. P95 under 10 s (section 8.2, SLO 2)',
    sli: { alias: 'sli.request_latency' },
    target_per_million: 950_000,
    time_period_days: 30,
  },
];

/**
 * An alert whose route has no recipient stays defined, so the local engine and the tests still
 * evaluate it; `honeycomb:apply` skips it with a warning, since Honeycomb requires a recipient.
 */
export function burnAlerts(routes: AlertRoutes): BurnAlert[] {
  return [
    {
      slo: { name: 'Request Success Rate' },
      description: 'Error budget exhausted within 24 hours at the current burn rate',
      alert_type: 'exhaustion_time',
      exhaustion_minutes: 1440,
      recipients: routes.critical,
    },
    {
      slo: { name: 'Request Success Rate' },
      description: 'Success rate under 90% for an hour: 10% of the budget burnt in one hour',
      alert_type: 'budget_rate',
      budget_rate_window_minutes: 60,
      budget_rate_decrease_threshold_per_million: 100_000,
      recipients: routes.critical,
    },
    {
      slo: { name: 'Request Latency' },
      description: 'Latency budget burning fast: 10% of it within one hour',
      alert_type: 'budget_rate',
      budget_rate_window_minutes: 60,
      budget_rate_decrease_threshold_per_million: 100_000,
      recipients: routes.performance,
    },
  ];
}
