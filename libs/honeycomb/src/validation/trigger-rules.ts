import {
  DESCRIPTION_MAX,
  TRIGGER_FORBIDDEN_CALCULATIONS,
  TRIGGER_MAX_RANGE_PER_FREQUENCY,
  TRIGGER_MAX_TIME_RANGE,
  TRIGGER_NAME_MAX,
} from '../spec/limits.js';
import { THRESHOLD_OPS, type Trigger } from '../spec/trigger.js';
import { checkQuery } from './query-rules.js';
import { checkDescription, checkName } from './text-rules.js';

export const MIN_FREQUENCY = 60;
export const MAX_FREQUENCY = 86_400;

/** The rules Honeycomb's Triggers API enforces, including those on the trigger's query. */
export function checkTrigger(trigger: Trigger): string[] {
  const { query, frequency, threshold } = trigger;
  const problems: string[] = [];
  problems.push(...checkName(trigger.name, TRIGGER_NAME_MAX), ...checkDescription(trigger.description, DESCRIPTION_MAX));
  const calcs = query.calculations ?? [];
  if (calcs.length !== 1) problems.push(`a trigger query needs exactly one calculation, found ${calcs.length}`);
  for (const op of TRIGGER_FORBIDDEN_CALCULATIONS) {
    if (calcs.some((c) => c.op === op)) problems.push(`${op} cannot be used in a trigger`);
  }
  if (query.orders?.length) problems.push('a trigger query cannot have orders');
  if (query.limit !== undefined) problems.push('a trigger query cannot have a limit');
  if (query.start_time !== undefined || query.end_time !== undefined) {
    problems.push('a trigger query cannot set start_time or end_time: it always ends at the evaluation');
  }
  if (!Number.isInteger(frequency) || frequency % 60 !== 0) problems.push(`frequency ${frequency} is not a multiple of 60`);
  if (frequency < MIN_FREQUENCY || frequency > MAX_FREQUENCY) {
    problems.push(`frequency ${frequency} must be between ${MIN_FREQUENCY} and ${MAX_FREQUENCY} seconds`);
  }
  // terraform-provider-honeycombio internal/provider/trigger_resource.go: "The Trigger's query duration
  // must be at least equal to the frequency" and "cannot be more than four times the frequency".
  if (query.time_range === undefined) {
    problems.push('a trigger query needs a time_range');
  } else if (query.time_range < frequency || query.time_range > TRIGGER_MAX_RANGE_PER_FREQUENCY * frequency) {
    problems.push(`time_range ${query.time_range} must be between frequency (${frequency}) and 4 × frequency (${4 * frequency})`);
  } else if (query.time_range > TRIGGER_MAX_TIME_RANGE) {
    problems.push(
      `time_range ${query.time_range} is more than one day (${TRIGGER_MAX_TIME_RANGE} s), the longest a trigger looks back`,
    );
  }
  if (!(THRESHOLD_OPS as readonly string[]).includes(threshold.op))
    problems.push(`threshold operator ${threshold.op} must be one of ${THRESHOLD_OPS.join(' ')}`);
  if (!Number.isFinite(threshold.value)) problems.push(`threshold value ${threshold.value} must be a finite number`);
  // terraform-provider-honeycombio internal/provider/trigger_resource.go: exceeded_limit Between(1, 5).
  const limit = threshold.exceeded_limit;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 5)) {
    problems.push(`threshold exceeded_limit ${limit} must be a whole number from 1 to 5`);
  }
  if (trigger.alert_type !== undefined && !['on_change', 'on_true'].includes(trigger.alert_type)) {
    problems.push(`alert_type must be on_change or on_true, not ${trigger.alert_type}`);
  }
  const schedule = trigger.evaluation_schedule_type;
  if (schedule !== undefined && schedule !== 'frequency' && schedule !== 'window') {
    problems.push(`evaluation_schedule_type must be frequency or window, not ${schedule}`);
  }
  if (schedule === 'window' && !trigger.evaluation_schedule)
    problems.push('evaluation_schedule_type window needs an evaluation_schedule');
  return [...problems, ...checkQuery(query)];
}
