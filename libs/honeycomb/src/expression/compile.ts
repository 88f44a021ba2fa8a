import type { Expr } from './ast.js';
import { checkExpression } from './check.js';
import { FUNCTIONS } from './functions.js';
import type { EventClock, Reader } from './library/define.js';
import { parseExpression } from './parse.js';

export type { EventClock, Reader } from './library/define.js';

const noClock: EventClock<unknown> = { eventTimestamp: () => null, ingestTimestamp: () => null };

/**
 * Compiles a formula into one closure; `readColumn` supplies the reader of each `$column`, `clock`
 * what EVENT_TIMESTAMP() and INGEST_TIMESTAMP() read (null without it). Throws, naming the position
 * or the function, when Honeycomb would reject the formula.
 */
export function compileExpression<E>(
  source: string,
  readColumn: (name: string) => Reader<E>,
  clock: EventClock<E> = noClock as EventClock<E>,
): Reader<E> {
  const expr = parseExpression(source);
  const problems = checkExpression(expr);
  if (problems.length > 0) throw new Error(`invalid expression ${source}: ${problems.join('; ')}`);
  return compileNode(expr, readColumn, clock);
}

function compileNode<E>(expr: Expr, readColumn: (name: string) => Reader<E>, clock: EventClock<E>): Reader<E> {
  switch (expr.kind) {
    case 'column':
      return readColumn(expr.name);
    case 'literal': {
      const value = expr.value;
      return () => value;
    }
    case 'call': {
      const args = expr.args.map((arg) => compileNode(arg, readColumn, clock));
      return FUNCTIONS.get(expr.fn)!.compile(args, expr.args, clock);
    }
  }
}
