// Runs outside Jest: nestjs-otel is CommonJS and requires NestJS 12's ESM packages, which plain
// Node 20 loads but Jest's module runtime cannot. Boots an app whose only job is to export metrics.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ObservabilityModule } from '@lift-sys/observability';

class AppModule {}
Module({
  imports: [ObservabilityModule.forRoot({ serviceName: 'metrics-probe', exporter: 'none', logger: { info() {}, warn() {} } })],
})(AppModule);

const app = await NestFactory.create(AppModule, { logger: false });
await app.init();
await new Promise((resolve) => setTimeout(resolve, Number(process.env.PROBE_RUN_MILLIS ?? 1500)));
await app.close();
