import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { defaultResource, resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import type { MeterProvider } from '@opentelemetry/sdk-metrics';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import {
  ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  ATTR_SERVICE_INSTANCE_ID,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_VERSION,
} from '@opentelemetry/semantic-conventions';
import { configureAttributePolicy } from '../core/attribute-policy.js';
import { resetTracer, useTracer } from '../core/tracing-state.js';
import { LIBRARY_NAME, LIBRARY_VERSION } from '../library-info.js';
import { DeterministicSampler } from '../sampling/deterministic-sampler.js';
import { registerSecret } from '../core/secret-scrubber.js';
import { configuredSecrets } from './configured-secrets.js';
import { diagnosticsLevel, forwardDiagnostics } from './diagnostics.js';
import { readEnv } from './environment.js';
import { enableInstrumentations } from './instrumentations.js';
import { startMetrics } from './metrics-pipeline.js';
import type { ObservabilityLogger, ObservabilityOptions } from './observability-options.js';
import { resolveConfig, type ResolvedConfig } from './resolve-config.js';
import { scrubbingLogger } from './scrubbed-output.js';
import { sdkSpanLimits } from './span-limits.js';
import { createSpanProcessors, describeStartup } from './span-pipeline.js';

export interface ObservabilityHandle {
  /** False when disabled by option or environment: nothing was registered. */
  readonly enabled: boolean;
  /** Which exporter spans go to: `honeycomb`, `otlp`, `local`, `instance` or `none`. */
  readonly exporter: ResolvedConfig['exporter']['kind'];
  readonly serviceName: string;
  readonly environment: string;
  /** Exports everything pending. */
  forceFlush(): Promise<void>;
  /** Flushes, then unregisters everything; a later `setupObservability` starts afresh. */
  shutdown(): Promise<void>;
}

const HANDLE_KEY = Symbol.for('@lift-sys/observability/handle');
const slot = globalThis as { [HANDLE_KEY]?: ObservabilityHandle };

const consoleLogger: ObservabilityLogger = {
  info: (line) => console.log(line),
  warn: (line) => console.warn(line),
};

/**
 * Boots the OpenTelemetry SDK once per process and returns its handle; later calls return the
 * same handle. Call it first in `main.ts`, before the Nest application is created.
 */
export function setupObservability(options: ObservabilityOptions = {}): ObservabilityHandle {
  const existing = slot[HANDLE_KEY];
  if (existing) return existing;
  const env = options.env ?? process.env;
  const config = resolveConfig(options, env);
  for (const secret of configuredSecrets(options, config, env)) registerSecret(secret);
  const logger = scrubbingLogger(options.logger ?? consoleLogger);
  configureAttributePolicy({ maxStringLength: config.maxStringLength, redactedKeys: config.redactedKeys });
  const handle = config.enabled ? start(config, logger, options, env) : disabledHandle(config);
  if (!config.enabled) logger.info(`[observability] service=${config.serviceName} tracing disabled`);
  slot[HANDLE_KEY] = handle;
  return handle;
}

/** The handle of the running setup, if any. */
export function currentObservability(): ObservabilityHandle | undefined {
  return slot[HANDLE_KEY];
}

function start(
  config: ResolvedConfig,
  logger: ObservabilityLogger,
  options: ObservabilityOptions,
  env: NodeJS.ProcessEnv,
): ObservabilityHandle {
  const resource = buildResource(config);
  const sampler = new DeterministicSampler(config.sampleRate, config.tailSampling !== undefined);
  const provider = new NodeTracerProvider({
    resource,
    sampler,
    spanLimits: sdkSpanLimits(options.spanLimits, env),
    spanProcessors: createSpanProcessors(config, logger, sampler),
    forceFlushTimeoutMillis: config.batch.exportTimeoutMillis,
  });
  provider.register({
    contextManager: new AsyncLocalStorageContextManager(),
    propagator: new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
  });
  useTracer(provider.getTracer(LIBRARY_NAME, LIBRARY_VERSION));
  const diagnostics = diagnosticsLevel(readEnv(env, 'OTEL_LOG_LEVEL'));
  const stopForwardingDiagnostics = forwardDiagnostics(logger, Date.now, diagnostics.level);
  if (diagnostics.problem) logger.warn(`[observability] ${diagnostics.problem}`);
  const disableInstrumentations = enableInstrumentations(config.instrumentations, provider);
  const meterProvider: MeterProvider | undefined = config.metrics ? startMetrics(config.metrics, resource) : undefined;
  for (const warning of config.warnings) logger.warn(`[observability] ${warning}`);
  logger.info(describeStartup(config));
  return {
    enabled: true,
    exporter: config.exporter.kind,
    serviceName: config.serviceName,
    environment: config.environment,
    forceFlush: async () => {
      await Promise.all([provider.forceFlush(), meterProvider?.forceFlush()]);
    },
    shutdown: async () => {
      try {
        await Promise.all([provider.shutdown(), meterProvider?.shutdown()]);
      } finally {
        disableInstrumentations();
        stopForwardingDiagnostics();
        trace.disable();
        context.disable();
        propagation.disable();
        if (meterProvider) metrics.disable();
        resetTracer();
        delete slot[HANDLE_KEY];
      }
    },
  };
}

function disabledHandle(config: ResolvedConfig): ObservabilityHandle {
  useTracer(undefined);
  return {
    enabled: false,
    exporter: 'none',
    serviceName: config.serviceName,
    environment: config.environment,
    forceFlush: async () => {},
    shutdown: async () => {
      resetTracer();
      delete slot[HANDLE_KEY];
    },
  };
}

/** The SDK's own attributes (`telemetry.sdk.*`), then the configured ones; the resolved service identity wins. */
function buildResource(config: ResolvedConfig): Resource {
  return defaultResource().merge(
    resourceFromAttributes({
      ...config.resourceAttributes,
      [ATTR_SERVICE_NAME]: config.serviceName,
      [ATTR_SERVICE_VERSION]: config.serviceVersion,
      [ATTR_SERVICE_INSTANCE_ID]: config.serviceInstanceId,
      [ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: config.environment,
    }),
  );
}
