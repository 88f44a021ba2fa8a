import { DomainError } from '../http/domain-error.js';

export type DatabaseSystem = 'pglite' | 'postgresql';

/**
 * The database cannot answer right now (server down, connection lost, timed out, embedded engine
 * failed): a 503 naming the database, so clients retry instead of reporting a bug. The message,
 * recorded on the db spans, keeps the underlying reason; the client only learns which database.
 */
export class DatabaseUnavailableError extends DomainError {
  constructor(
    readonly system: DatabaseSystem,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(503, 'database_unavailable', `database (${system}) unavailable: ${reason}`, { database: system }, options);
  }

  override get clientMessage(): string {
    return `the database (${this.system}) is unavailable; try again shortly`;
  }
}

/**
 * SQLSTATE classes and codes that mean the server or the connection is gone, not that the query
 * was wrong (PostgreSQL manual, Appendix A): 08 connection exception, 53300 too_many_connections,
 * 57014 query_canceled (statement_timeout), 57P01-57P05 operator intervention (shutdown, crash,
 * cannot connect now, idle session timeout).
 */
const UNAVAILABLE_SQLSTATES = /^(08...|53300|57014|57P0[1-5])$/;
/** Socket-level failures Node reports while connecting to or talking with the server. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** `pg` reports a lost connection or an exceeded timeout by message only. */
const UNAVAILABLE_PG_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable|Connection ended/i;

/** Whether a `pg` error means "the database is unreachable" rather than "this query is wrong". */
export function isConnectionFault(error: unknown): boolean {
  // Duck-typed: socket errors are created by Node's core, which may be another realm than this code's.
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
  // Connecting to a name with several addresses fails with an AggregateError of one error per address.
  if (Array.isArray(errors) && errors.some(isConnectionFault)) return true;
  return typeof message === 'string' && UNAVAILABLE_PG_MESSAGES.test(message);
}

/** A connection fault becomes a DatabaseUnavailableError; any other error passes through unchanged. */
export function asUnavailable(system: DatabaseSystem, error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || !isConnectionFault(error)) return error;
  return new DatabaseUnavailableError(
    system,
    (error as Error).message || (error as { code?: string }).code || 'connection failed',
    {
      cause: error,
    },
  );
}
