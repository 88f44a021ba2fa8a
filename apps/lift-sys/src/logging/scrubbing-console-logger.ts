import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { scrubSecrets } from '@lift-sys/observability';

/**
 * Nest's console logger with every line and stack trace scrubbed of registered secrets: an
 * unhandled provider error (a 401 whose body echoes the API key) is logged with its message and
 * stack, and must not print the key.
 */
export class ScrubbingConsoleLogger extends ConsoleLogger {
  protected override formatMessage(
    logLevel: LogLevel,
    message: unknown,
    pidMessage: string,
    formattedLogLevel: string,
    contextMessage: string,
    timestampDiff: string,
    params?: Record<string, unknown>,
  ): string {
    return scrubSecrets(
      super.formatMessage(logLevel, message, pidMessage, formattedLogLevel, contextMessage, timestampDiff, params),
    );
  }

  protected override printStackTrace(stack: string): void {
    // Nest passes whatever came as the stack argument, often undefined.
    super.printStackTrace(typeof stack === 'string' ? scrubSecrets(stack) : stack);
  }

  protected override stringifyJsonLogObject(logObject: Record<string, unknown>): string {
    return scrubSecrets(super.stringifyJsonLogObject(logObject));
  }
}
