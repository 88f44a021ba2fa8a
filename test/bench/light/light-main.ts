import { register } from 'node:module';
import type { Server } from 'node:http';
import { serveBenchControl, warningCounter, type BenchApp } from '../http/app-control.js';
import { lightStack } from './light-stack.js';

/**
 * Child process: the light NestJS fixture (Express), traced by the stack `BENCH_LIGHT_STACK` names,
 * listening on 127.0.0.1. The tracing stack starts before the app's modules are imported, as
 * both stacks' documentation asks.
 */
const warnings = warningCounter();
const tracing = lightStack() === 'otel' ? await startOpenTelemetry() : await startLibrary();
const { NestFactory } = await import('@nestjs/core');
const { lightModule } = await import('./light-app.js');
const app = await NestFactory.create(lightModule(tracing.imports), { logger: false });
await app.listen(0, '127.0.0.1');
serveBenchControl({ server: app.getHttpServer() as Server, flush: tracing.flush, warnings: warnings.read });

interface Tracing {
  flush: BenchApp['flush'];
  imports: Parameters<typeof lightModule>[0];
}

/** This library as its README sets it up: `setupObservability` from the environment, then `ObservabilityModule`. */
async function startLibrary(): Promise<Tracing> {
  const { ObservabilityModule, setupObservability } = await import('@lift-sys/observability');
  const handle = setupObservability({ serviceName: 'light', logger: warnings.logger });
  return { flush: () => handle.forceFlush(), imports: [ObservabilityModule.forRoot({ serviceName: 'light' })] };
}

/**
 * The standard setup: `NodeSDK` with `getNodeAutoInstrumentations()` (limited to http, express,
 * nestjs-core, pg and undici by OTEL_NODE_ENABLED_INSTRUMENTATIONS, which the parent sets), the
 * ESM loader hook the instrumentations need to see ES modules, and an OTLP/HTTP protobuf exporter
 * to the same kind of endpoint, with the same header and encoding, as the library's Honeycomb export.
 */
async function startOpenTelemetry(): Promise<Tracing> {
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const { getNodeAutoInstrumentations } = await import('@opentelemetry/auto-instrumentations-node');
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-proto');
  const { BatchSpanProcessor } = await import('@opentelemetry/sdk-trace-base');
  const processor = new BatchSpanProcessor(
    new OTLPTraceExporter({
      url: `${process.env.HONEYCOMB_API_ENDPOINT}/v1/traces`,
      headers: { 'x-honeycomb-team': process.env.HONEYCOMB_API_KEY ?? '' },
    }),
  );
  new NodeSDK({ serviceName: 'light', spanProcessors: [processor], instrumentations: [getNodeAutoInstrumentations()] }).start();
  return { flush: () => processor.forceFlush(), imports: [] };
}
