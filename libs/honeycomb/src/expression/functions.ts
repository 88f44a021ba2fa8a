import { compareValues, looselyEqual, toNumber, truthy, type Value } from './values.js';

interface FunctionDef {
  minArgs: number;
  maxArgs: number;
  apply: (args: Value[]) => Value;
}

const compare =
  (test: (order: number) => boolean) =>
  ([a, b]: Value[]): Value => {
    const order = compareValues(a ?? null, b ?? null);
    return order !== undefined && test(order);
  };

/** Any null operand makes the arithmetic result null. */
const arithmetic =
  (combine: (numbers: number[]) => number | null) =>
  (args: Value[]): Value => {
    const numbers = args.map(toNumber);
    return numbers.some((n) => n === null) ? null : combine(numbers as number[]);
  };

const text = (value: Value | undefined): string | null => (typeof value === 'string' ? value : null);

/** IF(cond, then[, cond2, then2 ...][, else]): the value of the first true condition. */
function ifThen(args: Value[]): Value {
  for (let i = 0; i + 1 < args.length; i += 2) if (truthy(args[i]!)) return args[i + 1]!;
  return args.length % 2 === 1 ? args[args.length - 1]! : null;
}

/** The subset of Honeycomb's derived-column functions that SLIs and the lift-sys boards need. */
export const FUNCTIONS: Readonly<Record<string, FunctionDef>> = {
  IF: { minArgs: 2, maxArgs: Infinity, apply: ifThen },
  AND: { minArgs: 1, maxArgs: Infinity, apply: (args) => args.every(truthy) },
  OR: { minArgs: 1, maxArgs: Infinity, apply: (args) => args.some(truthy) },
  NOT: { minArgs: 1, maxArgs: 1, apply: ([a]) => !truthy(a!) },
  EQUALS: { minArgs: 2, maxArgs: 2, apply: ([a, b]) => looselyEqual(a!, b!) },
  LT: { minArgs: 2, maxArgs: 2, apply: compare((o) => o < 0) },
  LTE: { minArgs: 2, maxArgs: 2, apply: compare((o) => o <= 0) },
  GT: { minArgs: 2, maxArgs: 2, apply: compare((o) => o > 0) },
  GTE: { minArgs: 2, maxArgs: 2, apply: compare((o) => o >= 0) },
  EXISTS: { minArgs: 1, maxArgs: 1, apply: ([a]) => a !== null },
  STARTS_WITH: {
    minArgs: 2,
    maxArgs: 2,
    apply: ([s, prefix]) => text(s) !== null && text(prefix) !== null && text(s)!.startsWith(text(prefix)!),
  },
  CONTAINS: {
    minArgs: 2,
    maxArgs: 2,
    apply: ([s, part]) => text(s) !== null && text(part) !== null && text(s)!.includes(text(part)!),
  },
  COALESCE: { minArgs: 1, maxArgs: Infinity, apply: (args) => args.find((a) => a !== null && a !== '') ?? null },
  BOOL: { minArgs: 1, maxArgs: 1, apply: ([a]) => truthy(a!) },
  INT: { minArgs: 1, maxArgs: 1, apply: arithmetic(([n]) => Math.trunc(n!)) },
  FLOAT: { minArgs: 1, maxArgs: 1, apply: arithmetic(([n]) => n!) },
  MUL: { minArgs: 1, maxArgs: Infinity, apply: arithmetic((ns) => ns.reduce((p, n) => p * n, 1)) },
  DIV: { minArgs: 2, maxArgs: 2, apply: arithmetic(([a, b]) => (b === 0 ? null : a! / b!)) },
  SUM: { minArgs: 1, maxArgs: Infinity, apply: arithmetic((ns) => ns.reduce((s, n) => s + n, 0)) },
  SUB: { minArgs: 2, maxArgs: 2, apply: arithmetic(([a, b]) => a! - b!) },
};
