import { DEFAULT_TIME_RANGE_SECONDS } from '../spec/columns.js';
import {
  CALCULATION_OPS,
  calcKey,
  COLUMNLESS_OPS,
  COMPARISON_OPS,
  effectiveCalculations,
  FILTER_OPS,
  type Filter,
  type QuerySpec,
} from '../spec/query.js';

export const MAX_LIMIT = 1000;

/** The rules Honeycomb's Query API enforces on a query specification. */
export function checkQuery(query: QuerySpec): string[] {
  return [...checkCalculations(query), ...(query.filters ?? []).flatMap(checkFilter), ...checkShape(query), ...checkTime(query)];
}

function checkCalculations(query: QuerySpec): string[] {
  return (query.calculations ?? []).flatMap((calc) => {
    if (!(CALCULATION_OPS as readonly string[]).includes(calc.op)) return [`unknown calculation ${calc.op}`];
    if (COLUMNLESS_OPS.has(calc.op)) return calc.column === undefined ? [] : [`${calc.op} takes no column`];
    return calc.column ? [] : [`${calc.op} needs a column`];
  });
}

function checkFilter(filter: Filter): string[] {
  const where = `filter on ${filter.column}`;
  if (!(FILTER_OPS as readonly string[]).includes(filter.op)) return [`${where}: unknown operator ${filter.op}`];
  if (filter.op === 'exists' || filter.op === 'does-not-exist') {
    return filter.value === undefined ? [] : [`${where}: ${filter.op} takes no value`];
  }
  if (filter.op === 'in' || filter.op === 'not-in') {
    return Array.isArray(filter.value) && filter.value.length > 0
      ? []
      : [`${where}: ${filter.op} takes a non-empty array of values`];
  }
  return filter.value === undefined || Array.isArray(filter.value) ? [`${where}: ${filter.op} takes a single value`] : [];
}

function checkShape(query: QuerySpec): string[] {
  const problems: string[] = [];
  const calcKeys = new Set(effectiveCalculations(query).map(calcKey));
  const breakdowns = new Set(query.breakdowns ?? []);
  if (query.filter_combination !== undefined && !['AND', 'OR'].includes(query.filter_combination)) {
    problems.push(`filter_combination must be AND or OR, not ${query.filter_combination}`);
  }
  if (query.limit !== undefined && !(Number.isInteger(query.limit) && query.limit >= 1 && query.limit <= MAX_LIMIT)) {
    problems.push(`limit ${query.limit} must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  for (const order of query.orders ?? []) {
    if (order.order !== undefined && order.order !== 'ascending' && order.order !== 'descending') {
      problems.push(`order must be ascending or descending, not ${order.order}`);
    }
    if (order.op !== undefined) {
      const key = calcKey({ op: order.op, column: order.column });
      if (!calcKeys.has(key)) problems.push(`order by ${key} names a calculation the query does not have`);
    } else if (order.column === undefined) {
      problems.push('an order needs a column or a calculation op');
    } else if (!breakdowns.has(order.column)) {
      problems.push(`order by ${order.column} names a column that is not a breakdown`);
    }
  }
  for (const having of query.havings ?? []) {
    const key = calcKey({ op: having.calculate_op, column: having.column });
    if (!calcKeys.has(key)) problems.push(`having on ${key} names a calculation the query does not have`);
    if (!(COMPARISON_OPS as readonly string[]).includes(having.op))
      problems.push(`having on ${key}: unknown operator ${having.op}`);
  }
  return problems;
}

function checkTime(query: QuerySpec): string[] {
  const { time_range: range, start_time: start, end_time: end, granularity } = query;
  const problems: string[] = [];
  if (range !== undefined && start !== undefined && end !== undefined) {
    problems.push('time_range, start_time and end_time cannot all be set');
  }
  if (range !== undefined && !(range > 0)) problems.push(`time_range ${range} must be positive`);
  if (start !== undefined && end !== undefined && end <= start)
    problems.push(`end_time ${end} must be after start_time ${start}`);
  const effectiveRange = start !== undefined && end !== undefined ? end - start : (range ?? DEFAULT_TIME_RANGE_SECONDS);
  if (granularity !== undefined && (granularity < effectiveRange / 1000 || granularity > effectiveRange / 10)) {
    problems.push(
      `granularity ${granularity} must be between time_range/1000 (${effectiveRange / 1000}) and time_range/10 (${effectiveRange / 10})`,
    );
  }
  return problems;
}
