import { Logger } from '@nestjs/common';
import pg from 'pg';
import { Database, type QueryResult, type SqlExecutor } from './database.js';
import { serverEndpoint } from '../observability/server-endpoint.js';
import { asUnavailable } from './database-unavailable.js';

/**
 * Timeouts that turn a dead or stuck server into a fast 503 instead of requests that wait forever:
 * connecting, a query's round trip (client side), a statement's run time (server side), and a
 * transaction left idle by a client that vanished.
 */
export const POSTGRES_TIMEOUTS = {
  connectionTimeoutMillis: 3_000,
  query_timeout: 15_000,
  statement_timeout: 10_000,
  idle_in_transaction_session_timeout: 30_000,
} as const;

/** A PostgreSQL server (DATABASE_URL) through a `pg` connection pool. */
export class PostgresDatabase extends Database {
  readonly system = 'postgresql';
  readonly server;
  private readonly pool: pg.Pool;
  private readonly logger = new Logger('Database');

  /** @param schema a validated identifier (AppConfig checks it); every pooled connection uses it first. */
  constructor(connectionString: string, schema?: string) {
    super();
    this.server = serverEndpoint(connectionString);
    this.pool = new pg.Pool({
      connectionString,
      max: 5,
      options: schema ? `-c search_path=${schema}` : undefined,
      ...POSTGRES_TIMEOUTS,
    });
    // An idle pooled connection the server closes (restart, failover) is reported here; without a
    // listener Node would treat it as an unhandled 'error' event and exit. The pool has already
    // dropped the client, and the next query opens a fresh connection.
    this.pool.on('error', (error) => this.logger.warn(`idle PostgreSQL connection lost: ${error.message}`));
  }

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
    try {
      const result = await this.pool.query(sql, [...params]);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
    } catch (error) {
      throw asUnavailable(this.system, error);
    }
  }

  async execScript(sql: string): Promise<void> {
    try {
      await this.pool.query(sql);
    } catch (error) {
      throw asUnavailable(this.system, error);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  protected async runInTransaction<T>(work: (executor: SqlExecutor) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw asUnavailable(this.system, error);
    }
    // While checked out the pool no longer listens on the client; a connection lost between two
    // statements would otherwise be an unhandled 'error' event. The next statement then fails.
    let connectionLost = false;
    const onConnectionError = (): void => {
      connectionLost = true;
    };
    client.on('error', onConnectionError);
    const run = async <Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> => {
      try {
        const result = await client.query(sql, [...params]);
        return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
      } catch (error) {
        throw asUnavailable(this.system, error);
      }
    };
    try {
      await run('BEGIN');
      const result = await work({ system: this.system, server: this.server, query: run });
      await run('COMMIT');
      return result;
    } catch (error) {
      // A failed ROLLBACK means the connection is gone, and with it the transaction: the server
      // discards uncommitted work when a session ends. The original error is the one to report.
      await run('ROLLBACK').catch(() => {
        connectionLost = true;
      });
      throw error;
    } finally {
      client.removeListener('error', onConnectionError);
      // A broken connection is destroyed rather than returned to the pool for the next request.
      client.release(connectionLost);
    }
  }
}
