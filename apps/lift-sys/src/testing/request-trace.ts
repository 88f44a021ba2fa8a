import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { expectTrace, type ExpectedSpan } from '@lift-sys/observability/testing';

export interface TracedRequest {
  method: string;
  /** The route template, e.g. `/api/spec-sessions/:id/generate`. */
  route: string;
  userId?: string;
}

/**
 * Asserts the trace of one HTTP request: the library's root SERVER span `METHOD /route` with its
 * http attributes and the user, and exactly `children` under it.
 */
export function expectRequestTrace(spans: readonly ReadableSpan[], request: TracedRequest, children: ExpectedSpan[]): void {
  expectTrace(spans, {
    name: `${request.method} ${request.route}`,
    attributes: { 'http.route': request.route, ...(request.userId === undefined ? {} : { 'user.id': request.userId }) },
    children,
  });
}
