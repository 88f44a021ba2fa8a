import { Injectable } from '@nestjs/common';
import { Traced } from '@lift-sys/observability';
import type { SessionRecord, SessionSource, SessionStatus } from '../../sessions/session.types.js';
import { Database, runQuery, type SqlExecutor } from '../database.js';
import { dbSpan, isoTimestamp } from './db-span.js';

interface SessionRow {
  id: string;
  user_id: string;
  status: SessionStatus;
  source: SessionSource;
  original_input: string;
  current_draft_version: number;
  metadata: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
  finalized_at: Date | null;
}

export interface NewSession {
  id: string;
  userId: string;
  source: SessionSource;
  originalInput: string;
  metadata: Record<string, unknown>;
}

@Injectable()
export class SessionRepository {
  constructor(private readonly database: Database) {}

  /** Returns the stored record (with the database's defaults), so callers need not read it back. */
  @Traced(...dbSpan('INSERT', 'sessions'))
  async insert(session: NewSession, executor: SqlExecutor = this.database): Promise<SessionRecord> {
    const { rows } = await runQuery<SessionRow>(
      executor,
      `INSERT INTO sessions (id, user_id, status, source, original_input, metadata) VALUES ($1, $2, 'active', $3, $4, $5) RETURNING *`,
      [session.id, session.userId, session.source, session.originalInput, JSON.stringify(session.metadata)],
    );
    return toRecord(rows[0]);
  }

  @Traced(...dbSpan('SELECT', 'sessions'))
  async findForUser(id: string, userId: string): Promise<SessionRecord | undefined> {
    const { rows } = await runQuery<SessionRow>(this.database, 'SELECT * FROM sessions WHERE id = $1 AND user_id = $2', [
      id,
      userId,
    ]);
    return rows[0] && toRecord(rows[0]);
  }

  @Traced(...dbSpan('SELECT', 'sessions'))
  async listActive(userId: string): Promise<SessionRecord[]> {
    const { rows } = await runQuery<SessionRow>(
      this.database,
      `SELECT * FROM sessions WHERE user_id = $1 AND status = 'active' ORDER BY created_at DESC, id`,
      [userId],
    );
    return rows.map(toRecord);
  }

  /** Returns the updated record, or undefined when no session has that id. */
  @Traced(...dbSpan('UPDATE', 'sessions'))
  async updateDraftVersion(
    id: string,
    version: number,
    executor: SqlExecutor = this.database,
  ): Promise<SessionRecord | undefined> {
    const { rows } = await runQuery<SessionRow>(
      executor,
      'UPDATE sessions SET current_draft_version = $2, updated_at = now() WHERE id = $1 RETURNING *',
      [id, version],
    );
    return rows[0] && toRecord(rows[0]);
  }

  /** Returns the updated record, or undefined when no session has that id. */
  @Traced(...dbSpan('UPDATE', 'sessions'))
  async updateStatus(
    id: string,
    status: SessionStatus,
    executor: SqlExecutor = this.database,
  ): Promise<SessionRecord | undefined> {
    const { rows } = await runQuery<SessionRow>(
      executor,
      `UPDATE sessions SET status = $2, updated_at = now(), finalized_at = CASE WHEN $2 = 'finalized' THEN now() ELSE finalized_at END WHERE id = $1 RETURNING *`,
      [id, status],
    );
    return rows[0] && toRecord(rows[0]);
  }
}

function toRecord(row: SessionRow): SessionRecord {
  return {
    session_id: row.id,
    user_id: row.user_id,
    status: row.status,
    source: row.source,
    original_input: row.original_input,
    current_draft_version: row.current_draft_version,
    metadata: row.metadata,
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
    finalized_at: row.finalized_at === null ? null : isoTimestamp(row.finalized_at),
  };
}
