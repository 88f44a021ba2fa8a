import type { QuerySpec } from './query.js';
import type { RecipientRef } from './recipient.js';

export const THRESHOLD_OPS = ['>', '>=', '<', '<='] as const;
export type ThresholdOp = (typeof THRESHOLD_OPS)[number];

export interface Threshold {
  op: ThresholdOp;
  value: number;
  /** Consecutive evaluations past the threshold before the trigger fires. */
  exceeded_limit?: number;
}

export interface EvaluationWindow {
  days_of_week: Array<'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday'>;
  /** `HH:mm` UTC. */
  start_time: string;
  end_time: string;
}

export interface Trigger {
  name: string;
  description?: string;
  disabled?: boolean;
  /** One calculation, no orders, no limit; time_range between frequency and 4 × frequency. */
  query: QuerySpec;
  threshold: Threshold;
  /** Seconds between evaluations: a multiple of 60 from 60 to 86400. */
  frequency: number;
  alert_type?: 'on_change' | 'on_true';
  recipients?: RecipientRef[];
  evaluation_schedule_type?: 'frequency' | 'window';
  evaluation_schedule?: { window: EvaluationWindow };
}
