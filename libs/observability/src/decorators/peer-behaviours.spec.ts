/**
 * Behaviours this library shares with nestjs-otel (`@Span`, `@Traceable`), @sentry/nestjs
 * (`@SentryTraced`), @amplication/opentelemetry-nestjs and OpenTelemetry Java (`@WithSpan`,
 * `@SpanAttribute`, `@AddingSpanAttributes`), tested the way their own suites test them, plus the
 * cases where this library chose differently on purpose (see "Coming from ..." in
 * docs/observability.md).
 */
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { setTimeout as sleep } from 'node:timers/promises';
import { runInNewContext } from 'node:vm';
import { setupTestObservability, type TestObservability } from '../testing/index.js';
import { SpanAttr } from './span-attr.js';
import { Traced } from './traced.js';

let otel: TestObservability;
beforeAll(() => {
  otel = setupTestObservability();
});
afterEach(() => otel.reset());
afterAll(() => otel.shutdown());

/** A promise made by another realm: `instanceof Promise` is false for it here. */
function foreignPromise<T>(settle: 'resolve' | 'reject', value: T): Promise<T> {
  const done = { value };
  return runInNewContext(`new Promise((resolve, reject) => setTimeout(() => ${settle}(done.value), 5))`, {
    done,
    setTimeout,
  }) as Promise<T>;
}

class Realms {
  @Traced('realms.vm', { result: (value: number) => ({ 'request.id': `r${value}` }) })
  fromVm(settle: 'resolve' | 'reject', value: unknown): Promise<unknown> {
    return foreignPromise(settle, value);
  }

  @Traced('realms.timers')
  fromTimers(): Promise<string> {
    return sleep(5, 'slept');
  }

  @Traced('realms.lazy')
  lazy(thenable: PromiseLike<number>): PromiseLike<number> {
    return thenable;
  }
}

describe('promises from any realm (a promise-returning @WithSpan method ends when it settles)', () => {
  const realms = new Realms();

  it('sees a promise from a vm context as a promise, and ends the span when it resolves', async () => {
    const pending = realms.fromVm('resolve', 7);
    expect(pending instanceof Promise).toBe(false);
    expect(otel.spans()).toEqual([]);
    await expect(pending).resolves.toBe(7);
    const [span] = otel.spansNamed('realms.vm');
    expect(span.attributes['request.id']).toBe('r7');
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('records the rejection of a promise from a vm context and rejects with the same error', async () => {
    const failure = new Error('far away');
    await expect(realms.fromVm('reject', failure)).rejects.toBe(failure);
    const [span] = otel.spansNamed('realms.vm');
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'far away' });
    expect(span.events.map((event) => event.name)).toEqual(['exception']);
  });

  it('waits for a promise from node:timers/promises', async () => {
    await expect(realms.fromTimers()).resolves.toBe('slept');
    expect(otel.spansNamed('realms.timers')).toHaveLength(1);
  });

  it('leaves a lazy thenable from another realm untouched: never calls then, ends the span at return', () => {
    const calls = { then: 0 };
    const thenable = runInNewContext('({ then() { calls.then++; } })', { calls }) as PromiseLike<number>;
    expect(realms.lazy(thenable)).toBe(thenable);
    expect(calls.then).toBe(0);
    expect(otel.spansNamed('realms.lazy')).toHaveLength(1);
  });
});

class Annotated {
  /** Like a method with `@AddingSpanAttributes` and `@SpanAttribute` parameters in OpenTelemetry Java. */
  lookup(@SpanAttr('user.id') userId: string, @SpanAttr('request.id', 'id') request: { id: string }): string {
    return `${userId}:${request.id}`;
  }

  failingMapper(
    @SpanAttr('user.id', () => {
      throw new Error('mapper broke');
    })
    userId: string,
  ): string {
    return userId;
  }

  @Traced('annotated.outer')
  outer(): string {
    return this.lookup('u-1', { id: 'q-1' });
  }

  @Traced('annotated.outer-failing')
  outerFailing(): string {
    return this.failingMapper('u-2');
  }
}

