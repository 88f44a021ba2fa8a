import type { INestApplication } from '@nestjs/common';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import {
  ATTR_CLIENT_ADDRESS,
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PEER_ADDRESS,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_PATH,
  ATTR_URL_QUERY,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
  HTTP_REQUEST_METHOD_VALUE_OTHER,
} from '@opentelemetry/semantic-conventions';
import { ATTR_HTTP_METHOD, ATTR_HTTP_STATUS_CODE } from '@opentelemetry/semantic-conventions/incubating';
import { expectTrace, setupTestObservability, type TestObservability } from '@lift-sys/observability/testing';
import request from 'supertest';
import { createFixtureApp, type AdapterName } from './fixture-app.js';

const CALLER_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${CALLER_TRACE_ID}-${CALLER_SPAN_ID}-01`;
const UNSAMPLED_TRACEPARENT = `00-${CALLER_TRACE_ID}-${CALLER_SPAN_ID}-00`;

/** The HTTP tracing behaviour every adapter must show; each adapter's spec runs it. */
export function describeHttpTracing(adapter: AdapterName): void {
  let otel: TestObservability;
  let app: INestApplication;
  const server = (): Parameters<typeof request>[0] => app.getHttpServer() as Parameters<typeof request>[0];
  /** Runs requests against a second app built with other options, closing it afterwards. */
  const withApp = async (
    options: Parameters<typeof createFixtureApp>[1],
    env: NodeJS.ProcessEnv,
    send: (target: Parameters<typeof request>[0]) => Promise<unknown>,
  ): Promise<void> => {
    const other = await createFixtureApp(adapter, options, env);
    try {
      await send(other.getHttpServer() as Parameters<typeof request>[0]);
    } finally {
      await other.close();
    }
  };
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
        [ATTR_HTTP_REQUEST_METHOD]: 'GET',
        [ATTR_HTTP_ROUTE]: '/api/items/:id',
        [ATTR_URL_PATH]: '/api/items/42',
        [ATTR_URL_SCHEME]: 'http',
        [ATTR_HTTP_RESPONSE_STATUS_CODE]: 200,
        [ATTR_USER_AGENT_ORIGINAL]: 'probe/1',
        [ATTR_SERVER_ADDRESS]: '127.0.0.1',
        [ATTR_NETWORK_PROTOCOL_VERSION]: '1.1',
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
    // supertest listens on an ephemeral port per request and names it in the Host header.
    expect(root.attributes[ATTR_SERVER_PORT]).toEqual(expect.any(Number));
    expect(root.attributes[ATTR_SERVER_PORT]).toBeGreaterThan(0);
    expect(String(root.attributes[ATTR_CLIENT_ADDRESS])).toMatch(/127\.0\.0\.1$/);
    expect(root.attributes[ATTR_URL_QUERY]).toBeUndefined();
    expect(root.attributes[ATTR_HTTP_METHOD]).toBeUndefined();
    expect(root.attributes[ATTR_HTTP_STATUS_CODE]).toBeUndefined();
    expect(root.attributes[ATTR_ERROR_TYPE]).toBeUndefined();
  });

  it('answers 201 for a create, named by its route', async () => {
    await request(server()).post('/api/items').send({ name: 'x' }).expect(201);
    expect(serverSpan().name).toBe('POST /api/items');
    expect(serverSpan().attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]).toBe(201);
  });

  it('also writes http.method and http.status_code only under OTEL_SEMCONV_STABILITY_OPT_IN=http/dup', async () => {
    await withApp({}, { OTEL_SEMCONV_STABILITY_OPT_IN: 'database, http/dup' }, (target) =>
      request(target).get('/api/items/3').expect(200),
    );
    expect(serverSpan().attributes).toMatchObject({
      [ATTR_HTTP_REQUEST_METHOD]: 'GET',
      [ATTR_HTTP_METHOD]: 'GET',
      [ATTR_HTTP_RESPONSE_STATUS_CODE]: 200,
      [ATTR_HTTP_STATUS_CODE]: 200,
    });
  });

  it('takes client.address from X-Forwarded-For and keeps the socket peer as network.peer.address', async () => {
    await request(server()).get('/api/items/5').set('x-forwarded-for', '203.0.113.195, 10.0.0.1').expect(200);
    expect(serverSpan().attributes[ATTR_CLIENT_ADDRESS]).toBe('203.0.113.195');
    expect(String(serverSpan().attributes[ATTR_NETWORK_PEER_ADDRESS])).toMatch(/127\.0\.0\.1$/);
  });

  it('records url.query with signatures and secret-named parameters redacted', async () => {
    await request(server())
      .get('/api/items/5?q=red%20shoes&sig=abc&password=hunter2&X-Goog-Signature=xyz&api_key=k1&page=2')
      .expect(200);
    expect(serverSpan().attributes[ATTR_URL_QUERY]).toBe(
      'q=red%20shoes&sig=REDACTED&password=REDACTED&X-Goog-Signature=REDACTED&api_key=REDACTED&page=2',
    );
    expect(serverSpan().attributes[ATTR_URL_PATH]).toBe('/api/items/5');
  });

  it('cuts an oversized user agent and path like any other attribute', async () => {
    // Fastify answers 414 for so long a parameter, Express 200: either way the span is recorded.
    await request(server())
      .get(`/api/items/${'p'.repeat(3000)}`)
      .set('user-agent', 'u'.repeat(8000));
    const attributes = serverSpan().attributes;
    // The default attributes.maxStringLength is 1024.
    expect(String(attributes[ATTR_USER_AGENT_ORIGINAL]).length).toBeLessThanOrEqual(1024);
    expect(String(attributes[ATTR_USER_AGENT_ORIGINAL])).toMatch(/^u{1000}/);
    expect(String(attributes[ATTR_URL_PATH]).length).toBeLessThanOrEqual(1024);
    expect(String(attributes[ATTR_URL_PATH])).toMatch(/^\/api\/items\/p{900}/);
  });

  it('records a method the conventions do not know as _OTHER, with the original beside it', async () => {
    await request(server()).propfind('/api/items/1');
    const root = serverSpan();
    expect(root.attributes[ATTR_HTTP_REQUEST_METHOD]).toBe(HTTP_REQUEST_METHOD_VALUE_OTHER);
    expect(root.attributes[ATTR_HTTP_REQUEST_METHOD_ORIGINAL]).toBe('PROPFIND');
    expect(root.name).toBe('HTTP');
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
    // A 4xx is the client's error: the conventions leave error.type off the SERVER span.
    expect(root.attributes[ATTR_ERROR_TYPE]).toBeUndefined();
    expect(root.events.map((event) => [event.name, event.attributes?.['exception.type']])).toEqual([
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
    expect(root.attributes[ATTR_ERROR_TYPE]).toBe('Error');
    expect(root.events[0].attributes).toMatchObject({ 'exception.type': 'Error', 'exception.message': 'database exploded' });
  });

  it('marks a 5xx answered without an exception ERROR with the status code as error.type', async () => {
    await request(server()).get('/api/maintenance').expect(503);
    const root = serverSpan();
    expect(root.status.code).toBe(SpanStatusCode.ERROR);
    expect(root.attributes[ATTR_ERROR_TYPE]).toBe('503');
    expect(root.events).toEqual([]);
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

  it('continues a caller that asks not to sample without letting it switch local tracing off', async () => {
    await request(server()).get('/api/items/7').set('traceparent', UNSAMPLED_TRACEPARENT).expect(200);
    const root = serverSpan();
    expect(root.spanContext().traceId).toBe(CALLER_TRACE_ID);
    expect(root.parentSpanContext?.spanId).toBe(CALLER_SPAN_ID);
    expect(otel.spans().map((span) => span.name)).toEqual(
      expect.arrayContaining(['GET /api/items/:id', 'controller.read', 'item.read', 'db.select']),
    );
  });

  it('lets callers switch tracing off with sampled=0 when told to trust them', async () => {
    await withApp({ honorIncomingSampledFlag: true }, {}, async (target) => {
      const response = await request(target).get('/api/items/7').set('traceparent', UNSAMPLED_TRACEPARENT).expect(200);
      expect(response.headers['x-trace-id']).toBe(CALLER_TRACE_ID);
    });
    expect(otel.spans()).toEqual([]);
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
