import { evaluateBurnAlert, evaluateSlo, evaluateTrigger, flattenReadableSpans, type SpanEvent } from '@lift-sys/honeycomb';
import { setupTestObservability, type TestObservability } from '@lift-sys/observability/testing';
import { derivedColumns } from '../src/honeycomb/derived-columns.js';
import { liftSysDefinitions } from '../src/honeycomb/definitions.js';
import { LIFT_SYS_OBSERVABILITY } from '../src/observability/observability-options.js';
import { Database } from '../src/storage/database.js';
import { startTestApp, type TestApp } from '../src/testing/test-app.js';

const MINUTE = 60_000;
const definitions = liftSysDefinitions({});
const trigger = (name: string) => definitions.triggers!.find((candidate) => candidate.name === name)!;
const PROMPT = 'Write a function called add that takes a and b and returns their sum.';

let otel: TestObservability;
let test: TestApp;

/** Each phase's spans, flattened the way Honeycomb stores them. */
const phases: Record<'healthy' | 'failing' | 'recovered', SpanEvent[]> = { healthy: [], failing: [], recovered: [] };

async function drive(requests: number, expectedStatus: number): Promise<SpanEvent[]> {
  otel.reset();
  for (let index = 0; index < requests; index++) {
    await test
      .http(`user-${index % 3}`)
      .post('/api/spec-sessions', { prompt: PROMPT })
      .expect(expectedStatus);
  }
  return flattenReadableSpans(otel.spans());
}

/** Moves a phase's events into a window ending at `end`, keeping their order and spacing. */
function placeBefore(events: readonly SpanEvent[], end: number, extra: Partial<Record<string, number>> = {}): SpanEvent[] {
  const last = Math.max(...events.map((event) => Number(event.timestamp)));
  return events.map((event) => {
    const moved: SpanEvent = { ...event, timestamp: end - 1000 - (last - Number(event.timestamp)) };
    for (const [column, added] of Object.entries(extra)) {
      if (event['span.kind'] === 'server' && typeof event[column] === 'number')
        moved[column] = (event[column] as number) + (added ?? 0);
    }
    return moved;
  });
}

beforeAll(async () => {
  otel = setupTestObservability(LIFT_SYS_OBSERVABILITY);
  test = await startTestApp();
  const database = test.app.get(Database);
  phases.healthy = await drive(8, 201);
  await database.query('ALTER TABLE execution_history RENAME TO execution_history_offline');
  phases.failing = await drive(4, 500);
  await database.query('ALTER TABLE execution_history_offline RENAME TO execution_history');
  phases.recovered = await drive(8, 201);
});

afterAll(async () => {
  await test.close();
  await otel.shutdown();
});

describe('section 12.3 Test 4: alerts fire on real spans from the app', () => {
  const now = Date.now();
  const incidentEnd = now - 5 * MINUTE;

  it('the failing requests are ERROR server spans', () => {
    const failedRequests = phases.failing.filter((event) => event['span.kind'] === 'server' && event.error === true);
    expect(failedRequests).toHaveLength(4);
  });

  it('High Error Rate fires while more than 10% of requests fail, and stops when the rate drops', () => {
    const events = [...placeBefore([...phases.healthy, ...phases.failing], incidentEnd), ...placeBefore(phases.recovered, now)];
    const during = evaluateTrigger(trigger('High Error Rate'), events, incidentEnd, derivedColumns);
    expect(during.fired).toBe(true);
    expect(during.value).toBeCloseTo(4 / 12, 5);
    const after = evaluateTrigger(trigger('High Error Rate'), events, now, derivedColumns);
    expect(after).toEqual({ fired: false, value: 0 });
  });

  it('Slow Requests fires with latency injected into a window, and stops after it', () => {
    const events = [...placeBefore(phases.healthy, incidentEnd, { duration_ms: 20_000 }), ...placeBefore(phases.recovered, now)];
    const during = evaluateTrigger(trigger('Slow Requests'), events, incidentEnd, derivedColumns);
    expect(during.fired).toBe(true);
    expect(during.value).toBeGreaterThan(20_000);
    expect(evaluateTrigger(trigger('Slow Requests'), events, now + 10 * MINUTE - 1000, derivedColumns).fired).toBe(false);
  });

  it('the Request Success Rate SLO burns its budget, and its burn alert fires', () => {
    const events = placeBefore([...phases.healthy, ...phases.failing, ...phases.recovered], now);
    const slo = definitions.slos!.find((candidate) => candidate.name === 'Request Success Rate')!;
    const evaluation = evaluateSlo(slo, derivedColumns, events, now);
    expect(evaluation).toMatchObject({ eligible: 20, good: 16, bad: 4, compliance: 0.8 });
    expect(evaluation.budgetRemaining).toBeLessThan(0);
    const budgetRate = definitions.burnAlerts!.find(
      (alert) => alert.slo.name === slo.name && alert.alert_type === 'budget_rate',
    )!;
    expect(evaluateBurnAlert(budgetRate, slo, derivedColumns, events, now).fired).toBe(true);
  });

  it('a healthy service fires nothing', () => {
    const events = placeBefore(phases.recovered, now);
    for (const candidate of definitions.triggers!) {
      expect({ trigger: candidate.name, fired: evaluateTrigger(candidate, events, now, derivedColumns).fired }).toEqual({
        trigger: candidate.name,
        fired: false,
      });
    }
  });
});
