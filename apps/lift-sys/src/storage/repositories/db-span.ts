import type { TracedOptions } from '@lift-sys/observability';

export type DbOperation = 'insert' | 'select' | 'update' | 'delete';
export type DbTable = 'sessions' | 'session_revisions' | 'session_drafts' | 'hole_resolutions' | 'execution_history';

/** Span `db.<operation>` with `db.operation` and `db.table`; `runQuery` adds the row count. */
export function dbSpan(operation: DbOperation, table: DbTable): [string, TracedOptions] {
  return [`db.${operation}`, { attributes: { 'db.operation': operation, 'db.table': table } }];
}

export function isoTimestamp(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}
