import { Logger } from '@nestjs/common';
import { messages, PGlite, type Transaction } from '@electric-sql/pglite';
import { Database, type QueryResult, type SqlExecutor } from './database.js';
import { DatabaseUnavailableError } from './database-unavailable.js';

/**
 * Longest an operation may wait for the engine, queue included. PGlite runs one statement at a
 * time; an engine that has not answered by then is treated as failed rather than left to hold
 * every later request.
 */
export const PGLITE_DEADLINE_MILLIS = 15_000;

/** The engine itself failed (a WebAssembly trap, a missed deadline), as opposed to an SQL error. */
class EngineFailure extends Error {
  constructor(reason: string, options?: ErrorOptions) {
    super(reason, options);
    this.name = 'EngineFailure';
  }
}

/**
 * Postgres compiled to WebAssembly, in this process: in memory, or persisted to a directory.
 *
 * SQL errors pass through as they are. When the engine itself fails, the instance is never used
 * again: with a data directory a fresh instance is opened on it (the failed transaction never
 * committed, so the directory holds the last consistent state); in memory the data lived only in
 * the failed instance, so every later call fails at once with a 503 naming the database, and
 * readiness reports it down.
 */
export class PgliteDatabase extends Database {
  readonly system = 'pglite';
  private readonly logger = new Logger('Database');
  private failure: Error | undefined;
  private reopening: Promise<void> | undefined;

  private constructor(
    private db: PGlite,
    private readonly dataDir: string | undefined,
  ) {
    super();
  }

  static async open(dataDir?: string): Promise<PgliteDatabase> {
    return new PgliteDatabase(await PGlite.create(dataDir), dataDir);
  }

  query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
    return this.guard(() => run<Row>(this.db, sql, params));
  }

  async execScript(sql: string): Promise<void> {
    await this.guard(() => this.db.exec(sql).catch(engineFailureOr));
  }

  async close(): Promise<void> {
    if (this.failure === undefined) await this.db.close();
  }

  protected runInTransaction<T>(work: (executor: SqlExecutor) => Promise<T>): Promise<T> {
    return this.guard(async () => {
      let engineFailure: EngineFailure | undefined;
      const query = <Row>(transaction: Transaction, sql: string, params: readonly unknown[] = []) =>
        run<Row>(transaction, sql, params).catch((error: unknown) => {
          if (error instanceof EngineFailure) engineFailure ??= error;
          throw error;
        });
      try {
        return await this.db.transaction((transaction) =>
          work({ system: this.system, query: (sql, params) => query(transaction, sql, params) }),
        );
      } catch (error) {
        // After a trap the engine may not even roll back: PGlite then reports the ROLLBACK's SQL
        // error (such as "cannot drop active portal"), which would hide the engine failure.
        throw engineFailure ?? error;
      }
    });
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    if (this.reopening) await this.reopening;
    if (this.failure) {
      throw new DatabaseUnavailableError(
        this.system,
        `the embedded engine failed earlier (${this.failure.message}); restart the app`,
      );
    }
    try {
      return await withDeadline(operation());
    } catch (error) {
      if (!isEngineFailure(error)) throw error;
      this.engineFailed(error);
      // The request that hit the failure ends once the store is reopened (or known lost), so the
      // next request never races a reopen still under way.
      await this.reopening;
      throw new DatabaseUnavailableError(this.system, `the embedded engine failed: ${error.message}`, { cause: error });
    }
  }

  private engineFailed(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.logger.error(`embedded database failed: ${error.message}`);
    if (this.dataDir !== undefined) this.reopening = this.reopen(this.dataDir);
  }

  /** The failed instance is dropped, not closed: closing would let a corrupted engine write to the directory. */
  private async reopen(dataDir: string): Promise<void> {
    try {
      this.db = await withDeadline(PGlite.create(dataDir));
      this.failure = undefined;
      this.logger.warn(`embedded database reopened from ${dataDir}`);
    } catch (error) {
      this.logger.error(`embedded database could not be reopened: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.reopening = undefined;
    }
  }
}

async function run<Row>(target: PGlite | Transaction, sql: string, params: readonly unknown[]): Promise<QueryResult<Row>> {
  const result = await target.query<Row>(sql, [...params]).catch(engineFailureOr);
  // PGlite reports 0 affected rows for SELECT; count returned rows then, as `pg` does.
  return { rows: result.rows, rowCount: result.rows.length > 0 ? result.rows.length : (result.affectedRows ?? 0) };
}

/** SQL errors (with a SQLSTATE) are the caller's; anything else PGlite throws means the engine broke. */
function engineFailureOr(error: unknown): never {
  if (error instanceof messages.DatabaseError) throw error;
  throw new EngineFailure(error instanceof Error ? error.message : String(error), { cause: error });
}

/** A WebAssembly trap during ROLLBACK surfaces from PGlite's own transaction code, unwrapped. */
function isEngineFailure(error: unknown): error is Error {
  return error instanceof EngineFailure || (error instanceof Error && error.name === 'RuntimeError');
}

function withDeadline<T>(operation: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new EngineFailure(`no answer within ${PGLITE_DEADLINE_MILLIS} ms`)), PGLITE_DEADLINE_MILLIS);
    timer.unref();
  });
  return Promise.race([operation, deadline]).finally(() => clearTimeout(timer));
}
