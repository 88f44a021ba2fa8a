import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ObservabilityConfigurationError } from './configuration-error.js';
import { parseBoolean, parseHeaderList, parsePositiveInteger, parseUrl, readEnv } from './environment.js';
import { HONEYCOMB_DEFAULT_ENDPOINT, honeycombTraceHeaders, isClassicHoneycombKey, signalUrl } from './honeycomb.js';
import { EXPORTER_NAMES, type ExporterName, type ObservabilityOptions } from './observability-options.js';
import type { OtlpEndpoint } from './otlp-exporters.js';
import { resolveOtlpProtocol } from './otlp-protocol.js';

export type ExporterChoice =
  | { kind: 'instance'; exporter: SpanExporter }
  | ({ kind: 'honeycomb'; keyKind: 'classic' | 'environment' } & OtlpEndpoint)
  | ({ kind: 'otlp' } & OtlpEndpoint)
  | { kind: 'local'; directory: string; maxFileBytes: number; maxFiles: number; console: boolean }
  | { kind: 'none' };

/**
 * Picks the span exporter: an instance passed in code; else a named one (`OTEL_TRACES_EXPORTER`
 * or the option); else Honeycomb when an API key is set; else any OTLP collector when an endpoint
 * is set; else the local default, which never touches the network.
 */
export function chooseExporter(options: ObservabilityOptions, env: NodeJS.ProcessEnv, warnings: string[]): ExporterChoice {
  if (options.exporter !== undefined && typeof options.exporter !== 'string') {
    return { kind: 'instance', exporter: options.exporter };
  }
  const envName = readEnv(env, 'OTEL_TRACES_EXPORTER');
  const name = envName ?? options.exporter;
  if (name !== undefined && !(EXPORTER_NAMES as readonly string[]).includes(name)) {
    throw new ObservabilityConfigurationError(
      envName !== undefined ? 'OTEL_TRACES_EXPORTER' : 'exporter',
      name,
      `expected one of ${EXPORTER_NAMES.join(', ')}`,
    );
  }
  const apiKey = readEnv(env, 'HONEYCOMB_API_KEY') ?? options.honeycomb?.apiKey;
  const otlpUrl = otlpTracesUrl(options, env);
  const chosen: ExporterName = (name as ExporterName | undefined) ?? (apiKey ? 'honeycomb' : otlpUrl ? 'otlp' : 'local');
  switch (chosen) {
    case 'honeycomb': {
      if (!apiKey) throw new ObservabilityConfigurationError('exporter', 'honeycomb', 'HONEYCOMB_API_KEY is not set');
      const dataset = readEnv(env, 'HONEYCOMB_DATASET') ?? options.honeycomb?.dataset;
      const { headers, warning } = honeycombTraceHeaders(apiKey, dataset);
      if (warning) warnings.push(warning);
      return {
        kind: 'honeycomb',
        url: honeycombTracesUrl(options, env),
        headers,
        protocol: resolveOtlpProtocol('traces', options.otlp?.protocol, env),
        keyKind: isClassicHoneycombKey(apiKey) ? 'classic' : 'environment',
      };
    }
    case 'otlp':
      if (!otlpUrl) throw new ObservabilityConfigurationError('exporter', 'otlp', 'OTEL_EXPORTER_OTLP_ENDPOINT is not set');
      return {
        kind: 'otlp',
        url: otlpUrl,
        headers: otlpHeaders(options, env),
        protocol: resolveOtlpProtocol('traces', options.otlp?.protocol, env),
      };
    case 'local':
      return localChoice(options, env);
    case 'none':
      return { kind: 'none' };
  }
}

export function honeycombBaseUrl(options: ObservabilityOptions, env: NodeJS.ProcessEnv): string {
  const fromEnv = readEnv(env, 'HONEYCOMB_API_ENDPOINT');
  return parseUrl(
    fromEnv !== undefined ? 'HONEYCOMB_API_ENDPOINT' : 'honeycomb.endpoint',
    fromEnv ?? options.honeycomb?.endpoint ?? HONEYCOMB_DEFAULT_ENDPOINT,
  );
}

function honeycombTracesUrl(options: ObservabilityOptions, env: NodeJS.ProcessEnv): string {
  const verbatim = readEnv(env, 'HONEYCOMB_TRACES_ENDPOINT');
  if (verbatim !== undefined) return parseUrl('HONEYCOMB_TRACES_ENDPOINT', verbatim);
  if (options.honeycomb?.tracesEndpoint) return parseUrl('honeycomb.tracesEndpoint', options.honeycomb.tracesEndpoint);
  return signalUrl(honeycombBaseUrl(options, env), 'traces');
}

function otlpTracesUrl(options: ObservabilityOptions, env: NodeJS.ProcessEnv): string | undefined {
  const verbatim = readEnv(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  if (verbatim !== undefined) return parseUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', verbatim);
  const base = readEnv(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  if (base !== undefined) return signalUrl(parseUrl('OTEL_EXPORTER_OTLP_ENDPOINT', base), 'traces');
  if (options.otlp?.tracesEndpoint) return parseUrl('otlp.tracesEndpoint', options.otlp.tracesEndpoint);
  if (options.otlp?.endpoint) return signalUrl(parseUrl('otlp.endpoint', options.otlp.endpoint), 'traces');
  return undefined;
}

export function otlpHeaders(options: ObservabilityOptions, env: NodeJS.ProcessEnv): Record<string, string> {
  const fromEnv = readEnv(env, 'OTEL_EXPORTER_OTLP_HEADERS');
  return { ...options.otlp?.headers, ...(fromEnv ? parseHeaderList('OTEL_EXPORTER_OTLP_HEADERS', fromEnv) : {}) };
}

function localChoice(options: ObservabilityOptions, env: NodeJS.ProcessEnv): ExporterChoice {
  const consoleSetting = readEnv(env, 'OBSERVABILITY_CONSOLE');
  const maxBytes = readEnv(env, 'OBSERVABILITY_TRACES_MAX_BYTES');
  return {
    kind: 'local',
    directory: readEnv(env, 'OBSERVABILITY_TRACES_DIR') ?? options.local?.directory ?? '.traces',
    maxFileBytes: maxBytes
      ? parsePositiveInteger('OBSERVABILITY_TRACES_MAX_BYTES', maxBytes)
      : parsePositiveInteger('local.maxFileBytes', options.local?.maxFileBytes ?? 10 * 1024 * 1024),
    maxFiles: parsePositiveInteger('local.maxFiles', options.local?.maxFiles ?? 3),
    console:
      consoleSetting !== undefined ? parseBoolean('OBSERVABILITY_CONSOLE', consoleSetting) : (options.local?.console ?? true),
  };
}
