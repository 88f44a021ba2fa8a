import { ObservabilityConfigurationError } from './configuration-error.js';

/** Reads an environment variable, treating blank values as unset. */
export function readEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function parseUrl(setting: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ObservabilityConfigurationError(setting, value, 'expected an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ObservabilityConfigurationError(setting, value, 'expected an http:// or https:// URL');
  }
  return value;
}

export function parsePositiveInteger(setting: string, value: string | number): number {
  const parsed = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < 1) {
    throw new ObservabilityConfigurationError(setting, value, 'expected a positive integer');
  }
  return parsed;
}

export function parseBoolean(setting: string, value: string): boolean {
  const normalized = value.toLowerCase();
  if (normalized === 'true' || normalized === '1') return true;
  if (normalized === 'false' || normalized === '0') return false;
  throw new ObservabilityConfigurationError(setting, value, 'expected true or false');
}

/** `OTEL_EXPORTER_OTLP_HEADERS` format: `key1=value1,key2=value2`, values URL-encoded. Never echoes values. */
export function parseHeaderList(setting: string, value: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const entry of value.split(',')) {
    if (!entry.trim()) continue;
    const separator = entry.indexOf('=');
    const key = separator > 0 ? entry.slice(0, separator).trim() : '';
    if (!key) throw new ObservabilityConfigurationError(setting, '<redacted>', 'expected comma-separated key=value pairs');
    headers[key.toLowerCase()] = decodeURIComponent(entry.slice(separator + 1).trim());
  }
  return headers;
}
