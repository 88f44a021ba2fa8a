import type { HeatmapBucket } from './result.js';

export const HEATMAP_BUCKET_COUNT = 20;

/** Equal-width buckets from the smallest to the largest value; the last bucket includes the maximum. */
export function heatmapBuckets(values: readonly number[]): HeatmapBucket[] {
  if (values.length === 0) return [];
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  if (low === high) return [{ lower: low, upper: high, count: values.length }];
  const width = (high - low) / HEATMAP_BUCKET_COUNT;
  const buckets = Array.from({ length: HEATMAP_BUCKET_COUNT }, (_, i) => ({
    lower: low + i * width,
    upper: i === HEATMAP_BUCKET_COUNT - 1 ? high : low + (i + 1) * width,
    count: 0,
  }));
  for (const v of values) buckets[Math.min(Math.floor((v - low) / width), HEATMAP_BUCKET_COUNT - 1)]!.count++;
  return buckets;
}
