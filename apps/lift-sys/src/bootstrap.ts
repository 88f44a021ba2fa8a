import 'reflect-metadata';
import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { registerSecret, type ObservabilityModuleOptions } from '@lift-sys/observability';
import { AppModule } from './app.module.js';
import { AppConfig } from './config/app-config.js';
import { UntrustedInputPipe } from './http/untrusted-input.pipe.js';
import { ScrubbingConsoleLogger } from './logging/scrubbing-console-logger.js';

/** Largest request body accepted (413 beyond): 50 prompts of 10,000 characters fit with room to spare. */
export const MAX_BODY_BYTES = 1024 * 1024;

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
  // Provider SDKs put the response body in their errors, and a body may echo the key.
  for (const apiKey of config.secrets()) registerSecret(apiKey);
  const module = AppModule.forRoot(config, options.observability);
  const logger = options.logger === true ? new ScrubbingConsoleLogger() : false;
  // Untrusted input is screened (depth, control characters) before the validator recurses into it.
  const pipes = [new UntrustedInputPipe(), new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true })];
  if (options.adapter === 'fastify') {
    const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter({ bodyLimit: MAX_BODY_BYTES }), {
      logger,
    });
    app.useGlobalPipes(...pipes);
    await app.init();
    // Fastify registers its hooks on `ready`; requests injected before that (supertest) would fail.
    await app.getHttpAdapter().getInstance().ready();
    return app;
  }
  const app = await NestFactory.create<NestExpressApplication>(module, { logger, bodyParser: false });
  app.useBodyParser('json', { limit: MAX_BODY_BYTES });
  app.useGlobalPipes(...pipes);
  await app.init();
  return app;
}
