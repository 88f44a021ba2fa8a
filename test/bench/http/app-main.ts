import { setupObservability, type ObservabilityOptions } from '@lift-sys/observability';
import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveBenchControl, warningCounter } from './app-control.js';
import { APP_DIST_ENV } from './app-protocol.js';

/** The parts of the sample app's build this process uses (loaded from its build output at run time). */
interface AppObservabilityModule {
  LIFT_SYS_OBSERVABILITY: ObservabilityOptions;
}
interface AppBootstrapModule {
  createApp(options: { env: NodeJS.ProcessEnv; logger: boolean }): Promise<INestApplication>;
}

/**
 * Child process: the sample app, set up like its main.ts (observability first, from this
 * process's environment), listening on 127.0.0.1 only.
 */
const appDist = process.env[APP_DIST_ENV] ?? '';
const { LIFT_SYS_OBSERVABILITY } = (await import(appFile('observability/observability-options.js'))) as AppObservabilityModule;
const warnings = warningCounter();
const handle = setupObservability({ ...LIFT_SYS_OBSERVABILITY, logger: warnings.logger });
// As in the app's main.ts: the app is imported once the SDK is up, so instrumentations see every module it loads.
const { createApp } = (await import(appFile('bootstrap.js'))) as AppBootstrapModule;
const app = await createApp({ env: { PATH: process.env.PATH }, logger: false });
await app.listen(0, '127.0.0.1');
serveBenchControl({ server: app.getHttpServer() as Server, flush: () => handle.forceFlush(), warnings: warnings.read });

function appFile(file: string): string {
  return pathToFileURL(join(appDist, file)).href;
}
