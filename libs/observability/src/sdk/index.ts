/**
 * `@lift-sys/observability/sdk`: the pieces `setupObservability` assembles, for applications that
 * compose their own pipeline or check telemetry against the library's names.
 */
export * from '../conventions/attribute-names.js';
export { isExportableAttributeValue, toAttributes, toAttributeValue } from '../core/attribute-values.js';
export { resolveConfig, type MetricsChoice, type ResolvedConfig } from './resolve-config.js';
export type { ExporterChoice } from './exporter-choice.js';
export { isClassicHoneycombKey } from './honeycomb.js';
export { DEFAULT_OTLP_PROTOCOL, OTLP_PROTOCOLS } from './otlp-protocol.js';
export { createOtlpTraceExporter, type OtlpEndpoint } from './otlp-exporters.js';
export { ExportGuard } from './export-guard.js';
export { DeterministicSampler } from '../sampling/deterministic-sampler.js';
export { TailSamplingProcessor, type TailSamplingOptions } from '../sampling/tail-sampling-processor.js';
export { JsonlFileExporter, TRACES_FILE_NAME, type JsonlFileExporterOptions } from '../local/jsonl-file-exporter.js';
export { HttpContextInterceptor } from '../http/http-context.interceptor.js';
export { requestAttributesOf, type RequestAttributes } from '../http/request-attributes.js';
export { OBSERVABILITY_HANDLE } from '../nest/observability-module-options.js';
