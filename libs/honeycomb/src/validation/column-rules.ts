import { referencedColumns } from '../expression/ast.js';
import { checkExpression } from '../expression/check.js';
import { parseExpression } from '../expression/parse.js';
import type { QuerySpec } from '../spec/query.js';

/** Every column a query names: calculations, filters, breakdowns, orders and havings. */
export function queryColumns(query: QuerySpec): string[] {
  const columns = [
    ...(query.calculations ?? []).map((c) => c.column),
    ...(query.filters ?? []).map((f) => f.column),
    ...(query.breakdowns ?? []),
    ...(query.orders ?? []).map((o) => o.column),
    ...(query.havings ?? []).map((h) => h.column),
  ];
  return [...new Set(columns.filter((c): c is string => c !== undefined))];
}

const unknownColumnMessage = (column: string): string =>
  `unknown column ${column} (not a declared attribute, a Honeycomb column or a derived column)`;

export function checkQueryColumns(query: QuerySpec, known: ReadonlySet<string>): string[] {
  return queryColumns(query)
    .filter((c) => !known.has(c))
    .map(unknownColumnMessage);
}

/** Syntax, functions and arity; and, when `known` is given, the `$column` references. */
export function checkDerivedExpression(expression: string, known: ReadonlySet<string> | undefined): string[] {
  let expr;
  try {
    expr = parseExpression(expression);
  } catch (error) {
    return [`expression ${expression}: ${(error as Error).message}`];
  }
  const problems = checkExpression(expr).map((p) => `expression ${expression}: ${p}`);
  if (known)
    problems.push(
      ...referencedColumns(expr)
        .filter((c) => !known.has(c))
        .map(unknownColumnMessage),
    );
  return problems;
}
