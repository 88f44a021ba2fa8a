import type { Database } from './database.js';

/** Tables after lift-sys's Supabase schema, plus execution_history linking each pipeline run to its trace. */
export const MIGRATIONS: ReadonlyArray<{ id: string; sql: string }> = [
  {
    id: '001_sessions',
    sql: `
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'finalized', 'abandoned')),
        source TEXT NOT NULL CHECK (source IN ('prompt', 'reverse_mode')),
        original_input TEXT NOT NULL,
        current_draft_version INTEGER NOT NULL DEFAULT 1,
        metadata JSONB NOT NULL DEFAULT '{}',
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        finalized_at TIMESTAMPTZ
      );
      CREATE INDEX sessions_user_status ON sessions (user_id, status);
      CREATE TABLE session_revisions (
        id BIGSERIAL PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        revision_number INTEGER NOT NULL,
        revision_type TEXT NOT NULL CHECK (revision_type IN ('initial', 'hole_resolution')),
        content TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        UNIQUE (session_id, revision_number)
      );
      CREATE TABLE session_drafts (
        id BIGSERIAL PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        version INTEGER NOT NULL CHECK (version >= 1),
        ir JSONB NOT NULL,
        validation_status TEXT NOT NULL CHECK (validation_status IN ('pending', 'valid', 'contradictory', 'incomplete')),
        ambiguities JSONB NOT NULL DEFAULT '[]',
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        UNIQUE (session_id, version)
      );
      CREATE TABLE hole_resolutions (
        id BIGSERIAL PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        hole_id TEXT NOT NULL,
        resolution_text TEXT NOT NULL,
        resolution_type TEXT NOT NULL,
        draft_version INTEGER NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE execution_history (
        id BIGSERIAL PRIMARY KEY,
        session_id TEXT REFERENCES sessions (id) ON DELETE SET NULL,
        user_id TEXT NOT NULL,
        pipeline TEXT NOT NULL,
        language TEXT,
        status TEXT NOT NULL CHECK (status IN ('success', 'failure')),
        duration_ms DOUBLE PRECISION NOT NULL,
        input_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL,
        cost_usd NUMERIC(14, 8) NOT NULL,
        trace_id TEXT,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX execution_history_trace ON execution_history (trace_id);`,
  },
];

/** Applies pending migrations, each in its own transaction, recording them in schema_migrations. */
export async function migrate(database: Database): Promise<string[]> {
  await database.execScript(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
  );
  const applied = new Set((await database.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((row) => row.id));
  const pending = MIGRATIONS.filter((migration) => !applied.has(migration.id));
  for (const migration of pending) {
    await database.execScript(`BEGIN; ${migration.sql}; INSERT INTO schema_migrations (id) VALUES ('${migration.id}'); COMMIT;`);
  }
  return pending.map((migration) => migration.id);
}
