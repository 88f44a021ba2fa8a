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
const numeric =
  (read: Reader<SpanEvent>): NumericReader =>
  (event) => {
    const v = read(event);
    return typeof v === 'number' ? v : v === null ? null : toNumber(v);
  };

export type AccumulatorFactory = () => Accumulator;

/** RATE_* calculations accumulate their base calculation per bucket; run-query takes the differences. */
export function accumulatorFactory(calc: Calculation, read: Reader<SpanEvent> | undefined): AccumulatorFactory {
  const value = read ? numeric(read) : () => null;
  switch (calc.op) {
    case 'COUNT':
      return () => new Counting();
    case 'CONCURRENCY':
      return () => new Concurrent();
    case 'SUM':
    case 'RATE_SUM':
      return () => new Folding(value, (acc, v) => acc + v);
    case 'MAX':
    case 'RATE_MAX':
      return () => new Folding(value, Math.max);
    case 'MIN':
      return () => new Folding(value, Math.min);
    case 'AVG':
    case 'RATE_AVG':
      return () => new Averaging(value);
    case 'COUNT_DISTINCT':
      return () => new Distinct(read!);
    case 'HEATMAP':
      return () => new Heatmap(value);
    default: {
      const fraction = PERCENTILE_FRACTIONS[calc.op as PercentileOp];
      return () => new Percentile(value, fraction);
    }
  }
}

// Classes rather than closures: a breakdown can have a million groups, and each group holds one
// accumulator per calculation, so per-instance closures would dominate memory and GC time.
type NumericReader = (e: SpanEvent) => number | null;

class Counting implements Accumulator {
  private n = 0;
  add(): void {
    this.n++;
  }
  result(): number {
    return this.n;
  }
}

class Concurrent implements Accumulator {
  readonly intervals = new Intervals();
  add(event: SpanEvent): void {
    this.intervals.add(event['timestamp'] as number, Number(event['duration_ms'] ?? 0));
  }
  result(): null {
    return null;
  }
}

class Folding implements Accumulator {
  private acc: number | null = null;
  constructor(
    private readonly value: NumericReader,
    private readonly combine: (acc: number, v: number) => number,
  ) {}
  add(event: SpanEvent): void {
    const v = this.value(event);
    if (v !== null) this.acc = this.acc === null ? v : this.combine(this.acc, v);
  }
  result(): number | null {
    return this.acc;
  }
}

class Averaging implements Accumulator {
  private total = 0;
  private n = 0;
  constructor(private readonly value: NumericReader) {}
  add(event: SpanEvent): void {
    const v = this.value(event);
    if (v === null) return;
    this.total += v;
    this.n++;
  }
  result(): number | null {
    return this.n === 0 ? null : this.total / this.n;
  }
}

class Distinct implements Accumulator {
  private readonly seen = new Set<string | number | boolean>();
  constructor(private readonly read: Reader<SpanEvent>) {}
  add(event: SpanEvent): void {
    const v = this.read(event);
    if (v !== null) this.seen.add(v);
  }
  result(): number {
    return this.seen.size;
  }
}

/** Keeps a lone value without an array: high-cardinality breakdowns are mostly one-event groups. */
class Percentile implements Accumulator {
  private first: number | null = null;
  private values: number[] | null = null;
  constructor(
    private readonly value: NumericReader,
    private readonly fraction: number,
  ) {}
  add(event: SpanEvent): void {
    const v = this.value(event);
    if (v === null) return;
    if (this.first === null) this.first = v;
    else (this.values ??= [this.first]).push(v);
  }
  result(): number | null {
    return this.values ? nearestRank(Float64Array.from(this.values).sort(), this.fraction) : this.first;
  }
}

class Heatmap implements Accumulator {
  private readonly values: number[] = [];
  constructor(private readonly value: NumericReader) {}
  add(event: SpanEvent): void {
    const v = this.value(event);
    if (v !== null) this.values.push(v);
  }
  result(): number {
    return this.values.length;
  }
  buckets(): HeatmapBucket[] {
    return heatmapBuckets(this.values);
  }
}
