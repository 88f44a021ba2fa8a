import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { addTraceIdToFastifyErrors } from './fastify-error-bodies.js';
import { HTTP_TRACING_OPTIONS } from './http-tokens.js';
import type { ResolvedHttpTracingOptions } from './http-tracing-options.js';
import { runInServerSpan } from './server-span.js';

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
    const emit = server.emit;
    const { options } = this;
    const fastify = this.adapterHost.httpAdapter.getType() === 'fastify';
    server.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
      if (event !== 'request') return Reflect.apply(emit, this, [event, ...args]) as boolean;
      const [request, response] = args as [IncomingMessage, ServerResponse];
      const handleRequest = (): boolean => Reflect.apply(emit, this, [event, ...args]) as boolean;
      return runInServerSpan(request, response, options, handleRequest, !fastify);
    } as Server['emit'];
    server[PATCHED] = true;
    if (fastify) addTraceIdToFastifyErrors(this.adapterHost.httpAdapter.getInstance());
  }
}
