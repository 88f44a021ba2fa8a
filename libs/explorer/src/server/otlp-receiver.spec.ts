import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import protobuf from 'protobufjs';
import { exportTraceServiceRequestType } from './otlp-decode.js';
import { startExplorer, type Explorer } from './explorer-server.js';
import { twoServiceTrace } from './testing/sample-spans.js';

const PROTOBUF = 'application/x-protobuf';
const JSON_TYPE = 'application/json';

/** google.rpc.Status, as https://github.com/googleapis/googleapis/blob/master/google/rpc/status.proto defines it. */
const rpcStatus = new protobuf.Type('Status')
  .add(new protobuf.Field('code', 1, 'int32'))
  .add(new protobuf.Field('message', 2, 'string'));

describe('OTLP/HTTP receiver (POST /v1/traces)', () => {
  let dir: string;
  let explorer: Explorer;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'explorer-'));
    explorer = await startExplorer({ port: 0, tracesDir: dir, maxBodyBytes: 64 * 1024 });
  });
  afterEach(async () => {
    await explorer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (body: Uint8Array | string, headers: Record<string, string>) =>
    fetch(`${explorer.url}/v1/traces`, { method: 'POST', body: typeof body === 'string' ? body : Buffer.from(body), headers });

  it('stores spans the OpenTelemetry protobuf serializer encodes, and answers with an empty ExportTraceServiceResponse', async () => {
    const spans = twoServiceTrace();
    const response = await post(ProtobufTraceSerializer.serializeRequest(spans)!, { 'Content-Type': PROTOBUF });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(PROTOBUF);
    const responseType = exportTraceServiceRequestType().root.lookupType(
      'opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse',
    );
    expect(responseType.toObject(responseType.decode(new Uint8Array(await response.arrayBuffer())))).toEqual({});

    const traceId = spans[0]!.spanContext().traceId;
    const stored = explorer.store.trace(traceId)!;
    expect(stored.map((s) => s.name).sort()).toEqual([
      'POST /generate',
      'POST /v1/chat/completions',
      'chat.completions',
      'db.query',
    ]);
    const handler = stored.find((s) => s.name === 'chat.completions')!;
    expect(handler).toMatchObject({ service: 'inference', kind: 'server', statusCode: 2, statusMessage: 'model exploded' });
    expect(handler.parentSpanId).toBe(stored.find((s) => s.name === 'POST /v1/chat/completions')!.spanId);
    expect(handler.events[0]!.attributes['exception.type']).toBe('TypeError');
    expect(explorer.store.list().traces[0]).toMatchObject({ traceId, rootName: 'POST /generate', spanCount: 4, errorCount: 2 });
    expect(explorer.store.list().traces[0]!.services.sort()).toEqual(['api', 'inference']);
  });

  it('accepts OTLP/JSON and gzip, and a retried export does not store spans twice', async () => {
    const spans = twoServiceTrace();
    const json = JsonTraceSerializer.serializeRequest(spans)!;
    expect((await post(json, { 'Content-Type': JSON_TYPE })).status).toBe(200);
    const gzipped = await post(gzipSync(json), { 'Content-Type': `${JSON_TYPE}; charset=utf-8`, 'Content-Encoding': 'gzip' });
    expect(gzipped.status).toBe(200);
    expect(await gzipped.json()).toEqual({});
    expect(explorer.store.totalSpans).toBe(4);
    const protoGz = await post(gzipSync(ProtobufTraceSerializer.serializeRequest(twoServiceTrace())!), {
      'Content-Type': PROTOBUF,
      'Content-Encoding': 'gzip',
    });
    expect(protoGz.status).toBe(200);
    expect(explorer.store.totalSpans).toBe(8);
  });

  it('appends received spans to the traces folder and loads them again after a restart', async () => {
    const spans = twoServiceTrace();
    await post(ProtobufTraceSerializer.serializeRequest(spans)!, { 'Content-Type': PROTOBUF });
    await explorer.close();
    expect(readFileSync(join(dir, 'received.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
    explorer = await startExplorer({ port: 0, tracesDir: dir });
    expect(explorer.store.trace(spans[0]!.spanContext().traceId)).toHaveLength(4);
  });

  it('answers a body that is not protobuf with 400 and a google.rpc.Status saying so', async () => {
    const response = await post(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]), { 'Content-Type': PROTOBUF });
    expect(response.status).toBe(400);
    const status = rpcStatus.toObject(rpcStatus.decode(new Uint8Array(await response.arrayBuffer())));
    expect(status.code).toBe(3);
    expect(status.message).toMatch(/not a protobuf ExportTraceServiceRequest/);
    expect(explorer.store.totalSpans).toBe(0);
  });

  it('answers protobuf whose span ids have the wrong length with 400 naming the span', async () => {
    const type = exportTraceServiceRequestType();
    const body = type
      .encode(
        type.fromObject({
          resourceSpans: [
            {
              scopeSpans: [
                {
                  spans: [
                    {
                      traceId: Buffer.alloc(16, 1),
                      spanId: Buffer.alloc(3, 1),
                      name: 'x',
                      startTimeUnixNano: 1,
                      endTimeUnixNano: 2,
                    },
                  ],
                },
              ],
            },
          ],
        }),
      )
      .finish();
    const response = await post(body, { 'Content-Type': PROTOBUF });
    expect(response.status).toBe(400);
    expect(rpcStatus.toObject(rpcStatus.decode(new Uint8Array(await response.arrayBuffer()))).message).toBe(
      'resourceSpans[0].scopeSpans[0].spans[0]: spanId must be 8 non-zero bytes (16 hex digits in OTLP/JSON)',
    );
  });

  it.each([
    ['not JSON', '{"resourceSpans": [', /the body is not JSON/],
    ['a JSON array', '[]', /not a JSON object/],
    ['resourceSpans of the wrong type', '{"resourceSpans": 5}', /resourceSpans must be an array/],
    [
      'a span without times',
      JSON.stringify({
        resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8), name: 'n' }] }] }],
      }),
      /Unix nanoseconds/,
    ],
  ])('answers %s with 400 and a JSON Status naming the problem', async (_case, body, message) => {
    const response = await post(body, { 'Content-Type': JSON_TYPE });
    expect(response.status).toBe(400);
    const status = (await response.json()) as { code: number; message: string };
    expect(status.code).toBe(3);
    expect(status.message).toMatch(message);
  });

  it('answers corrupt gzip with 400', async () => {
    const response = await post(Buffer.from('not gzip at all'), { 'Content-Type': JSON_TYPE, 'Content-Encoding': 'gzip' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/not valid gzip/);
  });

  it('answers bodies past the limit with 413, compressed or once decompressed', async () => {
    const big = JSON.stringify({ resourceSpans: [], padding: 'x'.repeat(70 * 1024) });
    expect((await post(big, { 'Content-Type': JSON_TYPE })).status).toBe(413);
    const bomb = gzipSync(big);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const response = await post(bomb, { 'Content-Type': JSON_TYPE, 'Content-Encoding': 'gzip' });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toMatch(/once decompressed/);
  });

  it('answers other content types and encodings with 415, and other methods with 405', async () => {
    expect((await post('x', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await post('{}', { 'Content-Type': JSON_TYPE, 'Content-Encoding': 'br' })).status).toBe(415);
    const get = await fetch(`${explorer.url}/v1/traces`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});
