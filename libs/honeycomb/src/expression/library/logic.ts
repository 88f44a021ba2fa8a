import { compareSameType, strictEqual, truthy, type Value } from '../values.js';
import { binary, eager, unary, type FunctionDef, type Reader } from './define.js';

/** docs.honeycomb.io/reference/calculated-field-formula/logical: AND/OR are "truthy" tests over any number of arguments. */
const allOrAny = (all: boolean): FunctionDef => ({
  minArgs: 1,
  maxArgs: Infinity,
  compile:
    <E>(args: ReadonlyArray<Reader<E>>) =>
    (event: E): Value => {
      for (const arg of args) if (truthy(arg(event)) !== all) return !all;
      return all;
    },
});

/** docs .../comparison: numbers by value, strings lexicographically, otherwise (or empty) false. */
const ordered = (test: (order: number) => boolean): FunctionDef =>
  binary((a, b) => {
    const order = compareSameType(a, b);
    return order !== undefined && test(order);
  });

export const LOGIC_FUNCTIONS = {
  AND: allOrAny(true),
  OR: allOrAny(false),
  /** "Evaluates the provided argument to a boolean value, and then inverts that value." */
  NOT: unary((a) => !truthy(a)),
  /** "True when the supplied argument has a defined value, false where it does not." */
  EXISTS: unary((a) => a !== null),
  /** "Arguments of different types, such as the integer 200 and the string "200", are not considered equal." */
  EQUALS: binary(strictEqual),
  /** "True if the first provided argument is equal to any of the subsequent arguments." */
  IN: eager(2, Infinity, ([value, ...options]) => options.some((option) => strictEqual(value!, option))),
  LT: ordered((o) => o < 0),
  LTE: ordered((o) => o <= 0),
  GT: ordered((o) => o > 0),
  GTE: ordered((o) => o >= 0),
};
