import { flattenReadableSpans, runQuery, type SpanEvent } from '@lift-sys/honeycomb';
import { setupTestObservability, type TestObservability } from '@lift-sys/observability/testing';
import { liftSysDefinitions } from '../src/honeycomb/definitions.js';
import { LIFT_SYS_OBSERVABILITY } from '../src/observability/observability-options.js';
import { startTestApp, type TestApp } from '../src/testing/test-app.js';

const definitions = liftSysDefinitions({});
const PROMPTS = [
  'Write a function called add that takes a and b and returns their sum.',
  'Write a function that reads a file and returns its lines.',
  'Create a function called scale that takes a float factor and a list of numbers, then save the result.',
];

let otel: TestObservability;
let test: TestApp;
let events: SpanEvent[];

beforeAll(async () => {
  otel = setupTestObservability(LIFT_SYS_OBSERVABILITY);
  test = await startTestApp();
  for (let round = 0; round < 4; round++) {
    for (const [index, user] of ['ada', 'brian', 'chen', 'dana', 'emil', 'fay', 'gus'].entries()) {
      const created = await test
        .http(user)
        .post('/api/spec-sessions', { prompt: PROMPTS[(round + index) % PROMPTS.length] })
        .expect(201);
      await test
        .http(user)
        .get(`/api/spec-sessions/${(created.body as { session_id: string }).session_id}`)
        .expect(200);
    }
  }
  events = flattenReadableSpans(otel.spans());
});

afterAll(async () => {
  await test.close();
  await otel.shutdown();
});

/** Nearest-rank percentile, computed here independently of the engine. */
function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(fraction * sorted.length) - 1];
}

describe('section 12.3 Test 3: the slowest requests per user', () => {
  it('returns the rows an independent computation over the same spans gives', () => {
    const saved = definitions.queries!.find((query) => query.name === 'Slowest Requests per User')!;
    expect(saved.query).toMatchObject({ breakdowns: ['user.id', 'trace.trace_id'], limit: 20 });
    const result = runQuery(saved.query, events, { now: Date.now() + 1000, derivedColumns: definitions.derivedColumns });

    const groups = new Map<string, { user: string; trace: string; durations: number[] }>();
    for (const event of events) {
      if (event['span.kind'] !== 'server' || event['user.id'] === undefined) continue;
      const key = `${event['user.id']}|${event['trace.trace_id']}`;
      const group = groups.get(key) ?? { user: String(event['user.id']), trace: String(event['trace.trace_id']), durations: [] };
      group.durations.push(Number(event.duration_ms));
      groups.set(key, group);
    }
    const expected = [...groups.values()]
      .map((group) => ({
        group: { 'user.id': group.user, 'trace.trace_id': group.trace },
        p95: percentile(group.durations, 0.95),
      }))
      .sort((a, b) => b.p95 - a.p95)
      .slice(0, 20);

    expect(groups.size).toBe(56);
    expect(result.rows.map((row) => ({ group: row.group, p95: row.values['P95(duration_ms)'] }))).toEqual(expected);
  });

  it('each of the seven users appears among the requests', () => {
    const saved = definitions.queries!.find((query) => query.name === 'User Success Rate')!;
    const users = runQuery(saved.query, events, { now: Date.now() + 1000, derivedColumns: definitions.derivedColumns }).rows.map(
      (row) => row.group['user.id'],
    );
    expect([...users].sort()).toEqual(['ada', 'brian', 'chen', 'dana', 'emil', 'fay', 'gus']);
  });
});
