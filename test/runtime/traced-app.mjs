// Runs outside Jest, as `main.ts` does: the SDK (with its auto-instrumentations) starts first and
// the application's modules load after it, so require hooks see http, express and pg. Jest's own
// module registry bypasses those hooks, which is why this check lives in a plain Node process.
import { setupObservability } from '@lift-sys/observability';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import harness from '../pack/fixtures/shared/harness.cjs';

const { decorateMethod } = harness;

const exporter = new InMemorySpanExporter();
const handle = setupObservability({ exporter, spanProcessor: 'simple', logger: { info() {}, warn() {} } });

await import('reflect-metadata');
const { Controller, Get, Injectable, Module } = await import('@nestjs/common');
const { NestFactory } = await import('@nestjs/core');
const { ObservabilityModule, Traced } = await import('@lift-sys/observability');

class OrdersService {
  async place(orderId) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    return { orderId };
  }
}
decorateMethod([Traced('orders.place')], OrdersService, 'place');
Injectable()(OrdersService);

class OrdersController {
  constructor(orders) {
    this.orders = orders;
  }

  latest() {
    return this.orders.place('A-1');
  }
}
decorateMethod([Get('latest')], OrdersController, 'latest');
Reflect.decorate([Controller('orders'), Reflect.metadata('design:paramtypes', [OrdersService])], OrdersController);

class AppModule {}
Module({ imports: [ObservabilityModule.forRoot()], controllers: [OrdersController], providers: [OrdersService] })(AppModule);

const app = await NestFactory.create(AppModule, { logger: false });
await app.listen(0, '127.0.0.1');
const response = await fetch(`http://127.0.0.1:${app.getHttpServer().address().port}/orders/latest`);
const body = await response.json();
await app.close();
const spans = exporter.getFinishedSpans().map((span) => ({
  name: span.name,
  kind: span.kind,
  traceId: span.spanContext().traceId,
  spanId: span.spanContext().spanId,
  parentId: span.parentSpanContext?.spanId,
}));
await handle.shutdown();
process.stdout.write(JSON.stringify({ status: response.status, body, spans }));
