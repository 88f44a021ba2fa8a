import { flattenOtlpRequest, nanosToMs } from './otlp-json.js';
import type { OtlpTraceRequest } from './otlp-json-types.js';

const request: OtlpTraceRequest = {
  resourceSpans: [
    {
      resource: {
        attributes: [
          { key: 'service.name', value: { stringValue: 'lift-sys' } },
          { key: 'deployment.environment', value: { stringValue: 'test' } },
        ],
      },
      scopeSpans: [
        {
          scope: { name: 'lift-sys.codegen', version: '1.2.0' },
          spans: [
            {
              traceId: '5b8efff798038103d269b633813fc60c',
              spanId: 'eee19b7ec3c1b174',
              parentSpanId: 'eee19b7ec3c1b173',
              name: 'code.validate',
              kind: 1,
              startTimeUnixNano: '1700000000000000000',
              endTimeUnixNano: '1700000000250500000',
              attributes: [
                { key: 'code.retries', value: { intValue: '2' } },
                { key: 'llm.cost_usd', value: { doubleValue: 0.05 } },
                { key: 'code.success', value: { boolValue: false } },
                { key: 'code.languages', value: { arrayValue: { values: [{ stringValue: 'ts' }, { stringValue: 'py' }] } } },
              ],
              status: { code: 2, message: 'ValidationError: bad output' },
              events: [
                {
                  timeUnixNano: '1700000000200000000',
                  name: 'exception',
                  attributes: [
                    { key: 'exception.type', value: { stringValue: 'ValidationError' } },
                    { key: 'exception.message', value: { stringValue: 'bad output' } },
                  ],
                },
              ],
              links: [{ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' }],
            },
            {
              traceId: '5b8efff798038103d269b633813fc60c',
              spanId: 'eee19b7ec3c1b173',
              parentSpanId: '',
              name: 'POST /api/sessions',
              kind: 'SPAN_KIND_SERVER',
              startTimeUnixNano: 1_700_000_000_000_000_000,
              endTimeUnixNano: '1700000001000000000',
            },
          ],
        },
      ],
    },
  ],
};

describe('flattenOtlpRequest', () => {
  const [span, exception, root] = flattenOtlpRequest(request);

  it('flattens a span the way Honeycomb does', () => {
    expect(span).toEqual({
      'service.name': 'lift-sys',
      'deployment.environment': 'test',
      'code.retries': 2,
      'llm.cost_usd': 0.05,
      'code.success': false,
      'code.languages': '["ts","py"]',
      name: 'code.validate',
      timestamp: 1_700_000_000_000,
      duration_ms: 250.5,
      'trace.trace_id': '5b8efff798038103d269b633813fc60c',
      'trace.span_id': 'eee19b7ec3c1b174',
      'trace.parent_id': 'eee19b7ec3c1b173',
      'span.kind': 'internal',
      'span.num_events': 1,
      'span.num_links': 1,
      status_code: 2,
      status_message: 'ValidationError: bad output',
      error: true,
      'library.name': 'lift-sys.codegen',
      'library.version': '1.2.0',
      'meta.signal_type': 'trace',
    });
  });

  it('turns span events into their own events, parented to the span and without its error', () => {
    expect(exception).toEqual({
      'service.name': 'lift-sys',
      'deployment.environment': 'test',
      'exception.type': 'ValidationError',
      'exception.message': 'bad output',
      name: 'exception',
      timestamp: 1_700_000_000_200,
      'trace.trace_id': '5b8efff798038103d269b633813fc60c',
      'trace.parent_id': 'eee19b7ec3c1b174',
      parent_name: 'code.validate',
      'meta.annotation_type': 'span_event',
      'meta.signal_type': 'trace',
    });
  });

  it('leaves trace.parent_id and error off root spans without an error status', () => {
    expect(root).not.toHaveProperty('trace.parent_id');
    expect(root).not.toHaveProperty('error');
    expect(root).toMatchObject({ 'span.kind': 'server', duration_ms: 1000, status_code: 0 });
  });

  it('converts nanoseconds without losing sub-millisecond precision', () => {
    expect(nanosToMs('1700000000123456789')).toBeCloseTo(1_700_000_000_123.457, 2);
  });
});
