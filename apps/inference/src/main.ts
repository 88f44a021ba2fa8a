import 'reflect-metadata';
import { setupObservability } from '@lift-sys/observability';
import { INFERENCE_OBSERVABILITY } from './inference.module.js';

/**
 * The inference service lift-sys's Modal provider calls (MODAL_ENDPOINT_URL=<url>/v1), as a
 * separate process with its own traces. Listens on 127.0.0.1:$PORT (0 picks a free port) and
 * prints its URL as the first line of output.
 */
const observability = setupObservability(INFERENCE_OBSERVABILITY);
const { NestFactory } = await import('@nestjs/core');
const { InferenceModule } = await import('./inference.module.js');
const app = await NestFactory.create(InferenceModule.forRoot(), { logger: false });
await app.listen(Number(process.env.PORT ?? 8000), process.env.HOST ?? '127.0.0.1');
console.log(`lift-sys inference listening on ${(await app.getUrl()).replace('[::1]', '127.0.0.1')}`);

const stop = async (): Promise<void> => {
  await app.close();
  await observability.shutdown();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