describe('@SpanAttr on a method without @Traced', () => {
  const annotated = new Annotated();

  it('adds its attributes to the span active at the call and starts no span of its own', () => {
    expect(annotated.outer()).toBe('u-1:q-1');
    expect(otel.spans().map((span) => span.name)).toEqual(['annotated.outer']);
    expect(otel.spans()[0].attributes).toMatchObject({ 'user.id': 'u-1', 'request.id': 'q-1' });
  });

  it('is a plain call outside any span', () => {
    expect(annotated.lookup('u-9', { id: 'q-9' })).toBe('u-9:q-9');
    expect(otel.spans()).toEqual([]);
  });

  it('never fails the call or marks the caller span failed when a mapper throws; names the failure', () => {
    expect(annotated.outerFailing()).toBe('u-2');
    const [span] = otel.spans();
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.attributes['observability.callback_error']).toBe('mapper broke');
  });

  it('defers to @Traced when the method has both (as @WithSpan wins over @AddingSpanAttributes)', async () => {
    class Both {
      @Traced('both.traced')
      run(@SpanAttr('user.id') userId: string): string {
        return userId;
      }
    }
    await Promise.resolve();
    trace.getTracer('test').startActiveSpan('caller', (caller) => {
      new Both().run('u-3');
      caller.end();
    });
    const traced = otel.spansNamed('both.traced');
    expect(traced).toHaveLength(1);
    expect(traced[0].attributes['user.id']).toBe('u-3');
    expect(otel.spansNamed('caller')[0].attributes).not.toHaveProperty('user.id');
  });
});

describe('unusable @SpanAttr arguments fail when the class is defined', () => {
  it.each([[''], ['   '], [undefined], [42]])('rejects the key %p', (key) => {
    expect(() => SpanAttr(key as never)).toThrow('@SpanAttr: the attribute key must be a non-empty string');
  });

  it('rejects a mapper that is neither a function nor a property path', () => {
    expect(() => SpanAttr('user.id', 3 as never)).toThrow(
      "@SpanAttr('user.id'): the mapper must be a function or a property path",
    );
  });

  it('rejects two @SpanAttr on one parameter', () => {
    expect(() => {
      class Twice {
        run(@SpanAttr('user.id') @SpanAttr('request.id') value: string): string {
          return value;
        }
      }
      return Twice;
    }).toThrow('parameter 0 of run already has a @SpanAttr');
  });
});

const marker = Symbol('marker');

class Named {
  @Traced()
  plain(): void {}

  @Traced('custom.span.name')
  renamed(): void {}

  @Traced()
  static create(): void {}

  @Traced()
  [marker](): void {}
}

@Traced('store', { kind: SpanKind.CLIENT, attributes: { environment: 'test' } })
class Store {
  read(): string {
    return 'r';
  }

  async write(): Promise<string> {
    await sleep(1);
    return 'w';
  }
}

describe('a synchronous method (@sentry/nestjs @SentryTraced)', () => {
  it('stays synchronous: returns its value itself, not a promise, with the span already ended', () => {
    const named = new Named();
    expect(named.plain()).toBeUndefined();
    expect(otel.spansNamed('Named.plain')).toHaveLength(1);
  });
});

describe('code.function.name', () => {
  it('holds Class.method whatever the span is called, on static and symbol-keyed methods too', () => {
    const named = new Named();
    named.plain();
    named.renamed();
    Named.create();
    named[marker]();
    expect(otel.spans().map((span) => [span.name, span.attributes['code.function.name']])).toEqual([
      ['Named.plain', 'Named.plain'],
      ['custom.span.name', 'Named.renamed'],
      ['Named.create', 'Named.create'],
      ['Named.Symbol(marker)', 'Named.Symbol(marker)'],
    ]);
  });
});

describe('a class-level @Traced (nestjs-otel @Traceable)', () => {
  it('applies its options to every method, sync and async, with the real class in code.function.name', async () => {
    const store = new Store();
    expect(store.read()).toBe('r');
    await expect(store.write()).resolves.toBe('w');
    expect(
      otel.spans().map((span) => [span.name, span.kind, span.attributes.environment, span.attributes['code.function.name']]),
    ).toEqual([
      ['store.read', SpanKind.CLIENT, 'test', 'Store.read'],
      ['store.write', SpanKind.CLIENT, 'test', 'Store.write'],
    ]);
  });
});

class Callbacks {
  @Traced('callbacks.args', {
    args: () => {
      throw new Error('args broke');
    },
  })
  withArgs(): string {
    return 'ran';
  }

  @Traced('callbacks.mapper')
  withMapper(
    @SpanAttr('user.id', () => {
      throw new Error('mapper broke');
    })
    userId: string,
  ): string {
    return userId;
  }
}

describe('a throwing args callback or mapper on a traced method', () => {
  it.each([
    ['args', () => new Callbacks().withArgs(), 'ran', 'args broke'],
    ['mapper', () => new Callbacks().withMapper('u'), 'u', 'mapper broke'],
  ])(
    '(%s) runs the method, marks its span ERROR and names the failure in observability.callback_error',
    (_, call, result, message) => {
      expect(call()).toBe(result);
      const [span] = otel.spans();
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.attributes['observability.callback_error']).toBe(message);
    },
  );
});
