import type { Expr } from '../ast.js';
import type { Value } from '../values.js';

export type Reader<E> = (event: E) => Value;

/** What a formula can read about the event besides its columns. */
export interface EventClock<E> {
  /** EVENT_TIMESTAMP(): the event's time in Unix seconds. */
  eventTimestamp: Reader<E>;
  /** INGEST_TIMESTAMP(): when Honeycomb received the event, in Unix seconds. */
  ingestTimestamp: Reader<E>;
}

export interface FunctionDef {
  minArgs: number;
  maxArgs: number;
  /** Honeycomb's rules on arguments that must be literals (a regex, BUCKET's bounds), as messages. */
  checkArgs?: (args: readonly Expr[]) => string[];
  /** Builds the evaluator once per call site; arguments are readers so IF, AND, OR evaluate lazily. */
  compile<E>(args: ReadonlyArray<Reader<E>>, exprs: readonly Expr[], clock: EventClock<E>): Reader<E>;
}

/** A function of its evaluated arguments. */
export function eager(minArgs: number, maxArgs: number, apply: (values: Value[]) => Value): FunctionDef {
  return {
    minArgs,
    maxArgs,
    compile:
      <E>(args: ReadonlyArray<Reader<E>>) =>
      (event: E) =>
        apply(args.map((arg) => arg(event))),
  };
}

export function unary(apply: (value: Value) => Value): FunctionDef {
  return {
    minArgs: 1,
    maxArgs: 1,
    compile:
      <E>([a]: ReadonlyArray<Reader<E>>) =>
      (event: E) =>
        apply(a!(event)),
  };
}

export function binary(apply: (a: Value, b: Value) => Value): FunctionDef {
  return {
    minArgs: 2,
    maxArgs: 2,
    compile:
      <E>([a, b]: ReadonlyArray<Reader<E>>) =>
      (event: E) =>
        apply(a!(event), b!(event)),
  };
}

/** The literal value of an argument, or undefined when it is a column or a call. */
export function literalOf(expr: Expr | undefined): Value | undefined {
  return expr?.kind === 'literal' ? expr.value : undefined;
}
