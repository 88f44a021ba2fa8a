import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ATTR_ERROR_TYPE, ATTR_HTTP_ROUTE } from '@opentelemetry/semantic-conventions';
import type { IncomingMessage } from 'node:http';
import { catchError, throwError, type Observable } from 'rxjs';
import { ATTR_USER_ID, EVENT_EXCEPTION } from '../conventions/attribute-names.js';
import { toAttributeValue } from '../core/attribute-values.js';
import { describeException, exceptionAttributes } from '../core/exception-attributes.js';
import { recordFailure } from '../core/finish-span.js';
import { classifyHttpError } from './error-classification.js';
import { HTTP_TRACING_OPTIONS } from './http-tokens.js';
import type { ResolvedHttpTracingOptions } from './http-tracing-options.js';
import { serverSpanOf, type ServerSpanState } from './server-span.js';

interface NestHttpRequest {
  raw?: IncomingMessage;
  route?: { path?: unknown };
  routeOptions?: { url?: unknown };
}

/**
 * Names the server span `{method} {route}` after the route template, records `http.route` and
 * `user.id`, and maps errors: a 5xx or unknown error marks the span ERROR with the exception and
 * its type as `error.type`; a 4xx is the client's error, recorded as an `exception` event only
 * (the conventions leave `error.type` off a SERVER span's 4xx). Other execution contexts
 * (microservices, events) pass through.
 */
@Injectable()
export class HttpContextInterceptor implements NestInterceptor {
  constructor(@Inject(HTTP_TRACING_OPTIONS) private readonly options: ResolvedHttpTracingOptions) {}

  intercept(executionContext: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.options.interceptor || executionContext.getType() !== 'http') return next.handle();
    const request = executionContext.switchToHttp().getRequest<NestHttpRequest>();
    const state = serverSpanOf(request.raw ?? (request as IncomingMessage));
    if (state === undefined) return next.handle();
    const route = toAttributeValue(routeTemplate(request));
    if (typeof route === 'string') {
      state.span.updateName(`${state.spanNamePrefix} ${route}`);
      state.span.setAttribute(ATTR_HTTP_ROUTE, route);
    }
    const userId = toAttributeValue(this.options.userIdFrom(request));
    if (typeof userId === 'string' || typeof userId === 'number') {
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
    state.exceptionRecorded = true;
    if (statusCode >= 500) {
      recordFailure(state.span, exception);
      state.span.setAttribute(ATTR_ERROR_TYPE, errorType);
    } else {
      state.span.addEvent(EVENT_EXCEPTION, exceptionAttributes(describeException(exception)));
    }
  }
}

function routeTemplate(request: NestHttpRequest): unknown {
  return request.route?.path ?? request.routeOptions?.url;
}
