import { DESCRIPTION_MAX, SLO_NAME_MAX } from '../spec/limits.js';
import type { BurnAlert, Slo } from '../spec/slo.js';
import { checkDescription, checkName } from './text-rules.js';

const isWhole = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

/** The rules Honeycomb's SLOs API enforces. */
export function checkSlo(slo: Slo): string[] {
  const problems: string[] = [];
  problems.push(...checkName(slo.name, SLO_NAME_MAX), ...checkDescription(slo.description, DESCRIPTION_MAX));
  if (!slo.sli?.alias) problems.push('an SLO needs an sli alias');
  // https://docs.honeycomb.io/api/tag/SLOs/ (Create an SLO): target_per_million integer [0 .. 999999],
  // time_period_days integer >= 1.
  if (!isWhole(slo.target_per_million, 0, 999_999)) {
    problems.push(`target_per_million ${slo.target_per_million} must be a whole number from 0 to 999999`);
  }
  if (!isWhole(slo.time_period_days, 1, Number.MAX_SAFE_INTEGER))
    problems.push(`time_period_days ${slo.time_period_days} must be a whole number of at least 1`);
  return problems;
}

/** The rules Honeycomb's Burn Alerts API enforces; the window must fit in the SLO's period. */
export function checkBurnAlert(alert: BurnAlert, slo: Slo | undefined): string[] {
  const problems: string[] = [];
  if (!alert.description) problems.push('a burn alert needs a description (it identifies the alert within its SLO)');
  problems.push(...checkDescription(alert.description, DESCRIPTION_MAX));
  if (alert.alert_type === 'exhaustion_time') {
    // terraform-provider-honeycombio internal/provider/burn_alert_resource.go: exhaustion_minutes AtLeast(0).
    if (!isWhole(alert.exhaustion_minutes, 0, Number.MAX_SAFE_INTEGER)) {
      problems.push(`exhaustion_minutes ${alert.exhaustion_minutes} must be a whole number of at least 0`);
    }
  } else if (alert.alert_type === 'budget_rate') {
    // burn_alert_resource.go: budget_rate_window_minutes AtLeast(60), budget_rate_decrease_percent
    // 0.0001 ..100 with 4 decimals, i.e. 1 .. 1000000 per million; a window longer than the SLO's
    // period could never be measured, so it is refused too.
    const periodMinutes = slo ? slo.time_period_days * 1440 : Number.MAX_SAFE_INTEGER;
    if (!isWhole(alert.budget_rate_window_minutes, 60, periodMinutes)) {
      problems.push(
        `budget_rate_window_minutes ${alert.budget_rate_window_minutes} must be a whole number from 60 to the SLO period (${periodMinutes})`,
      );
    }
    if (!isWhole(alert.budget_rate_decrease_threshold_per_million, 1, 1_000_000)) {
      problems.push(
        `budget_rate_decrease_threshold_per_million ${alert.budget_rate_decrease_threshold_per_million} must be a whole number from 1 to 1000000`,
      );
    }
  } else {
    problems.push(`alert_type must be exhaustion_time or budget_rate, not ${(alert as { alert_type: string }).alert_type}`);
  }
  return problems;
}
