import type { Attributes } from '@opentelemetry/api';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  ATTR_SERVICE_INSTANCE_ID,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_VERSION,
} from '@opentelemetry/semantic-conventions';
import { randomUUID } from 'node:crypto';
import { isDisabledByEnvironment } from '../core/tracing-state.js';
import { parsePositiveInteger, parseUrl, readEnv } from './environment.js';
import { chooseExporter, honeycombBaseUrl, otlpHeaders, type ExporterChoice } from './exporter-choice.js';
import { honeycombMetricsHeaders, signalUrl } from './honeycomb.js';
import type { TailSamplingOptions } from '../sampling/tail-sampling-processor.js';
import type { BatchOptions, ObservabilityOptions } from './observability-options.js';
import type { OtlpEndpoint } from './otlp-exporters.js';
import { resolveOtlpProtocol } from './otlp-protocol.js';
import { parseResourceAttributes } from './resource-environment.js';

export const DEFAULT_REQUEST_ATTRIBUTES: readonly string[] = ['user.id', 'request.id', 'environment'];

export interface MetricsChoice extends OtlpEndpoint {
  exportIntervalMillis: number;
  /** What the startup line may say about where metrics go (never a key). */
  description: string;
}

export interface ResolvedConfig {
  enabled: boolean;
  serviceName: string;
  serviceVersion: string;
  /** `deployment.environment.name`, and the `environment` attribute of every request's spans. */
  environment: string;
  /** `service.instance.id`: a random UUID per process unless set through the resource attributes. */
  serviceInstanceId: string;
  /** Extra resource attributes: `OTEL_RESOURCE_ATTRIBUTES` over the `resourceAttributes` option. */
  resourceAttributes: Attributes;
  exporter: ExporterChoice;
  metrics: MetricsChoice | undefined;
  spanProcessor: 'batch' | 'simple';
  extraSpanProcessors: SpanProcessor[];
  batch: Required<BatchOptions>;
  sampleRate: number;
  /** Undefined when tail rules are off or pointless (sample rate 1). */
  tailSampling: TailSamplingOptions | undefined;
  requestAttributes: readonly string[];
  instrumentations: { http: boolean; undici: boolean; pg: boolean };
  maxStringLength: number | undefined;
  redactedKeys: readonly string[] | undefined;
  /** Problems worth a warning line at startup. */
  warnings: string[];
}

/** Turns options and environment (the environment wins) into one validated configuration. */
export function resolveConfig(options: ObservabilityOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedConfig {
  const warnings: string[] = [];
  const sampleRateEnv = readEnv(env, 'HONEYCOMB_SAMPLE_RATE');
  const enabled = !isDisabledByEnvironment(env) && options.enabled !== false;
  const sampleRate = sampleRateEnv
    ? parsePositiveInteger('HONEYCOMB_SAMPLE_RATE', sampleRateEnv)
    : parsePositiveInteger('sampleRate', options.sampleRate ?? 1);
  const instrumentations =
    options.instrumentations === false ? { http: false, undici: false, pg: false } : options.instrumentations;
  const resourceAttributes = {
    ...options.resourceAttributes,
    ...parseResourceAttributes(readEnv(env, 'OTEL_RESOURCE_ATTRIBUTES'), warnings),
  };
  const fromResource = (key: string): string | undefined => {
    const value = resourceAttributes[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  return {
    enabled,
    serviceName:
      readEnv(env, 'OTEL_SERVICE_NAME') ?? fromResource(ATTR_SERVICE_NAME) ?? options.serviceName ?? 'unknown_service:node',
    serviceVersion: readEnv(env, 'OTEL_SERVICE_VERSION') ?? fromResource(ATTR_SERVICE_VERSION) ?? options.serviceVersion ?? 'dev',
    environment:
      readEnv(env, 'ENVIRONMENT') ?? fromResource(ATTR_DEPLOYMENT_ENVIRONMENT_NAME) ?? options.environment ?? 'development',
    serviceInstanceId: fromResource(ATTR_SERVICE_INSTANCE_ID) ?? randomUUID(),
    resourceAttributes,
    exporter: enabled ? chooseExporter(options, env, warnings) : { kind: 'none' },
    metrics: enabled ? chooseMetrics(options, env) : undefined,
    spanProcessor: options.spanProcessor ?? 'batch',
    extraSpanProcessors: options.spanProcessors ?? [],
    batch: {
      maxQueueSize: parsePositiveInteger('batch.maxQueueSize', options.batch?.maxQueueSize ?? 2048),
      maxExportBatchSize: parsePositiveInteger('batch.maxExportBatchSize', options.batch?.maxExportBatchSize ?? 512),
      scheduledDelayMillis: parsePositiveInteger('batch.scheduledDelayMillis', options.batch?.scheduledDelayMillis ?? 1000),
      exportTimeoutMillis: parsePositiveInteger('batch.exportTimeoutMillis', options.batch?.exportTimeoutMillis ?? 10_000),
    },
    sampleRate,
    tailSampling: sampleRate > 1 && options.tailSampling !== false ? (options.tailSampling ?? {}) : undefined,
    requestAttributes: options.requestAttributes ?? DEFAULT_REQUEST_ATTRIBUTES,
    instrumentations: {
      http: instrumentations?.http !== false,
      undici: instrumentations?.undici !== false,
      pg: instrumentations?.pg !== false,
    },
    maxStringLength:
      options.attributes?.maxStringLength === undefined
        ? undefined
        : parsePositiveInteger('attributes.maxStringLength', options.attributes.maxStringLength),
    redactedKeys: options.attributes?.redactedKeys,
    warnings,
  };
}

/** Metrics go to Honeycomb when a metrics dataset is named, or to an OTLP metrics endpoint when one is set. */
function chooseMetrics(options: ObservabilityOptions, env: NodeJS.ProcessEnv): MetricsChoice | undefined {
  const interval = readEnv(env, 'OTEL_METRIC_EXPORT_INTERVAL');
  const exportIntervalMillis = interval ? parsePositiveInteger('OTEL_METRIC_EXPORT_INTERVAL', interval) : 60_000;
  const apiKey = readEnv(env, 'HONEYCOMB_API_KEY') ?? options.honeycomb?.apiKey;
  const dataset = readEnv(env, 'HONEYCOMB_METRICS_DATASET') ?? options.honeycomb?.metricsDataset;
  if (apiKey && dataset) {
    const url = signalUrl(honeycombBaseUrl(options, env), 'metrics');
    return {
      url,
      headers: honeycombMetricsHeaders(apiKey, dataset),
      protocol: resolveOtlpProtocol('metrics', options.otlp?.protocol, env),
      exportIntervalMillis,
      description: `honeycomb dataset=${dataset} ${url}`,
    };
  }
  const verbatim = readEnv(env, 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT') ?? options.otlp?.metricsEndpoint;
  if (verbatim === undefined) return undefined;
  const url = parseUrl('OTEL_EXPORTER_OTLP_METRICS_ENDPOINT', verbatim);
  return {
    url,
    headers: otlpHeaders(options, env),
    protocol: resolveOtlpProtocol('metrics', options.otlp?.protocol, env),
    exportIntervalMillis,
    description: `otlp ${url}`,
  };
}
