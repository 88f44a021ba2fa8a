import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { catchError, throwError, type Observable } from 'rxjs';
import { ATTR_ERROR_TYPE, ATTR_USER_ID } from '../conventions/attribute-names.js';
import { recordFailure } from '../core/finish-span.js';
import { describeException, exceptionAttributes } from '../core/exception-attributes.js';
import { classifyHttpError } from './error-classification.js';
import { HTTP_TRACING_OPTIONS } from './http-tokens.js';
import type { ResolvedHttpTracingOptions } from './http-tracing-options.js';
import { serverSpanOf, type ServerSpanState } from './server-span.js';

interface NestHttpRequest {
  method?: string;
  raw?: IncomingMessage;
  route?: { path?: unknown };
  routeOptions?: { url?: unknown };
}

/**
 * Names the server span after the route template, records `user.id`, and maps errors: 5xx and
 * unknown errors mark the span ERROR with the exception; 4xx are recorded as an `exception` event
 * with `error.type` only. Other execution contexts (microservices, events) pass through.
 */
@Injectable()
export class HttpContextInterceptor implements NestInterceptor {
  constructor(@Inject(HTTP_TRACING_OPTIONS) private readonly options: ResolvedHttpTracingOptions) {}

  intercept(executionContext: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.options.interceptor || executionContext.getType() !== 'http') return next.handle();
    const request = executionContext.switchToHttp().getRequest<NestHttpRequest>();
    const state = serverSpanOf(request.raw ?? (request as IncomingMessage));
    if (state === undefined) return next.handle();
    const route = routeTemplate(request);
    if (route !== undefined) {
      state.span.updateName(`${request.method ?? 'GET'} ${route}`);
      state.span.setAttribute('http.route', route);
    }
    const userId = this.options.userIdFrom(request);
    if (userId !== undefined) {
      state.attributes[ATTR_USER_ID] = userId;
      state.span.setAttribute(ATTR_USER_ID, userId);
    }
    return next.handle().pipe(
      catchError((exception: unknown) => {
        this.record(state, exception);
        return throwError(() => exception);
      }),
    );
  }

  private record(state: ServerSpanState, exception: unknown): void {
    const { statusCode, errorType } = (this.options.classifyError ?? classifyHttpError)(exception);
    state.span.setAttribute(ATTR_ERROR_TYPE, errorType);
    state.exceptionRecorded = true;
    if (statusCode >= 500) recordFailure(state.span, exception);
    else state.span.addEvent('exception', { ...exceptionAttributes(describeException(exception)), [ATTR_ERROR_TYPE]: errorType });
  }
}

function routeTemplate(request: NestHttpRequest): string | undefined {
  const route = request.route?.path ?? request.routeOptions?.url;
  return typeof route === 'string' ? route : undefined;
}
