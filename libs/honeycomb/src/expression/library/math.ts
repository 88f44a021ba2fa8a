import type { Expr } from '../ast.js';
import { compareSameType, formatValue, numberOrZero, parseNumber, typeOf, type Value } from '../values.js';
import { eager, literalOf, unary, type FunctionDef, type Reader } from './define.js';

/**
 * docs.honeycomb.io/reference/calculated-field-formula/math: "Strings are parsed into numbers if
 * possible, unparseable strings or other values evaluate to zero." A null (missing) argument makes
 * the result null (LLM_PROMPT.md: "Most functions return null if any required argument is null").
 */
const arithmetic = (minArgs: number, maxArgs: number, combine: (numbers: number[]) => number | null): FunctionDef =>
  eager(minArgs, maxArgs, (values) => (values.includes(null) ? null : combine(values.map(numberOrZero))));

/** MIN/MAX: "the smallest argument of the same type as the first non-empty argument". */
const extreme = (pick: (order: number) => boolean): FunctionDef =>
  eager(1, Infinity, (values) => {
    const present = values.filter((v) => v !== null);
    const type = present.length > 0 ? typeOf(present[0]!) : 'null';
    let best: Value = null;
    for (const value of present) {
      if (typeOf(value) !== type) continue;
      const order = typeof value === 'boolean' ? Number(value) - Number(best) : compareSameType(value, best);
      if (best === null || (order !== undefined && pick(order))) best = value;
    }
    return best;
  });

/** LOG10: "Unparseable strings, and arguments less than or equal to 0, evaluate to null." */
const log10 = unary((value) => {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? parseNumber(value) : null;
  return n === null || n <= 0 ? null : Math.log10(n);
});

export const MATH_FUNCTIONS = {
  SUM: arithmetic(1, Infinity, (ns) => ns.reduce((s, n) => s + n, 0)),
  SUB: arithmetic(2, 2, ([a, b]) => a! - b!),
  MUL: arithmetic(1, Infinity, (ns) => ns.reduce((p, n) => p * n, 1)),
  /** "A division by zero evaluates to null." */
  DIV: arithmetic(2, 2, ([a, b]) => (b === 0 ? null : a! / b!)),
  /** The remainder takes the dividend's sign (Go's % and math.Mod); modulo zero is null, like DIV. */
  MOD: arithmetic(2, 2, ([a, b]) => (b === 0 ? null : a! % b!)),
  MIN: extreme((o) => o < 0),
  MAX: extreme((o) => o > 0),
  LOG10: log10,
  BUCKET: bucketFunction(),
};

/**
 * BUCKET($column, size, [min, [max]]) (Honeycomb docs, math): "returns size-sized buckets from min to
 * max. For example, BUCKET($column, 10, 0, 30) will return groups named < 0, 0 - 10, 10 - 20, 20 - 30,
 * and > 30 ... points on the boundary between two bins will fall into the lower bin. The size, min,
 * and max may not be columns. If the column is not a float value, the function returns null."
 */
function bucketFunction(): FunctionDef {
  return {
    minArgs: 2,
    maxArgs: 4,
    checkArgs: (args) => {
      const bounds = args.slice(1).map(literalOf);
      if (bounds.some((b) => typeof b !== 'number')) return ['BUCKET size, min and max must be number literals'];
      const [size, min, max] = bounds as number[];
      const problems = size! > 0 ? [] : ['BUCKET size must be positive'];
      if (min !== undefined && max !== undefined && max < min) problems.push('BUCKET max must not be below min');
      return problems;
    },
    compile: <E>([read]: ReadonlyArray<Reader<E>>, exprs: readonly Expr[]) => {
      const [size, min, max] = exprs.slice(1).map(literalOf) as number[];
      return (event: E): Value => {
        const value = read!(event);
        return typeof value === 'number' ? bucketLabel(value, size!, min, max) : null;
      };
    },
  };
}

function bucketLabel(value: number, size: number, min: number | undefined, max: number | undefined): string {
  if (min !== undefined && value <= min) return `< ${formatValue(min)}`;
  if (max !== undefined && value > max) return `> ${formatValue(max)}`;
  const origin = min ?? 0;
  // Bins are (lower, upper]: a value on a boundary belongs to the bin below it.
  const lower = origin + (Math.ceil((value - origin) / size) - 1) * size;
  const upper = max === undefined ? lower + size : Math.min(lower + size, max);
  return `${formatValue(lower)} - ${formatValue(upper)}`;
}
