import type { Expr } from '../ast.js';
import { strictEqual, truthy, type Value } from '../values.js';
import { literalOf, type FunctionDef, type Reader } from './define.js';

/**
 * docs.honeycomb.io/reference/calculated-field-formula/conditional: IF(condition, then-val
 * [, condition2, then-val2]... [, else-val]); without else-val the result is null. Conditions after
 * the first true one are not evaluated.
 */
const IF: FunctionDef = {
  minArgs: 2,
  maxArgs: Infinity,
  compile:
    <E>(args: ReadonlyArray<Reader<E>>) =>
    (event: E): Value => {
      for (let i = 0; i + 1 < args.length; i += 2) if (truthy(args[i]!(event))) return args[i + 1]!(event);
      return args.length % 2 === 1 ? args[args.length - 1]!(event) : null;
    },
};

/**
 * SWITCH(value, case1, result1, ... [, default]): "Cases must be string literals (not expressions)"
 * and match by strict equality (honeycomb-derived-column-validator examples/LLM_PROMPT.md; the
 * conditional docs: "SWITCH is more efficient if the same expression is being tested for strict equality").
 */
const SWITCH: FunctionDef = {
  minArgs: 3,
  maxArgs: Infinity,
  checkArgs: (args) =>
    switchCases(args).every((c) => typeof literalOf(c) === 'string') ? [] : ['SWITCH cases must be string literals'],
  compile: <E>(args: ReadonlyArray<Reader<E>>, exprs: readonly Expr[]) => {
    const labels = switchCases(exprs).map((c) => literalOf(c) as string);
    const fallback = args.length % 2 === 0 ? args[args.length - 1]! : undefined;
    return (event: E): Value => {
      const value = args[0]!(event);
      const hit = labels.findIndex((label) => strictEqual(value, label));
      return hit >= 0 ? args[2 + 2 * hit]!(event) : (fallback?.(event) ?? null);
    };
  },
};

/** The case expressions of SWITCH(value, case1, result1, ... [, default]). */
function switchCases(args: readonly Expr[]): Expr[] {
  return args.slice(1).filter((_, i, rest) => i % 2 === 0 && i + 1 < rest.length);
}

/** COALESCE: "Evaluates to the first non-empty argument" (LLM_PROMPT.md: "first non-null, non-empty"). */
const COALESCE: FunctionDef = {
  minArgs: 1,
  maxArgs: Infinity,
  compile:
    <E>(args: ReadonlyArray<Reader<E>>) =>
    (event: E): Value => {
      for (const arg of args) {
        const value = arg(event);
        if (value !== null && value !== '') return value;
      }
      return null;
    },
};

export const CONDITIONAL_FUNCTIONS = { IF, SWITCH, COALESCE };
