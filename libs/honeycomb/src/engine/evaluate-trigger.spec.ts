import { avg, count } from '../spec/builders.js';
import type { Trigger } from '../spec/trigger.js';
import { MINUTE, spanEvent, T0 } from '../testing/fixtures.js';
import { evaluateTrigger } from './evaluate-trigger.js';
import type { SpanEvent } from './span-event.js';

const derived = [{ alias: 'is_error', expression: 'BOOL($error)' }];
const highErrorRate: Trigger = {
  name: 'High Error Rate',
  query: { calculations: [avg('is_error')], time_range: 300 },
  threshold: { op: '>', value: 0.1 },
  frequency: 300,
};

/** `total` spans spread over the minute before `endMs`, the first `errors` of them failed. */
const traffic = (total: number, errors: number, endMs: number, fields: SpanEvent = {}): SpanEvent[] =>
  Array.from({ length: total }, (_, i) =>
    spanEvent({ timestamp: endMs - MINUTE + (i * MINUTE) / total, ...fields, ...(i < errors ? { error: true } : {}) }),
  );

describe('evaluateTrigger (acceptance test 4)', () => {
  it('does not fire at exactly the threshold and fires just above it', () => {
    expect(evaluateTrigger(highErrorRate, traffic(100, 10, T0), T0, derived)).toEqual({ fired: false, value: 0.1 });
    expect(evaluateTrigger(highErrorRate, traffic(100, 11, T0), T0, derived)).toEqual({ fired: true, value: 0.11 });
  });

  it('only looks at the trigger window ending at now', () => {
    const incident = traffic(100, 50, T0 - 10 * MINUTE);
    const calm = traffic(100, 0, T0);
    const events = [...incident, ...calm];
    expect(evaluateTrigger(highErrorRate, events, T0 - 9 * MINUTE, derived).fired).toBe(true);
    expect(evaluateTrigger(highErrorRate, events, T0, derived)).toEqual({ fired: false, value: 0 });
  });

  it('fires when any group crosses the threshold', () => {
    const providerFailure: Trigger = {
      ...highErrorRate,
      query: { ...highErrorRate.query, breakdowns: ['llm.provider'] },
      threshold: { op: '>', value: 0.5 },
    };
    const events = [...traffic(10, 6, T0, { 'llm.provider': 'openai' }), ...traffic(10, 1, T0, { 'llm.provider': 'anthropic' })];
    const evaluation = evaluateTrigger(providerFailure, events, T0, derived);
    expect(evaluation.fired).toBe(true);
    expect(evaluation.value).toBe(0.6);
    expect(evaluation.groups).toEqual([
      { group: { 'llm.provider': 'openai' }, value: 0.6, fired: true },
      { group: { 'llm.provider': 'anthropic' }, value: 0.1, fired: false },
    ]);
  });

  it('treats no events as COUNT 0 for below-threshold triggers', () => {
    const noTraffic: Trigger = {
      ...highErrorRate,
      query: { calculations: [count()], time_range: 300 },
      threshold: { op: '<', value: 1 },
    };
    expect(evaluateTrigger(noTraffic, [], T0)).toEqual({ fired: true, value: 0 });
    expect(evaluateTrigger(highErrorRate, [], T0, derived)).toEqual({ fired: false, value: null });
  });
});
