import { OtlpSink } from './support/otlp-sink.js';
import { TRACE_REQUEST } from './support/otlp-proto.js';

/** The stand-in endpoint must refuse what a conforming OTLP/HTTP receiver refuses, or it proves nothing. */
describe('the OTLP sink used by the export tests', () => {
  const sink = new OtlpSink();
  beforeAll(() => sink.start());
  afterAll(() => sink.stop());

  const post = (path: string, contentType: string, body: Uint8Array | string, method = 'POST') =>
    fetch(`${sink.url}${path}`, { method, headers: { 'content-type': contentType }, body: method === 'GET' ? undefined : body });

  const span = (intValue: unknown) => ({
    resourceSpans: [
      {
        resource: { attributes: [] },
        scopeSpans: [
          {
            spans: [
              {
                traceId: '5b8efff798038103d269b633813fc60c',
                spanId: 'eee19b7ec3c1b174',
                name: 's',
                kind: 1,
                startTimeUnixNano: '1',
                endTimeUnixNano: '2',
                attributes: [{ key: 'n', value: { intValue } }],
              },
            ],
          },
        ],
      },
    ],
  });

  it('accepts a valid JSON body and answers 200 with the same content type', async () => {
    const response = await post('/v1/traces', 'application/json', JSON.stringify(span('42')));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(sink.spans().at(-1)?.attributes).toEqual([{ key: 'n', value: { intValue: '42' } }]);
  });

  it('accepts a valid protobuf body and answers 200 with an empty protobuf response', async () => {
    const message = TRACE_REQUEST.fromObject({
      resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: Buffer.alloc(16, 1), spanId: Buffer.alloc(8, 2), name: 'p' }] }] }],
    });
    const response = await post('/v1/traces', 'application/x-protobuf', TRACE_REQUEST.encode(message).finish());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-protobuf');
    expect((await response.arrayBuffer()).byteLength).toBe(0);
    expect(sink.spans().at(-1)).toMatchObject({ name: 'p', traceId: '01'.repeat(16), spanId: '02'.repeat(8) });
  });

  it.each([
    ['a NaN written as null', span(null), 'null'],
    ['an integer beyond int64', span('9223372036854775808'), 'out of range'],
    ['a float where an integer belongs', span(1.5), 'expected an integer'],
    ['an unknown field', { resourceSpans: [], extra: 1 }, 'unknown field'],
    ['an enum written by name', { resourceSpans: [{ scopeSpans: [{ spans: [{ kind: 'SPAN_KIND_SERVER' }] }] }] }, 'enum'],
    ['a base64 trace id', { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'W47/95gDgQPSabYzgT/GDA==' }] }] }] }, 'hex'],
  ])('answers 400 to a JSON body with %s', async (_, body, reason) => {
    const response = await post('/v1/traces', 'application/json', JSON.stringify(body));
    expect(response.status).toBe(400);
    expect(sink.rejected.at(-1)?.reason).toContain(reason);
  });

  it('answers 400 to a truncated protobuf body', async () => {
    const message = TRACE_REQUEST.fromObject({ resourceSpans: [{ scopeSpans: [{ spans: [{ name: 'cut short' }] }] }] });
    const bytes = TRACE_REQUEST.encode(message).finish();
    expect((await post('/v1/traces', 'application/x-protobuf', bytes.subarray(0, bytes.length - 3))).status).toBe(400);
  });

  it('answers 415 to another content type, 404 to an unknown path and 405 to GET', async () => {
    expect((await post('/v1/traces', 'text/plain', '{}')).status).toBe(415);
    expect((await post('/v1/unknown', 'application/json', '{}')).status).toBe(404);
    expect((await post('/v1/traces', 'application/json', '', 'GET')).status).toBe(405);
  });
});
