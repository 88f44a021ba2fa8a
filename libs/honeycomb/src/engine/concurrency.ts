/**
 * Span intervals of one group, kept as parallel arrays so collecting them allocates nothing per event.
 * Concurrency is the largest number of spans in progress at one instant; a span ending at t no longer
 * overlaps one starting at t.
 */
export class Intervals {
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  add(startMs: number, durationMs: number): void {
    this.starts.push(startMs);
    this.ends.push(startMs + durationMs);
  }

  /**
   * Maximum concurrency within each bucket [origin + i × width, origin + (i + 1) × width). Within a
   * bucket the maximum is reached either at its start (spans carried over) or right after a span starts.
   */
  maxPerBucket(originMs: number, widthMs: number, bucketCount: number): number[] {
    const starts = Float64Array.from(this.starts).sort();
    const ends = Float64Array.from(this.ends).sort();
    const result = Array.from({ length: bucketCount }, (_, b) => {
      const t = originMs + b * widthMs;
      return countAtMost(starts, t) - countAtMost(ends, t);
    });
    let ended = 0;
    for (let s = 0; s < starts.length; s++) {
      const t = starts[s]!;
      while (ended < ends.length && ends[ended]! <= t) ended++;
      const bucket = Math.floor((t - originMs) / widthMs);
      if (bucket >= 0 && bucket < bucketCount) result[bucket] = Math.max(result[bucket]!, s + 1 - ended);
    }
    return result;
  }
}

/** Number of values ≤ t in an ascending array (binary search). */
function countAtMost(sorted: Float64Array, t: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! <= t) low = mid + 1;
    else high = mid;
  }
  return low;
}
