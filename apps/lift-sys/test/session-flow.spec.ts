import { Database } from '../src/storage/database.js';
import { expectRequestTrace } from '../src/testing/request-trace.js';
import { testDatabaseSystem, useTracedTestApp } from '../src/testing/test-app.js';

const PROMPT = 'Write a function called total that takes n and a float rate and returns, then log the result.';
const RESOLUTIONS: Record<string, [string, string]> = {
  n_type: ['integer', 'refine_signature'],
  return_type: ['float', 'refine_signature'],
  input_constraints: ['n > 0 and rate >= 0', 'add_constraint'],
  side_effects: ['Writes the total to the application log', 'specify_effect'],
};
const sessionLoad = ['sessions', 'session_drafts', 'session_revisions', 'hole_resolutions'].map((table) => ({
  name: `SELECT ${table}`,
  attributes: { 'db.collection.name': table },
}));

const traced = useTracedTestApp();

it('creates a session, resolves every hole, finalizes and generates code, with the plan trace trees', async () => {
  const created = await traced.test
    .http()
    .post('/api/spec-sessions', { prompt: PROMPT, metadata: { team: 'demo' } })
    .expect(201);
  const session = created.body as {
    session_id: string;
    status: string;
    current_draft: { version: number; ambiguities: string[]; validation_status: string };
  };
  expect(session).toMatchObject({
    status: 'active',
    source: 'prompt',
    current_draft: { version: 1, validation_status: 'incomplete' },
  });
  expect([...session.current_draft.ambiguities].sort()).toEqual(Object.keys(RESOLUTIONS).sort());
  expectRequestTrace(traced.otel.spans(), { method: 'POST', route: '/api/spec-sessions', userId: 'alice' }, [
    {
      name: 'session.create',
      attributes: {
        'session.id': session.session_id,
        'session.prompt_length': PROMPT.length,
        'session.source': 'prompt',
        'session.status': 'active',
        'session.holes_count': 4,
        'user.id': 'alice',
      },
      absentAttributes: ['prompt'],
      children: [
        {
          name: 'ir.generate',
          attributes: {
            'ir.provider': 'fixture',
            'ir.provider_route': 'modal_inference',
            'ir.model': 'fixture-deterministic',
            'ir.validation_status': 'incomplete',
            'ir.holes_count': 4,
            'ir.version': 1,
          },
          children: [
            { name: 'llm.call', attributes: { 'llm.cost_usd': (value) => typeof value === 'number' && value > 0 } },
            { name: 'ir.validate' },
          ],
        },
        {
          name: 'db.transaction',
          children: ['sessions', 'session_revisions', 'session_drafts', 'execution_history'].map((table) => ({
            name: `INSERT ${table}`,
            attributes: { 'db.collection.name': table, 'db.rows_affected': 1 },
          })),
        },
      ],
    },
  ]);
  // Writes answer with the session assembled from what they stored: it must equal a fresh read.
  const readBack = (id: string) => traced.test.http().get(`/api/spec-sessions/${id}`).expect(200);
  expect((await readBack(session.session_id)).body).toEqual(created.body);
  const createTraceId = traced.otel.spansNamed('session.create')[0].spanContext().traceId;
  const history = await traced.test.app
    .get(Database)
    .query<{ trace_id: string; pipeline: string }>('SELECT trace_id, pipeline FROM execution_history WHERE session_id = $1', [
      session.session_id,
    ]);
  expect(history.rows).toEqual([{ trace_id: createTraceId, pipeline: 'session.create' }]);

  let version = 1;
  for (const [holeId, [text, type]] of Object.entries(RESOLUTIONS)) {
    const resolved = await traced.test
      .http()
      .post(`/api/spec-sessions/${session.session_id}/holes/${holeId}/resolve`, { resolution_text: text, resolution_type: type })
      .expect(200);
    version += 1;
    expect(resolved.body.current_draft.version).toBe(version);
    expect(resolved.body.current_draft.ambiguities).not.toContain(holeId);
    expect((await readBack(session.session_id)).body).toEqual(resolved.body);
  }
  expect(traced.otel.spansNamed('session.update').at(-1)?.attributes).toMatchObject({
    'session.holes_resolved': 4,
    'session.holes_count': 0,
    'ir.validation_status': 'valid',
    'ir.version': 5,
  });

  await traced.test
    .http()
    .get(`/api/sessions/${session.session_id}`)
    .expect(200)
    .expect(({ body }) => expect(body.drafts).toHaveLength(5));
  const finalized = await traced.test.http().post(`/api/spec-sessions/${session.session_id}/finalize`).expect(200);
  expect(finalized.body.status).toBe('finalized');
  expect((await readBack(session.session_id)).body).toEqual(finalized.body);
  await traced.test
    .http()
    .get('/api/spec-sessions')
    .expect(200)
    .expect(({ body }) => expect(body).toEqual([]));

  traced.otel.reset();
  const generated = await traced.test
    .http()
    .post(`/api/spec-sessions/${session.session_id}/generate`, { target_language: 'python' })
    .expect(200);
  expect(generated.body).toMatchObject({
    language: 'python',
    generator: 'PythonGenerator',
    retries: 0,
    validation: { skipped: false, toolchain: 'python3' },
  });
  expect(generated.body.code).toContain('def total(n: int, rate: float) -> float:');
  expectRequestTrace(traced.otel.spans(), { method: 'POST', route: '/api/spec-sessions/:id/generate', userId: 'alice' }, [
    ...sessionLoad,
    {
      name: 'code.generate',
      attributes: {
        'code.language': 'python',
        'code.generator': 'PythonGenerator',
        'code.retries': 0,
        'code.success': true,
        'code.compilation_success': true,
      },
      children: [
        { name: 'llm.call', attributes: { 'llm.provider_route': 'best_available' } },
        { name: 'ast.repair' },
        { name: 'code.validate', attributes: { 'code.compilation_success': true } },
      ],
    },
    { name: 'INSERT execution_history', attributes: { 'db.collection.name': 'execution_history' } },
  ]);
});

it('keeps sessions per user and serves /api/sessions as an alias', async () => {
  const { body } = await traced.test
    .http('bob')
    .post('/api/sessions', { prompt: 'Write a function called shout that takes a string text and returns a string.' })
    .expect(201);
  await traced.test.http('alice').get(`/api/spec-sessions/${body.session_id}`).expect(404);
  await traced.test
    .http('bob')
    .get('/api/spec-sessions')
    .expect(200)
    .expect(({ body: list }) => expect(list).toEqual([body]));
  await traced.test.http('bob').delete(`/api/spec-sessions/${body.session_id}`).expect(204);
  await traced.test
    .http('bob')
    .get('/api/spec-sessions')
    .expect(200)
    .expect(({ body: list }) => expect(list).toEqual([]));
  expect(traced.otel.spansNamed('session.update').at(-1)?.attributes).toMatchObject({
    'session.status': 'abandoned',
    'session.id': body.session_id,
  });
});

it('reports providers and health', async () => {
  await traced.test
    .http()
    .get('/api/health')
    .expect(200, { status: 'ok', environment: 'development', database: testDatabaseSystem(), demo_mode: true });
  expect(traced.otel.spans()).toEqual([]);
  const { body } = await traced.test.http().get('/api/providers').expect(200);
  expect(body.providers.find((provider: { name: string }) => provider.name === 'fixture')).toEqual({
    name: 'fixture',
    model: 'fixture-deterministic',
    configured: true,
    routes: ['best_available', 'modal_inference'],
  });
});
