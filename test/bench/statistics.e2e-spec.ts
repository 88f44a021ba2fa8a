import { blockMeans, meanEstimate, ratioEstimate, relativeHalfWidth } from './support/stats.js';

describe('the benchmark confidence intervals', () => {
  it('gives the Student t interval of a small sample', () => {
    // Mean 5, sample standard deviation sqrt(2.5), t(0.975, 4) = 2.776: half-width 2.776 * sqrt(2.5 / 5) = 1.963.
    const estimate = meanEstimate([3, 4, 5, 6, 7]);
    expect(estimate.value).toBe(5);
    expect(estimate.low).toBeCloseTo(5 - 1.963, 3);
    expect(estimate.high).toBeCloseTo(5 + 1.963, 3);
    expect(estimate.n).toBe(5);
  });

  it('ignores discarded (NaN) samples and gives no interval under two values', () => {
    expect(meanEstimate([Number.NaN, 4, 6]).value).toBe(5);
    const single = meanEstimate([4]);
    expect(single.value).toBe(4);
    expect(Number.isNaN(single.low)).toBe(true);
    expect(relativeHalfWidth(single)).toBe(Number.POSITIVE_INFINITY);
  });

  it.each([[[1.1, 0.9]], [[1.5, 1.2, 1.7, 1.4]], [[0.6, 0.61, 0.65, 0.58, 0.7, 0.62]]])(
    'estimates ratios on logarithms: swapping the pair inverts the estimate and its interval (%j)',
    (ratios: number[]) => {
      const forward = ratioEstimate(ratios);
      const backward = ratioEstimate(ratios.map((ratio) => 1 / ratio));
      expect(forward.value * backward.value).toBeCloseTo(1, 9);
      expect(forward.low * backward.high).toBeCloseTo(1, 9);
      expect(forward.low).toBeLessThan(forward.value);
      expect(forward.high).toBeGreaterThan(forward.value);
    },
  );

  it('narrows as rounds are added to the same spread', () => {
    const spread = [0.98, 1.02, 1.0, 0.99, 1.01];
    const few = relativeHalfWidth(ratioEstimate(spread));
    const many = relativeHalfWidth(ratioEstimate([...spread, ...spread, ...spread, ...spread]));
    expect(many).toBeLessThan(few / 2);
  });

  it('averages the rounds one set of processes served into one observation, a short last block included', () => {
    expect(blockMeans([1, 2, Number.NaN, 4, 5], 2)).toEqual([1.5, 4, 5]);
    expect(blockMeans([Number.NaN, Number.NaN, 3], 2)).toEqual([Number.NaN, 3]);
    expect(blockMeans([1, 2, 3], 1)).toEqual([1, 2, 3]);
  });

  it('counts blocks, not rounds: a bias shared by the rounds of one block widens the interval', () => {
    // Three blocks of processes whose own biases (0.9, 1.0, 1.1) dwarf the spread between rounds.
    const perRound = [0.9, 0.91, 0.89, 1.0, 1.01, 0.99, 1.1, 1.11, 1.09];
    const byRound = ratioEstimate(perRound);
    const byBlock = ratioEstimate(perRound, 3);
    expect(byBlock.n).toBe(3);
    expect(byBlock.value).toBeCloseTo(byRound.value, 2);
    expect(relativeHalfWidth(byBlock)).toBeGreaterThan(2 * relativeHalfWidth(byRound));
    expect(meanEstimate([1, 3, 5, 7], 2)).toMatchObject({ value: 4, n: 2 });
  });
});
