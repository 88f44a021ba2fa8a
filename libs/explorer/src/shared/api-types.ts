/** The JSON the explorer's HTTP API serves to its UI. */

export type AttributeValue = string | number | boolean;
export type Attributes = Record<string, AttributeValue>;

export interface TraceSummary {
  traceId: string;
  /** The root span's name, or the earliest span's when the root has not arrived (yet). */
  rootName: string;
  services: string[];
  startMs: number;
  durationMs: number;
  spanCount: number;
  errorCount: number;
}

export interface TraceListResponse {
  /** Traces matching the filters; `traces` holds the newest `limit` of them. */
  matched: number;
  totalTraces: number;
  totalSpans: number;
  traces: TraceSummary[];
  services: string[];
  spanNames: string[];
}

export interface SpanEventView {
  name: string;
  timeMs: number;
  attributes: Attributes;
}

export interface SpanLinkView {
  traceId: string;
  spanId: string;
  attributes: Attributes;
}

export interface SpanView {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: string;
  service: string;
  startMs: number;
  durationMs: number;
  /** 0 unset, 1 ok, 2 error (OTLP's StatusCode). */
  statusCode: number;
  statusMessage?: string;
  attributes: Attributes;
  resource: Attributes;
  scope?: string;
  events: SpanEventView[];
  links: SpanLinkView[];
}

export interface TraceResponse {
  traceId: string;
  spans: SpanView[];
}

export interface SeriesLine {
  label: string;
  values: Array<number | null>;
}

export interface HeatmapView {
  calculation: string;
  times: number[];
  /** Bucket bounds shared by every time bucket, ascending. */
  bounds: number[];
  /** counts[t][b]: events of time bucket t in value bucket b. */
  counts: number[][];
}

export interface TableView {
  columns: string[];
  rows: Array<Array<AttributeValue | null>>;
}

export type PanelView =
  | {
      kind: 'query';
      name: string;
      description?: string;
      times: number[];
      /** One chart per non-heatmap calculation, each with a line per breakdown group. */
      charts: Array<{ calculation: string; lines: SeriesLine[] }>;
      heatmaps: HeatmapView[];
      table?: TableView;
      error?: string;
    }
  | { kind: 'slo'; name: string; slo?: SloView; error?: string }
  | { kind: 'text'; content: string };

export interface BoardView {
  name: string;
  description?: string;
  panels: PanelView[];
}

export interface TriggerView {
  name: string;
  description?: string;
  fired: boolean;
  value: number | null;
  threshold: string;
  frequencySeconds: number;
}

export interface SloView {
  name: string;
  description?: string;
  targetPercent: number;
  periodDays: number;
  eligible: number;
  bad: number;
  compliancePercent: number;
  budgetRemainingPercent: number;
  /** Budget left (percent) evaluated at each of `times`. */
  burnDown: { times: number[]; budgetRemainingPercent: number[] };
}

export interface BoardsResponse {
  window: { startMs: number; endMs: number };
  definitionsLoaded: boolean;
  boards: BoardView[];
  triggers: TriggerView[];
  slos: SloView[];
}
