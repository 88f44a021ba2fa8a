import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  trace,
  TraceFlags,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ATTR_CANCELLED, ATTR_ENVIRONMENT, ATTR_REQUEST_ID } from '../conventions/attribute-names.js';
import { markError } from '../core/finish-span.js';
import { tracingState } from '../core/tracing-state.js';
import { decideLocallyDespiteRemoteFlag } from '../sampling/remote-parent.js';
import { addTraceIdToJsonErrors } from './error-body.js';
import { describeRequest, responseAttributes } from './http-attributes.js';
import type { ResolvedHttpTracingOptions } from './http-tracing-options.js';
import { withRequestAttributes, type RequestAttributes } from './request-attributes.js';
import { requestIdFrom } from './request-id.js';

/** The server span of one request, reachable from the request object by the interceptor. */
export interface ServerSpanState {
  readonly span: Span;
  readonly attributes: RequestAttributes;
  /** `GET`, or `HTTP` for a method the conventions do not know: the span is named `{prefix} {route}`. */
  readonly spanNamePrefix: string;
  /** Also record the pre-1.0 HTTP names (`OTEL_SEMCONV_STABILITY_OPT_IN=http/dup`). */
  readonly emitDeprecatedAttributes: boolean;
  exceptionRecorded: boolean;
}

const SERVER_SPAN = Symbol.for('@lift-sys/observability/server-span');
type TracedRequest = IncomingMessage & { [SERVER_SPAN]?: ServerSpanState };

export function serverSpanOf(request: IncomingMessage): ServerSpanState | undefined {
  return (request as TracedRequest)[SERVER_SPAN];
}

/** Hands one request to the server's own handling (its `request` event). */
export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * Runs one request's handling inside a root SERVER span that lasts until the response is
 * closed, so streamed and SSE responses are covered to their end.
 */
export function runInServerSpan(
  request: IncomingMessage,
  response: ServerResponse,
  options: ResolvedHttpTracingOptions,
  handle: RequestHandler,
  /** False where the adapter adds the trace id to error bodies itself (Fastify's `onSend`). */
  patchErrorBodies = true,
): boolean {
  const tracer = tracingState.tracer;
  if (tracer === undefined) return handle(request, response);
  if (request.method === 'OPTIONS' || isIgnored((request.url ?? '/').split('?', 1)[0], options.ignorePaths)) {
    return context.with(suppressTracing(context.active()), handle, undefined, request, response);
  }
  const requestId = requestIdFrom(request.headers['x-request-id']);
  const attributes: RequestAttributes = { [ATTR_REQUEST_ID]: requestId, [ATTR_ENVIRONMENT]: options.environment };
  // The span's own bag starts with the request's attributes and receives the HTTP ones directly.
  const spanAttributes: Attributes = { [ATTR_REQUEST_ID]: requestId, [ATTR_ENVIRONMENT]: options.environment };
  const { spanNamePrefix } = describeRequest(request, options.emitDeprecatedAttributes, spanAttributes);
  const incoming = propagation.extract(ROOT_CONTEXT, request.headers);
  const caller = trace.getSpanContext(incoming);
  const parent = options.continueIncomingTrace ? trustedParent(incoming, options) : ROOT_CONTEXT;
  const span = tracer.startSpan(
    spanNamePrefix,
    {
      kind: SpanKind.SERVER,
      root: !options.continueIncomingTrace,
      links: !options.continueIncomingTrace && caller ? [{ context: caller }] : undefined,
      attributes: spanAttributes,
    },
    parent,
  );
  const state: ServerSpanState = {
    span,
    attributes,
    spanNamePrefix,
    emitDeprecatedAttributes: options.emitDeprecatedAttributes,
    exceptionRecorded: false,
  };
  (request as TracedRequest)[SERVER_SPAN] = state;
  const traceId = span.spanContext().traceId;
  response.setHeader('x-request-id', requestId);
  response.setHeader('x-trace-id', traceId);
  if (patchErrorBodies) addTraceIdToJsonErrors(response, traceId);
  response.on('close', endServerSpanOnClose);
  return context.with(withRequestAttributes(trace.setSpan(parent, span), attributes), handle, undefined, request, response);
}

/** The caller's context, unless its sampled flag is off and callers are not trusted to switch tracing off. */
function trustedParent(incoming: Context, options: ResolvedHttpTracingOptions): Context {
  const caller = trace.getSpanContext(incoming);
  if (options.honorIncomingSampledFlag || caller === undefined || caller.traceFlags & TraceFlags.SAMPLED) return incoming;
  return decideLocallyDespiteRemoteFlag(incoming);
}

/**
 * One listener shared by every response (a response emits `close` once), so none is made per request.
 * A SERVER span's 4xx is the client's error, not this span's, so only a 5xx marks it: with the
 * exception's type when the interceptor saw one, else with the status code as `error.type`.
 */
function endServerSpanOnClose(this: ServerResponse): void {
  const state = serverSpanOf(this.req);
  if (state === undefined) return;
  const { span, exceptionRecorded, emitDeprecatedAttributes } = state;
  const status = this.statusCode;
  span.setAttributes(responseAttributes(status, emitDeprecatedAttributes));
  if (!this.writableFinished) span.setAttribute(ATTR_CANCELLED, true);
  if (status >= 500 && !exceptionRecorded) markError(span, `HTTP ${status}`, String(status));
  span.end();
}

function isIgnored(path: string, ignorePaths: readonly (string | RegExp)[]): boolean {
  return ignorePaths.some((pattern) => (typeof pattern === 'string' ? pattern === path : pattern.test(path)));
}
