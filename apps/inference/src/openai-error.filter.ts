import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { InvalidRequestError } from './chat-completion.dto.js';

/** Errors in OpenAI's shape (`{ error: { message, type, param, code } }`), which the OpenAI SDK reads into APIError. */
@Catch(InvalidRequestError, HttpException)
export class OpenAiErrorFilter implements ExceptionFilter {
  catch(error: InvalidRequestError | HttpException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<ServerResponse>();
    const status = error instanceof HttpException ? error.getStatus() : 400;
    const type = status === 401 ? 'authentication_error' : 'invalid_request_error';
    const param = error instanceof InvalidRequestError ? error.param : null;
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ error: { message: error.message, type, param, code: null } }));
  }
}
