import { setupTestObservability, type TestObservability } from '@lift-sys/observability/testing';
import { setSpanAttributes, Traced } from '@lift-sys/observability';
import { ATTRIBUTE_LIST_IS_COMPLETE, LIFT_SYS_ATTRIBUTE_KEYS } from './conventions.js';
import { LIFT_SYS_OBSERVABILITY, LIFT_SYS_REDACTED_KEYS } from './observability-options.js';

let otel: TestObservability;
beforeAll(() => {
  otel = setupTestObservability(LIFT_SYS_OBSERVABILITY);
});
afterAll(() => otel.shutdown());

class Recorder {
  @Traced('test.record')
  record(): void {
    setSpanAttributes({ 'llm.time_to_first_token_ms': 42, 'gen_ai.usage.input_tokens': 7 });
  }
}

it('records time to first token and token counts, which the default `token` pattern would redact', () => {
  new Recorder().record();
  expect(otel.spansNamed('test.record')[0].attributes).toMatchObject({
    'llm.time_to_first_token_ms': 42,
    'gen_ai.usage.input_tokens': 7,
  });
});

it('still redacts the usual secret-bearing keys', () => {
  expect(LIFT_SYS_REDACTED_KEYS).toEqual(
    expect.arrayContaining(['password', 'secret', 'api_key', 'authorization', 'access_token', 'auth_token']),
  );
});

it('lists every declared attribute key once', () => {
  expect(ATTRIBUTE_LIST_IS_COMPLETE).toBe(true);
  expect(new Set(LIFT_SYS_ATTRIBUTE_KEYS).size).toBe(LIFT_SYS_ATTRIBUTE_KEYS.length);
  expect(LIFT_SYS_ATTRIBUTE_KEYS.every((key) => /^[a-z_]+(\.[a-z_]+)+$/.test(key))).toBe(true);
});
