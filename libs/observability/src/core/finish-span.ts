import { SpanStatusCode, type Span } from '@opentelemetry/api';
import { ATTR_CALLBACK_ERROR, ATTR_CANCELLED, ATTR_ERROR, EVENT_EXCEPTION } from '../conventions/attribute-names.js';
import { toAttributes } from './attribute-values.js';
import { describeException, exceptionAttributes } from './exception-attributes.js';
import { spanSafeMessage } from './secret-scrubber.js';
import type { SpanPlan } from './span-plan.js';

/**
 * Records a thrown value: an `exception` event with type, message and stack, and unless the
 * plan calls it expected, status ERROR and `error=true` (the attribute Honeycomb queries use).
 */
export function recordFailure(span: Span, thrown: unknown, isExpectedError?: (error: unknown) => boolean): void {
  const exception = describeException(thrown);
  span.addEvent(EVENT_EXCEPTION, exceptionAttributes(exception));
  if (isExpectedError !== undefined && callSafely(span, () => isExpectedError(thrown)) === true) return;
  markError(span, exception.message);
}

/** Status ERROR with the message scrubbed of secrets and cut to the attribute length limit. */
export function markError(span: Span, message: string): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: spanSafeMessage(message) });
  span.setAttribute(ATTR_ERROR, true);
}

/** Runs a user callback; a throwing callback marks the span but never reaches the caller. */
export function callSafely<T>(span: Span, callback: () => T): T | undefined {
  try {
    return callback();
  } catch (callbackError) {
    const { message } = describeException(callbackError);
    span.setAttribute(ATTR_CALLBACK_ERROR, spanSafeMessage(message));
    markError(span, `attribute callback failed: ${message}`);
    return undefined;
  }
}

export function endWithValue(span: Span, plan: SpanPlan, value: unknown): void {
  const resultAttributes = plan.resultAttributes;
  if (resultAttributes !== undefined) {
    const bag = callSafely(span, () => resultAttributes(value));
    if (bag !== undefined) span.setAttributes(toAttributes(bag));
  }
  span.end();
}

export function endWithError(span: Span, plan: SpanPlan, thrown: unknown): void {
  recordFailure(span, thrown, plan.isExpectedError);
  span.end();
}

export function endCancelled(span: Span): void {
  span.setAttribute(ATTR_CANCELLED, true);
  span.end();
}
