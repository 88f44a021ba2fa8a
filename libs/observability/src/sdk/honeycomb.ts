export const HONEYCOMB_DEFAULT_ENDPOINT = 'https://api.honeycomb.io';

/**
 * Classic keys (32 hex characters, or 64-character classic ingest keys such as `hcaic_…`) need a
 * dataset header; environment keys route by `service.name` and ignore it.
 */
export function isClassicHoneycombKey(apiKey: string): boolean {
  return /^[a-f0-9]{32}$/.test(apiKey) || (apiKey.length === 64 && /^hc[a-z]ic_[a-z0-9]*$/.test(apiKey));
}

export interface HoneycombHeaderResult {
  headers: Record<string, string>;
  warning?: string;
}

export function honeycombTraceHeaders(apiKey: string, dataset: string | undefined): HoneycombHeaderResult {
  const headers: Record<string, string> = { 'x-honeycomb-team': apiKey };
  if (isClassicHoneycombKey(apiKey)) {
    if (dataset) headers['x-honeycomb-dataset'] = dataset;
    return { headers };
  }
  return dataset
    ? {
        headers,
        warning: `HONEYCOMB_DATASET="${dataset}" is ignored: environment API keys send traces to the dataset named by service.name`,
      }
    : { headers };
}

/** Metrics always name their dataset, whatever the kind of key. */
export function honeycombMetricsHeaders(apiKey: string, metricsDataset: string): Record<string, string> {
  return { 'x-honeycomb-team': apiKey, 'x-honeycomb-dataset': metricsDataset };
}

export function signalUrl(baseUrl: string, signal: 'traces' | 'metrics'): string {
  return `${baseUrl.replace(/\/+$/, '')}/v1/${signal}`;
}
