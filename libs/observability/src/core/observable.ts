import { context, type Context, type Span } from '@opentelemetry/api';
import { Observable, type Subscribable } from 'rxjs';
import { endCancelled, endWithError, endWithValue } from './finish-span.js';
import type { SpanPlan } from './span-plan.js';

/** The same duck test RxJS's `isObservable` uses, so observables from another RxJS copy count too. */
export function isObservableLike(value: object): value is Subscribable<unknown> {
  const candidate = value as { subscribe?: unknown; lift?: unknown };
  return typeof candidate.subscribe === 'function' && typeof candidate.lift === 'function';
}

/**
 * Subscribes to the source with the span active and ends the span exactly once: at the first
 * complete, error or unsubscribe (recorded as cancelled) of any subscriber. `result` callbacks
 * receive the last value emitted.
 */
export function traceObservable<T>(source: Subscribable<T>, span: Span, plan: SpanPlan, spanContext: Context): Observable<T> {
  let open = true;
  let lastValue: T | undefined;
  const finish = (end: () => void): void => {
    if (open) {
      open = false;
      end();
    }
  };
  return new Observable<T>((subscriber) => {
    const subscription = context.with(spanContext, () =>
      source.subscribe({
        next: (value) => {
          lastValue = value;
          subscriber.next(value);
        },
        error: (error: unknown) => {
          finish(() => endWithError(span, plan, error));
          subscriber.error(error);
        },
        complete: () => {
          finish(() => endWithValue(span, plan, lastValue));
          subscriber.complete();
        },
      }),
    );
    return () => {
      subscription.unsubscribe();
      finish(() => endCancelled(span));
    };
  });
}
