import pg from 'pg';
import { Database, type QueryResult, type SqlExecutor } from './database.js';
import { serverEndpoint } from '../observability/server-endpoint.js';

/** A PostgreSQL server (DATABASE_URL) through a `pg` connection pool. */
export class PostgresDatabase extends Database {
  readonly system = 'postgresql';
  readonly server;
  private readonly pool: pg.Pool;

  /** @param schema a validated identifier (AppConfig checks it); every pooled connection uses it first. */
  constructor(connectionString: string, schema?: string) {
    super();
    this.server = serverEndpoint(connectionString);
    this.pool = new pg.Pool({ connectionString, max: 5, options: schema ? `-c search_path=${schema}` : undefined });
  }

  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
    const result = await this.pool.query(sql, [...params]);
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
  }

  async execScript(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  protected async runInTransaction<T>(work: (executor: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work({
        system: this.system,
        server: this.server,
        query: async <Row>(sql: string, params: readonly unknown[] = []) => {
          const rows = await client.query(sql, [...params]);
          return { rows: rows.rows as Row[], rowCount: rows.rowCount ?? rows.rows.length };
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}
