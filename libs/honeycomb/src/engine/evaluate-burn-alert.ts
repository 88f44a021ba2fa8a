import type { DerivedColumn } from '../spec/derived-column.js';
import type { BurnAlert, Slo } from '../spec/slo.js';
import { allowedBad, budgetRemaining, countSli, sliReader } from './evaluate-slo.js';
import type { SpanEvent } from './span-event.js';

export interface BurnAlertEvaluation {
  fired: boolean;
  /** exhaustion_time: projected minutes until the budget runs out; budget_rate: budget used in the window, per million. */
  value: number;
  threshold: number;
  budgetRemaining: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Exhaustion-time alerts extrapolate from the most recent quarter of their exhaustion window. */
export const EXHAUSTION_LOOKBACK_FRACTION = 0.25;

export function evaluateBurnAlert(
  alert: BurnAlert,
  slo: Slo,
  derivedColumns: readonly DerivedColumn[],
  events: readonly SpanEvent[],
  now: number,
): BurnAlertEvaluation {
  const sli = sliReader(slo, derivedColumns);
  const period = countSli(sli, events, now - slo.time_period_days * DAY_MS, now);
  const budgetEvents = allowedBad(slo, period.good + period.bad);
  const remaining = budgetRemaining(period.bad, budgetEvents);
  const badSince = (minutes: number): number => countSli(sli, events, now - minutes * MINUTE_MS, now).bad;

  if (alert.alert_type === 'exhaustion_time') {
    const lookback = alert.exhaustion_minutes * EXHAUSTION_LOOKBACK_FRACTION;
    const burnPerMinute = badSince(lookback) / lookback;
    const left = budgetEvents - period.bad;
    const projected = left <= 0 ? 0 : burnPerMinute === 0 ? Infinity : left / burnPerMinute;
    return {
      fired: projected <= alert.exhaustion_minutes,
      value: projected,
      threshold: alert.exhaustion_minutes,
      budgetRemaining: remaining,
    };
  }
  const recentBad = badSince(alert.budget_rate_window_minutes);
  const usedPerMillion = budgetEvents === 0 ? (recentBad === 0 ? 0 : Infinity) : (recentBad / budgetEvents) * 1e6;
  const threshold = alert.budget_rate_decrease_threshold_per_million;
  return { fired: usedPerMillion >= threshold, value: usedPerMillion, threshold, budgetRemaining: remaining };
}
