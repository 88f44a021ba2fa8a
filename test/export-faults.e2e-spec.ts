import type { INestApplication } from '@nestjs/common';
import { currentObservability, setupObservability } from '@lift-sys/observability';
import type { AddressInfo } from 'node:net';
import { createFixtureApp } from './http/fixture-app.js';
import { settledHeap } from './bench/memory/heap.js';
import { drive } from './support/load.js';
import { OtlpSink, type SinkMode } from './support/otlp-sink.js';

const LONG = 120_000;

describe('an unreachable or failing span endpoint never hurts the app', () => {
  const sink = new OtlpSink();
  const warnings: string[] = [];
  let app: INestApplication;
  let url = '';
  let startedAt = 0;

  beforeAll(async () => {
    startedAt = Date.now();
    await sink.start();
    setupObservability({
      logger: { info: () => {}, warn: (line) => warnings.push(line) },
      batch: { scheduledDelayMillis: 100, maxQueueSize: 1024, exportTimeoutMillis: 1000 },
      instrumentations: false,
      env: { HONEYCOMB_API_KEY: 'hcxik_test', HONEYCOMB_API_ENDPOINT: sink.url, OTEL_SERVICE_NAME: 'lift-sys' },
    });
    app = await createFixtureApp('express');
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/items/1`;
  });

  afterAll(async () => {
    await app.close();
    await currentObservability()?.shutdown();
    await sink.stop();
  });

  it.each<SinkMode>(['refuse', 'error500', 'rate-limited', 'hang'])(
    'serves every request while the endpoint is %s',
    async (mode) => {
      await sink.setMode(mode);
      expect(await drive(url, 1000)).toEqual({ ok: 1000, failed: 0 });
    },
    LONG,
  );

  it(
    'keeps the heap bounded over 20,000 requests with the endpoint down, and warns once per burst',
    async () => {
      await sink.setMode('refuse');
      await drive(url, 2000);
      const before = settledHeap();
      expect(await drive(url, 20_000)).toEqual({ ok: 20_000, failed: 0 });
      const growth = settledHeap() - before;
      expect(growth).toBeLessThan(16 * 1024 * 1024);
      const dropWarnings = warnings.filter((line) => line.includes('Dropped'));
      const burstWindows = Math.ceil((Date.now() - startedAt) / 30_000);
      expect(dropWarnings.length).toBeGreaterThan(0);
      expect(dropWarnings.length).toBeLessThanOrEqual(burstWindows);
    },
    LONG,
  );

  it(
    'resumes export when the endpoint comes back, with well-formed spans',
    async () => {
      await sink.setMode('ok');
      const receivedBefore = sink.received.length;
      const recentSpans = () =>
        sink.received
          .slice(receivedBefore)
          .flatMap((received) =>
            received.body.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans)),
          );
      const served = () => recentSpans().filter((span) => span.name === 'GET /api/items/:id').length;
      // Exports of the outage may still be in flight (each bounded by the export timeout) and hold
      // the exporter's concurrency slots, so a batch can be refused for a moment: serve more
      // requests until 20 of their spans have arrived, within the test's time limit.
      for (let attempt = 0; attempt < 100 && served() < 20; attempt++) {
        expect(await drive(url, 20)).toEqual({ ok: 20, failed: 0 });
        await currentObservability()
          ?.forceFlush()
          .catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const spans = recentSpans();
      expect(served()).toBeGreaterThanOrEqual(20);
      for (const span of spans) {
        expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
        expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
      }
    },
    LONG,
  );
});
