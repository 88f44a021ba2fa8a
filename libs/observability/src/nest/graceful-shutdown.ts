import type { Server, ServerResponse } from 'node:http';
import { Logger, type INestApplication, type LoggerService } from '@nestjs/common';

/** Exit status when shutdown outlasts its deadline, fails, or is cut short by a second signal. */
export const SHUTDOWN_FAILED_EXIT_CODE = 1;

/**
 * Above the module's default span-export deadline (5 s) so a slow exporter is reported by the
 * module, and below Kubernetes' default grace period (30 s) so the process is not killed first.
 */
export const DEFAULT_SHUTDOWN_TIMEOUT_MILLIS = 10_000;

export interface GracefulShutdownOptions {
  /**
   * How long finishing the requests in flight and Nest's shutdown (span export, closing
   * databases) may take in all before the process exits with status 1. Default 10 000 ms.
   */
  timeoutMillis?: number;
  /** Where the shutdown reports its progress; a Nest `Logger` with context `Shutdown` by default. */
  logger?: LoggerService;
  /** The signals that start the shutdown; SIGTERM and SIGINT by default. */
  signals?: readonly NodeJS.Signals[];
  /** Ends the process; `process.exit` by default (tests and embedding hosts replace it). */
  exit?: (code: number) => void;
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, answer requests still in flight (and any that
 * arrive on open keep-alive connections) with `connection: close` so clients do not wait on idle
 * sockets, let Nest's shutdown run (the HTTP server drains, ObservabilityModule exports pending
 * spans, other modules close their resources), then exit 0. Past the deadline, on a failed
 * shutdown, or on a second signal, exit 1 instead of hanging. Use it instead of
 * `app.enableShutdownHooks()`, which by default re-raises the signal and so ends the process with
 * 143 even after a clean shutdown, and has no deadline. Works with the Express and Fastify
 * adapters (both serve through a Node `http.Server`). Returns a function that removes the signal
 * listeners.
 */
export function closeGracefullyOnSignals(app: INestApplication, options: GracefulShutdownOptions = {}): () => void {
  const timeoutMillis = options.timeoutMillis ?? DEFAULT_SHUTDOWN_TIMEOUT_MILLIS;
  const logger = options.logger ?? new Logger('Shutdown');
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const server = app.getHttpServer() as Server;
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  // Ahead of the adapter's own listener, which may answer before a later listener runs.
  server.prependListener('request', (_request, response: ServerResponse) => {
    if (closing) response.setHeader('connection', 'close');
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
  });

  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) {
      logger.warn(`${signal} received again during shutdown; exiting now`);
      exit(SHUTDOWN_FAILED_EXIT_CODE);
      return;
    }
    closing = true;
    logger.log(`${signal} received: finishing ${inFlight.size} request(s) in flight, then exiting`);
    for (const response of inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
    // Not unref'd: a shutdown stuck on a promise with nothing else pending must still end in
    // exit 1, not in a quiet exit 0 when the event loop runs dry.
    const deadline = setTimeout(() => {
      logger.error(`shutdown did not finish within ${timeoutMillis} ms; exiting with ${SHUTDOWN_FAILED_EXIT_CODE}`);
      exit(SHUTDOWN_FAILED_EXIT_CODE);
    }, timeoutMillis);
    app.close().then(
      () => {
        clearTimeout(deadline);
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        logger.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        exit(SHUTDOWN_FAILED_EXIT_CODE);
      },
    );
  };
  for (const signal of signals) process.on(signal, shutdown);
  return () => {
    for (const signal of signals) process.off(signal, shutdown);
  };
}
