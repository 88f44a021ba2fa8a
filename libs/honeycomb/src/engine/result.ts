export type GroupValue = string | number | boolean | null;

export interface HeatmapBucket {
  lower: number;
  upper: number;
  count: number;
}

export interface ResultRow {
  /** Breakdown column → value (null when the events of the group lack the column). */
  group: Record<string, GroupValue>;
  /** Calculation key (`COUNT`, `P95(duration_ms)`) → value; HEATMAP's value is its event count. */
  values: Record<string, number | null>;
  heatmaps?: Record<string, HeatmapBucket[]>;
}

export interface SeriesBucket {
  /** Bucket start, ms since the epoch. */
  time: number;
  rows: ResultRow[];
}

export interface QueryResult {
  window: { startMs: number; endMs: number };
  rows: ResultRow[];
  /** Present when the query has a granularity. */
  series?: SeriesBucket[];
}
