import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { HttpContextInterceptor } from '../http/http-context.interceptor.js';
import { HttpServerTracing } from '../http/http-server-tracing.js';
import { HTTP_TRACING_OPTIONS } from '../http/http-tokens.js';
import { resolveHttpTracingOptions } from '../http/http-tracing-options.js';
import { resolveConfig } from '../sdk/resolve-config.js';
import { currentObservability, setupObservability, type ObservabilityHandle } from '../sdk/setup-observability.js';
import {
  OBSERVABILITY_ASYNC_OPTIONS_TYPE,
  OBSERVABILITY_MODULE_OPTIONS,
  OBSERVABILITY_OPTIONS_TYPE,
  ObservabilityConfigurableModule,
} from './observability.module-definition.js';
import { OBSERVABILITY_HANDLE, type ObservabilityModuleOptions } from './observability-module-options.js';
import { ObservabilityService } from './observability.service.js';
import { SDK_OWNED_BY_MODULE, ShutdownFlusher } from './shutdown-flusher.js';

/**
 * Global module: boots the SDK unless `setupObservability` already did, provides
 * `ObservabilityService`, traces HTTP requests (server span + global interceptor), flushes spans
 * at shutdown, and composes nestjs-otel's module for host and runtime metrics when a metrics
 * destination is configured.
 */
@Module({
  providers: [
    { provide: SDK_OWNED_BY_MODULE, useFactory: () => currentObservability() === undefined },
    {
      provide: OBSERVABILITY_HANDLE,
      useFactory: (options: ObservabilityModuleOptions, _owned: boolean) => setupObservability(options),
      inject: [OBSERVABILITY_MODULE_OPTIONS, SDK_OWNED_BY_MODULE],
    },
    {
      provide: HTTP_TRACING_OPTIONS,
      useFactory: (options: ObservabilityModuleOptions, handle: ObservabilityHandle) =>
        resolveHttpTracingOptions(options.http, { environment: handle.environment, env: options.env ?? process.env }),
      inject: [OBSERVABILITY_MODULE_OPTIONS, OBSERVABILITY_HANDLE],
    },
    HttpServerTracing,
    { provide: APP_INTERCEPTOR, useClass: HttpContextInterceptor },
    ObservabilityService,
    ShutdownFlusher,
  ],
  exports: [OBSERVABILITY_HANDLE, ObservabilityService],
})
export class ObservabilityModule extends ObservabilityConfigurableModule {
  static override forRoot(options: typeof OBSERVABILITY_OPTIONS_TYPE = {}): DynamicModule {
    return withMetrics(super.forRoot(options), metricsConfigured(options));
  }

  static override forRootAsync(options: typeof OBSERVABILITY_ASYNC_OPTIONS_TYPE): DynamicModule {
    return withMetrics(super.forRootAsync(options), metricsConfigured({}));
  }
}

function metricsConfigured(options: ObservabilityModuleOptions): boolean {
  return resolveConfig(options, options.env ?? process.env).metrics !== undefined;
}

/** nestjs-otel is loaded only when metrics are on, so apps without metrics never pay for it. */
function withMetrics(module: DynamicModule, enabled: boolean): DynamicModule {
  if (!enabled) return module;
  const metricsModule = import('nestjs-otel').then(
    ({ OpenTelemetryModule }) => OpenTelemetryModule.forRoot({ metrics: { hostMetrics: true } }),
    (error: unknown) => {
      throw new Error(`Metrics are configured but nestjs-otel could not be loaded (npm install nestjs-otel): ${String(error)}`);
    },
  );
  return { ...module, imports: [...(module.imports ?? []), metricsModule] };
}
