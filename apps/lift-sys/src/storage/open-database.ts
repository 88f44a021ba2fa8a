import type { AppConfig } from '../config/app-config.js';
import type { Database } from './database.js';
import { migrate } from './migrations.js';
import { PgliteDatabase } from './pglite-database.js';
import { PostgresDatabase } from './postgres-database.js';

/**
 * DATABASE_URL selects a PostgreSQL server (in DATABASE_SCHEMA when set, created if missing);
 * otherwise PGlite, in memory unless PGLITE_DATA_DIR is set.
 */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'databaseSchema' | 'pgliteDataDir'>,
): Promise<Database> {
  const database = config.databaseUrl
    ? new PostgresDatabase(config.databaseUrl, config.databaseSchema)
    : await PgliteDatabase.open(config.pgliteDataDir);
  try {
    if (config.databaseUrl && config.databaseSchema)
      await database.execScript(`CREATE SCHEMA IF NOT EXISTS ${config.databaseSchema}`);
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
