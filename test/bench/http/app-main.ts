import { setupObservability, type ObservabilityOptions } from '@lift-sys/observability';
import type { INestApplication } from '@nestjs/common';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { APP_DIST_ENV, type AppCommand, type AppReply } from './app-protocol.js';
import { CpuProfiler } from '../profile/cpu-profiler.js';
import { MemoryWatch } from './memory-watch.js';

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
let warnings = 0;
let firstWarning: string | undefined;
const handle = setupObservability({
  ...LIFT_SYS_OBSERVABILITY,
  logger: {
    info: () => {},
    warn: (line) => {
      warnings++;
      firstWarning ??= line;
    },
  },
});
// As in the app's main.ts: the app is imported once the SDK is up, so instrumentations see every module it loads.
const { createApp } = (await import(appFile('bootstrap.js'))) as AppBootstrapModule;
const app = await createApp({ env: { PATH: process.env.PATH }, logger: false });
await app.listen(0, '127.0.0.1');

/** Coarser than the micro-benchmark's 100 µs: finer sampling slows the app down noticeably. */
const APP_PROFILE_INTERVAL_MICROS = 500;
const memory = new MemoryWatch();
const profiler = new CpuProfiler();
const send = (reply: AppReply): void => {
  process.send?.(reply);
};
process.on('message', (command: AppCommand) => {
  switch (command.type) {
    case 'flush':
      void handle.forceFlush().then(() => send({ type: 'flushed' }));
      return;
    case 'baseline':
      memory.markBaseline();
      send({ type: 'baseline-set' });
      return;
    case 'stats':
      send({ type: 'stats', stats: { ...memory.stats(), warnings, firstWarning } });
      return;
    case 'profile-start':
      void profiler.start(APP_PROFILE_INTERVAL_MICROS).then(() => send({ type: 'profile-started' }));
      return;
    case 'profile-stop':
      void profiler.stop(command.file).then(() => send({ type: 'profile-written' }));
      return;
    case 'stop':
      process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', port: (app.getHttpServer() as { address(): AddressInfo }).address().port });

function appFile(file: string): string {
  return pathToFileURL(join(appDist, file)).href;
}
