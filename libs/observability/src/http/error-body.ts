import type { ServerResponse } from 'node:http';

/**
 * Adds `traceId` to JSON error bodies (status >= 400) as they are written, whichever filter,
 * guard or body parser produced them, so users can quote it. Only complete single-write JSON
 * objects are touched, and only before headers are sent, so Content-Length can be corrected.
 */
export function addTraceIdToJsonErrors(response: ServerResponse, traceId: string): void {
  const end = response.end;
  response.end = function (this: ServerResponse, ...args: unknown[]): ServerResponse {
    const [chunk] = args;
    if (response.statusCode >= 400 && !response.headersSent && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
      const body = withTraceId(response, chunk, traceId);
      if (body !== undefined) {
        response.setHeader('content-length', Buffer.byteLength(body));
        args[0] = body;
        if (typeof args[1] === 'string') args[1] = 'utf8';
      }
    }
    return Reflect.apply(end, this, args) as ServerResponse;
  } as ServerResponse['end'];
}

function withTraceId(response: ServerResponse, chunk: string | Buffer, traceId: string): string | undefined {
  const contentType = String(response.getHeader('content-type') ?? '');
  if (!contentType.includes('json')) return undefined;
  try {
    const parsed: unknown = JSON.parse(chunk.toString());
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || 'traceId' in parsed) return undefined;
    return JSON.stringify({ ...parsed, traceId });
  } catch {
    return undefined;
  }
}
