import { compareValues, looselyEqual, type Value } from '../expression/values.js';
import type { Filter, QuerySpec, Scalar } from '../spec/query.js';
import type { ColumnResolver } from './column-resolver.js';
import type { SpanEvent } from './span-event.js';

export type Predicate = (event: SpanEvent) => boolean;

/** One closure for the whole WHERE clause, so the hot loop makes a single call per event. */
export function compileWhere(query: QuerySpec, resolve: ColumnResolver): Predicate {
  const predicates = (query.filters ?? []).map((f) => compileFilter(f, resolve));
  if (predicates.length === 0) return () => true;
  if (predicates.length === 1) return predicates[0]!;
  return query.filter_combination === 'OR'
    ? (event) => predicates.some((p) => p(event))
    : (event) => predicates.every((p) => p(event));
}

/** Negated operators (`!=`, `does-not-*`, `not-in`) also match events that lack the column. */
export function compileFilter(filter: Filter, resolve: ColumnResolver): Predicate {
  const read = resolve(filter.column);
  const { value } = filter;
  const list: readonly Scalar[] = Array.isArray(value) ? value : [];
  const scalar: Value = Array.isArray(value) || value === undefined ? null : value;
  const text = String(scalar);
  const ordered =
    (test: (order: number) => boolean): Predicate =>
    (event) => {
      const order = compareValues(read(event), scalar);
      return order !== undefined && test(order);
    };
  switch (filter.op) {
    case '=':
      return (event) => looselyEqual(read(event), scalar);
    case '!=':
      return (event) => !looselyEqual(read(event), scalar);
    case '>':
      return ordered((o) => o > 0);
    case '>=':
      return ordered((o) => o >= 0);
    case '<':
      return ordered((o) => o < 0);
    case '<=':
      return ordered((o) => o <= 0);
    case 'starts-with':
      return (event) => stringOf(read(event))?.startsWith(text) === true;
    case 'does-not-start-with':
      return (event) => stringOf(read(event))?.startsWith(text) !== true;
    case 'contains':
      return (event) => stringOf(read(event))?.includes(text) === true;
    case 'does-not-contain':
      return (event) => stringOf(read(event))?.includes(text) !== true;
    case 'exists':
      return (event) => read(event) !== null;
    case 'does-not-exist':
      return (event) => read(event) === null;
    case 'in':
      return (event) => isIn(read(event), list);
    case 'not-in':
      return (event) => !isIn(read(event), list);
  }
}

const stringOf = (value: Value): string | undefined => (value === null ? undefined : String(value));

const isIn = (value: Value, list: readonly Scalar[]): boolean => list.some((item) => looselyEqual(value, item));
