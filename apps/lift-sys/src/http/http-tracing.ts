import { HttpException } from '@nestjs/common';
import type { HttpErrorClassification, HttpTracingOptions } from '@lift-sys/observability';
import type { AuthenticatedRequest } from './current-user.js';
import { DomainError } from './domain-error.js';

function classifyError(exception: unknown): HttpErrorClassification {
  const errorType = exception instanceof Error ? exception.name : 'unknown';
  if (exception instanceof DomainError) return { statusCode: exception.status, errorType };
  if (exception instanceof HttpException) return { statusCode: exception.getStatus(), errorType };
  return { statusCode: 500, errorType };
}

/** The library's HTTP span layer, told who the user is (DemoUserGuard), how domain errors map to statuses, and what not to trace. */
export const LIFT_SYS_HTTP_TRACING: HttpTracingOptions = {
  /** Health checks come every few seconds from the platform and say nothing about users. */
  ignorePaths: ['/api/health', '/api/health/ready'],
  userIdFrom: (request) => (request as AuthenticatedRequest).liftSysUserId,
  classifyError,
};
