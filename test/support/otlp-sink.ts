import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';
import type protobuf from 'protobufjs';
import { decodeJson, decodeProtobuf, METRICS_REQUEST, OtlpDecodeError, TRACE_REQUEST, TRACE_RESPONSE } from './otlp-proto.js';

/** How the stand-in endpoint behaves, as Honeycomb's or a collector's might. */
export type SinkMode = 'ok' | 'error500' | 'rate-limited' | 'hang' | 'refuse';

export type OtlpEncoding = 'protobuf' | 'json';

export interface ReceivedExport {
  path: string;
  headers: IncomingHttpHeaders;
  encoding: OtlpEncoding;
  /** The request decoded strictly with the official protos, in one shape for both encodings. */
  body: OtlpRequest;
}

export interface RejectedExport {
  path: string;
  status: number;
  reason: string;
}

export interface OtlpKeyValue {
  key: string;
  value: Record<string, unknown>;
}

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  attributes?: OtlpKeyValue[];
  events?: { name: string; attributes?: OtlpKeyValue[] }[];
}

export interface OtlpRequest {
  resourceSpans: {
    resource: { attributes: OtlpKeyValue[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
}

/** The request message for each OTLP/HTTP default path (OTLP specification, "OTLP/HTTP Request"). */
const MESSAGES: Readonly<Record<string, protobuf.Type>> = { '/v1/traces': TRACE_REQUEST, '/v1/metrics': METRICS_REQUEST };

/**
 * The two OTLP/HTTP content types (OTLP specification, "Binary Protobuf Encoding" and "JSON
 * Protobuf Encoding"): "The client and the server MUST set Content-Type ...".
 */
const ENCODINGS: Readonly<Record<string, OtlpEncoding>> = { 'application/x-protobuf': 'protobuf', 'application/json': 'json' };

/** "The server MUST limit the size of the request body when parsing it, including after decompression." */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * A local HTTP server on 127.0.0.1 playing an OTLP/HTTP endpoint (a collector, or Honeycomb's
 * OTLP ingest) by the rules of the OTLP specification: POST only, the default signal paths,
 * either encoding chosen by Content-Type, optional gzip, strict decoding with the official protos
 * (400 on bad data, never retried by clients), 200 with an empty response of the request's
 * content type on success; plus switchable failures. Every rejection is kept in `rejected`.
 */
export class OtlpSink {
  readonly received: ReceivedExport[] = [];
  readonly rejected: RejectedExport[] = [];
  attempts = 0;
  private mode: SinkMode = 'ok';
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly hanging = new Set<ServerResponse>();
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => this.answer(request, Buffer.concat(chunks), response));
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async setMode(mode: SinkMode): Promise<void> {
    if (mode === this.mode) return;
    if (mode === 'refuse') await this.stop();
    else if (this.mode === 'refuse') await this.start();
    if (this.mode === 'hang') this.releaseHanging();
    this.mode = mode;
  }

  traceExports(): ReceivedExport[] {
    return this.received.filter((received) => received.path === '/v1/traces');
  }

  spans(): OtlpSpan[] {
    return this.traceExports().flatMap((received) =>
      received.body.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans)),
    );
  }

  spanNames(): string[] {
    return this.spans().map((span) => span.name);
  }

  async stop(): Promise<void> {
    this.releaseHanging();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  private answer(request: IncomingMessage, raw: Buffer, response: ServerResponse): void {
    this.attempts++;
    switch (this.mode) {
      case 'hang':
        this.hanging.add(response);
        return;
      case 'error500':
        response.writeHead(500).end('{"message":"internal"}');
        return;
      case 'rate-limited':
        // "The server SHOULD respond with HTTP 429 ... and MAY include Retry-After" (OTLP/HTTP Throttling).
        response.writeHead(429, { 'retry-after': '1' }).end('{"message":"slow down"}');
        return;
      default:
        this.accept(request, raw, response);
    }
  }

  private accept(request: IncomingMessage, raw: Buffer, response: ServerResponse): void {
    const path = request.url ?? '/';
    const reject = (status: number, reason: string) => {
      this.rejected.push({ path, status, reason });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(reason);
    };
    // "Telemetry data is sent via HTTP POST request."
    if (request.method !== 'POST') return reject(405, `method ${request.method} is not POST`);
    const message = MESSAGES[path];
    if (message === undefined) return reject(404, `no OTLP signal at ${path}`);
    const contentType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const encoding = ENCODINGS[contentType];
    if (encoding === undefined) return reject(415, `unsupported Content-Type ${contentType || '(none)'}`);
    let body: Buffer;
    try {
      // "The client MAY gzip the content and in that case MUST include Content-Encoding: gzip."
      const contentEncoding = request.headers['content-encoding'];
      if (contentEncoding !== undefined && contentEncoding !== 'gzip' && contentEncoding !== 'identity') {
        return reject(415, `unsupported Content-Encoding ${contentEncoding}`);
      }
      body = contentEncoding === 'gzip' ? gunzipSync(raw, { maxOutputLength: MAX_BODY_BYTES }) : raw;
    } catch (error) {
      return reject(400, `bad gzip body: ${(error as Error).message}`);
    }
    if (body.length > MAX_BODY_BYTES) return reject(413, 'body too large');
    let decoded: Record<string, unknown>;
    try {
      decoded = encoding === 'protobuf' ? decodeProtobuf(message, body) : decodeJson(message, body);
    } catch (error) {
      // "If the processing of the request fails because the request contains data that cannot be
      // decoded or is otherwise invalid ... the server MUST respond with HTTP 400 Bad Request."
      if (error instanceof OtlpDecodeError) return reject(400, error.message);
      throw error;
    }
    this.received.push({ path, headers: request.headers, encoding, body: decoded as unknown as OtlpRequest });
    // "On success, the server MUST respond with HTTP 200 OK" and "MUST use the same Content-Type
    // in the response as it received in the request"; a full success leaves partial_success unset.
    const success =
      encoding === 'protobuf' ? Buffer.from(TRACE_RESPONSE.encode(TRACE_RESPONSE.create({})).finish()) : Buffer.from('{}');
    response.writeHead(200, { 'content-type': contentType }).end(success);
  }

  private releaseHanging(): void {
    for (const response of this.hanging) response.destroy();
    this.hanging.clear();
  }
}
