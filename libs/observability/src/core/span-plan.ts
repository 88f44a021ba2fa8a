import type { SpanKind } from '@opentelemetry/api';

/** Reads one attribute from one argument of a call. */
export interface ArgumentAttribute {
  readonly index: number;
  readonly key: string;
  readonly read: (argument: unknown) => unknown;
}

/**
 * Everything a traced function needs to know at call time, computed once when it is wrapped,
 * so the per-call path does no lookups.
 */
export interface SpanPlan {
  /**
   * False for a method with `@SpanAttr` parameters but no `@Traced`: its calls start no span and
   * add the argument attributes to the span active at the call.
   */
  readonly startsSpan: boolean;
  readonly name: string;
  readonly kind: SpanKind;
  /** Starts a new trace linked to the caller's span instead of a child span. */
  readonly root: boolean;
  readonly staticAttributes: Readonly<Record<string, unknown>> | undefined;
  readonly argumentAttributes: readonly ArgumentAttribute[];
  readonly argsAttributes: ((...args: unknown[]) => Readonly<Record<string, unknown>>) | undefined;
  readonly resultAttributes: ((value: unknown) => Readonly<Record<string, unknown>>) | undefined;
  readonly isExpectedError: ((error: unknown) => boolean) | undefined;
}
