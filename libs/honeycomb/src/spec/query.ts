/**
 * Honeycomb's Query Specification, with the JSON field names of the REST API so a
 * spec serializes straight into a request body.
 */
export const PERCENTILE_FRACTIONS = {
  P001: 0.001,
  P01: 0.01,
  P05: 0.05,
  P10: 0.1,
  P20: 0.2,
  P25: 0.25,
  P50: 0.5,
  P75: 0.75,
  P80: 0.8,
  P90: 0.9,
  P95: 0.95,
  P99: 0.99,
  P999: 0.999,
} as const;

export type PercentileOp = keyof typeof PERCENTILE_FRACTIONS;

export const CALCULATION_OPS = [
  'COUNT',
  'CONCURRENCY',
  'SUM',
  'AVG',
  'COUNT_DISTINCT',
  'MAX',
  'MIN',
  ...(Object.keys(PERCENTILE_FRACTIONS) as PercentileOp[]),
  'HEATMAP',
  'RATE_AVG',
  'RATE_SUM',
  'RATE_MAX',
] as const;

export type CalculationOp = (typeof CALCULATION_OPS)[number];

/** Calculations that take no column. */
export const COLUMNLESS_OPS: ReadonlySet<CalculationOp> = new Set(['COUNT', 'CONCURRENCY']);

export const FILTER_OPS = [
  '=',
  '!=',
  '>',
  '>=',
  '<',
  '<=',
  'starts-with',
  'does-not-start-with',
  'ends-with',
  'does-not-end-with',
  'contains',
  'does-not-contain',
  'exists',
  'does-not-exist',
  'in',
  'not-in',
] as const;

export type FilterOp = (typeof FILTER_OPS)[number];

export const COMPARISON_OPS = ['=', '!=', '>', '>=', '<', '<='] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

export type Scalar = string | number | boolean;

export interface Calculation {
  op: CalculationOp;
  column?: string;
}

export interface Filter {
  column: string;
  op: FilterOp;
  value?: Scalar | Scalar[];
}

export interface Order {
  column?: string;
  op?: CalculationOp;
  order?: 'ascending' | 'descending';
}

export interface Having {
  calculate_op: CalculationOp;
  column?: string;
  op: ComparisonOp;
  value: number;
}

export interface QuerySpec {
  calculations?: Calculation[];
  filters?: Filter[];
  filter_combination?: 'AND' | 'OR';
  breakdowns?: string[];
  orders?: Order[];
  havings?: Having[];
  limit?: number;
  /** Seconds. */
  time_range?: number;
  /** Unix seconds. */
  start_time?: number;
  /** Unix seconds. */
  end_time?: number;
  /** Seconds per time-series bucket. */
  granularity?: number;
}

/** Honeycomb runs a query without calculations as COUNT. */
export function effectiveCalculations(query: QuerySpec): Calculation[] {
  return query.calculations && query.calculations.length > 0 ? query.calculations : [{ op: 'COUNT' }];
}

/** The label Honeycomb shows for a calculation: `COUNT`, `P95(duration_ms)`. */
export function calcKey(calc: { op: CalculationOp; column?: string }): string {
  return calc.column === undefined || COLUMNLESS_OPS.has(calc.op) ? calc.op : `${calc.op}(${calc.column})`;
}
