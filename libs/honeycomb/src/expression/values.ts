/**
 * The values a formula computes with and Honeycomb's rules for them. Sources:
 * docs.honeycomb.io/reference/calculated-field-formula/{conditional,comparison,math,cast}.
 * Honeycomb stores integers and floats separately; JavaScript has one number type, so the engine
 * treats them as one type ("number") everywhere (docs/HONEYCOMB_QUERY_ENGINE.md).
 */
export type Value = string | number | boolean | null;

export type ValueType = 'null' | 'number' | 'string' | 'boolean';

export function typeOf(value: Value): ValueType {
  return value === null ? 'null' : (typeof value as ValueType);
}

/**
 * conditional: "All non-zero numbers, as well as the string true, evaluate to true."
 * cast (BOOL table): the string "true" only (any other string is false), booleans as they are, nil false.
 */
export function truthy(value: Value): boolean {
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value === 'true';
  return value === true;
}

/**
 * comparison (EQUALS): "Arguments of different types, such as the integer 200 and the string "200",
 * are not considered equal." Null equals only null (the docs are silent).
 */
export function strictEqual(a: Value, b: Value): boolean {
  return a === b;
}

/**
 * comparison (LT, GT ...): numbers compare numerically, strings lexicographically; "Always false if
 * either argument is empty, or if the types of the columns do not match" (undefined here).
 */
export function compareSameType(a: Value, b: Value): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  return undefined;
}

/**
 * Go compares strings byte by byte in UTF-8, which orders by code point; JavaScript's `<` orders by
 * UTF-16 unit, which disagrees for characters above U+FFFF against U+E000..U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) return x < y ? -1 : 1;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return i < a.length ? 1 : j < b.length ? -1 : 0;
}

/** What Go's strconv.ParseFloat accepts in decimal form: no surrounding spaces, no hex, no empty string. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** math: "Strings are parsed into numbers if possible"; null when the string is not a number. */
export function parseNumber(text: string): number | null {
  return DECIMAL.test(text) ? Number(text) : null;
}

/** math: "unparseable strings or other values evaluate to zero" (null is handled by each caller). */
export function numberOrZero(value: Value): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? (parseNumber(value) ?? 0) : 0;
}

/** Numbers as they are, booleans as 1/0, numeric strings parsed; anything else is null. For aggregations. */
export function toNumber(value: Value): number | null {
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'string' ? parseNumber(value) : null;
}

/**
 * cast (STRING): "Empty arguments are converted to """; numbers print as Go's %v does (shortest form,
 * exponent below 1e-4 and from 1e21), which differs from JavaScript only below 1e-4 ("1e-05" vs "0.00001").
 */
export function formatValue(value: Value): string {
  if (value === null) return '';
  if (typeof value !== 'number') return String(value);
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
  const abs = Math.abs(value);
  if (abs !== 0 && abs < 1e-4) return value.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(value);
}
