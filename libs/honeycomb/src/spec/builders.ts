import type { Calculation, CalculationOp, ComparisonOp, Filter, FilterOp, Having, Order, Scalar } from './query.js';

const calc =
  (op: CalculationOp) =>
  (column: string): Calculation => ({ op, column });

export const count = (): Calculation => ({ op: 'COUNT' });
export const concurrency = (): Calculation => ({ op: 'CONCURRENCY' });
export const sum = calc('SUM');
export const avg = calc('AVG');
export const countDistinct = calc('COUNT_DISTINCT');
export const max = calc('MAX');
export const min = calc('MIN');
export const heatmap = calc('HEATMAP');
export const rateAvg = calc('RATE_AVG');
export const rateSum = calc('RATE_SUM');
export const rateMax = calc('RATE_MAX');
export const p001 = calc('P001');
export const p01 = calc('P01');
export const p05 = calc('P05');
export const p10 = calc('P10');
export const p20 = calc('P20');
export const p25 = calc('P25');
export const p50 = calc('P50');
export const p75 = calc('P75');
export const p80 = calc('P80');
export const p90 = calc('P90');
export const p95 = calc('P95');
export const p99 = calc('P99');
export const p999 = calc('P999');

type ValueOp = Exclude<FilterOp, 'exists' | 'does-not-exist' | 'in' | 'not-in'>;

export function where(column: string, op: 'exists' | 'does-not-exist'): Filter;
export function where(column: string, op: 'in' | 'not-in', value: Scalar[]): Filter;
export function where(column: string, op: ValueOp, value: Scalar): Filter;
export function where(column: string, op: FilterOp, value?: Scalar | Scalar[]): Filter {
  return value === undefined ? { column, op } : { column, op, value };
}

/** Order by a calculation (`desc(p95('duration_ms'))`) or by a breakdown column (`desc('user.id')`). */
export const desc = (by: Calculation | string): Order => orderBy(by, 'descending');
export const asc = (by: Calculation | string): Order => orderBy(by, 'ascending');

function orderBy(by: Calculation | string, order: 'ascending' | 'descending'): Order {
  if (typeof by === 'string') return { column: by, order };
  return by.column === undefined ? { op: by.op, order } : { op: by.op, column: by.column, order };
}

export function having(on: Calculation, op: ComparisonOp, value: number): Having {
  return on.column === undefined ? { calculate_op: on.op, op, value } : { calculate_op: on.op, column: on.column, op, value };
}
