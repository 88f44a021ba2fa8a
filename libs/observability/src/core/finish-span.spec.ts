import { trace } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE, ERROR_TYPE_VALUE_OTHER } from '@opentelemetry/semantic-conventions';
import { setupTestObservability, type TestObservability } from '../testing/index.js';
import { markError, recordFailure } from './finish-span.js';

let otel: TestObservability;
beforeAll(() => {
  otel = setupTestObservability();
});
afterEach(() => otel.reset());
afterAll(() => otel.shutdown());

function spanAfter(record: (span: ReturnType<ReturnType<typeof trace.getTracer>['startSpan']>) => void) {
  const span = trace.getTracer('finish-span.spec').startSpan('probe');
  record(span);
  span.end();
  return otel.spansNamed('probe').at(-1)!;
}

class QuotaExceeded extends Error {
  override name = 'QuotaExceeded';
}

it('gives a failed internal span the exception type as error.type', () => {
  expect(spanAfter((span) => recordFailure(span, new QuotaExceeded('over'))).attributes[ATTR_ERROR_TYPE]).toBe('QuotaExceeded');
  expect(spanAfter((span) => recordFailure(span, 'plain string')).attributes[ATTR_ERROR_TYPE]).toBe('string');
});

it('uses _OTHER when a span is marked failed without a type', () => {
  expect(spanAfter((span) => markError(span, 'gave up')).attributes[ATTR_ERROR_TYPE]).toBe(ERROR_TYPE_VALUE_OTHER);
});

it('leaves error.type off an expected error', () => {
  const span = spanAfter((span) => recordFailure(span, new QuotaExceeded('over'), () => true));
  expect(span.attributes[ATTR_ERROR_TYPE]).toBeUndefined();
  expect(span.events.map((event) => event.name)).toEqual(['exception']);
});
