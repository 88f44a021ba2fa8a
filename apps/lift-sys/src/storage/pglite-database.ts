import { PGlite, type Transaction } from '@electric-sql/pglite';
import { Database, type QueryResult, type SqlExecutor } from './database.js';

/** Postgres compiled to WebAssembly, in this process: in memory, or persisted to a directory. */
export class PgliteDatabase extends Database {
  readonly system = 'pglite';

  private constructor(private readonly db: PGlite) {
    super();
  }

  static async open(dataDir?: string): Promise<PgliteDatabase> {
    return new PgliteDatabase(await PGlite.create(dataDir));
  }

  query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
    return run<Row>(this.db, sql, params);
  }

  async execScript(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  protected runInTransaction<T>(work: (executor: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction((transaction) =>
      work({ system: this.system, query: (sql, params = []) => run(transaction, sql, params) }),
    );
  }
}

async function run<Row>(target: PGlite | Transaction, sql: string, params: readonly unknown[]): Promise<QueryResult<Row>> {
  const result = await target.query<Row>(sql, [...params]);
  // PGlite reports 0 affected rows for SELECT; count returned rows then, as `pg` does.
  return { rows: result.rows, rowCount: result.rows.length > 0 ? result.rows.length : (result.affectedRows ?? 0) };
}
