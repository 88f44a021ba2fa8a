import type { DerivedColumn } from '../spec/derived-column.js';
import { calcKey, effectiveCalculations, type QuerySpec } from '../spec/query.js';
import { accumulatorFactory } from './accumulators.js';
import { createColumnResolver } from './column-resolver.js';
import { compileWhere } from './filters.js';
import { GroupTable, groupKey, toRow, type GroupResult } from './group-table.js';
import { rankGroups } from './rank-rows.js';
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
  const layout = seriesLayout(
    query,
    window,
    calcs.some((c) => RATE_OPS.has(c.op)),
  );

  const totals = new GroupTable(factories);
  const buckets = layout ? Array.from({ length: layout.bucketCount }, () => new GroupTable(factories)) : [];
  const { startMs, endMs } = window;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const ts = event['timestamp'];
    if (typeof ts !== 'number' || ts < startMs || ts >= endMs || !where(event)) continue;
    const key = groupKey(event, breakdownReaders);
    totals.add(key, event);
    if (layout) buckets[Math.floor((ts - startMs) / layout.granularityMs)]!.add(key, event);
  }
  if (breakdowns.length === 0) totals.ensureEmptyGroup();

  const groups: GroupResult[] = [];
  const ratesBySeries = new Map<string, ReturnType<typeof groupSeries>>();
  const hasRate = calcs.some((c) => RATE_OPS.has(c.op));
  for (const [key, state] of totals.groups) {
    const values = state.accs.map((acc, i) =>
      calcs[i]!.op === 'CONCURRENCY' ? acc.intervals!.maxPerBucket(startMs, endMs - startMs, 1)[0]! : acc.result(),
    );
    if (hasRate) {
      const series = groupSeries(key, calcs, totals, buckets, layout!);
      ratesBySeries.set(key, series);
      calcs.forEach((calc, i) => {
        if (RATE_OPS.has(calc.op)) values[i] = meanOfSeries(series, calcKey(calc));
      });
    }
    groups.push({ key, state, values });
  }
  const ranked = rankGroups(groups, query, calcs, breakdownReaders);
  const result: QueryResult = { window, rows: ranked.map((g) => toRow(g, breakdowns, breakdownReaders, calcs)) };
  if (query.granularity !== undefined && layout) {
    const seriesOf = ranked.map((g) => ratesBySeries.get(g.key) ?? groupSeries(g.key, calcs, totals, buckets, layout));
    result.series = buckets.map((_, b) => ({
      time: startMs + b * layout.granularityMs,
      rows: ranked.map((_, r): ResultRow => ({ group: result.rows[r]!.group, ...seriesOf[r]![b]! })),
    }));
  }
  return result;
}

function seriesLayout(query: QuerySpec, window: TimeWindow, needsBuckets: boolean): SeriesLayout | undefined {
  const span = window.endMs - window.startMs;
  if (query.granularity === undefined && !needsBuckets) return undefined;
  const granularityMs =
    query.granularity !== undefined ? query.granularity * 1000 : Math.max(1000, Math.ceil(span / AUTO_BUCKETS));
  return { originMs: window.startMs, granularityMs, bucketCount: Math.max(1, Math.ceil(span / granularityMs)) };
}
