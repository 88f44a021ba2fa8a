import type { AttributeValue, Attributes } from '@opentelemetry/api';
import { REDACTED_VALUE } from '../conventions/attribute-names.js';
import { attributePolicy, type AttributePolicy } from './attribute-policy.js';

/** Cuts a string to the policy's limit, marking the cut with an ellipsis. */
export function truncate(value: string, maxLength: number): string {
  return value.length > maxLength ? `${value.slice(0, Math.max(0, maxLength - 1))}…` : value;
}

/**
 * Converts any captured value into an attribute value: primitives and homogeneous arrays of
 * primitives stay typed, other objects are JSON-encoded (with redacted keys masked), strings are
 * cut to the limit, and `undefined`/`null` yield `undefined` (not recorded).
 */
export function toAttributeValue(value: unknown, policy: AttributePolicy = attributePolicy()): AttributeValue | undefined {
  switch (typeof value) {
    case 'string':
      return value.length > policy.maxStringLength ? truncate(value, policy.maxStringLength) : value;
    case 'number':
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'symbol':
      return value.toString();
    case 'undefined':
    case 'function':
      return undefined;
    default:
      if (value === null) return undefined;
      if (Array.isArray(value)) {
        const homogeneous = homogeneousArray(value, policy);
        if (homogeneous !== undefined) return homogeneous;
      }
      if (value instanceof Date) return value.toISOString();
      return truncate(toJson(value as object, policy), policy.maxStringLength);
  }
}

function homogeneousArray(values: readonly unknown[], policy: AttributePolicy): AttributeValue | undefined {
  if (values.length === 0) return [] as string[];
  const kind = typeof values[0];
  if (kind !== 'string' && kind !== 'number' && kind !== 'boolean') return undefined;
  if (!values.every((item) => typeof item === kind)) return undefined;
  if (kind === 'string') return (values as string[]).map((item) => truncate(item, policy.maxStringLength));
  return values.slice() as number[] | boolean[];
}

function toJson(value: object, policy: AttributePolicy): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (key, item: unknown) => {
        if (key !== '' && policy.isRedactedKey(key)) return REDACTED_VALUE;
        if (typeof item === 'bigint') return item.toString();
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
