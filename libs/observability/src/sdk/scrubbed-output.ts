import type { Attributes } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { containsSecret, scrubSecrets } from '../core/secret-scrubber.js';
import type { ObservabilityLogger } from './observability-options.js';

/**
 * The last line of defence before spans leave the process: the library scrubs what it records
 * itself, but attributes set by instrumentations or by application code go through here. A span
 * without a secret is passed on untouched.
 */
export class ScrubbingSpanExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.inner.export(spans.map(scrubSpan), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

/** The span with every registered secret replaced in its name, attributes, events and status message. */
export function scrubSpan(span: ReadableSpan): ReadableSpan {
  const attributes = scrubAttributes(span.attributes);
  const events = span.events.map((event) => {
    const eventAttributes = event.attributes && scrubAttributes(event.attributes);
    return eventAttributes === event.attributes ? event : { ...event, attributes: eventAttributes };
  });
  const message = span.status.message === undefined ? undefined : scrubSecrets(span.status.message);
  const name = scrubSecrets(span.name);
  const eventsChanged = events.some((event, index) => event !== span.events[index]);
  if (attributes === span.attributes && !eventsChanged && message === span.status.message && name === span.name) return span;
  // The original stays the prototype, so methods such as spanContext() keep working on the copy.
  return Object.create(span, {
    name: { value: name },
    attributes: { value: attributes },
    events: { value: events },
    status: { value: { ...span.status, message } },
  }) as ReadableSpan;
}

function scrubAttributes(attributes: Attributes): Attributes {
  let scrubbed: Attributes | undefined;
  for (const [key, value] of Object.entries(attributes)) {
    const clean =
      typeof value === 'string'
        ? scrubSecrets(value)
        : Array.isArray(value) && value.some((item) => typeof item === 'string' && containsSecret(item))
          ? value.map((item) => (typeof item === 'string' ? scrubSecrets(item) : item))
          : value;
    if (clean !== value) (scrubbed ??= { ...attributes })[key] = clean as Attributes[string];
  }
  return scrubbed ?? attributes;
}

/** Every line the library prints (startup, warnings, console trees, diagnostics) scrubbed of secrets. */
export function scrubbingLogger(logger: ObservabilityLogger): ObservabilityLogger {
  return { info: (line) => logger.info(scrubSecrets(line)), warn: (line) => logger.warn(scrubSecrets(line)) };
}
