import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import protobuf from 'protobufjs/minimal.js';

const { Reader } = protobuf;

const HOST = '127.0.0.1';

/** Appears once per span in OTLP/JSON (events have `timeUnixNano`; inside a string value the quotes would be escaped). */
const SPAN_MARKER = Buffer.from('"startTimeUnixNano":');

/**
 * A healthy OTLP/HTTP endpoint on 127.0.0.1 (JSON or protobuf, by content type, as the OTLP
 * specification allows) that counts the spans it receives and keeps nothing. It counts without
 * decoding whole messages, so its own CPU use (on the machine the apps run on) stays small next to
 * theirs.
 */
export class SpanSink {
  spans = 0;
  requests = 0;
  /** Content types of the export requests received, e.g. `application/json`. */
  readonly contentTypes = new Set<string>();
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/v1/traces') {
        response.writeHead(404).end();
        return;
      }
      this.requests++;
      const body = Buffer.concat(chunks);
      const contentType = request.headers['content-type'] ?? 'none';
      this.contentTypes.add(contentType);
      const protobuf = contentType === 'application/x-protobuf';
      this.spans += protobuf ? countProtobufSpans(body) : countJsonSpans(body);
      // OTLP/HTTP: "MUST use the same Content-Type in the response as it received in the request";
      // a full success is an ExportTraceServiceResponse with no field set, which in protobuf is
      // zero bytes. (Answering JSON to a protobuf export made the SDK warn on every batch.)
      response.writeHead(200, { 'content-type': contentType }).end(protobuf ? '' : '{}');
    });
  });

  async start(): Promise<string> {
    return `http://${HOST}:${await listen(this.server)}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** An endpoint that accepts connections and reads requests but never answers. */
export class HangingEndpoint {
  private readonly sockets = new Set<Socket>();
  private readonly server: TcpServer = createTcpServer((socket) => {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => {});
    socket.resume();
  });

  async start(): Promise<string> {
    return `http://${HOST}:${await listen(this.server)}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** A URL on a port that was just free and is closed again, so connections to it are refused. */
export async function refusingEndpoint(): Promise<string> {
  const server = createTcpServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return `http://${HOST}:${port}`;
}

function listen(server: Server | TcpServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve((server.address() as AddressInfo).port));
  });
}

function countJsonSpans(body: Buffer): number {
  let count = 0;
  for (let at = body.indexOf(SPAN_MARKER); at >= 0; at = body.indexOf(SPAN_MARKER, at + SPAN_MARKER.length)) count++;
  return count;
}

/** Protobuf wire type of length-delimited fields (messages, bytes, strings). */
const LENGTH_DELIMITED = 2;

/**
 * Spans in an ExportTraceServiceRequest, walking the wire format by the field numbers of
 * opentelemetry-proto (collector/trace/v1/trace_service.proto: `resource_spans = 1`;
 * trace/v1/trace.proto: ResourceSpans `scope_spans = 2`, ScopeSpans `spans = 2`).
 */
function countProtobufSpans(body: Uint8Array): number {
  let count = 0;
  forEachField(body, 1, (resourceSpans) =>
    forEachField(resourceSpans, 2, (scopeSpans) => forEachField(scopeSpans, 2, () => count++)),
  );
  return count;
}

/** Calls `visit` with the bytes of every length-delimited field `field` of a message; skips the rest. */
function forEachField(message: Uint8Array, field: number, visit: (bytes: Uint8Array) => void): void {
  const reader = Reader.create(message);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === field && (tag & 7) === LENGTH_DELIMITED) visit(reader.bytes());
    else reader.skipType(tag & 7);
  }
}
