export type Value = string | number | boolean | null;

/** null, false, 0, NaN and "" are falsy; everything else is truthy. */
export function truthy(value: Value): boolean {
  return value !== null && value !== false && value !== 0 && value !== '' && !Number.isNaN(value);
}

/** Numbers as is, booleans as 1/0, numeric strings parsed; anything else is null. */
export function toNumber(value: Value): number | null {
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isNaN(parsed) ? null : parsed;
  }
  return null;
}

/** Strict equality, except that a number equals a string holding the same number. */
export function looselyEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'string') return toNumber(b) === a;
  if (typeof a === 'string' && typeof b === 'number') return toNumber(a) === b;
  return false;
}

/** Numeric comparison when both sides are numbers, lexical when both are strings, else undefined. */
export function compareValues(a: Value, b: Value): number | undefined {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  const x = toNumber(a);
  const y = toNumber(b);
  return x === null || y === null ? undefined : x - y;
}
