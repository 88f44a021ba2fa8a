import type { ServerResponse } from 'node:http';

/**
 * Adds `traceId` to a JSON error body (status >= 400) so users can quote it. Returns undefined
 * when the body is not a JSON object or already carries one.
 */
export function errorBodyWithTraceId(
  statusCode: number,
  contentType: unknown,
  body: unknown,
  traceId: string,
): string | undefined {
  if (statusCode < 400 || !String(contentType ?? '').includes('json')) return undefined;
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) return undefined;
  try {
    const parsed: unknown = JSON.parse(body.toString());
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || 'traceId' in parsed) return undefined;
    return JSON.stringify({ ...parsed, traceId });
  } catch {
    return undefined;
  }
}

/**
 * For adapters that write the body with a single `end()` before sending headers (Express), whichever
 * filter, guard or body parser produced it; Content-Length is corrected as headers are still open.
 */
export function addTraceIdToJsonErrors(response: ServerResponse, traceId: string): void {
  const end = response.end;
  response.end = function (this: ServerResponse, ...args: unknown[]): ServerResponse {
    // Most responses succeed: read no header for them.
    if (response.statusCode >= 400 && !response.headersSent) {
      const body = errorBodyWithTraceId(response.statusCode, response.getHeader('content-type'), args[0], traceId);
      if (body !== undefined) {
        response.setHeader('content-length', Buffer.byteLength(body));
        args[0] = body;
        if (typeof args[1] === 'string') args[1] = 'utf8';
      }
    }
    return Reflect.apply(end, this, args) as ServerResponse;
  } as ServerResponse['end'];
}
