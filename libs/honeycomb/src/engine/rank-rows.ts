import type { Reader } from '../expression/compile.js';
import { compareSameType, typeOf, type Value } from '../expression/values.js';
import { calcKey, type Calculation, type Having, type QuerySpec } from '../spec/query.js';
import type { GroupResult } from './group-table.js';
import type { SpanEvent } from './span-event.js';
import { topK } from './top-k.js';

/** Honeycomb returns at most 1000 groups; the engine uses that as the default limit too. */
export const DEFAULT_LIMIT = 1000;

type Compare = (a: GroupResult, b: GroupResult) => number;

/**
 * HAVING, then ORDER BY, then LIMIT, over calculation results by index (no per-comparison lookups).
 * Without orders, groups are sorted by the first calculation, descending. Nulls sort last in either
 * direction; ties fall back to the group key so results are stable.
 */
export function rankGroups(
  groups: GroupResult[],
  query: QuerySpec,
  calcs: readonly Calculation[],
  breakdownReaders: readonly Reader<SpanEvent>[],
): GroupResult[] {
  const calcIndex = (op: Calculation['op'], column: string | undefined): number =>
    calcs.findIndex((c) => calcKey(c) === calcKey({ op, column }));
  const havings = (query.havings ?? []).map((h) => ({ index: calcIndex(h.calculate_op, h.column), having: h }));
  const kept =
    havings.length === 0
      ? groups
      : groups.filter((g) => havings.every(({ index, having }) => passes(g.values[index] ?? null, having)));

  const breakdowns = query.breakdowns ?? [];
  const orders = query.orders?.length
    ? query.orders
    : [{ op: calcs[0]!.op, column: calcs[0]!.column, order: 'descending' as const }];
  const comparators = orders.map((order): Compare => {
    const direction = order.order === 'descending' ? -1 : 1;
    const index = order.op ? calcIndex(order.op, order.column) : breakdowns.indexOf(order.column ?? '');
    const read = order.op
      ? (g: GroupResult) => g.values[index] ?? null
      : (g: GroupResult) => breakdownReaders[index]?.(g.state.first) ?? null;
    return (a, b) => {
      const x = read(a);
      const y = read(b);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return direction * sortOrder(x, y);
    };
  });
  return topK(kept, query.limit ?? DEFAULT_LIMIT, (a, b) => {
    for (const compare of comparators) {
      const c = compare(a, b);
      if (c !== 0) return c;
    }
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
}

function passes(value: number | null, having: Having): boolean {
  if (value === null) return false;
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

/** Values of one type in their natural order (false before true); mixed types grouped by type name. */
function sortOrder(x: Value, y: Value): number {
  if (typeof x === 'boolean' && typeof y === 'boolean') return Number(x) - Number(y);
  return compareSameType(x, y) ?? (typeOf(x) < typeOf(y) ? -1 : 1);
}
