import { setupObservability } from '@lift-sys/observability';
import { LIFT_SYS_OBSERVABILITY } from './observability/observability-options.js';

setupObservability(LIFT_SYS_OBSERVABILITY);

// Imported after the SDK is up, so everything the app loads is traced from its first call.
const { createApp } = await import('./bootstrap.js');
const app = await createApp({ logger: true });
app.enableShutdownHooks();
const port = Number(process.env.PORT ?? 3000);
await app.listen(port);
console.log(`lift-sys listening on http://localhost:${port}`);
