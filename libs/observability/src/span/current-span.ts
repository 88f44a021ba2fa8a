import { trace, type Span } from '@opentelemetry/api';
import type { SpanAttributeKey, SpanAttributeRegistry, SpanAttributes } from '../conventions/attribute-registry.js';
import { toAttributes } from '../core/attribute-values.js';

/** The span active in the current context, if any is recording. */
export function getActiveSpan(): Span | undefined {
  const span = trace.getActiveSpan();
  return span?.isRecording() ? span : undefined;
}

/** The id of the current trace, for logs and error bodies. */
export function getTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/** Sets typed attributes on the active span, with the same normalization and redaction as the decorators. */
export function setSpanAttributes(attributes: SpanAttributes, span: Span | undefined = getActiveSpan()): void {
  span?.setAttributes(toAttributes(attributes));
}

export function setSpanAttribute<K extends SpanAttributeKey>(
  key: K,
  value: SpanAttributeRegistry[K],
  span: Span | undefined = getActiveSpan(),
): void {
  span?.setAttributes(toAttributes({ [key]: value }));
}

export function addSpanEvent(name: string, attributes: SpanAttributes = {}, span: Span | undefined = getActiveSpan()): void {
  span?.addEvent(name, toAttributes(attributes));
}

/** Reads back an attribute of a span recorded by the SDK (undefined for non-recording spans). */
export function readSpanAttribute<K extends SpanAttributeKey>(
  key: K,
  span: Span | undefined = getActiveSpan(),
): SpanAttributeRegistry[K] | undefined {
  const attributes = (span as { attributes?: Record<string, unknown> } | undefined)?.attributes;
  return attributes?.[key] as SpanAttributeRegistry[K] | undefined;
}
