import { closeGracefullyOnSignals, setupObservability } from '@lift-sys/observability';
import { LIFT_SYS_OBSERVABILITY } from './observability/observability-options.js';

setupObservability(LIFT_SYS_OBSERVABILITY);

// Imported after the SDK is up, so everything the app loads is traced from its first call.
const { createApp } = await import('./bootstrap.js');
const { AppConfig } = await import('./config/app-config.js');
const { Logger } = await import('@nestjs/common');
const app = await createApp({ logger: true });
closeGracefullyOnSignals(app, { timeoutMillis: app.get(AppConfig).shutdownTimeoutMs, logger: new Logger('Shutdown') });
// HOST narrows the interface (e.g. 127.0.0.1); PORT=0 picks a free port, reported below.
const host = process.env.HOST || undefined;
const port = Number(process.env.PORT ?? 3000);
await (host ? app.listen(port, host) : app.listen(port));
const address = app.getHttpServer().address() as { port: number };
console.log(`lift-sys listening on http://${host ?? 'localhost'}:${address.port}`);
