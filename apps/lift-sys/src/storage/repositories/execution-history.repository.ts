import { Injectable } from '@nestjs/common';
import { Traced } from '@lift-sys/observability';
import type { TokenUsage } from '../../providers/llm.types.js';
import { Database, runQuery, type SqlExecutor } from '../database.js';
import { dbSpan } from './db-span.js';

/** One pipeline run (session.create, code.generate, ...) with its totals and the trace that shows it. */
export interface ExecutionRecord extends TokenUsage {
  sessionId: string | null;
  userId: string;
  pipeline: string;
  language: string | null;
  status: 'success' | 'failure';
  durationMs: number;
  traceId: string | null;
}

interface ExecutionRow {
  session_id: string | null;
  user_id: string;
  pipeline: string;
  language: string | null;
  status: 'success' | 'failure';
  duration_ms: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: string;
  trace_id: string | null;
}

@Injectable()
export class ExecutionHistoryRepository {
  constructor(private readonly database: Database) {}

  @Traced(...dbSpan('INSERT', 'execution_history'))
  async insert(record: ExecutionRecord, executor: SqlExecutor = this.database): Promise<void> {
    await runQuery(
      executor,
      `INSERT INTO execution_history (session_id, user_id, pipeline, language, status, duration_ms, input_tokens, output_tokens, cost_usd, trace_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        record.sessionId,
        record.userId,
        record.pipeline,
        record.language,
        record.status,
        record.durationMs,
        record.inputTokens,
        record.outputTokens,
        record.costUsd,
        record.traceId,
      ],
    );
  }

  @Traced(...dbSpan('SELECT', 'execution_history'))
  async listForSession(sessionId: string): Promise<ExecutionRecord[]> {
    const { rows } = await runQuery<ExecutionRow>(
      this.database,
      'SELECT * FROM execution_history WHERE session_id = $1 ORDER BY id',
      [sessionId],
    );
    return rows.map((row) => ({
      sessionId: row.session_id,
      userId: row.user_id,
      pipeline: row.pipeline,
      language: row.language,
      status: row.status,
      durationMs: row.duration_ms,
      inputTokens: row.input_tokens,
      outputTokens: row.output_tokens,
      costUsd: Number(row.cost_usd),
      traceId: row.trace_id,
    }));
  }
}
