import { Inject, Injectable } from '@nestjs/common';
import type { Span } from '@opentelemetry/api';
import type { SpanAttributeKey, SpanAttributeRegistry, SpanAttributes } from '../conventions/attribute-registry.js';
import type { ObservabilityHandle } from '../sdk/setup-observability.js';
import {
  addSpanEvent,
  getActiveSpan,
  getTraceId,
  readSpanAttribute,
  setSpanAttribute,
  setSpanAttributes,
} from '../span/current-span.js';
import { OBSERVABILITY_HANDLE } from './observability-module-options.js';

/** Injectable access to the current span and to the SDK handle. */
@Injectable()
export class ObservabilityService {
  constructor(@Inject(OBSERVABILITY_HANDLE) readonly handle: ObservabilityHandle) {}

  get activeSpan(): Span | undefined {
    return getActiveSpan();
  }

  get traceId(): string | undefined {
    return getTraceId();
  }

  setAttributes(attributes: SpanAttributes): void {
    setSpanAttributes(attributes);
  }

  setAttribute<K extends SpanAttributeKey>(key: K, value: SpanAttributeRegistry[K]): void {
    setSpanAttribute(key, value);
  }

  addEvent(name: string, attributes?: SpanAttributes): void {
    addSpanEvent(name, attributes);
  }

  readAttribute<K extends SpanAttributeKey>(key: K): SpanAttributeRegistry[K] | undefined {
    return readSpanAttribute(key);
  }
}
