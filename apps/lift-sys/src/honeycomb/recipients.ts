import type { Recipient } from '@lift-sys/honeycomb';

/** Where alerts go, from configuration; a channel that is not configured gets no recipient. */
export interface AlertRoutes {
  critical: Recipient[];
  performance: Recipient[];
  cost: Recipient[];
}

export function alertRoutesFrom(env: NodeJS.ProcessEnv): AlertRoutes {
  const slack = (variable: string): Recipient[] => {
    const channel = env[variable]?.trim();
    return channel ? [{ type: 'slack', target: channel }] : [];
  };
  const pagerduty = env.HONEYCOMB_ALERT_PAGERDUTY_KEY?.trim();
  // The integration key is a secret: Honeycomb shows the recipient under this name instead.
  const pagerdutyName = env.HONEYCOMB_ALERT_PAGERDUTY_NAME?.trim() || 'lift-sys on-call';
  return {
    critical: [
      ...slack('HONEYCOMB_ALERT_SLACK_CRITICAL'),
      ...(pagerduty ? [{ type: 'pagerduty' as const, target: pagerduty, name: pagerdutyName }] : []),
    ],
    performance: slack('HONEYCOMB_ALERT_SLACK_PERFORMANCE'),
    cost: slack('HONEYCOMB_ALERT_SLACK_COST'),
  };
}
