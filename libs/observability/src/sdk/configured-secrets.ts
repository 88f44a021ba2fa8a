import { readEnv } from './environment.js';
import { otlpHeaders } from './exporter-choice.js';
import type { ObservabilityOptions } from './observability-options.js';
import type { ResolvedConfig } from './resolve-config.js';

/** Headers sent to span and metric endpoints that name things rather than grant access (`x-honeycomb-dataset`, ...). */
const NON_SECRET_HEADER = /(?:^|-)dataset$|^content-type$|^user-agent$/i;

/**
 * The secrets the configuration itself holds: the `secrets` option, the Honeycomb API key (set
 * or not as exporter), and the value of every header sent to the trace and metric endpoints
 * (`OTEL_EXPORTER_OTLP_HEADERS` may carry any credential) except those that only name a dataset
 * or describe the content.
 */
export function configuredSecrets(options: ObservabilityOptions, config: ResolvedConfig, env: NodeJS.ProcessEnv): string[] {
  const exporterHeaders = config.exporter.kind === 'honeycomb' || config.exporter.kind === 'otlp' ? config.exporter.headers : {};
  const headerValues = [exporterHeaders, config.metrics?.headers ?? {}, configuredOtlpHeaders(options, env)].flatMap((headers) =>
    Object.entries(headers)
      .filter(([name]) => !NON_SECRET_HEADER.test(name))
      .map(([, value]) => value),
  );
  const secrets = [
    ...(options.secrets ?? []),
    readEnv(env, 'HONEYCOMB_API_KEY') ?? '',
    options.honeycomb?.apiKey ?? '',
    ...headerValues,
  ];
  return [...new Set(secrets.filter((secret) => secret !== ''))];
}

/** OTLP headers are secrets even while another exporter is chosen; a malformed list is reported where it is used. */
function configuredOtlpHeaders(options: ObservabilityOptions, env: NodeJS.ProcessEnv): Record<string, string> {
  try {
    return otlpHeaders(options, env);
  } catch {
    return options.otlp?.headers ?? {};
  }
}
