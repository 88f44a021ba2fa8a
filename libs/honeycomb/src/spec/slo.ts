import type { RecipientRef } from './recipient.js';

export interface Slo {
  name: string;
  description?: string;
  /** The derived column whose value is true (good), false (bad) or null (not eligible). */
  sli: { alias: string };
  /** 99.9% is 999000. */
  target_per_million: number;
  time_period_days: number;
}

interface BurnAlertBase {
  /** The SLO, by name, in the same definitions. */
  slo: { name: string };
  /** Burn alerts have no name in Honeycomb: the description identifies one within its SLO. */
  description: string;
  recipients?: RecipientRef[];
}

export interface ExhaustionTimeBurnAlert extends BurnAlertBase {
  alert_type: 'exhaustion_time';
  exhaustion_minutes: number;
}

export interface BudgetRateBurnAlert extends BurnAlertBase {
  alert_type: 'budget_rate';
  budget_rate_window_minutes: number;
  budget_rate_decrease_threshold_per_million: number;
}

export type BurnAlert = ExhaustionTimeBurnAlert | BudgetRateBurnAlert;
