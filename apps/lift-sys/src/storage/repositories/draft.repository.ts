import { Injectable } from '@nestjs/common';
import { Traced } from '@lift-sys/observability';
import type { IntermediateRepresentation, ValidationStatus } from '../../ir/ir.types.js';
import type { IRDraft } from '../../sessions/session.types.js';
import { Database, runQuery, type SqlExecutor } from '../database.js';
import { dbSpan, isoTimestamp } from './db-span.js';

interface DraftRow {
  version: number;
  ir: IntermediateRepresentation;
  validation_status: ValidationStatus;
  ambiguities: string[];
  created_at: Date;
}

@Injectable()
export class DraftRepository {
  constructor(private readonly database: Database) {}

  /** Returns the stored draft with its creation time, so callers need not read it back. */
  @Traced(...dbSpan('INSERT', 'session_drafts'))
  async insert(sessionId: string, draft: Omit<IRDraft, 'created_at'>, executor: SqlExecutor = this.database): Promise<IRDraft> {
    const { rows } = await runQuery<Pick<DraftRow, 'created_at'>>(
      executor,
      'INSERT INTO session_drafts (session_id, version, ir, validation_status, ambiguities) VALUES ($1, $2, $3, $4, $5) RETURNING created_at',
      [sessionId, draft.version, JSON.stringify(draft.ir), draft.validation_status, JSON.stringify(draft.ambiguities)],
    );
    return { ...draft, created_at: isoTimestamp(rows[0].created_at) };
  }

  @Traced(...dbSpan('SELECT', 'session_drafts'))
  async listForSession(sessionId: string): Promise<IRDraft[]> {
    const { rows } = await runQuery<DraftRow>(
      this.database,
      'SELECT version, ir, validation_status, ambiguities, created_at FROM session_drafts WHERE session_id = $1 ORDER BY version',
      [sessionId],
    );
    return rows.map((row) => ({ ...row, created_at: isoTimestamp(row.created_at) }));
  }
}
