import { expectTrace, setupTestObservability, type TestObservability } from '@lift-sys/observability/testing';
import { LIFT_SYS_OBSERVABILITY } from '../observability/observability-options.js';
import type { Database } from './database.js';
import { MIGRATIONS, migrate } from './migrations.js';
import { openDatabase } from './open-database.js';
import { databaseSettings, testDatabaseSystem } from '../testing/test-app.js';
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
    name: 'db.insert',
    attributes: { 'db.operation': 'insert', 'db.table': 'sessions', 'db.rows_affected': 1, 'db.system': testDatabaseSystem() },
  });
  expectTrace(otel.spans(), {
    name: 'db.select',
    attributes: { 'db.operation': 'select', 'db.table': 'session_drafts', 'db.rows_affected': 1 },
  });
});

it('updates status and lists only active sessions', async () => {
  await sessions.insert(newSession('s2'));
  await sessions.updateStatus('s2', 'finalized');
  expect((await sessions.listActive('alice')).map((session) => session.session_id)).toEqual(['s1']);
  expect((await sessions.findForUser('s2', 'alice'))?.finalized_at).toEqual(expect.any(String));
  expect(otel.spansNamed('db.update')[0].attributes).toMatchObject({ 'db.table': 'sessions', 'db.rows_affected': 1 });
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
      { name: 'db.insert', attributes: { 'db.table': 'sessions' } },
      { name: 'db.insert', attributes: { 'db.table': 'execution_history' } },
      { name: 'db.insert', status: 'error' },
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
