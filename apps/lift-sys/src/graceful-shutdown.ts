import type { Server, ServerResponse } from 'node:http';
import type { INestApplication, LoggerService } from '@nestjs/common';

/** Exit status when shutdown outlasts its deadline, fails, or is cut short by a second signal. */
export const SHUTDOWN_FAILED_EXIT_CODE = 1;

export interface GracefulShutdownOptions {
  /** How long in-flight requests, span export and closing the database may take in all. */
  timeoutMillis: number;
  logger: LoggerService;
  /** Injected by tests; `process.exit` otherwise. */
  exit?: (code: number) => void;
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, answer requests still in flight (and any that
 * arrive on open keep-alive connections) with `connection: close` so clients do not wait on idle
 * sockets, let Nest's shutdown run (the HTTP server drains, pending spans are exported, the
 * database is closed), then exit 0. Past the deadline, or on a second signal, exit with
 * SHUTDOWN_FAILED_EXIT_CODE instead of hanging. Replaces `enableShutdownHooks`, which re-raises the
 * signal and so ends the process with 143 (SIGTERM) even after a clean shutdown. Returns a function
 * that removes the signal listeners.
 */
export function closeGracefullyOnSignals(app: INestApplication, options: GracefulShutdownOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const server = app.getHttpServer() as Server;
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  server.on('request', (_request, response: ServerResponse) => {
    if (closing) response.setHeader('connection', 'close');
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
  });

  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) {
      options.logger.warn(`${signal} received again during shutdown; exiting now`);
      exit(SHUTDOWN_FAILED_EXIT_CODE);
      return;
    }
    closing = true;
    options.logger.log(`${signal} received: finishing ${inFlight.size} request(s) in flight, then exiting`);
    for (const response of inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
    const deadline = setTimeout(() => {
      options.logger.error(
        `shutdown did not finish within ${options.timeoutMillis} ms; exiting with ${SHUTDOWN_FAILED_EXIT_CODE}`,
      );
      exit(SHUTDOWN_FAILED_EXIT_CODE);
    }, options.timeoutMillis);
    deadline.unref();
    app.close().then(
      () => {
        clearTimeout(deadline);
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        options.logger.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        exit(SHUTDOWN_FAILED_EXIT_CODE);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  return () => {
    process.off('SIGTERM', shutdown);
    process.off('SIGINT', shutdown);
  };
}
