import { ATTR_DB_SYSTEM_NAME, DB_SYSTEM_NAME_VALUE_POSTGRESQL } from '@opentelemetry/semantic-conventions';
import { Traced, setSpanAttributes } from '@lift-sys/observability';
import type { ServerEndpoint } from '../observability/server-endpoint.js';
import { statementAttributes } from './repositories/db-span.js';

export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

/** Something SQL runs on: the database itself or an open transaction. */
export interface SqlExecutor {
  readonly system: 'pglite' | 'postgresql';
  /** The PostgreSQL server queries go to; undefined for the in-process PGlite. */
  readonly server?: ServerEndpoint;
  query<Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
}

/** Runs a query and records its text, rows and server on the current (db.*) span. */
export async function runQuery<Row>(
  executor: SqlExecutor,
  sql: string,
  params: readonly unknown[] = [],
): Promise<QueryResult<Row>> {
  const result = await executor.query<Row>(sql, params);
  setSpanAttributes(statementAttributes(sql, result.rowCount, executor.server));
  return result;
}

/** PGlite in process or a PostgreSQL server; the same SQL and migrations run on both. */
export abstract class Database implements SqlExecutor {
  abstract readonly system: 'pglite' | 'postgresql';

  abstract query<Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;

  /** Runs several statements separated by semicolons, without parameters (migrations). */
  abstract execScript(sql: string): Promise<void>;

  abstract close(): Promise<void>;

  /** Resolves when the database answers a trivial query now; rejects (DatabaseUnavailableError) otherwise. */
  async ping(): Promise<void> {
    await this.query('SELECT 1');
  }

  /** Commits when `work` resolves, rolls back when it throws: multi-step writes are all or nothing. */
  @Traced('db.transaction', { attributes: { [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL } })
  transaction<T>(work: (executor: SqlExecutor) => Promise<T>): Promise<T> {
    return this.runInTransaction(work);
  }

  protected abstract runInTransaction<T>(work: (executor: SqlExecutor) => Promise<T>): Promise<T>;
}
