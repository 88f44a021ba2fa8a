import type { Expr } from './ast.js';
import { checkExpression } from './check.js';
import { FUNCTIONS } from './functions.js';
import { parseExpression } from './parse.js';
import type { Value } from './values.js';

export type Reader<E> = (event: E) => Value;

/** Compiles an expression into a closure; `readColumn` supplies the reader of each `$column`. */
export function compileExpression<E>(source: string, readColumn: (name: string) => Reader<E>): Reader<E> {
  const expr = parseExpression(source);
  const problems = checkExpression(expr);
  if (problems.length > 0) throw new Error(`invalid expression ${source}: ${problems.join('; ')}`);
  return compileNode(expr, readColumn);
}

function compileNode<E>(expr: Expr, readColumn: (name: string) => Reader<E>): Reader<E> {
  switch (expr.kind) {
    case 'column':
      return readColumn(expr.name);
    case 'literal': {
      const value = expr.value;
      return () => value;
    }
    case 'call': {
      const apply = FUNCTIONS[expr.fn]!.apply;
      const args = expr.args.map((arg) => compileNode(arg, readColumn));
      return (event) => apply(args.map((arg) => arg(event)));
    }
  }
}
