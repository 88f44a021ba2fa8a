import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HoneycombDefinitions } from '@lift-sys/honeycomb';
import { computeBoards, type TimeWindow } from './boards.js';
import { handleOtlpTraces } from './otlp-receiver.js';
import { serveUi } from './static-files.js';
import { TraceStore } from './trace-store.js';
import { loadTracesFolder, ReceivedSpansFile, type LoadReport } from './traces-folder.js';

export interface ExplorerOptions {
  /** 0 for an ephemeral port. */
  port: number;
  /** Loopback unless asked otherwise: span data is not for the network. */
  host?: string;
  /** The folder to load spans from and append received spans to; none keeps them in memory only. */
  tracesDir?: string;
  definitions?: HoneycombDefinitions;
  /** Spans held in memory; the oldest traces go first. */
  maxSpans?: number;
  /** Largest OTLP request body, compressed or not. */
  maxBodyBytes?: number;
  /** Size of each received-spans file and how many rotations are kept. */
  maxFileBytes?: number;
  maxFiles?: number;
  log?: (line: string) => void;
}

export interface Explorer {
  url: string;
  store: TraceStore;
  loaded: LoadReport;
  close(): Promise<void>;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  maxSpans: 1_000_000,
  maxBodyBytes: 16 * 1024 * 1024,
  maxFileBytes: 64 * 1024 * 1024,
  maxFiles: 5,
} as const;

/** Loads the traces folder, then serves the UI, its JSON API and OTLP/HTTP on one port. */
export async function startExplorer(options: ExplorerOptions): Promise<Explorer> {
  const log = options.log ?? (() => {});
  const store = new TraceStore(options.maxSpans ?? DEFAULTS.maxSpans);
  const loaded = options.tracesDir
    ? await loadTracesFolder(options.tracesDir, (request) => store.add(request))
    : { files: 0, requests: 0, skipped: [] };
  for (const line of loaded.skipped) log(`skipped ${line}`);
  const file = options.tracesDir
    ? new ReceivedSpansFile({
        directory: options.tracesDir,
        maxFileBytes: options.maxFileBytes ?? DEFAULTS.maxFileBytes,
        maxFiles: options.maxFiles ?? DEFAULTS.maxFiles,
      })
    : undefined;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const liveClients = new Set<ServerResponse>();
  const boardsCache = new Map<string, { version: number; body: string }>();

  const loopbackOnly = LOOPBACK_HOSTS.has(options.host ?? DEFAULTS.host);
  const routes = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    // A web page on another site can reach a loopback port through DNS rebinding, with its own
    // name in Host: bound to loopback, only loopback names are served.
    if (loopbackOnly && !LOOPBACK_HOSTS.has(hostname(request.headers.host))) {
      return sendJson(response, 421, { error: `this explorer answers requests to ${[...LOOPBACK_HOSTS].join(', ')} only` });
    }
    const url = new URL(request.url ?? '/', 'http://explorer');
    const path = url.pathname;
    if (path === '/v1/traces') {
      return handleOtlpTraces(request, response, {
        maxBodyBytes,
        accept: async (otlp) => {
          const { accepted } = store.add(otlp);
          if (file && accepted > 0) {
            await file.append(otlp).catch((error: Error) => log(`could not append to ${options.tracesDir}: ${error.message}`));
          }
          return { rejected: 0 };
        },
      });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendJson(response, 405, { error: `${request.method} is not allowed on ${path}` });
    if (path === '/api/traces') {
      return sendJson(
        response,
        200,
        store.list({
          service: url.searchParams.get('service') || undefined,
          spanName: url.searchParams.get('name') || undefined,
          attribute: url.searchParams.get('attr') || undefined,
          errorsOnly: url.searchParams.get('errors') === '1',
          traceId: url.searchParams.get('q') || undefined,
          limit: clampInt(url.searchParams.get('limit'), 1, 5000, 200),
        }),
      );
    }
    const traceMatch = /^\/api\/traces\/([0-9a-fA-F]{1,32})$/.exec(path);
    if (traceMatch) {
      const spans = store.trace(traceMatch[1]!);
      return spans
        ? sendJson(response, 200, { traceId: traceMatch[1]!.toLowerCase(), spans })
        : sendJson(response, 404, { error: `no trace ${traceMatch[1]} is loaded` });
    }
    if (path === '/api/boards') {
      const range = url.searchParams.get('range') ?? 'all';
      const window = timeWindow(range, store);
      if (!window)
        return sendJson(response, 400, { error: `range must be "all" or a number of seconds, not ${JSON.stringify(range)}` });
      const cached = boardsCache.get(range);
      // "all" depends on the spans alone, so it is computed once per change; a relative range moves with the clock.
      if (cached && cached.version === store.version) return sendBody(response, 200, cached.body);
      const body = JSON.stringify(computeBoards(options.definitions, store.events(), window));
      if (range === 'all') boardsCache.set(range, { version: store.version, body });
      return sendBody(response, 200, body);
    }
    if (path === '/api/live') return openLiveStream(response, liveClients, store);
    if (path.startsWith('/api/')) return sendJson(response, 404, { error: `no API at ${path}` });
    return serveUi(path, response);
  };

  const server: Server = createServer((request, response) => {
    routes(request, response).catch((error: Error) => {
      log(`error serving ${request.method} ${request.url}: ${error.stack ?? error.message}`);
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
      else response.destroy();
    });
  });
  const unsubscribe = store.onChange(
    throttle(() => {
      for (const client of liveClients) client.write(`data: ${store.version}\n\n`);
    }, 250),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? DEFAULTS.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    store,
    loaded,
    close: async () => {
      unsubscribe();
      for (const client of liveClients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** The Host header without its port (`[::1]:4318` → `[::1]`). */
function hostname(host: string | undefined): string {
  if (!host) return '';
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!.toLowerCase();
}

/** "all": from the earliest to the latest span held (the last hour when none is); else the last N seconds. */
function timeWindow(range: string, store: TraceStore): TimeWindow | undefined {
  const now = Date.now();
  if (range === 'all') {
    let start = Infinity;
    let end = -Infinity;
    for (const event of store.events()) {
      const ts = event['timestamp'];
      if (typeof ts !== 'number') continue;
      start = Math.min(start, ts);
      end = Math.max(end, ts + Number(event['duration_ms'] ?? 0));
    }
    return Number.isFinite(start)
      ? { startMs: start, endMs: Math.max(end, start + 1000) + 1 }
      : { startMs: now - 3_600_000, endMs: now };
  }
  const seconds = Number(range);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 400 * 86_400) return undefined;
  return { startMs: now - seconds * 1000, endMs: now };
}

function openLiveStream(response: ServerResponse, clients: Set<ServerResponse>, store: TraceStore): void {
  response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
  response.write(`data: ${store.version}\n\n`);
  clients.add(response);
  response.on('close', () => clients.delete(response));
}

function throttle(action: () => void, ms: number): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      action();
    }, ms).unref();
  };
}

function clampInt(text: string | null, min: number, max: number, fallback: number): number {
  const value = Number(text);
  return text === null || !Number.isInteger(value) ? fallback : Math.min(max, Math.max(min, value));
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  sendBody(response, status, JSON.stringify(value));
}

function sendBody(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}
