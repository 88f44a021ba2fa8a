import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ProviderUnavailableError } from '../../lift-sys/src/providers/deterministic-answer.js';
import { InvalidRequestError } from './chat-completion.dto.js';

/**
 * Errors in OpenAI's shape (`{ error: { message, type, param, code } }`), which the OpenAI SDK reads
 * into APIError. An overloaded model answers 503, as OpenAI documents for "The engine is currently
 * overloaded" (https://platform.openai.com/docs/guides/error-codes/api-errors).
 */
@Catch(InvalidRequestError, HttpException, ProviderUnavailableError)
export class OpenAiErrorFilter implements ExceptionFilter {
  catch(error: InvalidRequestError | HttpException | ProviderUnavailableError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<ServerResponse>();
    const status = error instanceof HttpException ? error.getStatus() : error instanceof ProviderUnavailableError ? 503 : 400;
    const type = status === 401 ? 'authentication_error' : status === 503 ? 'server_error' : 'invalid_request_error';
    const param = error instanceof InvalidRequestError ? error.param : null;
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ error: { message: error.message, type, param, code: null } }));
  }
}
