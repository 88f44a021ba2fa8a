import { calcKey, type Calculation } from '../spec/query.js';
import type { GroupTable } from './group-table.js';
import type { ResultRow } from './result.js';

export const RATE_OPS: ReadonlySet<string> = new Set(['RATE_AVG', 'RATE_SUM', 'RATE_MAX']);

export interface SeriesLayout {
  originMs: number;
  granularityMs: number;
  bucketCount: number;
}

/**
 * One group's values in every bucket. Buckets without events hold COUNT 0 and null elsewhere;
 * CONCURRENCY counts spans carried over from earlier buckets; RATE_* is the difference from the
 * previous bucket's value of the base calculation (null for the first bucket or next to a gap).
 */
export function groupSeries(
  key: string,
  calcs: readonly Calculation[],
  totals: GroupTable,
  buckets: readonly GroupTable[],
  layout: SeriesLayout,
): Array<Pick<ResultRow, 'values' | 'heatmaps'>> {
  const whole = totals.groups.get(key)!;
  const concurrency = calcs.map((calc, i) =>
    calc.op === 'CONCURRENCY'
      ? whole.accs[i]!.intervals!.maxPerBucket(layout.originMs, layout.granularityMs, layout.bucketCount)
      : undefined,
  );
  const series = buckets.map((table, b) => {
    const state = table.groups.get(key);
    const values: Record<string, number | null> = {};
    let heatmaps: ResultRow['heatmaps'];
    calcs.forEach((calc, i) => {
      const k = calcKey(calc);
      const acc = state?.accs[i];
      values[k] = concurrency[i]?.[b] ?? acc?.result() ?? (calc.op === 'COUNT' ? 0 : null);
      if (acc?.buckets) (heatmaps ??= {})[k] = acc.buckets();
    });
    return heatmaps ? { values, heatmaps } : { values };
  });
  for (const calc of calcs.filter((c) => RATE_OPS.has(c.op))) {
    const k = calcKey(calc);
    const base = series.map((point) => point.values[k] ?? null);
    series.forEach((point, b) => {
      const previous = b === 0 ? null : base[b - 1]!;
      const current = base[b]!;
      point.values[k] = previous === null || current === null ? null : current - previous;
    });
  }
  return series;
}

/** A RATE_* calculation over the whole query: the mean of its per-bucket differences. */
export function meanOfSeries(series: ReadonlyArray<Pick<ResultRow, 'values'>>, key: string): number | null {
  const defined = series.map((point) => point.values[key]).filter((v): v is number => typeof v === 'number');
  return defined.length === 0 ? null : defined.reduce((s, v) => s + v, 0) / defined.length;
}
