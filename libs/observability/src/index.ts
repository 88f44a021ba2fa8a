export type { SpanAttributeKey, SpanAttributeRegistry, SpanAttributes } from './conventions/attribute-registry.js';
export * from './conventions/attribute-names.js';
export { DEFAULT_REDACTED_KEYS } from './core/redaction.js';
export { registerSecret, scrubSecrets } from './core/secret-scrubber.js';
export { toAttributeValue, toAttributes } from './core/attribute-values.js';
export { Traced } from './decorators/traced.js';
export type { TracedOptions } from './decorators/traced-options.js';
export { SpanAttr, type SpanAttrMapper } from './decorators/span-attr.js';
export { NoTrace } from './decorators/no-trace.js';
export {
  addSpanEvent,
  getActiveSpan,
  getTraceId,
  readSpanAttribute,
  setSpanAttribute,
  setSpanAttributes,
} from './span/current-span.js';
export { currentObservability, setupObservability, type ObservabilityHandle } from './sdk/setup-observability.js';
export { resolveConfig, type ResolvedConfig } from './sdk/resolve-config.js';
export { ObservabilityConfigurationError } from './sdk/configuration-error.js';
export { isClassicHoneycombKey } from './sdk/honeycomb.js';
export type {
  BatchOptions,
  ExporterName,
  LocalExportOptions,
  ObservabilityLogger,
  ObservabilityOptions,
} from './sdk/observability-options.js';
export { DeterministicSampler } from './sampling/deterministic-sampler.js';
export { JsonlFileExporter, TRACES_FILE_NAME } from './local/jsonl-file-exporter.js';
export { ObservabilityModule } from './nest/observability.module.js';
export type { HttpErrorClassification, HttpTracingOptions } from './http/http-tracing-options.js';
export { HttpContextInterceptor } from './http/http-context.interceptor.js';
export { requestAttributesOf, type RequestAttributes } from './http/request-attributes.js';
export { TailSamplingProcessor, type TailSamplingOptions } from './sampling/tail-sampling-processor.js';
export { ObservabilityService } from './nest/observability.service.js';
export { OBSERVABILITY_HANDLE, type ObservabilityModuleOptions } from './nest/observability-module-options.js';
