import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../src/bootstrap.js';
import { expectRequestTrace } from '../src/testing/request-trace.js';
import { useTracedTestApp } from '../src/testing/test-app.js';

const traced = useTracedTestApp();

it('analyzes robustness over paraphrases (TokDrift)', async () => {
  const prompt = 'Write a function called add that takes an integer a and an integer b and returns an integer, where a >= 0.';
  const { body } = await traced.test.http().post('/api/robustness/analyze', { prompt, variant_count: 4 }).expect(200);
  expect(body).toMatchObject({ test_type: 'ir_paraphrase', variant_count: 4 });
  expect(body.sensitivity).toBe(Number((body.non_equivalent_count / 4).toFixed(3)));
  expect(body.non_equivalent_count).toBeGreaterThan(0);
  expectRequestTrace(traced.otel.spans(), { method: 'POST', route: '/api/robustness/analyze', userId: 'alice' }, [
    {
      name: 'robustness.analyze',
      attributes: {
        'robustness.test_type': 'ir_paraphrase',
        'robustness.variant_count': 4,
        'robustness.sensitivity': body.sensitivity,
        'session.prompt_length': prompt.length,
      },
      children: [
        { name: 'llm.call', attributes: { 'llm.purpose': 'paraphrase' } },
        ...Array.from({ length: 5 }, () => ({ name: 'ir.generate' })),
      ],
    },
  ]);
});

it.each(['miprov2', 'copro'])('runs a %s optimization and reports the improvement', async (optimizer) => {
  const { body } = await traced.test.http().post('/api/optimization/runs', { optimizer, max_trials: 3 }).expect(201);
  expect(body).toMatchObject({ optimizer, signature: 'IRGenerationSignature', metric: 'ir_quality', examples_count: 6 });
  expect(body.best_score).toBeGreaterThan(body.baseline_score);
  expect(body.improvement).toBeCloseTo((body.best_score - body.baseline_score) / body.baseline_score, 3);
  const run = traced.otel.spansNamed('dspy.optimize')[0];
  expect(run.attributes).toMatchObject({
    'dspy.optimizer': optimizer,
    'dspy.examples_count': 6,
    'dspy.metric': 'ir_quality',
    'dspy.improvement': body.improvement,
  });
  expect(traced.otel.spansNamed('dspy.trial')).toHaveLength(body.trials.length);
});

it('refuses API calls with 401 outside demo mode, except the health check', async () => {
  const app = await createApp({ env: { ENVIRONMENT: 'production', PATH: '' } });
  try {
    const { body } = await request(app.getHttpServer()).get('/api/spec-sessions').set('x-demo-user', 'alice').expect(401);
    expect(body.message).toMatch(/demo mode is off/);
    await request(app.getHttpServer()).get('/api/health').expect(200);
  } finally {
    await app.close();
  }
});

it('serves the same API on the fastify adapter', async () => {
  const app = await createApp({ adapter: 'fastify', env: { PATH: '' } });
  try {
    const server = app.getHttpServer();
    await request(server).post('/api/spec-sessions').set('content-type', 'application/json').send('{oops').expect(400);
    const { body } = await request(server)
      .post('/api/spec-sessions')
      .send({ prompt: 'Write a function called id that takes an integer n and returns an integer.' })
      .expect(201);
    await request(server).get(`/api/sessions/${body.session_id}`).expect(200);
    await request(server).get(`/api/spec-sessions/${randomUUID()}`).expect(404);
  } finally {
    await app.close();
  }
});
