import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { setupTestObservability, type TestObservability } from '../testing/index.js';
import { SpanAttr } from './span-attr.js';
import { Traced } from './traced.js';

let otel: TestObservability;
beforeAll(() => {
  otel = setupTestObservability();
});
afterEach(() => otel.reset());
afterAll(() => otel.shutdown());

class Calculator {
  factor = 3;

  @Traced()
  multiply(value: number): number {
    return value * this.factor;
  }

  @Traced('calc.nested')
  outer(): string {
    return this.inner();
  }

  @Traced('calc.inner')
  inner(): string {
    return trace.getActiveSpan()?.spanContext().spanId ?? 'none';
  }

  @Traced('calc.fail')
  fail(thrown: unknown): never {
    throw thrown;
  }

  @Traced('calc.options', {
    kind: SpanKind.CLIENT,
    attributes: { 'user.id': 'static-user' },
    args: (id: string) => ({ 'request.id': id }),
    result: (value: string) => ({ 'url.path': `/done/${value}` }),
  })
  withOptions(id: string): string {
    return id.toUpperCase();
  }

  @Traced('calc.bad-result-callback', {
    result: () => {
      throw new Error('callback broke');
    },
  })
  badResultCallback(): number {
    return 42;
  }

  @Traced('calc.expected', { isExpectedError: (error) => error instanceof RangeError })
  expected(error: Error): void {
    throw error;
  }

  @Traced('calc.root', { root: true })
  detached(): string {
    return trace.getActiveSpan()?.spanContext().traceId ?? '';
  }

  @Traced('calc.sum')
  sum(@SpanAttr('user.id') user: string, left: number, right: number): number {
    void user;
    return left + right;
  }
}

describe('@Traced on a method', () => {
  const calculator = new Calculator();

  it('names the span ClassName.method by default and keeps this and arguments', () => {
    expect(calculator.multiply(2)).toBe(6);
    expect(otel.spans().map((span) => span.name)).toEqual(['Calculator.multiply']);
    expect(otel.spans()[0].kind).toBe(SpanKind.INTERNAL);
  });

  it('makes the span active so nested traced calls become children', () => {
    const activeInside = calculator.outer();
    const [inner, outer] = otel.spans();
    expect(inner.name).toBe('calc.inner');
    expect(inner.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
    expect(activeInside).toBe(inner.spanContext().spanId);
  });

  it('preserves the function name and length', () => {
    expect(Calculator.prototype.multiply.name).toBe('multiply');
    expect(Calculator.prototype.sum.length).toBe(3);
  });

  it('records an Error: exception event, ERROR status, error=true, same object rethrown', () => {
    const error = new TypeError('bad input');
    let caught: unknown;
    try {
      calculator.fail(error);
    } catch (thrown) {
      caught = thrown;
    }
    expect(caught).toBe(error);
    const [span] = otel.spans();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'bad input' });
    expect(span.attributes.error).toBe(true);
    expect(span.events).toHaveLength(1);
    expect(span.events[0].name).toBe('exception');
    expect(span.events[0].attributes).toMatchObject({ 'exception.type': 'TypeError', 'exception.message': 'bad input' });
    expect(String(span.events[0].attributes?.['exception.stacktrace'])).toContain('traced.spec.ts');
  });

  it.each([
    ['a string', 'plain failure', 'string', 'plain failure'],
    ['null', null, 'null', 'null'],
    ['undefined', undefined, 'undefined', 'undefined'],
    ['a plain object', { code: 7 }, 'object', '{"code":7}'],
  ])('handles a non-Error throw of %s', (_label, thrown, type, message) => {
    expect(() => calculator.fail(thrown)).toThrow();
    const [span] = otel.spans();
    expect(span.events[0].attributes).toMatchObject({ 'exception.type': type, 'exception.message': message });
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes.error).toBe(true);
  });

  it('records expected errors as an event without marking the span ERROR', () => {
    expect(() => calculator.expected(new RangeError('out of range'))).toThrow(RangeError);
    expect(() => calculator.expected(new Error('unexpected'))).toThrow('unexpected');
    const [expectedSpan, unexpectedSpan] = otel.spans();
    expect(expectedSpan.status.code).toBe(SpanStatusCode.UNSET);
    expect(expectedSpan.attributes.error).toBeUndefined();
    expect(expectedSpan.events[0].name).toBe('exception');
    expect(unexpectedSpan.status.code).toBe(SpanStatusCode.ERROR);
  });

  it('applies kind, static, argument and result attributes', () => {
    expect(calculator.withOptions('abc')).toBe('ABC');
    const [span] = otel.spans();
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.attributes).toEqual({
      'code.function.name': 'Calculator.withOptions',
      'user.id': 'static-user',
      'request.id': 'abc',
      'url.path': '/done/ABC',
    });
  });

  it('marks the span ERROR when a result callback throws but returns the result unchanged', () => {
    expect(calculator.badResultCallback()).toBe(42);
    const [span] = otel.spans();
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes['observability.callback_error']).toBe('callback broke');
  });

  it('starts a new trace linked to the caller with root: true', () => {
    const tracer = trace.getTracer('test');
    const parentTraceId = tracer.startActiveSpan('caller', (caller) => {
      const traceId = calculator.detached();
      caller.end();
      expect(traceId).not.toBe(caller.spanContext().traceId);
      return caller.spanContext().traceId;
    });
    const root = otel.spansNamed('calc.root')[0];
    expect(root.parentSpanContext).toBeUndefined();
    expect(root.links.map((link) => link.context.traceId)).toEqual([parentTraceId]);
  });

  it('records @SpanAttr arguments', () => {
    expect(calculator.sum('u-1', 2, 3)).toBe(5);
    expect(otel.spans()[0].attributes).toEqual({ 'code.function.name': 'Calculator.sum', 'user.id': 'u-1' });
  });

  it('wraps a method only once when @Traced is applied twice', () => {
    class Twice {
      @Traced('outer.name')
      @Traced('inner.name')
      run(): number {
        return 1;
      }
    }
    new Twice().run();
    expect(otel.spans().map((span) => span.name)).toEqual(['inner.name']);
  });

  it('names static methods after the class', () => {
    class Util {
      @Traced()
      static helper(): string {
        return 'ok';
      }
    }
    Util.helper();
    expect(otel.spans()[0].name).toBe('Util.helper');
  });

  it('names symbol-keyed methods ClassName.Symbol(description)', () => {
    const key = Symbol('secretHandshake');
    class WithSymbol {
      @Traced()
      [key](): number {
        return 1;
      }
    }
    new WithSymbol()[key]();
    expect(otel.spans()[0].name).toBe('WithSymbol.Symbol(secretHandshake)');
  });
});
