import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp, MAX_BODY_BYTES } from '../src/bootstrap.js';
import { Database } from '../src/storage/database.js';
import { METADATA_LIMITS } from '../src/sessions/dto/bounded-metadata.js';
import { MAX_BODY_DEPTH } from '../src/http/untrusted-input.js';
import { useTracedTestApp } from '../src/testing/test-app.js';

const PROMPT = 'Write a function called twice that takes an integer n and returns an integer.';

/** `{"a":{"a":...}}` nested `depth` levels, built as text so the test itself never recurses. */
const nestedJson = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const traced = useTracedTestApp();

const sessionCount = async (): Promise<number> =>
  Number((await traced.test.app.get(Database).query<{ n: string }>('SELECT count(*) AS n FROM sessions')).rows[0].n);

const postRaw = (path: string, json: string) => traced.test.http().post(path).set('content-type', 'application/json').send(json);

describe('hostile input gets a 400 or 413 naming the field, never a 5xx, and writes nothing', () => {
  let before: number;
  beforeEach(async () => {
    before = await sessionCount();
  });
  afterEach(async () => {
    expect(await sessionCount()).toBe(before);
    await traced.test.http().get('/api/health').expect(200);
  });

  it('metadata nested 1,000 deep', async () => {
    const { body } = await postRaw('/api/spec-sessions', `{"prompt":"${PROMPT}","metadata":${nestedJson(1000)}}`).expect(400);
    expect(body).toMatchObject({ statusCode: 400, code: 'invalid_input', field: 'metadata' });
    expect(body.message).toBe(`metadata is nested deeper than ${MAX_BODY_DEPTH} levels`);
  });

  it.each([5_000, 10_000])('a body nested %i deep', async (depth) => {
    const { body } = await postRaw('/api/spec-sessions', nestedJson(depth)).expect(400);
    expect(body.message).toMatch(/nested deeper than/);
  });

  it('metadata one level deeper than its limit, with too many keys, or too large', async () => {
    const tooDeep = `{"prompt":"${PROMPT}","metadata":${nestedJson(METADATA_LIMITS.maxDepth + 1)}}`;
    expect((await postRaw('/api/spec-sessions', tooDeep).expect(400)).body.message).toEqual([
      `metadata may be nested at most ${METADATA_LIMITS.maxDepth} levels deep`,
    ]);
    const manyKeys = Object.fromEntries(Array.from({ length: METADATA_LIMITS.maxKeys + 1 }, (_, index) => [`k${index}`, index]));
    expect(
      (await traced.test.http().post('/api/spec-sessions', { prompt: PROMPT, metadata: manyKeys }).expect(400)).body.message,
    ).toEqual([`metadata may have at most ${METADATA_LIMITS.maxKeys} keys in all`]);
    const large = { text: 'x'.repeat(METADATA_LIMITS.maxBytes) };
    const { body } = await traced.test.http().post('/api/spec-sessions', { prompt: PROMPT, metadata: large }).expect(400);
    expect(body.message[0]).toMatch(/^metadata may be at most 16384 bytes as JSON/);
  });

  it.each([
    ['NUL in the prompt', { prompt: `${PROMPT}\u0000` }, 'prompt', 'U+0000'],
    ['an escape character in the prompt', { prompt: `\u001b[31m${PROMPT}` }, 'prompt', 'U+001B'],
    ['NUL in a metadata value', { prompt: PROMPT, metadata: { tags: ['ok', 'bad\u0000'] } }, 'metadata.tags[1]', 'U+0000'],
    ['NUL in a metadata key', { prompt: PROMPT, metadata: { 'k\u0000': 1 } }, 'metadata', 'U+0000'],
  ])('%s', async (_case, payload, field, character) => {
    const { body } = await traced.test.http().post('/api/spec-sessions', payload).expect(400);
    expect(body).toMatchObject({ code: 'invalid_input', field });
    expect(body.message).toContain(character);
    expect(JSON.stringify(body)).not.toContain('\\u0000');
  });

  it('a lone surrogate, sent as a JSON escape', async () => {
    const { body } = await postRaw('/api/spec-sessions', `{"prompt":"${PROMPT} \\ud800"}`).expect(400);
    expect(body).toMatchObject({ field: 'prompt', message: 'prompt contains an unpaired UTF-16 surrogate (not valid Unicode)' });
  });

  it('a body over the size limit', async () => {
    const { body } = await traced.test
      .http()
      .post('/api/spec-sessions', { prompt: 'x'.repeat(MAX_BODY_BYTES) })
      .expect(413)
      .expect('content-type', /json/);
    expect(body).toMatchObject({ statusCode: 413 });
  });

  it.each([
    ['not a UUID', '/api/spec-sessions/no-such-session', 'id must be a session id (a UUID)'],
    ['with NUL', '/api/spec-sessions/%00', 'id contains the control character U+0000'],
  ])('a session id %s', async (_case, path, message) => {
    const { body } = await traced.test.http().get(path).expect(400);
    expect(body).toMatchObject({ statusCode: 400, field: 'id', message });
  });

  it('a session id that is not valid UTF-8 once decoded', async () => {
    const { body } = await traced.test.http().get('/api/spec-sessions/%ED%A0%80').expect(400);
    expect(body).toMatchObject({ statusCode: 400, message: expect.stringMatching(/decode param/) });
  });

  it('a hole id that is not an identifier', async () => {
    const { body } = await traced.test
      .http()
      .post(`/api/spec-sessions/${randomUUID()}/holes/a%20b/resolve`, {
        resolution_text: 'int',
        resolution_type: 'refine_signature',
      })
      .expect(400);
    expect(body).toMatchObject({ field: 'holeId' });
  });

  it('an unknown but well-formed session id is a 404', async () => {
    const id = randomUUID();
    const { body } = await traced.test.http().get(`/api/spec-sessions/${id}`).expect(404);
    expect(body.message).toBe(`session '${id}' not found`);
  });
});

describe('the same limits on the fastify adapter', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createApp({ adapter: 'fastify', env: { PATH: '' } });
  });
  afterAll(() => app.close());

  it('answers 400 for deep metadata and NUL, 413 for a large body', async () => {
    const server = app.getHttpServer();
    const deep = await request(server)
      .post('/api/spec-sessions')
      .set('content-type', 'application/json')
      .send(`{"prompt":"${PROMPT}","metadata":${nestedJson(1000)}}`)
      .expect(400);
    expect(deep.body).toMatchObject({ field: 'metadata' });
    await request(server).post('/api/spec-sessions').send({ prompt: 'a\u0000' }).expect(400);
    await request(server)
      .post('/api/spec-sessions')
      .send({ prompt: 'x'.repeat(MAX_BODY_BYTES) })
      .expect(413);
    await request(server).get('/api/spec-sessions/%00').expect(400);
  });
});
