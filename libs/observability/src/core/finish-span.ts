import { SpanStatusCode, type Span } from '@opentelemetry/api';
import { ERROR_TYPE_VALUE_OTHER } from '@opentelemetry/semantic-conventions';
import {
  ATTR_CALLBACK_ERROR,
  ATTR_CANCELLED,
  ATTR_ERROR,
  ATTR_ERROR_TYPE,
  EVENT_EXCEPTION,
} from '../conventions/attribute-names.js';
import { toAttributes } from './attribute-values.js';
import { describeException, exceptionAttributes } from './exception-attributes.js';
import { spanSafeMessage } from './secret-scrubber.js';
import type { SpanPlan } from './span-plan.js';

/**
 * Records a thrown value: an `exception` event with type, message and stack, and unless the
 * plan calls it expected, status ERROR, `error=true` (the attribute Honeycomb queries use) and
 * the exception's type as `error.type`.
 */
export function recordFailure(span: Span, thrown: unknown, isExpectedError?: (error: unknown) => boolean): void {
  const exception = describeException(thrown);
  span.addEvent(EVENT_EXCEPTION, exceptionAttributes(exception));
  if (isExpectedError !== undefined && callSafely(span, () => isExpectedError(thrown)) === true) return;
  markError(span, exception.message, exception.type);
}

/**
 * Status ERROR with the message scrubbed of secrets and cut to the attribute length limit.
 * `errorType` is what the conventions call `error.type`: an exception type, a status code, or `_OTHER`.
 */
export function markError(span: Span, message: string, errorType: string = ERROR_TYPE_VALUE_OTHER): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: spanSafeMessage(message) });
  span.setAttribute(ATTR_ERROR, true);
  span.setAttribute(ATTR_ERROR_TYPE, errorType);
}

/** Runs a user callback; a throwing callback marks the span but never reaches the caller. */
export function callSafely<T>(span: Span, callback: () => T): T | undefined {
  try {
    return callback();
  } catch (callbackError) {
    const { message, type } = describeException(callbackError);
    span.setAttribute(ATTR_CALLBACK_ERROR, spanSafeMessage(message));
    markError(span, `attribute callback failed: ${message}`, type);
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
