import type { AppConfig } from '../config/app-config.js';
import type { Database } from './database.js';
import { migrate } from './migrations.js';
import { PgliteDatabase } from './pglite-database.js';
import { PostgresDatabase } from './postgres-database.js';

/** DATABASE_URL selects a PostgreSQL server; otherwise PGlite, in memory unless PGLITE_DATA_DIR is set. */
export async function openDatabase(config: Pick<AppConfig, 'databaseUrl' | 'pgliteDataDir'>): Promise<Database> {
  const database = config.databaseUrl ? new PostgresDatabase(config.databaseUrl) : await PgliteDatabase.open(config.pgliteDataDir);
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
