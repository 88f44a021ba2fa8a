import { Injectable } from '@nestjs/common';
import { Traced } from '@lift-sys/observability';
import type { SessionRevision } from '../../sessions/session.types.js';
import { Database, runQuery, type SqlExecutor } from '../database.js';
import { dbSpan, isoTimestamp } from './db-span.js';

type RevisionRow = Omit<SessionRevision, 'created_at'> & { created_at: Date };

@Injectable()
export class RevisionRepository {
  constructor(private readonly database: Database) {}

  /** Returns the stored revision with its creation time. */
  @Traced(...dbSpan('INSERT', 'session_revisions'))
  async insert(
    sessionId: string,
    revision: Omit<SessionRevision, 'created_at'>,
    executor: SqlExecutor = this.database,
  ): Promise<SessionRevision> {
    const { rows } = await runQuery<Pick<RevisionRow, 'created_at'>>(
      executor,
      'INSERT INTO session_revisions (session_id, revision_number, revision_type, content) VALUES ($1, $2, $3, $4) RETURNING created_at',
      [sessionId, revision.revision_number, revision.revision_type, revision.content],
    );
    return { ...revision, created_at: isoTimestamp(rows[0].created_at) };
  }

  @Traced(...dbSpan('SELECT', 'session_revisions'))
  async listForSession(sessionId: string): Promise<SessionRevision[]> {
    const { rows } = await runQuery<RevisionRow>(
      this.database,
      'SELECT revision_number, revision_type, content, created_at FROM session_revisions WHERE session_id = $1 ORDER BY revision_number',
      [sessionId],
    );
    return rows.map((row) => ({ ...row, created_at: isoTimestamp(row.created_at) }));
  }
}
