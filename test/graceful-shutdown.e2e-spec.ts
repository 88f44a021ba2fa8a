import { currentObservability, setupObservability } from '@lift-sys/observability';
import type { AddressInfo } from 'node:net';
import { createFixtureApp, RequestGate, slowRequests } from './http/fixture-app.js';
import { OtlpSink } from './support/otlp-sink.js';

describe('shutdown', () => {
  const sink = new OtlpSink();

  beforeAll(() => sink.start());
  afterAll(() => sink.stop());

  it('lets a request in flight finish and exports its spans before the process can exit', async () => {
    setupObservability({
      logger: { info: () => {}, warn: () => {} },
      batch: { scheduledDelayMillis: 60_000 },
      instrumentations: false,
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url },
    });
    slowRequests.gate = new RequestGate();
    const app = await createFixtureApp('express');
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;

    const response = fetch(`http://127.0.0.1:${port}/api/items/5/slow`);
    await slowRequests.gate.entered;
    const closing = app.close();
    slowRequests.gate.release();

    expect((await response).status).toBe(200);
    expect(await (await response).json()).toEqual({ id: '5' });
    await closing;
    await currentObservability()?.shutdown();
    expect(sink.spanNames().sort()).toEqual(['GET /api/items/:id/slow', 'controller.slow']);
  });
});
