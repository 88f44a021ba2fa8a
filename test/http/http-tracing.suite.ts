import type { INestApplication } from '@nestjs/common';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { expectTrace, setupTestObservability, type TestObservability } from '@lift-sys/observability/testing';
import request from 'supertest';
import { createFixtureApp, type AdapterName } from './fixture-app.js';

const CALLER_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${CALLER_TRACE_ID}-${CALLER_SPAN_ID}-01`;

/** The HTTP tracing behaviour every adapter must show; each adapter's spec runs it. */
export function describeHttpTracing(adapter: AdapterName): void {
  let otel: TestObservability;
  let app: INestApplication;
  const server = (): Parameters<typeof request>[0] => app.getHttpServer() as Parameters<typeof request>[0];
  const serverSpan = (): ReadableSpan => {
    const spans = otel.spans().filter((span) => span.kind === SpanKind.SERVER);
    expect(spans).toHaveLength(1);
    return spans[0];
  };

  beforeAll(async () => {
    otel = setupTestObservability({ environment: 'test' });
    app = await createFixtureApp(adapter);
  });
  afterEach(() => otel.reset());
  afterAll(async () => {
    await app.close();
    await otel.shutdown();
  });

  it('names the root span after the route template and copies request attributes three levels down', async () => {
    const response = await request(server()).get('/api/items/42').set('x-user', 'u-1').set('user-agent', 'probe/1').expect(200);
    expect(response.body).toEqual({ id: '42', name: 'item 42' });
    const root = serverSpan();
    expect(response.headers['x-trace-id']).toBe(root.spanContext().traceId);
    const requestId = String(response.headers['x-request-id']);
    expectTrace(otel.spans(), {
      name: 'GET /api/items/:id',
      status: 'unset',
      attributes: {
        'http.request.method': 'GET',
        'http.method': 'GET',
        'http.route': '/api/items/:id',
        'url.path': '/api/items/42',
        'http.response.status_code': 200,
        'http.status_code': 200,
        'user_agent.original': 'probe/1',
        'request.id': requestId,
        'user.id': 'u-1',
        environment: 'test',
      },
      children: [
        {
          name: 'controller.read',
          attributes: { 'user.id': 'u-1', 'request.id': requestId },
          children: [
            {
              name: 'item.read',
              children: [{ name: 'db.select', attributes: { 'user.id': 'u-1', 'request.id': '42', environment: 'test' } }],
            },
          ],
        },
      ],
    });
  });

  it('answers 201 for a create, named by its route', async () => {
    await request(server()).post('/api/items').send({ name: 'x' }).expect(201);
    expect(serverSpan().name).toBe('POST /api/items');
    expect(serverSpan().attributes['http.status_code']).toBe(201);
  });

  it('records a 400 as an exception event, not as ERROR, and puts the trace id in the body', async () => {
    const response = await request(server()).post('/api/items').send({}).expect(400);
    const root = serverSpan();
    expect(response.body).toMatchObject({
      statusCode: 400,
      message: 'name must be a string',
      traceId: root.spanContext().traceId,
    });
    expect(root.status.code).toBe(SpanStatusCode.UNSET);
    expect(root.attributes.error).toBeUndefined();
    expect(root.attributes['error.type']).toBe('BadRequestException');
    expect(root.events.map((event) => [event.name, event.attributes?.['error.type']])).toEqual([
      ['exception', 'BadRequestException'],
    ]);
  });

  it('answers 404 for an unknown route with a method-only span name', async () => {
    const response = await request(server()).get('/api/nowhere').expect(404);
    const root = serverSpan();
    expect(root.name).toBe('GET');
    expect(root.status.code).toBe(SpanStatusCode.UNSET);
    expect(response.body.traceId).toBe(root.spanContext().traceId);
  });

  it('marks a 500 ERROR with the exception and hides its message from the body', async () => {
    const response = await request(server()).get('/api/items/1/fail').expect(500);
    const root = serverSpan();
    expect(response.body).toEqual({ statusCode: 500, message: 'Internal server error', traceId: root.spanContext().traceId });
    expect(root.status).toEqual({ code: SpanStatusCode.ERROR, message: 'database exploded' });
    expect(root.attributes.error).toBe(true);
    expect(root.events[0].attributes).toMatchObject({ 'exception.type': 'Error', 'exception.message': 'database exploded' });
  });

  it('echoes a safe x-request-id', async () => {
    const response = await request(server()).get('/api/items/1').set('x-request-id', 'req_abc-123').expect(200);
    expect(response.headers['x-request-id']).toBe('req_abc-123');
    expect(serverSpan().attributes['request.id']).toBe('req_abc-123');
  });

  it.each([
    ['with spaces', 'a b c'],
    ['with path characters', '../../etc/passwd'],
    ['over 128 characters', 'x'.repeat(129)],
  ])('replaces an unsafe x-request-id (%s) with a generated one', async (_label, unsafe) => {
    const response = await request(server()).get('/api/items/1').set('x-request-id', unsafe).expect(200);
    const echoed = String(response.headers['x-request-id']);
    expect(echoed).not.toBe(unsafe);
    expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
    expect(serverSpan().attributes['request.id']).toBe(echoed);
  });

  it('keeps the span of a server-sent events stream open until the stream ends', async () => {
    const response = await request(server()).get('/api/ticks').expect(200);
    expect(response.text.match(/data: \d/g)).toEqual(['data: 0', 'data: 1', 'data: 2']);
    const root = serverSpan();
    expect(root.name).toBe('GET /api/ticks');
    const durationMillis = root.duration[0] * 1000 + root.duration[1] / 1e6;
    expect(durationMillis).toBeGreaterThanOrEqual(60);
  });

  it('continues an incoming traceparent', async () => {
    await request(server()).get('/api/items/7').set('traceparent', TRACEPARENT).expect(200);
    const root = serverSpan();
    expect(root.spanContext().traceId).toBe(CALLER_TRACE_ID);
    expect(root.parentSpanContext?.spanId).toBe(CALLER_SPAN_ID);
  });

  it('records nothing for ignored routes', async () => {
    await request(server()).get('/api/health').expect(200);
    expect(otel.spans()).toEqual([]);
  });

  it('starts a new trace linked to the caller when continuing is turned off', async () => {
    const publicApp = await createFixtureApp(adapter, { continueIncomingTrace: false });
    try {
      await request(publicApp.getHttpServer() as Parameters<typeof request>[0])
        .get('/api/items/7')
        .set('traceparent', TRACEPARENT)
        .expect(200);
    } finally {
      await publicApp.close();
    }
    const root = serverSpan();
    expect(root.spanContext().traceId).not.toBe(CALLER_TRACE_ID);
    expect(root.parentSpanContext).toBeUndefined();
    expect(root.links.map((link) => link.context.spanId)).toEqual([CALLER_SPAN_ID]);
  });
}
