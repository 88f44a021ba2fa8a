import 'reflect-metadata';
import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ObservabilityModuleOptions } from '@lift-sys/observability';
import { AppModule } from './app.module.js';
import { AppConfig } from './config/app-config.js';

export interface CreateAppOptions {
  /** Express by default. */
  adapter?: 'express' | 'fastify';
  /** The environment to configure from; `process.env` by default. */
  env?: NodeJS.ProcessEnv;
  observability?: ObservabilityModuleOptions;
  /** Nest's own log lines; off by default so tests and the demo print only what they mean to. */
  logger?: boolean;
}

/** The configured application, not yet listening: shared by main.ts, the demo and the e2e tests. */
export async function createApp(options: CreateAppOptions = {}): Promise<INestApplication> {
  const config = AppConfig.fromEnv(options.env ?? process.env);
  const module = AppModule.forRoot(config, options.observability);
  const logger = options.logger === true ? undefined : false;
  const validation = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });
  if (options.adapter === 'fastify') {
    const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter({ bodyLimit: 1024 * 1024 }), {
      logger,
    });
    app.useGlobalPipes(validation);
    await app.init();
    // Fastify registers its hooks on `ready`; requests injected before that (supertest) would fail.
    await app.getHttpAdapter().getInstance().ready();
    return app;
  }
  const app = await NestFactory.create(module, { logger });
  app.useGlobalPipes(validation);
  await app.init();
  return app;
}
