import { context, propagation, ROOT_CONTEXT, SpanKind, trace, type Span } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ATTR_CANCELLED, ATTR_ENVIRONMENT, ATTR_REQUEST_ID } from '../conventions/attribute-names.js';
import { markError } from '../core/finish-span.js';
import { tracingState } from '../core/tracing-state.js';
import { addTraceIdToJsonErrors } from './error-body.js';
import type { ResolvedHttpTracingOptions } from './http-tracing-options.js';
import { withRequestAttributes, type RequestAttributes } from './request-attributes.js';
import { requestIdFrom } from './request-id.js';

/** The server span of one request, reachable from the request object by the interceptor. */
export interface ServerSpanState {
  readonly span: Span;
  readonly attributes: RequestAttributes;
  exceptionRecorded: boolean;
}

const SERVER_SPAN = Symbol.for('@lift-sys/observability/server-span');
type TracedRequest = IncomingMessage & { [SERVER_SPAN]?: ServerSpanState };

export function serverSpanOf(request: IncomingMessage): ServerSpanState | undefined {
  return (request as TracedRequest)[SERVER_SPAN];
}

/**
 * Runs one request's handling inside a root SERVER span that lasts until the response is
 * closed, so streamed and SSE responses are covered to their end.
 */
export function runInServerSpan(
  request: IncomingMessage,
  response: ServerResponse,
  options: ResolvedHttpTracingOptions,
  environment: string,
  handle: () => boolean,
  /** False where the adapter adds the trace id to error bodies itself (Fastify's `onSend`). */
  patchErrorBodies = true,
): boolean {
  const tracer = tracingState.tracer;
  if (tracer === undefined) return handle();
  const path = (request.url ?? '/').split('?', 1)[0];
  if (request.method === 'OPTIONS' || isIgnored(path, options.ignorePaths)) {
    return context.with(suppressTracing(context.active()), handle);
  }
  const method = request.method ?? 'GET';
  const requestId = requestIdFrom(request.headers['x-request-id']);
  const incoming = propagation.extract(ROOT_CONTEXT, request.headers);
  const caller = trace.getSpanContext(incoming);
  const parent = options.continueIncomingTrace ? incoming : ROOT_CONTEXT;
  const attributes: RequestAttributes = { [ATTR_REQUEST_ID]: requestId, [ATTR_ENVIRONMENT]: environment };
  const span = tracer.startSpan(
    method,
    {
      kind: SpanKind.SERVER,
      root: !options.continueIncomingTrace,
      links: !options.continueIncomingTrace && caller ? [{ context: caller }] : undefined,
      attributes: {
        ...attributes,
        'http.request.method': method,
        'http.method': method,
        'url.path': path,
        'url.scheme': 'encrypted' in request.socket ? 'https' : 'http',
        ...(request.headers['user-agent'] ? { 'user_agent.original': request.headers['user-agent'] } : {}),
      },
    },
    parent,
  );
  const state: ServerSpanState = { span, attributes, exceptionRecorded: false };
  (request as TracedRequest)[SERVER_SPAN] = state;
  const traceId = span.spanContext().traceId;
  response.setHeader('x-request-id', requestId);
  response.setHeader('x-trace-id', traceId);
  if (patchErrorBodies) addTraceIdToJsonErrors(response, traceId);
  response.once('close', () => endServerSpan(state, response));
  return context.with(withRequestAttributes(trace.setSpan(parent, span), attributes), handle);
}

function endServerSpan({ span, exceptionRecorded }: ServerSpanState, response: ServerResponse): void {
  const status = response.statusCode;
  span.setAttribute('http.response.status_code', status);
  span.setAttribute('http.status_code', status);
  if (!response.writableFinished) span.setAttribute(ATTR_CANCELLED, true);
  if (status >= 500 && !exceptionRecorded) markError(span, `HTTP ${status}`);
  span.end();
}

function isIgnored(path: string, ignorePaths: readonly (string | RegExp)[]): boolean {
  return ignorePaths.some((pattern) => (typeof pattern === 'string' ? pattern === path : pattern.test(path)));
}
