import type { IncomingMessage } from 'node:http';
import { errorBodyWithTraceId } from './error-body.js';
import { serverSpanOf } from './server-span.js';

interface FastifyLike {
  addHook(
    name: 'onSend',
    hook: (request: { raw: IncomingMessage }, reply: FastifyReplyLike, payload: unknown) => Promise<unknown>,
  ): unknown;
}

interface FastifyReplyLike {
  statusCode: number;
  getHeader(name: string): unknown;
}

/** Fastify writes headers before the body, so it gets the trace id through its `onSend` hook instead. */
export function addTraceIdToFastifyErrors(fastify: FastifyLike): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    const state = serverSpanOf(request.raw);
    if (state === undefined) return payload;
    const traceId = state.span.spanContext().traceId;
    return errorBodyWithTraceId(reply.statusCode, reply.getHeader('content-type'), payload, traceId) ?? payload;
  });
}
