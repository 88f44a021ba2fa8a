import { Injectable } from '@nestjs/common';
import { Traced } from '@lift-sys/observability';
import type { HoleResolution } from '../../sessions/session.types.js';
import { Database, runQuery, type SqlExecutor } from '../database.js';
import { dbSpan, isoTimestamp } from './db-span.js';

type ResolutionRow = Omit<HoleResolution, 'created_at'> & { created_at: Date };

@Injectable()
export class ResolutionRepository {
  constructor(private readonly database: Database) {}

  /** Returns the stored resolution with its creation time. */
  @Traced(...dbSpan('INSERT', 'hole_resolutions'))
  async insert(
    sessionId: string,
    resolution: Omit<HoleResolution, 'created_at'>,
    executor: SqlExecutor = this.database,
  ): Promise<HoleResolution> {
    const { rows } = await runQuery<Pick<ResolutionRow, 'created_at'>>(
      executor,
      'INSERT INTO hole_resolutions (session_id, hole_id, resolution_text, resolution_type, draft_version) VALUES ($1, $2, $3, $4, $5) RETURNING created_at',
      [sessionId, resolution.hole_id, resolution.resolution_text, resolution.resolution_type, resolution.draft_version],
    );
    return { ...resolution, created_at: isoTimestamp(rows[0].created_at) };
  }

  @Traced(...dbSpan('SELECT', 'hole_resolutions'))
  async listForSession(sessionId: string): Promise<HoleResolution[]> {
    const { rows } = await runQuery<ResolutionRow>(
      this.database,
      'SELECT hole_id, resolution_text, resolution_type, draft_version, created_at FROM hole_resolutions WHERE session_id = $1 ORDER BY id',
      [sessionId],
    );
    return rows.map((row) => ({ ...row, created_at: isoTimestamp(row.created_at) }));
  }
}
