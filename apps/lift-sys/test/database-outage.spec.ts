import type { AddressInfo } from 'node:net';
import { SpanStatusCode } from '@opentelemetry/api';
import { ATTR_DB_OPERATION_NAME } from '@opentelemetry/semantic-conventions/incubating';
import { setupTestObservability, type TestObservability } from '@lift-sys/observability/testing';
import { LIFT_SYS_OBSERVABILITY } from '../src/observability/observability-options.js';
import { Database } from '../src/storage/database.js';
import { startTestApp, type TestApp } from '../src/testing/test-app.js';
import { POSTGRES_BIN, postgresAvailable, TemporaryPostgres } from './support/temporary-postgres.js';

const PROMPT = 'Write a function called twice that takes an integer n and returns an integer.';
const USER = 'outage';

const withPostgres = postgresAvailable();
const SKIPPED = withPostgres
  ? ''
  : ` (skipped: no PostgreSQL binaries in ${POSTGRES_BIN}; install postgresql-15 or set POSTGRES_BIN)`;

(withPostgres ? describe : describe.skip)(`a PostgreSQL server that goes away and comes back${SKIPPED}`, () => {
  const server = new TemporaryPostgres();
  let otel: TestObservability;
  let test: TestApp;
  let base = '';
  const createdIds: string[] = [];

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-demo-user': USER },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  };
  const create = async () => {
    const response = await call('POST', '/api/spec-sessions', { prompt: PROMPT });
    if (response.status === 201) createdIds.push(response.body.session_id as string);
    return response;
  };
  /** Readiness is polled until it reports the database up: recovery needs no restart of the app. */
  const waitUntilReady = async () => {
    for (let attempt = 0; attempt < 100; attempt++) {
      if ((await call('GET', '/api/health/ready')).status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the app never reported ready after the database came back');
  };
  const expectOutageAnswers = async () => {
    const id = createdIds[0];
    const read = await call('GET', `/api/spec-sessions/${id}`);
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toBe('5');
    expect(read.body).toMatchObject({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'database_unavailable',
      database: 'postgresql',
      message: 'the database (postgresql) is unavailable; try again shortly',
    });
    expect((await create()).status).toBe(503);
    expect(await call('GET', '/api/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await call('GET', '/api/health/ready')).toMatchObject({
      status: 503,
      body: { status: 'unavailable', database: { system: 'postgresql', status: 'down' } },
    });
  };
  /** Every stored session is whole (drafts, revisions), and every session the client was told exists does. */
  const expectNoPartialWrites = async () => {
    const database = test.app.get(Database);
    const broken = await database.query<{ id: string }>(
      `SELECT s.id FROM sessions s
        WHERE (SELECT count(*) FROM session_drafts d WHERE d.session_id = s.id) <> s.current_draft_version
           OR NOT EXISTS (SELECT 1 FROM session_revisions r WHERE r.session_id = s.id)
           OR NOT EXISTS (SELECT 1 FROM execution_history h WHERE h.session_id = s.id)`,
    );
    expect(broken.rows).toEqual([]);
    const stored = new Set((await database.query<{ id: string }>('SELECT id FROM sessions')).rows.map((row) => row.id));
    expect(createdIds.filter((id) => !stored.has(id))).toEqual([]);
  };

  /** Started again, the server is used without restarting the app, and nothing half-written remains. */
  const expectRecoveryAfterRestart = async () => {
    await server.start();
    await waitUntilReady();
    expect((await call('GET', `/api/spec-sessions/${createdIds[0]}`)).status).toBe(200);
    expect((await create()).status).toBe(201);
    await expectNoPartialWrites();
  };

  beforeAll(async () => {
    await server.init();
    await server.start();
    otel = setupTestObservability(LIFT_SYS_OBSERVABILITY);
    test = await startTestApp({ env: { DATABASE_URL: server.url } });
    await test.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(test.app.getHttpServer().address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    await test?.close();
    await otel?.shutdown();
    await server.destroy();
  });

  it('stopped under load: no crash, 503s naming the database, recovery on restart, no partial writes', async () => {
    expect((await create()).status).toBe(201);
    const statuses: number[] = [];
    let stopping = true;
    const worker = async () => {
      while (stopping) {
        const response = Math.random() < 0.5 ? await create() : await call('GET', `/api/spec-sessions/${createdIds[0]}`);
        statuses.push(response.status);
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.stop('fast');
    await new Promise((resolve) => setTimeout(resolve, 300));
    stopping = false;
    await Promise.all(workers);

    expect(statuses.filter((status) => ![200, 201, 503].includes(status))).toEqual([]);
    expect(statuses).toContain(503);
    otel.reset();
    await expectOutageAnswers();
    const failedSelect = otel
      .spans()
      .find((span) => span.attributes[ATTR_DB_OPERATION_NAME] === 'SELECT' && span.status.code === SpanStatusCode.ERROR);
    expect(failedSelect?.attributes).toMatchObject({ error: true });
    expect(failedSelect?.events.find((event) => event.name === 'exception')?.attributes).toMatchObject({
      'exception.type': 'DatabaseUnavailableError',
      'exception.message': expect.stringMatching(/^database \(postgresql\) unavailable: /),
    });
    const serverSpan = otel.spans().find((span) => span.name === 'GET /api/spec-sessions/:id');
    expect(serverSpan?.attributes['http.response.status_code']).toBe(503);

    await expectRecoveryAfterRestart();
  }, 120_000);

  it('stopped while idle (killed): idle connections lost without a crash, 503s, recovery on restart', async () => {
    await waitUntilReady();
    // Fill the pool with idle connections for the server to cut.
    await Promise.all(Array.from({ length: 5 }, () => call('GET', `/api/spec-sessions/${createdIds[0]}`)));
    await server.stop('immediate');
    await expectOutageAnswers();
    await expectRecoveryAfterRestart();
  }, 120_000);
});
