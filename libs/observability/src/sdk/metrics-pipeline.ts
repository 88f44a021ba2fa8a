import { metrics } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { createOtlpMetricExporter } from './otlp-exporters.js';
import type { MetricsChoice } from './resolve-config.js';

/** Registers a global meter provider exporting over OTLP, which nestjs-otel's host metrics then use. */
export function startMetrics(choice: MetricsChoice, resource: Resource): MeterProvider {
  const provider = new MeterProvider({
    resource,
    readers: [
      new PeriodicExportingMetricReader({
        exporter: createOtlpMetricExporter(choice),
        exportIntervalMillis: choice.exportIntervalMillis,
      }),
    ],
  });
  metrics.setGlobalMeterProvider(provider);
  return provider;
}
