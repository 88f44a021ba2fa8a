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
import {
  ATTR_DB_OPERATION,
  ATTR_DB_RESPONSE_RETURNED_ROWS,
  ATTR_DB_SQL_TABLE,
  ATTR_DB_STATEMENT,
  ATTR_DB_SYSTEM,
} from '@opentelemetry/semantic-conventions/incubating';
import { expectTrace, setupTestObservability, type TestObservability } from '@lift-sys/observability/testing';
import { LIFT_SYS_OBSERVABILITY } from '../observability/observability-options.js';
import type { Database } from './database.js';
import { MIGRATIONS, migrate } from './migrations.js';
import { openDatabase } from './open-database.js';
import { databaseSettings } from '../testing/test-app.js';
import { DraftRepository } from './repositories/draft.repository.js';
import { ExecutionHistoryRepository } from './repositories/execution-history.repository.js';
import { SessionRepository } from './repositories/session.repository.js';
import { parsePrompt } from '../ir/rule-based-parser.js';

let otel: TestObservability;
let database: Database;
let sessions: SessionRepository;
let drafts: DraftRepository;
let history: ExecutionHistoryRepository;
beforeAll(async () => {
  otel = setupTestObservability(LIFT_SYS_OBSERVABILITY);
  database = await openDatabase(databaseSettings());
  sessions = new SessionRepository(database);
  drafts = new DraftRepository(database);
  history = new ExecutionHistoryRepository(database);
});
afterEach(() => otel.reset());
afterAll(async () => {
  await database.close();
  await otel.shutdown();
});

const ir = parsePrompt('Write a function called f that takes an integer n and returns an integer.', 'python');
const newSession = (id: string) => ({
  id,
  userId: 'alice',
  source: 'prompt' as const,
  originalInput: 'prompt text',
  metadata: { team: 'a' },
});

it('applies migrations once', async () => {
  expect(await migrate(database)).toEqual([]);
  const { rows } = await database.query<{ id: string }>('SELECT id FROM schema_migrations');
  expect(rows.map((row) => row.id)).toEqual(MIGRATIONS.map((migration) => migration.id));
});

it('inserts and reads sessions and drafts with db.* spans', async () => {
  await sessions.insert(newSession('s1'));
  await drafts.insert('s1', { version: 1, ir, validation_status: 'incomplete', ambiguities: ['input_constraints'] });
  expect(await sessions.findForUser('s1', 'alice')).toMatchObject({
    session_id: 's1',
    status: 'active',
    metadata: { team: 'a' },
    current_draft_version: 1,
  });
  expect(await sessions.findForUser('s1', 'mallory')).toBeUndefined();
  expect(await drafts.listForSession('s1')).toEqual([
    expect.objectContaining({ version: 1, ir, ambiguities: ['input_constraints'] }),
  ]);
  expectTrace(otel.spans(), {
    name: 'INSERT sessions',
    attributes: {
      [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL,
      [ATTR_DB_OPERATION_NAME]: 'INSERT',
      [ATTR_DB_COLLECTION_NAME]: 'sessions',
      [ATTR_DB_QUERY_SUMMARY]: 'INSERT sessions',
      'db.rows_affected': 1,
    },
  });
  expectTrace(otel.spans(), {
    name: 'SELECT session_drafts',
    attributes: {
      [ATTR_DB_OPERATION_NAME]: 'SELECT',
      [ATTR_DB_COLLECTION_NAME]: 'session_drafts',
      [ATTR_DB_RESPONSE_RETURNED_ROWS]: 1,
    },
  });
});

it('records database spans as the conventions name them, with parameterized text only', async () => {
  await sessions.insert({ ...newSession('s-conventions'), userId: 'carol', originalInput: 'a value that must stay off spans' });
  await sessions.findForUser('s-conventions', 'carol');
  const statements = otel.spans().filter((span) => span.attributes[ATTR_DB_SYSTEM_NAME] !== undefined);
  expect(statements.map((span) => span.name)).toEqual(['INSERT sessions', 'SELECT sessions']);
  const server = databaseSettings().databaseUrl ? new URL(databaseSettings().databaseUrl ?? '') : undefined;
  for (const span of statements) {
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.name).toBe(span.attributes[ATTR_DB_QUERY_SUMMARY]);
    expect(String(span.attributes[ATTR_DB_QUERY_TEXT])).toMatch(/\$1/);
    expect(JSON.stringify(span.attributes)).not.toMatch(/must stay off spans|s-conventions|carol/);
    for (const deprecated of [ATTR_DB_SYSTEM, ATTR_DB_OPERATION, ATTR_DB_SQL_TABLE, ATTR_DB_STATEMENT, 'db.table']) {
      expect(span.attributes).not.toHaveProperty([deprecated]);
    }
    // A PostgreSQL server is named; the in-process PGlite has none.
    expect(span.attributes[ATTR_SERVER_ADDRESS]).toBe(server?.hostname);
    expect(span.attributes[ATTR_SERVER_PORT]).toBe(server && Number(server.port || 5432));
  }
});

it('updates status and lists only active sessions', async () => {
  await sessions.insert(newSession('s2'));
  await sessions.updateStatus('s2', 'finalized');
  expect((await sessions.listActive('alice')).map((session) => session.session_id)).toEqual(['s1']);
  expect((await sessions.findForUser('s2', 'alice'))?.finalized_at).toEqual(expect.any(String));
  expect(otel.spansNamed('UPDATE sessions')[0].attributes).toMatchObject({
    [ATTR_DB_COLLECTION_NAME]: 'sessions',
    'db.rows_affected': 1,
  });
});

it('rolls a failed multi-step write back completely', async () => {
  const write = database.transaction(async (tx) => {
    await sessions.insert(newSession('s3'), tx);
    await history.insert(
      {
        sessionId: 's3',
        userId: 'alice',
        pipeline: 'session.create',
        language: null,
        status: 'success',
        durationMs: 1,
        traceId: null,
        inputTokens: 1,
        outputTokens: 1,
        costUsd: 0.1,
      },
      tx,
    );
    await drafts.insert('s3', { version: 0, ir, validation_status: 'valid', ambiguities: [] }, tx);
  });
  await expect(write).rejects.toThrow(/check constraint/);
  expect(await sessions.findForUser('s3', 'alice')).toBeUndefined();
  expect(await history.listForSession('s3')).toEqual([]);
  expectTrace(otel.spans(), {
    name: 'db.transaction',
    status: 'error',
    children: [
      { name: 'INSERT sessions', attributes: { [ATTR_DB_COLLECTION_NAME]: 'sessions' } },
      { name: 'INSERT execution_history', attributes: { [ATTR_DB_COLLECTION_NAME]: 'execution_history' } },
      { name: 'INSERT session_drafts', status: 'error', attributes: { 'error.type': (value) => typeof value === 'string' } },
    ],
  });
});

it('records execution history with its trace id and totals', async () => {
  await history.insert({
    sessionId: 's1',
    userId: 'alice',
    pipeline: 'code.generate',
    language: 'rust',
    status: 'failure',
    durationMs: 12.5,
    traceId: 'abc',
    inputTokens: 10,
    outputTokens: 20,
    costUsd: 0.00012345,
  });
  expect(await history.listForSession('s1')).toEqual([
    {
      sessionId: 's1',
      userId: 'alice',
      pipeline: 'code.generate',
      language: 'rust',
      status: 'failure',
      durationMs: 12.5,
      traceId: 'abc',
      inputTokens: 10,
      outputTokens: 20,
      costUsd: 0.00012345,
    },
  ]);
});
