import type { DerivedColumn } from '../spec/derived-column.js';
import { calcKey, effectiveCalculations } from '../spec/query.js';
import type { Threshold, Trigger } from '../spec/trigger.js';
import type { GroupValue } from './result.js';
import { runQuery } from './run-query.js';
import type { SpanEvent } from './span-event.js';

export interface TriggerGroupEvaluation {
  group: Record<string, GroupValue>;
  value: number | null;
  fired: boolean;
}

export interface TriggerEvaluation {
  fired: boolean;
  /** The value that decided: the highest for `>`/`>=`, the lowest for `<`/`<=`; null without data. */
  value: number | null;
  /** Per group, when the trigger query has breakdowns (any group past the threshold fires). */
  groups?: TriggerGroupEvaluation[];
}

/**
 * One evaluation of a trigger at `now` (ms since the epoch) over [now − time_range, now).
 * `exceeded_limit` (consecutive evaluations) spans evaluations and is left to the caller.
 */
export function evaluateTrigger(
  trigger: Trigger,
  events: readonly SpanEvent[],
  now: number,
  derivedColumns: readonly DerivedColumn[] = [],
): TriggerEvaluation {
  const query = {
    ...trigger.query,
    start_time: undefined,
    end_time: undefined,
    time_range: trigger.query.time_range ?? trigger.frequency,
  };
  const key = calcKey(effectiveCalculations(query)[0]!);
  const { rows } = runQuery(query, events, { now, derivedColumns });
  const groups = rows.map((row) => {
    const value = row.values[key] ?? null;
    return { group: row.group, value, fired: value !== null && crosses(value, trigger.threshold) };
  });
  const values = groups.map((g) => g.value).filter((v): v is number => v !== null);
  const value = values.length === 0 ? null : trigger.threshold.op.startsWith('>') ? Math.max(...values) : Math.min(...values);
  const evaluation: TriggerEvaluation = { fired: groups.some((g) => g.fired), value };
  if (trigger.query.breakdowns?.length) evaluation.groups = groups;
  return evaluation;
}

export function crosses(value: number, threshold: Threshold): boolean {
  switch (threshold.op) {
    case '>':
      return value > threshold.value;
    case '>=':
      return value >= threshold.value;
    case '<':
      return value < threshold.value;
    case '<=':
      return value <= threshold.value;
  }
}
