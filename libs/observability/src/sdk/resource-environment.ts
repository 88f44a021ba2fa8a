import type { Attributes } from '@opentelemetry/api';

/**
 * Parses `OTEL_RESOURCE_ATTRIBUTES` (`key1=value1,key2=value2`, values percent-encoded), as the
 * OpenTelemetry SDK environment variable specification defines it. A malformed entry is skipped
 * with a warning rather than failing startup.
 */
export function parseResourceAttributes(value: string | undefined, warnings: string[]): Attributes {
  const attributes: Attributes = {};
  if (value === undefined) return attributes;
  for (const [index, entry] of value.split(',').entries()) {
    if (entry.trim() === '') continue;
    const equals = entry.indexOf('=');
    const key = equals < 0 ? '' : entry.slice(0, equals).trim();
    const decoded = equals < 0 ? undefined : decode(entry.slice(equals + 1).trim());
    if (key === '' || decoded === undefined) {
      warnings.push(`OTEL_RESOURCE_ATTRIBUTES entry ${index + 1} is not key=value (percent-encoded); ignored`);
      continue;
    }
    attributes[key] = decoded;
  }
  return attributes;
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
