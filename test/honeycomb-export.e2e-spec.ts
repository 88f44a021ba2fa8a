import type { INestApplication } from '@nestjs/common';
import { currentObservability, setupObservability } from '@lift-sys/observability';
import request from 'supertest';
import { createFixtureApp } from './http/fixture-app.js';
import { OtlpSink } from './support/otlp-sink.js';

const CLASSIC_KEY = 'abcdef0123456789abcdef0123456789';

/** Protobuf by default, as Honeycomb recommends; JSON when the standard variable asks for it. */
const ENCODINGS = [
  { label: 'http/protobuf by default', protocol: undefined, contentType: 'application/x-protobuf', encoding: 'protobuf' },
  { label: 'http/json', protocol: 'http/json', contentType: 'application/json', encoding: 'json' },
] as const;

describe.each(ENCODINGS)('export to a Honeycomb-style OTLP endpoint, $label', ({ protocol, contentType, encoding }) => {
  const sink = new OtlpSink();
  let app: INestApplication;

  beforeAll(async () => {
    await sink.start();
    setupObservability({
      logger: { info: () => {}, warn: () => {} },
      batch: { scheduledDelayMillis: 50 },
      env: {
        HONEYCOMB_API_KEY: CLASSIC_KEY,
        HONEYCOMB_DATASET: 'lift-sys',
        HONEYCOMB_API_ENDPOINT: sink.url,
        OTEL_SERVICE_NAME: 'lift-sys',
        ...(protocol ? { OTEL_EXPORTER_OTLP_PROTOCOL: protocol } : {}),
      },
    });
    app = await createFixtureApp('express');
  });

  afterAll(async () => {
    await app.close();
    await currentObservability()?.shutdown();
    await sink.stop();
  });

  it('posts to /v1/traces with the Honeycomb headers, the content type of the encoding and the nested spans', async () => {
    await request(app.getHttpServer() as Parameters<typeof request>[0])
      .get('/api/items/9')
      .expect(200);
    await currentObservability()?.forceFlush();
    const [received] = sink.received;
    expect(received.path).toBe('/v1/traces');
    expect(received.headers['x-honeycomb-team']).toBe(CLASSIC_KEY);
    expect(received.headers['x-honeycomb-dataset']).toBe('lift-sys');
    expect(received.headers['content-type']).toBe(contentType);
    expect(received.encoding).toBe(encoding);
    expect(sink.rejected).toEqual([]);
    const [resourceSpans] = received.body.resourceSpans;
    expect(resourceSpans.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'lift-sys' } });
    const spans = resourceSpans.scopeSpans.flatMap((scope) => scope.spans);
    const byName = new Map(spans.map((span) => [span.name, span]));
    expect([...byName.keys()].sort()).toEqual(['GET /api/items/:id', 'controller.read', 'db.select', 'item.read']);
    expect(byName.get('db.select')?.parentSpanId).toBe(byName.get('item.read')?.spanId);
    expect(byName.get('controller.read')?.parentSpanId).toBe(byName.get('GET /api/items/:id')?.spanId);
  });
});
