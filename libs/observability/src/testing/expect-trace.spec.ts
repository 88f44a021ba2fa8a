import { trace } from '@opentelemetry/api';
import { expectTrace } from './expect-trace.js';
import { setupTestObservability, type TestObservability } from './test-observability.js';

let otel: TestObservability;
beforeAll(() => {
  otel = setupTestObservability();
  const tracer = trace.getTracer('kit');
  tracer.startActiveSpan('POST /api/sessions', (root) => {
    tracer.startActiveSpan('session.create', { attributes: { 'session.id': 's-1', 'session.holes_count': 3 } }, (session) => {
      tracer.startSpan('db.insert').end();
      tracer.startActiveSpan('ir.generate', (ir) => {
        tracer.startSpan('llm.call', { attributes: { 'llm.provider': 'fixture' } }).end();
        ir.end();
      });
      session.end();
    });
    root.end();
  });
});
afterAll(() => otel.shutdown());

describe('expectTrace', () => {
  it('accepts a matching tree with children in any order', () => {
    expect(() =>
      expectTrace(otel.spans(), {
        name: 'POST /api/sessions',
        children: [
          {
            name: 'session.create',
            attributes: { 'session.id': 's-1', 'session.holes_count': (value) => typeof value === 'number' && value > 0 },
            children: [{ name: 'ir.generate', children: [{ name: 'llm.call' }] }, { name: 'db.insert' }],
          },
        ],
      }),
    ).not.toThrow();
  });

  it('explains a wrong attribute, a missing span and an unexpected one, and shows the actual tree', () => {
    let message = '';
    try {
      expectTrace(otel.spans(), {
        name: 'POST /api/sessions',
        children: [
          {
            name: 'session.create',
            attributes: { 'session.id': 's-2' },
            children: [{ name: 'ir.generate', children: [{ name: 'llm.call' }, { name: 'ir.validate' }] }],
          },
        ],
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('POST /api/sessions > session.create: attribute session.id is "s-1", expected "s-2"');
    expect(message).toContain('POST /api/sessions > session.create > ir.generate > ir.validate: missing');
    expect(message).toContain('POST /api/sessions > session.create: unexpected child db.insert');
    expect(message).toContain('Actual spans:\nPOST /api/sessions\n└─ session.create session.id=s-1 session.holes_count=3');
  });

  it('reports a missing root', () => {
    expect(() => expectTrace(otel.spans(), { name: 'GET /nothing' })).toThrow('no root span named "GET /nothing"');
  });

  it('checks status and absent attributes', () => {
    expect(() => expectTrace(otel.spans(), { name: 'POST /api/sessions', status: 'error', absentAttributes: [] })).toThrow(
      'status is unset, expected error',
    );
  });
});
