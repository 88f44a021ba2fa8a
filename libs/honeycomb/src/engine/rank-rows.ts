import { compareValues } from '../expression/values.js';
import { calcKey, type Calculation, type Having, type QuerySpec } from '../spec/query.js';
import type { ResultRow } from './result.js';

/** Honeycomb returns at most 1000 groups; the engine uses that as the default limit too. */
export const DEFAULT_LIMIT = 1000;

type Keyed = { key: string; row: ResultRow };

/**
 * HAVING, then ORDER BY, then LIMIT. Without orders, rows are sorted by the first calculation,
 * descending. Nulls sort last in either direction; ties fall back to the group key so results are stable.
 */
export function rankRows<T extends Keyed>(rows: T[], query: QuerySpec, calcs: readonly Calculation[]): T[] {
  const kept = rows.filter((r) => (query.havings ?? []).every((h) => passesHaving(r.row, h)));
  const orders = query.orders?.length ? query.orders : [{ op: calcs[0]!.op, column: calcs[0]!.column, order: 'descending' as const }];
  const comparators = orders.map((order) => {
    const read = order.op
      ? (row: ResultRow) => row.values[calcKey({ op: order.op!, column: order.column })] ?? null
      : (row: ResultRow) => row.group[order.column!] ?? null;
    const direction = order.order === 'descending' ? -1 : 1;
    return (a: ResultRow, b: ResultRow): number => {
      const x = read(a);
      const y = read(b);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return direction * (compareValues(x, y) ?? 0);
    };
  });
  kept.sort((a, b) => {
    for (const compare of comparators) {
      const c = compare(a.row, b.row);
      if (c !== 0) return c;
    }
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
  return kept.slice(0, query.limit ?? DEFAULT_LIMIT);
}

function passesHaving(row: ResultRow, having: Having): boolean {
  const value = row.values[calcKey({ op: having.calculate_op, column: having.column })];
  if (value === null || value === undefined) return false;
  switch (having.op) {
    case '=':
      return value === having.value;
    case '!=':
      return value !== having.value;
    case '>':
      return value > having.value;
    case '>=':
      return value >= having.value;
    case '<':
      return value < having.value;
    case '<=':
      return value <= having.value;
  }
}
