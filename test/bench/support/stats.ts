/** Small statistics helpers for benchmark samples. */

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Linear-interpolated quantile, `q` in [0, 1], of the finite values (NaN marks a discarded sample). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/** Element-wise `a[i] / b[i]`: ratios of measurements taken side by side in the same round (NaN where one is missing). */
export function pairedRatios(a: readonly number[], b: readonly number[]): number[] {
  return a.map((value, i) => value / (b[i] ?? Number.NaN));
}

/** Element-wise `a[i] - b[i]` (NaN where one is missing). */
export function pairedDifferences(a: readonly number[], b: readonly number[]): number[] {
  return a.map((value, i) => value - (b[i] ?? Number.NaN));
}

/** Fisher-Yates shuffle into a new array. */
export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** The middle half of a sample, for showing spread next to a median. */
export function interquartile(values: readonly number[]): [number, number] {
  return [quantile(values, 0.25), quantile(values, 0.75)];
}

/** A point estimate with its 95% confidence interval, from `n` paired per-round values. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
  n: number;
}

/** Two-sided 97.5% quantiles of Student's t for 1 to 30 degrees of freedom. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101,
  2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** Student's t quantile for a 95% interval; past 30 degrees of freedom 1.96 + 2.4/df is within 0.002 of it. */
function t975(df: number): number {
  return df <= 30 ? T_975[df - 1] : 1.96 + 2.4 / df;
}

/**
 * Means of consecutive groups of `blockSize` values (NaN for a group with no finite value). The
 * HTTP phase replaces its app processes every few rounds; rounds served by the same processes
 * share those processes' own biases, so an honest interval treats each group as one observation.
 */
export function blockMeans(values: readonly number[], blockSize: number): number[] {
  if (blockSize <= 1) return [...values];
  const means: number[] = [];
  for (let start = 0; start < values.length; start += blockSize) {
    const finite = values.slice(start, start + blockSize).filter(Number.isFinite);
    means.push(finite.length === 0 ? Number.NaN : finite.reduce((sum, value) => sum + value, 0) / finite.length);
  }
  return means;
}

/** Mean of the finite values (or of their block means) with its t-interval (NaN bounds under two values). */
export function meanEstimate(values: readonly number[], blockSize = 1): Estimate {
  const finite = blockMeans(values, blockSize).filter(Number.isFinite);
  const n = finite.length;
  const mean = finite.reduce((sum, value) => sum + value, 0) / n;
  if (n < 2) return { value: mean, low: Number.NaN, high: Number.NaN, n };
  const variance = finite.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
  const half = t975(n - 1) * Math.sqrt(variance / n);
  return { value: mean, low: mean - half, high: mean + half, n };
}

/**
 * Geometric mean of per-round ratios with its 95% interval: a t-interval on the ratios' logarithms
 * (or on their block means), mapped back. Ratios of paired measurements are right-skewed; their
 * logarithms are not.
 */
export function ratioEstimate(ratios: readonly number[], blockSize = 1): Estimate {
  const logs = meanEstimate(
    ratios.map((value) => (value > 0 ? Math.log(value) : Number.NaN)),
    blockSize,
  );
  return { value: Math.exp(logs.value), low: Math.exp(logs.low), high: Math.exp(logs.high), n: logs.n };
}

export function relativeHalfWidth(estimate: Estimate): number {
  const half = (estimate.high - estimate.low) / 2 / Math.abs(estimate.value);
  return Number.isFinite(half) ? half : Number.POSITIVE_INFINITY;
}
