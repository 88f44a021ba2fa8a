import { SpanAttr, Traced } from '@lift-sys/observability';
import { of, type Observable } from 'rxjs';
import { ATTR_A, ATTR_B } from '../attribute-keys.js';
import type { BenchTarget } from './bench-target.js';

/** The library under test: `@Traced` with both arguments recorded through `@SpanAttr`. */
export class TracedTarget implements BenchTarget {
  @Traced('Traced.syncWork')
  syncWork(@SpanAttr(ATTR_A) label: string, @SpanAttr(ATTR_B) n: number): number {
    return label.length + n;
  }

  @Traced('Traced.asyncWork')
  async asyncWork(@SpanAttr(ATTR_A) label: string, @SpanAttr(ATTR_B) n: number): Promise<number> {
    return label.length + n;
  }

  @Traced('Traced.observableWork')
  observableWork(@SpanAttr(ATTR_A) label: string, @SpanAttr(ATTR_B) n: number): Observable<number> {
    return of(label.length + n);
  }
}
