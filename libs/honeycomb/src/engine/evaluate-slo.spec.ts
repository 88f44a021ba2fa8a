import type { BurnAlert, Slo } from '../spec/slo.js';
import { MINUTE, spanEvent, T0 } from '../testing/fixtures.js';
import { evaluateBurnAlert } from './evaluate-burn-alert.js';
import { evaluateSlo } from './evaluate-slo.js';
import type { SpanEvent } from './span-event.js';

const DAY = 86_400_000;
const derived = [{ alias: 'request_succeeded', expression: 'IF(EQUALS($span.kind, "server"), NOT(EXISTS($error)))' }];
const slo: Slo = {
  name: 'Request Success',
  sli: { alias: 'request_succeeded' },
  target_per_million: 950_000,
  time_period_days: 30,
};

const many = (n: number, fields: (i: number) => SpanEvent): SpanEvent[] =>
  Array.from({ length: n }, (_, i) => spanEvent(fields(i)));

describe('evaluateSlo', () => {
  it('counts good, bad and ineligible events over the SLO period', () => {
    const events = [
      ...many(970, () => ({ timestamp: T0 - DAY })),
      ...many(30, () => ({ timestamp: T0 - DAY, error: true })),
      ...many(500, () => ({ timestamp: T0 - DAY, 'span.kind': 'internal', error: true })),
      ...many(100, () => ({ timestamp: T0 - 31 * DAY, error: true })),
    ];
    const evaluation = evaluateSlo(slo, derived, events, T0);
    expect(evaluation).toMatchObject({ eligible: 1000, good: 970, bad: 30, target: 0.95 });
    expect(evaluation.compliance).toBeCloseTo(0.97);
    expect(evaluation.budgetRemaining).toBeCloseTo(0.4);
  });

  it('goes negative once the budget is overspent, and is whole with no eligible events', () => {
    const events = [...many(90, () => ({})), ...many(10, () => ({ error: true }))];
    expect(evaluateSlo(slo, derived, events, T0).budgetRemaining).toBeCloseTo(-1);
    expect(evaluateSlo(slo, derived, [], T0)).toMatchObject({ eligible: 0, compliance: 1, budgetRemaining: 1 });
  });

  it('refuses an SLI that is not a derived column', () => {
    expect(() => evaluateSlo({ ...slo, sli: { alias: 'nope' } }, derived, [], T0)).toThrow(/nope is not defined/);
  });
});

describe('evaluateBurnAlert', () => {
  // 10,000 eligible events allow 500 bad ones; 300 happened 10 days ago, then 1 per minute for the last hour.
  const events = [
    ...many(9640, () => ({ timestamp: T0 - 10 * DAY })),
    ...many(300, () => ({ timestamp: T0 - 10 * DAY, error: true })),
    ...many(60, (i) => ({ timestamp: T0 - (i + 0.5) * MINUTE, error: true })),
  ];
  const base = { slo: { name: slo.name }, description: 'burn' };

  it('projects the minutes until exhaustion from the last quarter of the exhaustion window', () => {
    const fourHours: BurnAlert = { ...base, alert_type: 'exhaustion_time', exhaustion_minutes: 240 };
    const evaluation = evaluateBurnAlert(fourHours, slo, derived, events, T0);
    expect(evaluation.value).toBeCloseTo(140);
    expect(evaluation.fired).toBe(true);
    expect(evaluation.budgetRemaining).toBeCloseTo(140 / 500);
    const twoHours: BurnAlert = { ...base, alert_type: 'exhaustion_time', exhaustion_minutes: 120 };
    expect(evaluateBurnAlert(twoHours, slo, derived, events, T0)).toMatchObject({ fired: false, threshold: 120 });
  });

  it('measures the budget used within the window per million', () => {
    const rate = (threshold: number): BurnAlert => ({
      ...base,
      alert_type: 'budget_rate',
      budget_rate_window_minutes: 60,
      budget_rate_decrease_threshold_per_million: threshold,
    });
    expect(evaluateBurnAlert(rate(100_000), slo, derived, events, T0)).toMatchObject({ fired: true, value: 120_000 });
    expect(evaluateBurnAlert(rate(150_000), slo, derived, events, T0).fired).toBe(false);
  });
});
