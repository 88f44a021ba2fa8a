import { setupTestObservability, type TestObservability } from '../testing/index.js';
import { SpanAttr } from './span-attr.js';
import { Traced } from './traced.js';

let otel: TestObservability;
beforeAll(() => {
  otel = setupTestObservability({ attributes: { maxStringLength: 8 } });
});
afterEach(() => otel.reset());
afterAll(() => otel.shutdown());

interface Request {
  user?: { id?: string };
}

class Handler {
  @Traced('handler.value')
  value(@SpanAttr('request.id') value: unknown): void {
    void value;
  }

  @Traced('handler.mapped')
  mapped(
    @SpanAttr('user.id', 'user.id') request: Request,
    @SpanAttr('http.status_code', (codes: number[]) => codes.length) codes: number[],
  ): void {
    void request;
    void codes;
  }
}

const handler = new Handler();
const lastAttributes = (): Record<string, unknown> => otel.spans().at(-1)?.attributes ?? {};

describe('@SpanAttr', () => {
  it.each([
    [0, 0],
    ['', ''],
    [false, false],
    [
      ['a', 'b'],
      ['a', 'b'],
    ],
    [{ nested: 1 }, '{"neste…'],
    ['a long string value', 'a long …'],
  ])('records %p as %p', (argument, recorded) => {
    handler.value(argument);
    expect(lastAttributes()['request.id']).toEqual(recorded);
  });

  it.each([[undefined], [null]])('does not record %p', (argument) => {
    handler.value(argument);
    expect(lastAttributes()).not.toHaveProperty('request.id');
  });

  it('maps through a property path or a function', () => {
    handler.mapped({ user: { id: 'u-1' } }, [200, 201]);
    expect(lastAttributes()).toEqual({ 'code.function.name': 'Handler…', 'user.id': 'u-1', 'http.status_code': 2 });
  });

  it('skips a property path that runs into undefined', () => {
    handler.mapped({}, []);
    expect(lastAttributes()).toEqual({ 'code.function.name': 'Handler…', 'http.status_code': 0 });
  });

  it('rejects an empty property path at decoration time', () => {
    expect(() => SpanAttr('user.id', '...')).toThrow("property path '...' is empty");
  });
});
