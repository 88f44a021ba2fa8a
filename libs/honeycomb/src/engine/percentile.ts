/**
 * Nearest-rank percentile: the smallest value with at least `fraction` of the values at or below it,
 * i.e. sorted[ceil(fraction × n) − 1]. Always an observed value, never interpolated.
 */
export function nearestRank(sorted: ArrayLike<number>, fraction: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1]!;
}
