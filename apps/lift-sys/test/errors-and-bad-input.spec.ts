import { randomUUID } from 'node:crypto';
import { SpanStatusCode } from '@opentelemetry/api';
import { Database } from '../src/storage/database.js';
import { useTracedTestApp } from '../src/testing/test-app.js';

const COMPLETE_PROMPT = 'Write a function called greet that takes a string name and returns a string greeting for that person.';

const traced = useTracedTestApp();

async function finalizedSession(metadata: Record<string, unknown> = {}): Promise<string> {
  const { body } = await traced.test.http().post('/api/spec-sessions', { prompt: COMPLETE_PROMPT, metadata }).expect(201);
  await traced.test.http().post(`/api/spec-sessions/${body.session_id}/finalize`).expect(200);
  traced.otel.reset();
  return body.session_id as string;
}

const tableCounts = async () => {
  const database = traced.test.app.get(Database);
  const counts: Record<string, number> = {};
  for (const table of ['sessions', 'session_drafts', 'session_revisions', 'hole_resolutions', 'execution_history']) {
    counts[table] = Number((await database.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  }
  return counts;
};

describe('plan test 2: a validation error during code generation', () => {
  it('records the failed code.validate (error, exception event) and still answers 200 after the retry', async () => {
    const id = await finalizedSession({ fixture_fault: 'invalid_once' });
    const { body } = await traced.test
      .http()
      .post(`/api/spec-sessions/${id}/generate`, { target_language: 'typescript' })
      .expect(200);
    expect(body).toMatchObject({ language: 'typescript', retries: 1, validation: { skipped: false } });
    const [failed, passed] = traced.otel.spansNamed('code.validate');
    expect(failed.attributes).toMatchObject({ error: true, 'code.language': 'typescript', 'code.compilation_success': false });
    expect(failed.status).toMatchObject({ code: SpanStatusCode.ERROR });
    const exception = failed.events.find((event) => event.name === 'exception');
    expect(exception?.attributes).toMatchObject({
      'exception.type': 'CodeValidationError',
      'exception.message': expect.stringContaining('typescript code failed validation'),
    });
    expect(exception?.attributes?.['exception.stacktrace']).toEqual(expect.stringContaining('CodeValidationError'));
    expect(passed.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('answers 422 with the diagnostics when validation always fails, and records the failed run', async () => {
    const id = await finalizedSession({ fixture_fault: 'invalid_always' });
    const { body } = await traced.test
      .http()
      .post(`/api/spec-sessions/${id}/generate`, { target_language: 'typescript' })
      .expect(422);
    expect(body).toMatchObject({
      statusCode: 422,
      code: 'code_validation_failed',
      language: 'typescript',
      retries: 2,
      diagnostics: expect.stringContaining('TS'),
    });
    expect(traced.otel.spansNamed('code.validate').every((span) => span.attributes.error === true)).toBe(true);
    expect(traced.otel.spansNamed('code.generate')[0].status.code).toBe(SpanStatusCode.ERROR);
    const rows = await traced.test.app
      .get(Database)
      .query<{ status: string }>('SELECT status FROM execution_history WHERE session_id = $1 AND pipeline = $2', [
        id,
        'code.generate',
      ]);
    expect(rows.rows).toEqual([{ status: 'failure' }]);
  });
});

describe('bad input answers 4xx with a JSON body naming the problem and writes nothing', () => {
  let before: Record<string, number>;
  beforeEach(async () => {
    before = await tableCounts();
  });
  afterEach(async () => {
    expect(await tableCounts()).toEqual(before);
  });

  const post = (path: string, body: unknown) => traced.test.http().post(path, body);

  it('malformed JSON', async () => {
    const { body } = await traced.test
      .http()
      .post('/api/spec-sessions')
      .set('content-type', 'application/json')
      .send('{"prompt": ')
      .expect(400);
    expect(body.statusCode).toBe(400);
    expect(String(body.message)).toMatch(/JSON/);
  });

  it.each([
    ['a missing prompt', {}, /prompt should not be empty|prompt must be a string/],
    ['a prompt of the wrong type', { prompt: 42 }, /prompt must be a string/],
    ['an unknown field', { prompt: 'Add numbers', admin: true }, /property admin should not exist/],
    ['metadata that is not an object', { prompt: 'Add numbers', metadata: 'x' }, /metadata must be an object/],
    [
      'a prompt over 10,000 characters',
      { prompt: 'x'.repeat(10_001) },
      /prompt must be shorter than or equal to 10000 characters/,
    ],
  ])('%s', async (_case, payload, message) => {
    const { body } = await post('/api/spec-sessions', payload).expect(400);
    expect(JSON.stringify(body.message)).toMatch(message);
  });

  it('an unknown session or hole', async () => {
    const unknownId = randomUUID();
    const { body } = await traced.test.http().get(`/api/spec-sessions/${unknownId}`).expect(404);
    expect(body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'not_found',
      message: `session '${unknownId}' not found`,
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const id = await finalizedSession();
    before = await tableCounts();
    await post(`/api/spec-sessions/${id}/holes/nope/resolve`, {
      resolution_text: 'int',
      resolution_type: 'refine_signature',
    }).expect(400);
  });

  it('a resolution for a hole that does not exist, a bad resolution type, and an answer that does not fill the hole', async () => {
    const { body: session } = await post('/api/spec-sessions', {
      prompt: 'Write a function called twice that takes n and returns an integer.',
    }).expect(201);
    before = await tableCounts();
    const resolve = (hole: string, payload: unknown) =>
      post(`/api/spec-sessions/${session.session_id}/holes/${hole}/resolve`, payload);
    await resolve('ghost', { resolution_text: 'int', resolution_type: 'refine_signature' })
      .expect(404)
      .expect(({ body }) => expect(body.message).toBe("hole 'ghost' not found"));
    await resolve('n_type', { resolution_text: 'int', resolution_type: 'guess' })
      .expect(400)
      .expect(({ body }) => expect(JSON.stringify(body.message)).toMatch(/resolution_type must be one of/));
    await resolve('n_type', { resolution_text: 'a wibble', resolution_type: 'refine_signature' })
      .expect(400)
      .expect(({ body }) => expect(body.message).toMatch(/not a known type/));
  });

  it('finalize while holes remain, and generate before finalize', async () => {
    const { body: session } = await post('/api/spec-sessions', {
      prompt: 'Write a function called twice that takes n and returns an integer.',
    }).expect(201);
    before = await tableCounts();
    const { body } = await post(`/api/spec-sessions/${session.session_id}/finalize`, undefined).expect(400);
    expect(body).toMatchObject({
      code: 'invalid_state',
      message: 'cannot finalize: the IR is incomplete',
      unresolved_holes: ['n_type'],
    });
    await post(`/api/spec-sessions/${session.session_id}/generate`, { target_language: 'rust' })
      .expect(400)
      .expect(({ body: error }) => expect(error.message).toMatch(/finalize it before generating/));
  });

  it('finalize with contradicting assertions', async () => {
    const { body: session } = await post('/api/spec-sessions', {
      prompt: 'Write a function called scale that takes an integer n and returns an integer, where n > 10 and n < 5.',
    }).expect(201);
    before = await tableCounts();
    const { body } = await post(`/api/spec-sessions/${session.session_id}/finalize`, undefined).expect(400);
    expect(body).toMatchObject({
      message: 'cannot finalize: the IR is contradictory',
      contradictions: ["'n > 10' contradicts 'n < 5'"],
    });
  });

  it('an unknown target language', async () => {
    const id = await finalizedSession();
    before = await tableCounts();
    const { body } = await post(`/api/spec-sessions/${id}/generate`, { target_language: 'cobol' }).expect(400);
    expect(JSON.stringify(body.message)).toMatch(/target_language must be one of: typescript, rust, go, java, python, zig, cpp/);
  });

  it('bad robustness and optimization requests', async () => {
    await post('/api/robustness/analyze', { prompt: 'Add', variant_count: 0 }).expect(400);
    await post('/api/optimization/runs', { optimizer: 'sgd' }).expect(400);
    await post('/api/optimization/runs', { optimizer: 'copro', examples: [] }).expect(400);
  });
});
