import type { AttributeValue, Attributes } from '@opentelemetry/api';
import { REDACTED_VALUE } from '../conventions/attribute-names.js';
import { attributePolicy, type AttributePolicy } from './attribute-policy.js';

/*
 * The one rule that turns any value into something OTLP can carry, used for every attribute the
 * library records and again, by the export guard, for every attribute any code set:
 *
 * - strings: cut to the policy's limit without splitting a surrogate pair; lone surrogates
 *   (invalid UTF-8 once encoded) become U+FFFD.
 * - finite numbers stay numbers; an integer outside int64 becomes its decimal string.
 *   `NaN`, `Infinity` and `-Infinity` become the strings `"NaN"`, `"Infinity"`, `"-Infinity"`
 *   (the spelling of the proto3 JSON mapping), because OTLP/JSON cannot carry them as numbers.
 * - BigInt: a number inside ±(2^53 − 1), its decimal string beyond.
 * - symbols: their description.
 * - arrays of one primitive type stay arrays (elements normalized as above; if that changes an
 *   element's type, every element becomes a string); mixed arrays and other objects become
 *   JSON (bounded by the same limit, redacted keys masked, cycles cut).
 * - `undefined`, `null` and functions are not recorded.
 */

/** One past the largest int64, and the smallest int64: the range of OTLP's `int_value`. */
const INT64_END = 2 ** 63;
const INT64_MIN = -(2 ** 63);

type WellFormedString = string & { isWellFormed(): boolean; toWellFormed(): string };

/** Cuts a string to the policy's limit, marking the cut with an ellipsis and never splitting a surrogate pair. */
export function truncate(value: string, maxLength: number): string {
  if (value.length <= maxLength) return value;
  let end = Math.max(0, maxLength - 1);
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}

/**
 * Converts any captured value into an attribute value by the rule above; `undefined` means
 * "do not record".
 */
export function toAttributeValue(value: unknown, policy: AttributePolicy = attributePolicy()): AttributeValue | undefined {
  switch (typeof value) {
    case 'string':
      return normalizeString(value, policy.maxStringLength);
    case 'number':
      return normalizeNumber(value);
    case 'boolean':
      return value;
    case 'bigint':
      return normalizeBigInt(value);
    case 'symbol':
      return normalizeString(value.description ?? '', policy.maxStringLength);
    case 'undefined':
    case 'function':
      return undefined;
    default:
      if (value === null) return undefined;
      if (Array.isArray(value)) {
        const homogeneous = homogeneousArray(value, policy);
        if (homogeneous !== undefined) return homogeneous;
      }
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
      return normalizeString(toJson(value as object, policy), policy.maxStringLength);
  }
}

/** Normalizes a whole bag of attributes, applying redaction by key. */
export function toAttributes(bag: Readonly<Record<string, unknown>>, policy = attributePolicy()): Attributes {
  const attributes: Attributes = {};
  for (const key of Object.keys(bag)) {
    const raw = bag[key];
    if (raw === undefined || raw === null) continue;
    const value = policy.isRedactedKey(key) ? REDACTED_VALUE : toAttributeValue(raw, policy);
    if (value !== undefined) attributes[key] = value;
  }
  return attributes;
}

/**
 * True when an attribute value already follows the rule (so the export guard can pass it
 * through untouched). Does not judge length: the SDK's span limits do that.
 */
export function isExportableAttributeValue(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      return (value as WellFormedString).isWellFormed();
    case 'number':
      return normalizeNumber(value) === value;
    case 'boolean':
      return true;
    default:
      return Array.isArray(value) && isHomogeneousExportableArray(value);
  }
}

function isHomogeneousExportableArray(values: readonly unknown[]): boolean {
  let kind: string | undefined;
  for (const item of values) {
    if (item === null || item === undefined) continue;
    if (kind === undefined) kind = typeof item;
    if (typeof item !== kind || (kind !== 'string' && kind !== 'number' && kind !== 'boolean')) return false;
    if (!isExportableAttributeValue(item)) return false;
  }
  return true;
}

function normalizeString(value: string, maxLength: number): string {
  const cut = truncate(value, maxLength);
  return (cut as WellFormedString).isWellFormed() ? cut : (cut as WellFormedString).toWellFormed();
}

function normalizeNumber(value: number): number | string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (Number.isInteger(value) && (value >= INT64_END || value < INT64_MIN)) return BigInt(value).toString();
  return value;
}

function normalizeBigInt(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
}

function homogeneousArray(values: readonly unknown[], policy: AttributePolicy): AttributeValue | undefined {
  if (values.length === 0) return [] as string[];
  const kind = typeof values[0];
  if (kind !== 'string' && kind !== 'number' && kind !== 'boolean') return undefined;
  if (!values.every((item) => typeof item === kind)) return undefined;
  if (kind === 'string') return (values as string[]).map((item) => normalizeString(item, policy.maxStringLength));
  if (kind === 'boolean') return values.slice() as boolean[];
  const numbers = (values as number[]).map(normalizeNumber);
  return numbers.some((item) => typeof item === 'string') ? numbers.map(String) : (numbers as number[]);
}

function toJson(value: object, policy: AttributePolicy): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (key, item: unknown) => {
        if (key !== '' && policy.isRedactedKey(key)) return REDACTED_VALUE;
        switch (typeof item) {
          case 'bigint':
            return item.toString();
          case 'symbol':
            return item.description ?? '';
          case 'number':
            return normalizeNumber(item);
        }
        if (item instanceof Error) return { name: item.name, message: item.message };
        if (typeof item === 'object' && item !== null) {
          if (seen.has(item)) return '[Circular]';
          seen.add(item);
        }
        return item;
      }) ?? ''
    );
  } catch {
    return '[Unserializable]';
  }
}
