import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError } from './domain-error.js';

const REASONS: Readonly<Record<DomainError['status'], string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  422: 'Unprocessable Entity',
  503: 'Service Unavailable',
};

/** How long a client should wait before retrying a 503 (RFC 9110 §10.2.3). */
const RETRY_AFTER_SECONDS = '5';

/** Domain errors answer with their status and a JSON body in Nest's shape plus a code and details. */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(error: DomainError, host: ArgumentsHost): void {
    const body = {
      statusCode: error.status,
      error: REASONS[error.status],
      code: error.code,
      message: error.clientMessage,
      ...error.details,
    };
    const { httpAdapter } = this.adapterHost;
    const response: unknown = host.switchToHttp().getResponse();
    if (error.status === 503) httpAdapter.setHeader(response, 'retry-after', RETRY_AFTER_SECONDS);
    httpAdapter.reply(response, body, error.status);
  }
}
