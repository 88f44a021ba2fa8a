import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError } from './domain-error.js';

const REASONS: Readonly<Record<DomainError['status'], string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  422: 'Unprocessable Entity',
};

/** Domain errors answer with their status and a JSON body in Nest's shape plus a code and details. */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(error: DomainError, host: ArgumentsHost): void {
    const body = {
      statusCode: error.status,
      error: REASONS[error.status],
      code: error.code,
      message: error.message,
      ...error.details,
    };
    this.adapterHost.httpAdapter.reply(host.switchToHttp().getResponse(), body, error.status);
  }
}
