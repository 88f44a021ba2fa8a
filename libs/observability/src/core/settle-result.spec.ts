import { SpanStatusCode, trace } from '@opentelemetry/api';
import { Readable } from 'node:stream';
import { Observable, Subject, firstValueFrom, of, throwError, toArray } from 'rxjs';
import { Traced } from '../decorators/traced.js';
import { setupTestObservability, type TestObservability } from '../testing/index.js';

let otel: TestObservability;
beforeAll(() => {
  otel = setupTestObservability();
});
afterEach(() => otel.reset());
afterAll(() => otel.shutdown());

const activeSpanName = (): string | undefined => (trace.getActiveSpan() as unknown as { name?: string } | undefined)?.name;

class LazyQuery {
  triggered = false;
  then(resolve: (value: string) => void): void {
    this.triggered = true;
    resolve('rows');
  }
}

class Sources {
  @Traced('kind.promise', { result: (value: number) => ({ 'http.status_code': value }) })
  async resolved(): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return 200;
  }

  @Traced('kind.rejected')
  async rejected(error: unknown): Promise<never> {
    await Promise.resolve();
    throw error;
  }

  @Traced('kind.thenable')
  lazy(query: LazyQuery): LazyQuery {
    return query;
  }

  @Traced('kind.observable', { result: (value: number) => ({ 'http.status_code': value }) })
  observable(source: Observable<number>): Observable<number> {
    return source;
  }

  @Traced('kind.async-generator')
  async *pages(count: number): AsyncGenerator<string | undefined> {
    for (let page = 0; page < count; page++) {
      await Promise.resolve();
      yield activeSpanName();
    }
  }

  @Traced('kind.failing-generator')
  async *failing(): AsyncGenerator<number> {
    yield 1;
    throw new Error('page 2 failed');
  }

  @Traced('kind.generator')
  *numbers(): Generator<string | undefined> {
    yield activeSpanName();
    yield activeSpanName();
  }

  @Traced('kind.async-iterable')
  iterable(values: number[]): AsyncIterable<number> & { label: string } {
    return {
      label: 'sdk-stream',
      async *[Symbol.asyncIterator]() {
        yield* values;
      },
    };
  }

  @Traced('kind.stream')
  stream(values: string[]): Readable {
    return Readable.from(values);
  }
}

const sources = new Sources();
const endedNames = (): string[] => otel.spans().map((span) => span.name);

describe('how long the span lives, by returned value', () => {
  it('ends at settlement for a native promise, with result attributes', async () => {
    const pending = sources.resolved();
    expect(endedNames()).toEqual([]);
    await expect(pending).resolves.toBe(200);
    const [span] = otel.spans();
    expect(span.attributes['http.status_code']).toBe(200);
  });

  it('records a rejection and rejects with the very same error', async () => {
    const error = new Error('nope');
    await expect(sources.rejected(error)).rejects.toBe(error);
    expect(otel.spans()[0].status).toEqual({ code: SpanStatusCode.ERROR, message: 'nope' });
  });

  it('returns a non-native thenable untouched and never triggers it', () => {
    const query = new LazyQuery();
    expect(sources.lazy(query)).toBe(query);
    expect(query.triggered).toBe(false);
    expect(endedNames()).toEqual(['kind.thenable']);
  });

  it('ends an observable at complete, with the last value', async () => {
    const subject = new Subject<number>();
    const values = firstValueFrom(sources.observable(subject).pipe(toArray()));
    subject.next(1);
    subject.next(201);
    expect(endedNames()).toEqual([]);
    subject.complete();
    await expect(values).resolves.toEqual([1, 201]);
    expect(otel.spans()[0].attributes['http.status_code']).toBe(201);
  });

  it('ends an observable at error with the error recorded', async () => {
    await expect(firstValueFrom(sources.observable(throwError(() => new Error('stream broke'))))).rejects.toThrow('stream broke');
    expect(otel.spans()[0].status.code).toBe(SpanStatusCode.ERROR);
  });

  it('ends an observable once at unsubscribe, recorded as cancelled', () => {
    const subject = new Subject<number>();
    const traced = sources.observable(subject);
    const first = traced.subscribe();
    const second = traced.subscribe();
    first.unsubscribe();
    second.unsubscribe();
    subject.complete();
    expect(endedNames()).toEqual(['kind.observable']);
    expect(otel.spans()[0].attributes['observability.cancelled']).toBe(true);
  });

  it('subscribes with the span active', async () => {
    const seen = await firstValueFrom(
      sources.observable(
        new Observable<number>((subscriber) => {
          subscriber.next(activeSpanName() === 'kind.observable' ? 1 : 0);
          subscriber.complete();
        }),
      ),
    );
    expect(seen).toBe(1);
    expect(await firstValueFrom(sources.observable(of(5)))).toBe(5);
  });

  it('keeps the span open across an async generator, active at each step', async () => {
    const seen: (string | undefined)[] = [];
    const iterator = sources.pages(3);
    expect(endedNames()).toEqual([]);
    for await (const name of iterator) seen.push(name);
    expect(seen).toEqual(['kind.async-generator', 'kind.async-generator', 'kind.async-generator']);
    expect(endedNames()).toEqual(['kind.async-generator']);
    expect(otel.spans()[0].attributes['observability.cancelled']).toBeUndefined();
  });

  it('ends the span on early break out of an async iterator', async () => {
    for await (const name of sources.pages(10)) {
      expect(name).toBe('kind.async-generator');
      break;
    }
    expect(endedNames()).toEqual(['kind.async-generator']);
    expect(otel.spans()[0].attributes['observability.cancelled']).toBe(true);
  });

  it('ends the span with the error when the generator throws', async () => {
    const seen: number[] = [];
    await expect(async () => {
      for await (const value of sources.failing()) seen.push(value);
    }).rejects.toThrow('page 2 failed');
    expect(seen).toEqual([1]);
    expect(otel.spans()[0].status.message).toBe('page 2 failed');
  });

  it('keeps the span open across a sync generator', () => {
    expect([...sources.numbers()]).toEqual(['kind.generator', 'kind.generator']);
    expect(endedNames()).toEqual(['kind.generator']);
  });

  it('traces a non-generator async iterable while keeping its own properties', async () => {
    const iterable = sources.iterable([1, 2]);
    expect(iterable.label).toBe('sdk-stream');
    const values: number[] = [];
    for await (const value of iterable) values.push(value);
    expect(values).toEqual([1, 2]);
    expect(endedNames()).toEqual(['kind.async-iterable']);
  });

  it('ends the span when a Node stream finishes', async () => {
    const chunks: string[] = [];
    for await (const chunk of sources.stream(['a', 'b'])) chunks.push(String(chunk));
    await new Promise((resolve) => setImmediate(resolve));
    expect(chunks).toEqual(['a', 'b']);
    expect(endedNames()).toEqual(['kind.stream']);
  });
});
