import { formatValue, numberOrZero, truthy } from '../values.js';
import { unary } from './define.js';

/** docs.honeycomb.io/reference/calculated-field-formula/cast. */
export const CAST_FUNCTIONS = {
  /** "Casts the argument to an integer, truncating ... first coerced to a float if possible. Non-numeric values return 0." */
  INT: unary((value) => Math.trunc(numberOrZero(value))),
  /** "Casts the argument to a float. Non-numeric values return 0.0." */
  FLOAT: unary(numberOrZero),
  /** "Evaluates to true if the argument is truthy" (its table: non-zero numbers, the string "true", true). */
  BOOL: unary(truthy),
  /** "Casts the argument to a string. Empty arguments are converted to ""." */
  STRING: unary(formatValue),
};
