import type { Value } from './values.js';

/**
 * A parsed formula. Infix operators become the calls they stand for (`$a + 1` is SUM($a, 1),
 * `$a != 1` is NOT(EQUALS($a, 1))), as Honeycomb's own parser maps them
 * (honeycombio/honeycomb-derived-column-validator pkg/parser/parser.go, lookupOp).
 */
export type Expr =
  { kind: 'column'; name: string } | { kind: 'literal'; value: Value } | { kind: 'call'; fn: string; args: Expr[] };

export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
  }
}

/** Every column an expression reads, in order of first appearance. */
export function referencedColumns(expr: Expr): string[] {
  const seen = new Set<string>();
  const visit = (node: Expr): void => {
    if (node.kind === 'column') seen.add(node.name);
    else if (node.kind === 'call') node.args.forEach(visit);
  };
  visit(expr);
  return [...seen];
}

export function referencedFunctions(expr: Expr): string[] {
  const seen = new Set<string>();
  const visit = (node: Expr): void => {
    if (node.kind !== 'call') return;
    seen.add(node.fn);
    node.args.forEach(visit);
  };
  visit(expr);
  return [...seen];
}
