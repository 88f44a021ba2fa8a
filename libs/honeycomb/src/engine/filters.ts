import { compareSameType, strictEqual, type Value } from '../expression/values.js';
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

/**
 * The filter ops of Honeycomb's query specification (docs.honeycomb.io/api/query-specification;
 * terraform-provider-honeycombio client/query_spec.go FilterOps). Values are compared type-strictly,
 * like the formula language's EQUALS and LT: the provider's docs warn that a filter value must have
 * "the type of the column, otherwise the filter will not function properly". String ops match string
 * values only. Negated ops (`!=`, `does-not-*`, `not-in`) also match events that lack the column.
 */
export function compileFilter(filter: Filter, resolve: ColumnResolver): Predicate {
  const read = resolve(filter.column);
  const { value } = filter;
  const list: readonly Scalar[] = Array.isArray(value) ? value : [];
  const scalar: Value = Array.isArray(value) || value === undefined ? null : value;
  const ordered =
    (test: (order: number) => boolean): Predicate =>
    (event) => {
      const order = compareSameType(read(event), scalar);
      return order !== undefined && test(order);
    };
  const text =
    (test: (s: string, part: string) => boolean): Predicate =>
    (event) => {
      const v = read(event);
      return typeof v === 'string' && typeof scalar === 'string' && test(v, scalar);
    };
  const not =
    (predicate: Predicate): Predicate =>
    (event) =>
      !predicate(event);
  const isIn: Predicate = (event) => {
    const v = read(event);
    return list.some((item) => strictEqual(v, item));
  };
  switch (filter.op) {
    case '=':
      return (event) => strictEqual(read(event), scalar);
    case '!=':
      return (event) => !strictEqual(read(event), scalar);
    case '>':
      return ordered((o) => o > 0);
    case '>=':
      return ordered((o) => o >= 0);
    case '<':
      return ordered((o) => o < 0);
    case '<=':
      return ordered((o) => o <= 0);
    case 'starts-with':
      return text((s, p) => s.startsWith(p));
    case 'does-not-start-with':
      return not(text((s, p) => s.startsWith(p)));
    case 'ends-with':
      return text((s, p) => s.endsWith(p));
    case 'does-not-end-with':
      return not(text((s, p) => s.endsWith(p)));
    case 'contains':
      return text((s, p) => s.includes(p));
    case 'does-not-contain':
      return not(text((s, p) => s.includes(p)));
    case 'exists':
      return (event) => read(event) !== null;
    case 'does-not-exist':
      return (event) => read(event) === null;
    case 'in':
      return isIn;
    case 'not-in':
      return not(isIn);
    default:
      throw new Error(`filter on ${filter.column}: unknown operator ${String(filter.op)}`);
  }
}
