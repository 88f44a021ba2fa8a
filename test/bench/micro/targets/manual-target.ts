import { context, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import { Observable, of } from 'rxjs';
import { ATTR_CODE_FUNCTION_NAME } from '@opentelemetry/semantic-conventions';
import { ATTR_A, ATTR_B } from '../attribute-keys.js';
import type { BenchTarget } from './bench-target.js';

/**
 * What a careful engineer writes by hand: the span is active around the body, errors are recorded,
 * the span ends exactly once (for observables: on complete, error or unsubscribe). It records the
 * attributes `@Traced` records: the two arguments and `code.function.name`.
 */
export class ManualTarget implements BenchTarget {
  constructor(private readonly tracer: Tracer) {}

  syncWork(label: string, n: number): number {
    return this.tracer.startActiveSpan(
      'Manual.syncWork',
      { attributes: { [ATTR_CODE_FUNCTION_NAME]: 'ManualTarget.syncWork', [ATTR_A]: label, [ATTR_B]: n } },
      (span) => {
        try {
          return label.length + n;
        } catch (error) {
          recordError(span, error);
          throw error;
        } finally {
          span.end();
        }
      },
    );
  }

  /** The body sits in the span's async callback: one async function per call, as in the decorated method. */
  asyncWork(label: string, n: number): Promise<number> {
    return this.tracer.startActiveSpan(
      'Manual.asyncWork',
      { attributes: { [ATTR_CODE_FUNCTION_NAME]: 'ManualTarget.asyncWork', [ATTR_A]: label, [ATTR_B]: n } },
      async (span) => {
        try {
          return label.length + n;
        } catch (error) {
          recordError(span, error);
          throw error;
        } finally {
          span.end();
        }
      },
    );
  }

  observableWork(label: string, n: number): Observable<number> {
    const span = this.tracer.startSpan('Manual.observableWork', {
      attributes: { [ATTR_CODE_FUNCTION_NAME]: 'ManualTarget.observableWork', [ATTR_A]: label, [ATTR_B]: n },
    });
    const spanContext = trace.setSpan(context.active(), span);
    let open = true;
    const end = (): void => {
      if (open) {
        open = false;
        span.end();
      }
    };
    return new Observable<number>((subscriber) => {
      const subscription = context.with(spanContext, () =>
        of(label.length + n).subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => {
            recordError(span, error);
            end();
            subscriber.error(error);
          },
          complete: () => {
            end();
            subscriber.complete();
          },
        }),
      );
      return () => {
        subscription.unsubscribe();
        end();
      };
    });
  }
}

function recordError(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR });
}
