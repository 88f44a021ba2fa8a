import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpanStatusCode } from '@opentelemetry/api';
import { setupTestObservability, type TestObservability } from '@lift-sys/observability/testing';
import { LIFT_SYS_OBSERVABILITY } from '../src/observability/observability-options.js';
import { Database } from '../src/storage/database.js';
import { DatabaseUnavailableError } from '../src/storage/database-unavailable.js';
import { startTestApp, type TestApp } from '../src/testing/test-app.js';

const PROMPT = 'Write a function called twice that takes an integer n and returns an integer.';

/**
 * Storing jsonb nested 1,000 deep traps PGlite's WebAssembly engine (memory access out of bounds)
 * inside the transaction. The HTTP API refuses such input; here it is sent straight to the store to
 * prove that an engine failure still ends in an error, never a hang.
 */
async function induceEngineFailure(database: Database): Promise<unknown> {
  const deep = `${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}`;
  return database
    .transaction(async (tx) => {
      await tx.query(
        `INSERT INTO sessions (id, user_id, status, source, original_input) VALUES ($1, 'x', 'active', 'prompt', 'p')`,
        [randomUUID()],
      );
      await tx.query(
        'INSERT INTO sessions (id, user_id, status, source, original_input, metadata) VALUES ($1, $2, $3, $4, $5, $6)',
        [randomUUID(), 'x', 'active', 'prompt', 'p', deep],
      );
    })
    .then(
      () => 'committed',
      (error: unknown) => error,
    );
}

describe.each([
  ['in memory', false],
  ['in a data directory', true],
])('the embedded database failing inside a transaction (%s)', (_where, persisted) => {
  let otel: TestObservability;
  let test: TestApp;
  let dataDir: string | undefined;
  let sessionId = '';

  beforeAll(async () => {
    otel = setupTestObservability(LIFT_SYS_OBSERVABILITY);
    dataDir = persisted ? mkdtempSync(join(tmpdir(), 'lift-sys-pglite-')) : undefined;
    // Always PGlite, also in the PostgreSQL pass of the suite.
    test = await startTestApp({ env: { DATABASE_URL: '', PGLITE_DATA_DIR: dataDir ?? '' } });
    const { body } = await test.http().post('/api/spec-sessions', { prompt: PROMPT }).expect(201);
    sessionId = body.session_id as string;
  });
  afterAll(async () => {
    await test.close();
    await otel.shutdown();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('fails the transaction with a 503-class error recorded on its span, and never hangs', async () => {
    otel.reset();
    const outcome = await induceEngineFailure(test.app.get(Database));
    expect(outcome).toBeInstanceOf(DatabaseUnavailableError);
    expect((outcome as DatabaseUnavailableError).message).toMatch(/^database \(pglite\) unavailable: the embedded engine failed/);
    const [span] = otel.spansNamed('db.transaction');
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.events.find((event) => event.name === 'exception')?.attributes?.['exception.type']).toBe(
      'DatabaseUnavailableError',
    );
  });

  it('keeps liveness up and every later request answered', async () => {
    await test.http().get('/api/health').expect(200);
    if (persisted) {
      // Reopened on the directory: earlier data intact, the failed transaction's first insert gone.
      await test.http().get('/api/health/ready').expect(200);
      await test.http().get(`/api/spec-sessions/${sessionId}`).expect(200);
      await test.http().post('/api/spec-sessions', { prompt: PROMPT }).expect(201);
      const rows = await test.app.get(Database).query<{ n: string }>(`SELECT count(*) AS n FROM sessions WHERE user_id = 'x'`);
      expect(rows.rows[0].n).toBe(0);
      return;
    }
    // In memory the data died with the engine: every request fails at once, naming the database.
    const { body } = await test.http().get(`/api/spec-sessions/${sessionId}`).expect(503);
    expect(body).toMatchObject({ code: 'database_unavailable', database: 'pglite' });
    await test.http().post('/api/spec-sessions', { prompt: PROMPT }).expect(503);
    await test
      .http()
      .get('/api/health/ready')
      .expect(503)
      .expect(({ body: readiness }) => expect(readiness.database).toEqual({ system: 'pglite', status: 'down' }));
  });
});
