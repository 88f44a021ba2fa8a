import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How the stand-in endpoint behaves, as Honeycomb's or a collector's might. */
export type SinkMode = 'ok' | 'error500' | 'rate-limited' | 'hang' | 'refuse';

export interface ReceivedExport {
  path: string;
  headers: IncomingHttpHeaders;
  body: OtlpJsonRequest;
}

export interface OtlpJsonRequest {
  resourceSpans: {
    resource: { attributes: { key: string; value: Record<string, unknown> }[] };
    scopeSpans: { spans: { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes?: unknown[] }[] }[];
  }[];
}

/** A local HTTP server on 127.0.0.1 playing an OTLP/HTTP JSON endpoint, with switchable failures. */
export class OtlpSink {
  readonly received: ReceivedExport[] = [];
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
      request.on('end', () => this.answer(request.url ?? '/', request.headers, Buffer.concat(chunks), response));
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

  spanNames(): string[] {
    return this.received.flatMap((request) =>
      request.body.resourceSpans.flatMap((resource) =>
        resource.scopeSpans.flatMap((scope) => scope.spans.map((span) => span.name)),
      ),
    );
  }

  async stop(): Promise<void> {
    this.releaseHanging();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  private answer(path: string, headers: IncomingHttpHeaders, body: Buffer, response: ServerResponse): void {
    this.attempts++;
    switch (this.mode) {
      case 'hang':
        this.hanging.add(response);
        return;
      case 'error500':
        response.writeHead(500).end('{"message":"internal"}');
        return;
      case 'rate-limited':
        response.writeHead(429, { 'retry-after': '1' }).end('{"message":"slow down"}');
        return;
      default:
        this.received.push({ path, headers, body: JSON.parse(body.toString()) as OtlpJsonRequest });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    }
  }

  private releaseHanging(): void {
    for (const response of this.hanging) response.destroy();
    this.hanging.clear();
  }
}
