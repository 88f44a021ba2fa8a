import { SpanKind } from '@opentelemetry/api';
import {
  ATTR_DB_COLLECTION_NAME,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_SUMMARY,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_SYSTEM_NAME,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  DB_SYSTEM_NAME_VALUE_POSTGRESQL,
} from '@opentelemetry/semantic-conventions';
import { ATTR_DB_RESPONSE_RETURNED_ROWS } from '@opentelemetry/semantic-conventions/incubating';
import type { SpanAttributes, TracedOptions } from '@lift-sys/observability';
import type { ServerEndpoint } from '../../observability/server-endpoint.js';

export type DbOperation = 'INSERT' | 'SELECT' | 'UPDATE' | 'DELETE';
export type DbTable = 'sessions' | 'session_revisions' | 'session_drafts' | 'hole_resolutions' | 'execution_history';

/**
 * A repository method's span, as the database conventions name it: `SELECT sessions`
 * (`db.query.summary`), with `db.system.name`, `db.operation.name` and `db.collection.name`;
 * `statementAttributes` adds the query text and rows. Kind CLIENT for both backends: PGlite is
 * the same PostgreSQL reached through a client API in process, so it gets no `server.address`.
 */
export function dbSpan(operation: DbOperation, table: DbTable): [string, TracedOptions] {
  const summary = `${operation} ${table}`;
  return [
    summary,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL,
        [ATTR_DB_OPERATION_NAME]: operation,
        [ATTR_DB_COLLECTION_NAME]: table,
        [ATTR_DB_QUERY_SUMMARY]: summary,
      },
    },
  ];
}

/**
 * What one statement adds to its span: the parameterized text (values travel as `$n`
 * parameters and are never recorded), the rows a read returned (`db.response.returned_rows`) or
 * a write changed (the plan's `db.rows_affected`, which has no convention), and the server.
 */
export function statementAttributes(sql: string, rowCount: number, server: ServerEndpoint | undefined): SpanAttributes {
  const read = /^\s*SELECT\b/i.test(sql);
  return {
    [ATTR_DB_QUERY_TEXT]: sql,
    [read ? ATTR_DB_RESPONSE_RETURNED_ROWS : 'db.rows_affected']: rowCount,
    [ATTR_SERVER_ADDRESS]: server?.address,
    [ATTR_SERVER_PORT]: server?.port,
  };
}

export function isoTimestamp(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}
