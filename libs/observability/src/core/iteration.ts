import { context, type Context, type Span } from '@opentelemetry/api';
import { endCancelled, endWithError, endWithValue } from './finish-span.js';
import type { SpanPlan } from './span-plan.js';

/** Generator objects are recognised by their built-in tag, which plain iterables lack. */
export function generatorKind(value: object): 'sync' | 'async' | undefined {
  const tag = (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag];
  return tag === 'Generator' ? 'sync' : tag === 'AsyncGenerator' ? 'async' : undefined;
}

export function isAsyncIterable(value: object): value is AsyncIterable<unknown> {
  return typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

/** Ends the span once, whichever of done, throw or early `return()` comes first. */
class IterationSpan {
  private open = true;

  constructor(
    private readonly span: Span,
    private readonly plan: SpanPlan,
    readonly spanContext: Context,
  ) {}

  onResult<T>(step: IteratorResult<T>, cancelled: boolean): IteratorResult<T> {
    if (this.open && (step.done === true || cancelled)) {
      this.open = false;
      if (cancelled) endCancelled(this.span);
      else endWithValue(this.span, this.plan, step.value);
    }
    return step;
  }

  onError(error: unknown): never {
    if (this.open) {
      this.open = false;
      endWithError(this.span, this.plan, error);
    }
    throw error;
  }
}

/** Wraps an async iterator so each step runs with the span active and the span ends with the iteration. */
export function traceAsyncIterator<T>(
  iterator: AsyncIterator<T>,
  span: Span,
  plan: SpanPlan,
  spanContext: Context,
): AsyncGenerator<T> {
  const lifecycle = new IterationSpan(span, plan, spanContext);
  const step = (call: () => Promise<IteratorResult<T>>, cancelled: boolean): Promise<IteratorResult<T>> => {
    let pending: Promise<IteratorResult<T>>;
    try {
      pending = context.with(spanContext, call);
    } catch (error) {
      return Promise.reject(error).catch((rejected: unknown) => lifecycle.onError(rejected));
    }
    return Promise.resolve(pending).then(
      (result) => lifecycle.onResult(result, cancelled),
      (error: unknown) => lifecycle.onError(error),
    );
  };
  // Asserted rather than annotated: whether AsyncGenerator declares Symbol.asyncDispose depends on the lib setting.
  const traced = {
    next: (...args: [] | [unknown]) => step(() => iterator.next(...args), false),
    return: (value?: unknown) =>
      step(() => (iterator.return ? iterator.return(value as T) : Promise.resolve({ done: true, value: value as T })), true),
    throw: (error?: unknown) => step(() => (iterator.throw ? iterator.throw(error) : Promise.reject(error)), false),
    [Symbol.asyncIterator]: () => traced,
    [Symbol.asyncDispose]: async () => {
      await traced.return(undefined);
    },
  } as AsyncGenerator<T>;
  return traced;
}

/** The synchronous counterpart, for generator functions. */
export function traceSyncIterator<T>(iterator: Iterator<T>, span: Span, plan: SpanPlan, spanContext: Context): Generator<T> {
  const lifecycle = new IterationSpan(span, plan, spanContext);
  const step = (call: () => IteratorResult<T>, cancelled: boolean): IteratorResult<T> => {
    try {
      return lifecycle.onResult(context.with(spanContext, call), cancelled);
    } catch (error) {
      return lifecycle.onError(error);
    }
  };
  const traced = {
    next: (...args: [] | [unknown]) => step(() => iterator.next(...args), false),
    return: (value?: unknown) =>
      step(() => (iterator.return ? iterator.return(value as T) : { done: true, value: value as T }), true),
    throw: (error?: unknown) =>
      step(() => {
        if (iterator.throw) return iterator.throw(error);
        throw error;
      }, false),
    [Symbol.iterator]: () => traced,
    [Symbol.dispose]: () => {
      traced.return(undefined);
    },
  } as Generator<T>;
  return traced;
}

/**
 * An async iterable that is not a generator (an SDK's stream object, say) keeps its own API:
 * only its `Symbol.asyncIterator` is replaced, through a proxy, by a traced iterator.
 */
export function traceAsyncIterable<T>(
  iterable: AsyncIterable<T>,
  span: Span,
  plan: SpanPlan,
  spanContext: Context,
): AsyncIterable<T> {
  return new Proxy(iterable, {
    get(target, property) {
      if (property === Symbol.asyncIterator) {
        return () => traceAsyncIterator(target[Symbol.asyncIterator](), span, plan, spanContext);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
