import { Span } from 'nestjs-otel';
import { of, type Observable } from 'rxjs';
import { ATTR_CODE_FUNCTION_NAME } from '@opentelemetry/semantic-conventions';
import { ATTR_A, ATTR_B } from '../attribute-keys.js';
import type { BenchTarget } from './bench-target.js';

/**
 * nestjs-otel's `@Span()` given the attributes `@Traced` records (its options callback receives the
 * arguments): the two arguments and `code.function.name`, which nestjs-otel does not add itself.
 */
const attributes = (functionName: string) => (label: string, n: number) => ({
  attributes: { [ATTR_CODE_FUNCTION_NAME]: functionName, [ATTR_A]: label, [ATTR_B]: n },
});

/**
 * nestjs-otel ends the span when an observable is returned, not when it completes, so its
 * observable row measures less work than the others.
 */
export class NestjsOtelTarget implements BenchTarget {
  @Span('NestjsOtel.syncWork', attributes('NestjsOtelTarget.syncWork'))
  syncWork(label: string, n: number): number {
    return label.length + n;
  }

  @Span('NestjsOtel.asyncWork', attributes('NestjsOtelTarget.asyncWork'))
  async asyncWork(label: string, n: number): Promise<number> {
    return label.length + n;
  }

  @Span('NestjsOtel.observableWork', attributes('NestjsOtelTarget.observableWork'))
  observableWork(label: string, n: number): Observable<number> {
    return of(label.length + n);
  }
}
