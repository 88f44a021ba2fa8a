import type { AttributeValue, Attributes } from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { Resource } from '@opentelemetry/resources';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { isExportableAttributeValue, toAttributeValue } from '../core/attribute-values.js';
import { attributePolicy } from '../core/attribute-policy.js';
import { containsSecret, scrubSecrets } from '../core/secret-scrubber.js';

/**
 * Stands in front of every span exporter, the last step before spans leave the process, in one pass
 * over each span:
 * - no span can make a batch unencodable: attribute values on spans, events, links and resources
 *   that OTLP cannot carry (set by any code, through `span.setAttribute` directly as well) are
 *   rewritten by the library's one attribute rule, and an exporter that throws fails its batch
 *   instead of the processor;
 * - no registered secret leaves: span names, status messages and every string value, whoever set
 *   them (application code, instrumentations), have secrets replaced.
 * Spans that need nothing are passed through as they are.
 */
export class ExportGuard implements SpanExporter {
  private readonly resources = new WeakMap<Resource, Resource>();

  constructor(private readonly exporter: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    let guarded: ReadableSpan[];
    try {
      guarded = spans.map((span) => this.guardSpan(span));
    } catch (error) {
      resultCallback({ code: ExportResultCode.FAILED, error: asError(error) });
      return;
    }
    let reported = false;
    const reportOnce = (result: ExportResult) => {
      if (reported) return;
      reported = true;
      resultCallback(result);
    };
    try {
      this.exporter.export(guarded, reportOnce);
    } catch (error) {
      reportOnce({ code: ExportResultCode.FAILED, error: asError(error) });
    }
  }

  shutdown(): Promise<void> {
    return this.exporter.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.exporter.forceFlush?.() ?? Promise.resolve();
  }

  private guardSpan(span: ReadableSpan): ReadableSpan {
    const attributes = guardAttributes(span.attributes);
    const resource = this.guardResource(span.resource);
    const eventsNeedWork = span.events.length > 0 && anyNeedsGuarding(span.events);
    const linksNeedWork = span.links.length > 0 && anyNeedsGuarding(span.links);
    const name = scrubSecrets(span.name);
    const message = span.status.message === undefined ? undefined : scrubSecrets(span.status.message);
    const unchanged = name === span.name && message === span.status.message;
    if (unchanged && attributes === span.attributes && resource === span.resource && !eventsNeedWork && !linksNeedWork) {
      return span;
    }
    const replaced: Partial<Record<keyof ReadableSpan, unknown>> = { attributes, resource };
    if (!unchanged) Object.assign(replaced, { name, status: { ...span.status, message } });
    if (eventsNeedWork) {
      replaced.events = span.events.map((event) =>
        event.attributes ? { ...event, attributes: guardAttributes(event.attributes) } : event,
      );
    }
    if (linksNeedWork) {
      replaced.links = span.links.map((link) =>
        link.attributes ? { ...link, attributes: guardAttributes(link.attributes) } : link,
      );
    }
    return overlay(span, replaced);
  }

  /** One replacement per resource, so the exporter still groups spans by resource identity. */
  private guardResource(resource: Resource): Resource {
    const known = this.resources.get(resource);
    if (known !== undefined) return known;
    const attributes = guardAttributes(resource.attributes);
    const guarded = attributes === resource.attributes ? resource : overlay(resource, { attributes });
    this.resources.set(resource, guarded);
    return guarded;
  }
}

/** Whether any event's or link's attributes would be rewritten (most spans have neither, so no callback is made for them). */
function anyNeedsGuarding(items: readonly { attributes?: Attributes }[]): boolean {
  return items.some((item) => item.attributes !== undefined && guardAttributes(item.attributes) !== item.attributes);
}

/** The same object when every value is exportable and free of secrets; otherwise a copy with the values rewritten. */
function guardAttributes(attributes: Attributes): Attributes {
  let copy: Attributes | undefined;
  for (const key of Object.keys(attributes)) {
    const value = attributes[key];
    if (value === undefined) continue;
    const exportable = isExportableAttributeValue(value) ? value : toAttributeValue(value, attributePolicy());
    const replacement = exportable === undefined ? undefined : withoutSecrets(exportable);
    if (replacement === value) continue;
    copy ??= { ...attributes };
    if (replacement === undefined) delete copy[key];
    else copy[key] = replacement;
  }
  return copy ?? attributes;
}

function withoutSecrets(value: AttributeValue): AttributeValue {
  if (typeof value === 'string') return scrubSecrets(value);
  if (!Array.isArray(value) || !value.some((item) => typeof item === 'string' && containsSecret(item))) return value;
  return value.map((item) => (typeof item === 'string' ? scrubSecrets(item) : item)) as AttributeValue;
}

/** An object reading through to `base` except for the `replaced` properties (keeps getters and methods). */
function overlay<T extends object>(base: T, replaced: object): T {
  const result = Object.create(base) as T;
  for (const [key, value] of Object.entries(replaced)) Object.defineProperty(result, key, { value, enumerable: true });
  return result;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
