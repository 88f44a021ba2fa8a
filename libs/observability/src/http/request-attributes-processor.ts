import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { requestAttributesOf } from './request-attributes.js';

/**
 * Copies the request's attributes onto every span started in its context: decorators, services
 * and auto-instrumentations alike. An attribute the span was started with wins.
 */
export class RequestAttributesProcessor implements SpanProcessor {
  private readonly keys: ReadonlySet<string>;

  constructor(keys: readonly string[]) {
    this.keys = new Set(keys);
  }

  onStart(span: Span, parentContext: Context): void {
    const attributes = requestAttributesOf(parentContext);
    if (attributes === undefined) return;
    for (const key in attributes) {
      if (this.keys.has(key) && !(key in span.attributes)) span.setAttribute(key, attributes[key]);
    }
  }

  onEnd(_span: ReadableSpan): void {}

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}
