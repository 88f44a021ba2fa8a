import { avg, concurrency, count, desc, heatmap } from '../spec/builders.js';
import type { Trigger } from '../spec/trigger.js';
import { checkTrigger } from './trigger-rules.js';

const trigger = (overrides: Partial<Trigger> = {}, query: Trigger['query'] = {}): Trigger => ({
  name: 'High Error Rate',
  query: { calculations: [avg('is_error')], time_range: 300, ...query },
  threshold: { op: '>', value: 0.1 },
  frequency: 300,
  ...overrides,
});

describe('checkTrigger', () => {
  it('accepts a valid trigger', () => {
    expect(checkTrigger(trigger())).toEqual([]);
  });

  it('needs exactly one calculation, not HEATMAP', () => {
    expect(checkTrigger(trigger({}, { calculations: [count(), avg('x')] }))).toEqual([
      'a trigger query needs exactly one calculation, found 2',
    ]);
    expect(checkTrigger(trigger({}, { calculations: [] }))).toEqual(['a trigger query needs exactly one calculation, found 0']);
    expect(checkTrigger(trigger({}, { calculations: [heatmap('duration_ms')] }))).toEqual([
      'HEATMAP cannot be used in a trigger',
    ]);
  });

  it('forbids orders and limit', () => {
    expect(checkTrigger(trigger({}, { calculations: [count()], orders: [desc(count())] }))).toEqual([
      'a trigger query cannot have orders',
    ]);
    expect(checkTrigger(trigger({}, { limit: 10 }))).toEqual(['a trigger query cannot have a limit']);
  });

  it('needs a frequency that is a multiple of 60 within 60..86400', () => {
    expect(checkTrigger(trigger({ frequency: 90 }, { time_range: 180 }))).toEqual(['frequency 90 is not a multiple of 60']);
    expect(checkTrigger(trigger({ frequency: 0 }, { time_range: 60 }))).toEqual([
      'frequency 0 must be between 60 and 86400 seconds',
      'time_range 60 must be between frequency (0) and 4 × frequency (0)',
    ]);
    expect(checkTrigger(trigger({ frequency: 86_460 }, { time_range: 86_460 }))).toEqual([
      'frequency 86460 must be between 60 and 86400 seconds',
      'time_range 86460 is more than one day (86400 s), the longest a trigger looks back',
    ]);
    expect(checkTrigger(trigger({ frequency: 86_400 }, { time_range: 86_400 }))).toEqual([]);
  });

  it('needs time_range between frequency and four times frequency, inclusive', () => {
    expect(checkTrigger(trigger({ frequency: 300 }, { time_range: 300 }))).toEqual([]);
    expect(checkTrigger(trigger({ frequency: 300 }, { time_range: 1200 }))).toEqual([]);
    expect(checkTrigger(trigger({ frequency: 300 }, { time_range: 1260 }))).toEqual([
      'time_range 1260 must be between frequency (300) and 4 × frequency (1200)',
    ]);
    expect(checkTrigger(trigger({ frequency: 300 }, { time_range: 240 }))).toHaveLength(1);
    expect(checkTrigger(trigger({}, { time_range: undefined }))).toEqual(['a trigger query needs a time_range']);
  });

  it('bounds exceeded_limit to 1..5', () => {
    expect(checkTrigger(trigger({ threshold: { op: '>', value: 1, exceeded_limit: 5 } }))).toEqual([]);
    expect(checkTrigger(trigger({ threshold: { op: '>', value: 1, exceeded_limit: 6 } }))).toEqual([
      'threshold exceeded_limit 6 must be a whole number from 1 to 5',
    ]);
  });

  it('checks threshold, schedule and fixed times', () => {
    expect(checkTrigger(trigger({ threshold: { op: '=' as '>', value: 1 } }))).toEqual([
      'threshold operator = must be one of > >= < <=',
    ]);
    expect(checkTrigger(trigger({ evaluation_schedule_type: 'window' }))).toEqual([
      'evaluation_schedule_type window needs an evaluation_schedule',
    ]);
    expect(checkTrigger(trigger({}, { start_time: 1 }))).toEqual([
      'a trigger query cannot set start_time or end_time: it always ends at the evaluation',
    ]);
  });

  it('looks back at most one day and never uses CONCURRENCY (Honeycomb trigger limits)', () => {
    expect(checkTrigger(trigger({ frequency: 36_000 }, { time_range: 90_000 }))).toEqual([
      'time_range 90000 is more than one day (86400 s), the longest a trigger looks back',
    ]);
    expect(checkTrigger(trigger({}, { calculations: [concurrency()] }))).toEqual(['CONCURRENCY cannot be used in a trigger']);
  });

  it('bounds the name and leaves room for the managed marker in the description', () => {
    expect(checkTrigger(trigger({ name: 'x'.repeat(121) }))).toEqual(['name is 121 characters; Honeycomb allows at most 120']);
    expect(checkTrigger(trigger({ description: 'x'.repeat(1000) }))).toEqual([
      'description is 1000 characters; at most 990 fit (Honeycomb allows 1023, apply adds its marker)',
    ]);
  });

  it('also applies the query rules', () => {
    expect(checkTrigger(trigger({}, { granularity: 31 }))).toEqual([
      'granularity 31 must be between time_range/1000 (0.3) and time_range/10 (30)',
    ]);
  });
});
