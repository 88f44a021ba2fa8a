import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { RequestAttributesProcessor } from '../http/request-attributes-processor.js';
import { ConsoleTreeProcessor } from '../local/console-tree-processor.js';
import type { DeterministicSampler } from '../sampling/deterministic-sampler.js';
import { TailSamplingProcessor } from '../sampling/tail-sampling-processor.js';
import { JsonlFileExporter } from '../local/jsonl-file-exporter.js';
import { ExportGuard } from './export-guard.js';
import type { ObservabilityLogger } from './observability-options.js';
import { createOtlpTraceExporter } from './otlp-exporters.js';
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
    case 'otlp':
      return [wrapExporter(createOtlpTraceExporter(choice, config.batch.exportTimeoutMillis), config)];
    case 'local': {
      const processors = [wrapExporter(new JsonlFileExporter(choice), config)];
      if (choice.console) processors.push(new ConsoleTreeProcessor((text) => logger.info(text)));
      return processors;
    }
  }
}

/** Every exporter sits behind the export guard, so no attribute value can cost a batch. */
function wrapExporter(exporter: SpanExporter, config: ResolvedConfig): SpanProcessor {
  const guarded = new ExportGuard(exporter);
  return config.spanProcessor === 'simple' ? new SimpleSpanProcessor(guarded) : new BatchSpanProcessor(guarded, config.batch);
}

/** One line saying where spans go; never includes a key or a header value. */
export function describeStartup(config: ResolvedConfig): string {
  const choice = config.exporter;
  const destination =
    choice.kind === 'honeycomb'
      ? `honeycomb ${choice.url} ${choice.protocol} (${choice.keyKind} key${choice.headers['x-honeycomb-dataset'] ? `, dataset=${choice.headers['x-honeycomb-dataset']}` : ''})`
      : choice.kind === 'otlp'
        ? `otlp ${choice.url} ${choice.protocol}${Object.keys(choice.headers).length ? ` (headers: ${Object.keys(choice.headers).join(', ')})` : ''}`
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
