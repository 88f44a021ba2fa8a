import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { RequestAttributesProcessor } from '../http/request-attributes-processor.js';
import { ConsoleTreeProcessor } from '../local/console-tree-processor.js';
import type { DeterministicSampler } from '../sampling/deterministic-sampler.js';
import { TailSamplingProcessor } from '../sampling/tail-sampling-processor.js';
import { JsonlFileExporter } from '../local/jsonl-file-exporter.js';
import type { ObservabilityLogger } from './observability-options.js';
import { ScrubbingSpanExporter } from './scrubbed-output.js';
import type { ResolvedConfig } from './resolve-config.js';

/**
 * The span processors for a resolved configuration, in the order the provider calls them: request
 * attributes first (so every later processor sees them), then export, behind the tail sampler
 * when one is configured.
 */
export function createSpanProcessors(
  config: ResolvedConfig,
  logger: ObservabilityLogger,
  sampler: DeterministicSampler,
): SpanProcessor[] {
  const exporting = exportProcessors(config, logger);
  const tail = config.tailSampling;
  return [
    new RequestAttributesProcessor(config.requestAttributes),
    ...config.extraSpanProcessors,
    ...(tail ? exporting.map((processor) => new TailSamplingProcessor(processor, sampler, tail)) : exporting),
  ];
}

function exportProcessors(config: ResolvedConfig, logger: ObservabilityLogger): SpanProcessor[] {
  const choice = config.exporter;
  switch (choice.kind) {
    case 'none':
      return [];
    case 'instance':
      return [wrapExporter(choice.exporter, config)];
    case 'honeycomb':
    case 'otlp': {
      // At most two requests in flight, each given up after the batch timeout: with the endpoint
      // hanging, requests would otherwise pile up (30 by default, each holding a batch) and grow memory.
      const exporter = new OTLPTraceExporter({
        url: choice.url,
        headers: choice.headers,
        concurrencyLimit: 2,
        timeoutMillis: config.batch.exportTimeoutMillis,
      });
      return [wrapExporter(exporter, config)];
    }
    case 'local': {
      const processors = [wrapExporter(new JsonlFileExporter(choice), config)];
      if (choice.console) processors.push(new ConsoleTreeProcessor((text) => logger.info(text)));
      return processors;
    }
  }
}

function wrapExporter(inner: SpanExporter, config: ResolvedConfig): SpanProcessor {
  const exporter = new ScrubbingSpanExporter(inner);
  return config.spanProcessor === 'simple' ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter, config.batch);
}

/** One line saying where spans go; never includes a key or a header value. */
export function describeStartup(config: ResolvedConfig): string {
  const choice = config.exporter;
  const destination =
    choice.kind === 'honeycomb'
      ? `honeycomb ${choice.url} (${choice.keyKind} key${choice.headers['x-honeycomb-dataset'] ? `, dataset=${choice.headers['x-honeycomb-dataset']}` : ''})`
      : choice.kind === 'otlp'
        ? `otlp ${choice.url}${Object.keys(choice.headers).length ? ` (headers: ${Object.keys(choice.headers).join(', ')})` : ''}`
        : choice.kind === 'local'
          ? `local ${choice.directory}/spans.jsonl${choice.console ? ' + console trees' : ''}`
          : choice.kind === 'instance'
            ? `exporter ${choice.exporter.constructor.name}`
            : 'none';
  const parts = [
    `[observability] service=${config.serviceName}`,
    `version=${config.serviceVersion}`,
    `environment=${config.environment}`,
    `traces -> ${destination}`,
    `sampleRate=${config.sampleRate}`,
  ];
  if (config.metrics) parts.push(`metrics -> ${config.metrics.description}`);
  return parts.join(' ');
}
