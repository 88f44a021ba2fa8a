import 'reflect-metadata';
import { closeGracefullyOnSignals, setupObservability } from '@lift-sys/observability';
import { INFERENCE_OBSERVABILITY } from './inference.module.js';

/**
 * The inference service lift-sys's Modal provider calls (MODAL_ENDPOINT_URL=<url>/v1), as a
 * separate process with its own traces. Listens on 127.0.0.1:$PORT (0 picks a free port) and
 * prints its URL as the first line of output.
 */
setupObservability(INFERENCE_OBSERVABILITY);
const { NestFactory } = await import('@nestjs/core');
const { InferenceModule } = await import('./inference.module.js');
const app = await NestFactory.create(InferenceModule.forRoot(), { logger: false });
// Spans still pending are exported by ObservabilityModule during Nest's shutdown.
closeGracefullyOnSignals(app);
await app.listen(Number(process.env.PORT ?? 8000), process.env.HOST ?? '127.0.0.1');
console.log(`lift-sys inference listening on ${(await app.getUrl()).replace('[::1]', '127.0.0.1')}`);
