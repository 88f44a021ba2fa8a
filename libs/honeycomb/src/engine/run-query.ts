import type { DerivedColumn } from '../spec/derived-column.js';
import { calcKey, effectiveCalculations, type QuerySpec } from '../spec/query.js';
import { accumulatorFactory } from './accumulators.js';
import { createColumnResolver } from './column-resolver.js';
import { compileWhere } from './filters.js';
import { GroupTable, groupKey, toRow } from './group-table.js';
import { rankRows } from './rank-rows.js';
import type { QueryResult, ResultRow } from './result.js';
import { groupSeries, meanOfSeries, RATE_OPS, type SeriesLayout } from './series.js';
import type { SpanEvent } from './span-event.js';
import { resolveTimeWindow, type TimeWindow } from './time-window.js';

export interface RunOptions {
  /** ms since the epoch; a bare time_range ends here. The engine never reads the clock. */
  now: number;
  derivedColumns?: readonly DerivedColumn[];
}

/** RATE_* needs buckets even when the query has no granularity: then one hundredth of the range. */
const AUTO_BUCKETS = 100;

/** Runs a Honeycomb query spec over flattened span events, as Honeycomb would over the dataset. */
export function runQuery(query: QuerySpec, events: readonly SpanEvent[], options: RunOptions): QueryResult {
  const window = resolveTimeWindow(query, options.now);
  const resolve = createColumnResolver(options.derivedColumns);
  const where = compileWhere(query, resolve);
  const breakdowns = query.breakdowns ?? [];
  const breakdownReaders = breakdowns.map(resolve);
  const calcs = effectiveCalculations(query);
  const factories = calcs.map((c) => accumulatorFactory(c, c.column === undefined ? undefined : resolve(c.column)));
  const layout = seriesLayout(query, window, calcs.some((c) => RATE_OPS.has(c.op)));

  const totals = new GroupTable(factories);
  const buckets = layout ? Array.from({ length: layout.bucketCount }, () => new GroupTable(factories)) : [];
  const { startMs, endMs } = window;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const ts = event['timestamp'];
    if (typeof ts !== 'number' || ts < startMs || ts >= endMs || !where(event)) continue;
    const key = groupKey(event, breakdownReaders);
    totals.add(key, event, breakdownReaders);
    if (layout) buckets[Math.floor((ts - startMs) / layout.granularityMs)]!.add(key, event, breakdownReaders);
  }
  if (breakdowns.length === 0) totals.ensureEmptyGroup();

  const rows = [...totals.groups].map(([key, state]) => {
    const row = toRow(state, breakdowns, calcs);
    const series = layout ? groupSeries(key, calcs, totals, buckets, layout) : undefined;
    calcs.forEach((calc, i) => {
      const k = calcKey(calc);
      if (calc.op === 'CONCURRENCY') row.values[k] = state.accs[i]!.intervals!.maxPerBucket(startMs, endMs - startMs, 1)[0]!;
      if (RATE_OPS.has(calc.op)) row.values[k] = meanOfSeries(series!, k);
    });
    return { key, row, series };
  });
  const ranked = rankRows(rows, query, calcs);
  const result: QueryResult = { window, rows: ranked.map((r) => r.row) };
  if (query.granularity !== undefined && layout) {
    result.series = buckets.map((_, b) => ({
      time: startMs + b * layout.granularityMs,
      rows: ranked.map((r): ResultRow => ({ group: r.row.group, ...r.series![b]! })),
    }));
  }
  return result;
}

function seriesLayout(query: QuerySpec, window: TimeWindow, needsBuckets: boolean): SeriesLayout | undefined {
  const span = window.endMs - window.startMs;
  if (query.granularity === undefined && !needsBuckets) return undefined;
  const granularityMs = query.granularity !== undefined ? query.granularity * 1000 : Math.max(1000, Math.ceil(span / AUTO_BUCKETS));
  return { originMs: window.startMs, granularityMs, bucketCount: Math.max(1, Math.ceil(span / granularityMs)) };
}
