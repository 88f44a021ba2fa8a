import type { Context, Span } from '@opentelemetry/api';
import { finished } from 'node:stream';
import { types } from 'node:util';
import { endWithError, endWithValue } from './finish-span.js';
import { generatorKind, isAsyncIterable, traceAsyncIterable, traceAsyncIterator, traceSyncIterator } from './iteration.js';
import { isObservableLike, traceObservable } from './observable.js';
import type { SpanPlan } from './span-plan.js';

/**
 * Decides, from the returned value itself, how long the span lives: until return for plain
 * values, until settled for native promises of any realm, until complete/error/unsubscribe for observables,
 * across the iteration for generators and async iterables, until finished for Node streams.
 * A thenable that is not a native promise (a lazy query builder, say) is returned untouched so
 * the decorator never triggers it.
 */
export function settleResult(span: Span, plan: SpanPlan, spanContext: Context, result: unknown): unknown {
  if (typeof result !== 'object' || result === null) {
    endWithValue(span, plan, result);
    return result;
  }
  // `instanceof Promise` misses promises of another realm (a vm context, Node's own modules seen
  // from Jest's sandbox); the engine's own check does not, and never matches a lazy thenable.
  if (types.isPromise(result)) {
    return result.then(
      (value: unknown) => {
        endWithValue(span, plan, value);
        return value;
      },
      (error: unknown) => {
        endWithError(span, plan, error);
        throw error;
      },
    );
  }
  if (typeof (result as { then?: unknown }).then === 'function') {
    endWithValue(span, plan, result);
    return result;
  }
  if (isObservableLike(result)) return traceObservable(result, span, plan, spanContext);
  const generator = generatorKind(result);
  if (generator === 'async') return traceAsyncIterator(result as AsyncGenerator, span, plan, spanContext);
  if (generator === 'sync') return traceSyncIterator(result as Generator, span, plan, spanContext);
  if (isNodeStream(result)) {
    finished(result, (error) => (error ? endWithError(span, plan, error) : endWithValue(span, plan, undefined)));
    return result;
  }
  if (isAsyncIterable(result)) return traceAsyncIterable(result, span, plan, spanContext);
  endWithValue(span, plan, result);
  return result;
}

type NodeStream = NodeJS.ReadableStream | NodeJS.WritableStream;

function isNodeStream(value: object): value is NodeStream {
  const candidate = value as { pipe?: unknown; on?: unknown };
  return typeof candidate.pipe === 'function' && typeof candidate.on === 'function';
}
