import type { SpanKind } from '@opentelemetry/api';
import type { SpanAttributes } from '../conventions/attribute-registry.js';

export interface TracedOptions {
  /** Attributes set on every span this decorator starts. */
  attributes?: SpanAttributes;
  /** Span kind; `INTERNAL` by default. */
  kind?: SpanKind;
  /** Start a new trace, linked to the caller's span, instead of a child span. */
  root?: boolean;
  /**
   * Attributes computed from the call's arguments. The decorated method's parameter types are
   * not visible to the decorator factory, so the arguments are typed `any` here.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  args?: (...args: any[]) => SpanAttributes;
  /**
   * Attributes computed from the settled value (the resolved value for promises, the last value
   * for observables, the return value for generators). A throwing callback marks the span ERROR
   * but never changes what the method returns.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  result?: (value: any) => SpanAttributes;
  /** Errors for which this returns true are recorded as an event without marking the span ERROR. */
  isExpectedError?: (error: unknown) => boolean;
}
