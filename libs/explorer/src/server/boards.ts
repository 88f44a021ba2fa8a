import {
  calcKey,
  effectiveCalculations,
  evaluateSlo,
  evaluateTrigger,
  runQuery,
  type HoneycombDefinitions,
  type QueryResult,
  type QuerySpec,
  type Slo,
  type SpanEvent,
} from '@lift-sys/honeycomb';
import type { BoardsResponse, HeatmapView, PanelView, SeriesLine, SloView, TableView, TriggerView } from '../shared/api-types.js';

export interface TimeWindow {
  startMs: number;
  endMs: number;
}

/** Points per time series and per SLO burn-down, whatever the window. */
const POINTS = 60;
const BURN_DOWN_POINTS = 30;
const MAX_LINES = 10;
const HEATMAP_BINS = 20;

/**
 * Every board, trigger and SLO of the definitions over `events` in `window`, computed with the
 * Honeycomb query engine. Each saved query runs over the chosen window (instead of its own
 * time_range) with a granularity that gives about sixty points.
 */
export function computeBoards(
  definitions: HoneycombDefinitions | undefined,
  events: readonly SpanEvent[],
  window: TimeWindow,
): BoardsResponse {
  if (!definitions) return { window, definitionsLoaded: false, boards: [], triggers: [], slos: [] };
  const derivedColumns = definitions.derivedColumns ?? [];
  const slos = (definitions.slos ?? []).map((slo) => sloView(slo, definitions, events, window));
  const boards = (definitions.boards ?? []).map((board) => ({
    name: board.name,
    ...(board.description ? { description: board.description } : {}),
    panels: board.panels.map((panel): PanelView => {
      if (panel.type === 'text') return { kind: 'text', content: panel.text_panel.content };
      if (panel.type === 'slo') {
        const slo = slos.find((candidate) => candidate.name === panel.slo_panel.slo);
        return slo
          ? { kind: 'slo', name: slo.name, slo }
          : { kind: 'slo', name: panel.slo_panel.slo, error: 'no SLO of that name in the definitions' };
      }
      const named = (definitions.queries ?? []).find((candidate) => candidate.name === panel.query_panel.query);
      if (!named) return emptyQueryPanel(panel.query_panel.query, 'no saved query of that name in the definitions');
      try {
        const result = runQuery(overWindow(named.query, window), events, { now: window.endMs, derivedColumns });
        return {
          ...queryPanel(named.name, named.query, result, panel.query_panel.query_style ?? 'graph'),
          ...(named.description ? { description: named.description } : {}),
        };
      } catch (error) {
        return emptyQueryPanel(named.name, (error as Error).message);
      }
    }),
  }));
  const triggers = (definitions.triggers ?? []).map((trigger): TriggerView => {
    const { fired, value } = evaluateTrigger(trigger, events, window.endMs, derivedColumns);
    return {
      name: trigger.name,
      ...(trigger.description ? { description: trigger.description } : {}),
      fired,
      value,
      threshold: `${trigger.threshold.op} ${trigger.threshold.value}`,
      frequencySeconds: trigger.frequency,
    };
  });
  return { window, definitionsLoaded: true, boards, triggers, slos };
}

function emptyQueryPanel(name: string, error: string): PanelView {
  return { kind: 'query', name, times: [], charts: [], heatmaps: [], error };
}

function overWindow(query: QuerySpec, window: TimeWindow): QuerySpec {
  const { time_range: _range, start_time: _start, end_time: _end, ...rest } = query;
  const seconds = Math.max(1, (window.endMs - window.startMs) / 1000);
  return {
    ...rest,
    start_time: Math.floor(window.startMs / 1000),
    end_time: Math.ceil(window.endMs / 1000),
    granularity: Math.max(1, Math.ceil(seconds / POINTS)),
  };
}

function groupLabel(group: Record<string, unknown>, breakdowns: readonly string[]): string {
  return breakdowns.map((column) => String(group[column] ?? '(none)')).join(' · ');
}

