import type { Reader } from '../expression/compile.js';
import { toNumber } from '../expression/values.js';
import { PERCENTILE_FRACTIONS, type Calculation, type PercentileOp } from '../spec/query.js';
import { Intervals } from './concurrency.js';
import { heatmapBuckets } from './heatmap.js';
import { nearestRank } from './percentile.js';
import type { HeatmapBucket } from './result.js';
import type { SpanEvent } from './span-event.js';

/** Folds the events of one group into one calculation's value. */
export interface Accumulator {
  add(event: SpanEvent): void;
  result(): number | null;
  buckets?(): HeatmapBucket[];
  intervals?: Intervals;
}

/** Booleans count as 1/0 so AVG over a boolean column is the fraction of true. */
const numeric = (read: Reader<SpanEvent>) => (event: SpanEvent): number | null => {
  const v = read(event);
  return typeof v === 'number' ? v : v === null ? null : toNumber(v);
};

export type AccumulatorFactory = () => Accumulator;

/** RATE_* calculations accumulate their base calculation per bucket; run-query takes the differences. */
export function accumulatorFactory(calc: Calculation, read: Reader<SpanEvent> | undefined): AccumulatorFactory {
  const value = read ? numeric(read) : () => null;
  switch (calc.op) {
    case 'COUNT':
      return () => counting();
    case 'CONCURRENCY':
      return () => concurrent();
    case 'SUM':
    case 'RATE_SUM':
      return () => folding(value, (acc, v) => acc + v);
    case 'MAX':
    case 'RATE_MAX':
      return () => folding(value, Math.max);
    case 'MIN':
      return () => folding(value, Math.min);
    case 'AVG':
    case 'RATE_AVG':
      return () => averaging(value);
    case 'COUNT_DISTINCT':
      return () => distinct(read!);
    case 'HEATMAP':
      return () => collecting(value, (values) => values.length, heatmapBuckets);
    default:
      return () =>
        collecting(value, (values) => nearestRank(Float64Array.from(values).sort(), PERCENTILE_FRACTIONS[calc.op as PercentileOp]));
  }
}

function counting(): Accumulator {
  let n = 0;
  return { add: () => void n++, result: () => n };
}

function concurrent(): Accumulator {
  const intervals = new Intervals();
  return {
    intervals,
    add: (event) => intervals.add(event['timestamp'] as number, Number(event['duration_ms'] ?? 0)),
    result: () => null,
  };
}

function folding(value: (e: SpanEvent) => number | null, combine: (acc: number, v: number) => number): Accumulator {
  let acc: number | null = null;
  return {
    add: (event) => {
      const v = value(event);
      if (v !== null) acc = acc === null ? v : combine(acc, v);
    },
    result: () => acc,
  };
}

function averaging(value: (e: SpanEvent) => number | null): Accumulator {
  let total = 0;
  let n = 0;
  return {
    add: (event) => {
      const v = value(event);
      if (v === null) return;
      total += v;
      n++;
    },
    result: () => (n === 0 ? null : total / n),
  };
}

function distinct(read: Reader<SpanEvent>): Accumulator {
  const seen = new Set<string | number | boolean>();
  return {
    add: (event) => {
      const v = read(event);
      if (v !== null) seen.add(v);
    },
    result: () => seen.size,
  };
}

function collecting(
  value: (e: SpanEvent) => number | null,
  summarize: (values: number[]) => number | null,
  buckets?: (values: number[]) => HeatmapBucket[],
): Accumulator {
  const values: number[] = [];
  return {
    add: (event) => {
      const v = value(event);
      if (v !== null) values.push(v);
    },
    result: () => summarize(values),
    ...(buckets ? { buckets: () => buckets(values) } : {}),
  };
}
