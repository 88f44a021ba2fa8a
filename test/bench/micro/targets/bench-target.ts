import type { Observable } from 'rxjs';

/** The three shapes of method measured: returning a value, a promise, or an observable. */
export interface BenchTarget {
  syncWork(label: string, n: number): number;
  asyncWork(label: string, n: number): Promise<number>;
  observableWork(label: string, n: number): Observable<number>;
}

export const VARIANTS = ['plain', 'manual', 'traced', 'nestjs-otel'] as const;
export type Variant = (typeof VARIANTS)[number];

export const METHOD_KINDS = ['sync', 'async', 'observable'] as const;
export type MethodKind = (typeof METHOD_KINDS)[number];

export const VARIANT_LABELS: Record<Variant, string> = {
  plain: 'plain method',
  manual: 'manual startActiveSpan',
  traced: '@Traced + 2 @SpanAttr',
  'nestjs-otel': 'nestjs-otel @Span',
};