function queryPanel(name: string, query: QuerySpec, result: QueryResult, style: string): PanelView {
  const keys = effectiveCalculations(query).map((calc) => ({ key: calcKey(calc), heatmap: calc.op === 'HEATMAP' }));
  const breakdowns = query.breakdowns ?? [];
  const series = result.series ?? [];
  const shown = result.rows.slice(0, MAX_LINES);
  const charts = keys
    .filter((k) => !k.heatmap)
    .map(({ key }) => ({
      calculation: key,
      lines: shown.map((row, r): SeriesLine => ({
        label: breakdowns.length > 0 ? groupLabel(row.group, breakdowns) : key,
        values: series.map((bucket) => bucket.rows[r]?.values[key] ?? null),
      })),
    }));
  const heatmaps = keys.filter((k) => k.heatmap).map(({ key }) => heatmapView(key, result));
  const table: TableView | undefined =
    breakdowns.length > 0 || style === 'table'
      ? {
          columns: [...breakdowns, ...keys.filter((k) => !k.heatmap).map((k) => k.key)],
          rows: result.rows.map((row) => [
            ...breakdowns.map((column) => row.group[column] ?? null),
            ...keys.filter((k) => !k.heatmap).map((k) => row.values[k.key] ?? null),
          ]),
        }
      : undefined;
  return {
    kind: 'query',
    name,
    times: series.map((bucket) => bucket.time),
    charts: style === 'table' ? [] : charts,
    heatmaps,
    ...(table ? { table } : {}),
  };
}

/**
 * The engine sizes each time bucket's heatmap buckets to that bucket's values; a chart needs one
 * value axis, so counts are re-binned by bucket midpoint onto bins spanning all of them.
 */
function heatmapView(key: string, result: QueryResult): HeatmapView {
  const series = result.series ?? [];
  const perTime = series.map((bucket) => bucket.rows.flatMap((row) => row.heatmaps?.[key] ?? []));
  let low = Infinity;
  let high = -Infinity;
  for (const buckets of perTime) {
    for (const b of buckets) {
      low = Math.min(low, b.lower);
      high = Math.max(high, b.upper);
    }
  }
  if (!Number.isFinite(low)) return { calculation: key, times: series.map((b) => b.time), bounds: [], counts: [] };
  const width = high > low ? (high - low) / HEATMAP_BINS : 1;
  const bins = high > low ? HEATMAP_BINS : 1;
  const bounds = Array.from({ length: bins + 1 }, (_, i) => low + i * width);
  const counts = perTime.map((buckets) => {
    const row = new Array<number>(bins).fill(0);
    for (const b of buckets) row[Math.min(bins - 1, Math.floor(((b.lower + b.upper) / 2 - low) / width))]! += b.count;
    return row;
  });
  return { calculation: key, times: series.map((b) => b.time), bounds, counts };
}

function sloView(slo: Slo, definitions: HoneycombDefinitions, events: readonly SpanEvent[], window: TimeWindow): SloView {
  const derived = definitions.derivedColumns ?? [];
  const now = evaluateSlo(slo, derived, events, window.endMs);
  const times: number[] = [];
  const budget: number[] = [];
  const step = (window.endMs - window.startMs) / (BURN_DOWN_POINTS - 1);
  for (let i = 0; i < BURN_DOWN_POINTS; i++) {
    const at = window.startMs + i * step;
    times.push(at);
    budget.push(round(evaluateSlo(slo, derived, events, at).budgetRemaining * 100));
  }
  return {
    name: slo.name,
    ...(slo.description ? { description: slo.description } : {}),
    targetPercent: slo.target_per_million / 1e4,
    periodDays: slo.time_period_days,
    eligible: now.eligible,
    bad: now.bad,
    compliancePercent: round(now.compliance * 100),
    budgetRemainingPercent: round(now.budgetRemaining * 100),
    burnDown: { times, budgetRemainingPercent: budget },
  };
}

const round = (value: number): number => Math.round(value * 1000) / 1000;
