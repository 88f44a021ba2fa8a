import { HttpException } from '@nestjs/common';
import type { HttpErrorClassification } from './http-tracing-options.js';

/** `HttpException` status (else 500) and the exception's class name. */
export function classifyHttpError(exception: unknown): HttpErrorClassification {
  const statusCode = exception instanceof HttpException ? exception.getStatus() : 500;
  const constructorName = (exception as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return { statusCode, errorType: typeof constructorName === 'string' ? constructorName : typeof exception };
}
