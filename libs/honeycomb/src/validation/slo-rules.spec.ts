import type { BurnAlert, Slo } from '../spec/slo.js';
import { checkBurnAlert, checkSlo } from './slo-rules.js';

const slo: Slo = { name: 'Request Success', sli: { alias: 'ok' }, target_per_million: 950_000, time_period_days: 30 };

describe('checkSlo', () => {
  it('accepts a valid SLO', () => expect(checkSlo(slo)).toEqual([]));

  it('bounds the target and the period as the SLOs API documents them', () => {
    expect(checkSlo({ ...slo, target_per_million: 1_000_000 })).toEqual([
      'target_per_million 1000000 must be a whole number from 0 to 999999',
    ]);
    expect(checkSlo({ ...slo, target_per_million: 0.95 })).toHaveLength(1);
    expect(checkSlo({ ...slo, target_per_million: 0 })).toEqual([]);
    expect(checkSlo({ ...slo, time_period_days: 0 })).toEqual(['time_period_days 0 must be a whole number of at least 1']);
    expect(checkSlo({ ...slo, time_period_days: 365 })).toEqual([]);
  });
});

describe('checkBurnAlert', () => {
  const exhaustion: BurnAlert = {
    slo: { name: slo.name },
    description: '4h',
    alert_type: 'exhaustion_time',
    exhaustion_minutes: 240,
  };
  const rate: BurnAlert = {
    slo: { name: slo.name },
    description: 'fast burn',
    alert_type: 'budget_rate',
    budget_rate_window_minutes: 60,
    budget_rate_decrease_threshold_per_million: 10_000,
  };

  it('accepts valid alerts of both types', () => {
    expect(checkBurnAlert(exhaustion, slo)).toEqual([]);
    expect(checkBurnAlert(rate, slo)).toEqual([]);
  });

  it('rejects bad parameters', () => {
    expect(checkBurnAlert({ ...exhaustion, exhaustion_minutes: 0 }, slo)).toEqual([]);
    expect(checkBurnAlert({ ...exhaustion, exhaustion_minutes: -1 }, slo)).toEqual([
      'exhaustion_minutes -1 must be a whole number of at least 0',
    ]);
    expect(checkBurnAlert({ ...rate, budget_rate_window_minutes: 30 }, slo)).toEqual([
      'budget_rate_window_minutes 30 must be a whole number from 60 to the SLO period (43200)',
    ]);
    expect(checkBurnAlert({ ...rate, budget_rate_decrease_threshold_per_million: 0 }, slo)).toHaveLength(1);
    expect(checkBurnAlert({ ...exhaustion, description: '' }, slo)).toEqual([
      'a burn alert needs a description (it identifies the alert within its SLO)',
    ]);
  });
});
