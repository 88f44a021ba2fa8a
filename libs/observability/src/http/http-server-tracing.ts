import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { addTraceIdToFastifyErrors } from './fastify-error-bodies.js';
import { HTTP_TRACING_OPTIONS } from './http-tokens.js';
import type { ResolvedHttpTracingOptions } from './http-tracing-options.js';
import { runInServerSpan, type RequestHandler } from './server-span.js';

const PATCHED = Symbol.for('@lift-sys/observability/http-server-patched');
type PatchableServer = Server & { [PATCHED]?: true };

/**
 * Wraps the Nest HTTP server's `request` event (Express and Fastify alike) so every request runs
 * in its own root SERVER span from the first byte, before body parsing, middleware and guards.
 */
@Injectable()
export class HttpServerTracing implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(HTTP_TRACING_OPTIONS) private readonly options: ResolvedHttpTracingOptions,
  ) {}

  onModuleInit(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as PatchableServer | undefined;
    if (!this.options.enabled || server === undefined || typeof server.emit !== 'function' || server[PATCHED]) return;
    const emit = server.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
    const { options } = this;
    const fastify = this.adapterHost.httpAdapter.getType() === 'fastify';
    // One handler for every request, so no closure is made per request.
    const handleRequest: RequestHandler = (request, response) => emit.call(server, 'request', request, response);
    server.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
      if (event !== 'request' || this !== server) return Reflect.apply(emit, this, [event, ...args]);
      return runInServerSpan(args[0] as IncomingMessage, args[1] as ServerResponse, options, handleRequest, !fastify);
    } as Server['emit'];
    server[PATCHED] = true;
    if (fastify) addTraceIdToFastifyErrors(this.adapterHost.httpAdapter.getInstance());
  }
}
