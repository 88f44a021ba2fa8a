/**
 * What a service author uses: the Nest module, the setup call, the graceful shutdown, the
 * decorators, the current-span helpers, the options and the error they may raise. Sampler,
 * processors, exporters, configuration resolution and attribute helpers are at
 * `@lift-sys/observability/sdk`; the testing kit at `@lift-sys/observability/testing`.
 */
export { ObservabilityModule } from './nest/observability.module.js';
export { ObservabilityService } from './nest/observability.service.js';
export type { ObservabilityModuleOptions } from './nest/observability-module-options.js';
export { closeGracefullyOnSignals, type GracefulShutdownOptions } from './nest/graceful-shutdown.js';
export type { HttpErrorClassification, HttpTracingOptions } from './http/http-tracing-options.js';
export { currentObservability, setupObservability, type ObservabilityHandle } from './sdk/setup-observability.js';
export type {
  BatchOptions,
  ExporterName,
  LocalExportOptions,
  ObservabilityLogger,
  ObservabilityOptions,
} from './sdk/observability-options.js';
export type { OtlpProtocol } from './sdk/otlp-protocol.js';
export { ObservabilityConfigurationError } from './sdk/configuration-error.js';
export { DEFAULT_REDACTED_KEYS } from './core/redaction.js';
export { registerSecret, scrubSecrets } from './core/secret-scrubber.js';
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
export type { SpanAttributeKey, SpanAttributeRegistry, SpanAttributes } from './conventions/attribute-registry.js';
