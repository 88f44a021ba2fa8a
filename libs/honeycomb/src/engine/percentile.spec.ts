import { nearestRank } from './percentile.js';

describe('nearestRank', () => {
  const sorted = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

  it('returns the smallest value with at least the fraction at or below it', () => {
    expect(nearestRank(sorted, 0.5)).toBe(50);
    expect(nearestRank(sorted, 0.95)).toBe(100);
    expect(nearestRank(sorted, 0.9)).toBe(90);
    expect(nearestRank(sorted, 0.001)).toBe(10);
  });

  it('is null without values', () => expect(nearestRank([], 0.5)).toBeNull());
});
