import { SpanStatusCode } from '@opentelemetry/api';
import { hrTimeToMilliseconds } from '@opentelemetry/core';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ATTR_CODE_FUNCTION_NAME } from '../conventions/attribute-names.js';

export interface SpanNode {
  readonly span: ReadableSpan;
  readonly children: SpanNode[];
}

/** Arranges spans into trees by parent id; a span whose parent is not among them is a root. Siblings by start time. */
export function buildSpanForest(spans: readonly ReadableSpan[]): SpanNode[] {
  const nodes = new Map<string, SpanNode>();
  for (const span of spans) nodes.set(span.spanContext().spanId, { span, children: [] });
  const roots: SpanNode[] = [];
  for (const node of nodes.values()) {
    const parentId = node.span.parentSpanContext?.spanId;
    const parent = parentId === undefined ? undefined : nodes.get(parentId);
    (parent ? parent.children : roots).push(node);
  }
  const byStart = (a: SpanNode, b: SpanNode): number =>
    hrTimeToMilliseconds(a.span.startTime) - hrTimeToMilliseconds(b.span.startTime);
  for (const node of nodes.values()) node.children.sort(byStart);
  return roots.sort(byStart);
}

export interface FormatOptions {
  /** Show durations (off for stable snapshots). Default true. */
  durations?: boolean;
  /** Attribute keys to show; default: all span attributes. */
  attributeKeys?: readonly string[];
  /** Values longer than this are cut. Default 60. */
  maxValueLength?: number;
}

/** Renders a forest as an indented tree: name, duration, selected attributes, error marker. */
export function formatSpanForest(roots: readonly SpanNode[], options: FormatOptions = {}): string {
  const lines: string[] = [];
  const visit = (node: SpanNode, prefix: string, childPrefix: string): void => {
    lines.push(prefix + describeSpan(node.span, options));
    node.children.forEach((child, index) => {
      const last = index === node.children.length - 1;
      visit(child, childPrefix + (last ? '└─ ' : '├─ '), childPrefix + (last ? '   ' : '│  '));
    });
  };
  for (const root of roots) visit(root, '', '');
  return lines.join('\n');
}

/** Repeats what the span name already says on nearly every span. */
const UNLISTED_BY_DEFAULT: ReadonlySet<string> = new Set([ATTR_CODE_FUNCTION_NAME]);

function describeSpan(span: ReadableSpan, options: FormatOptions): string {
  const parts = [span.name];
  if (options.durations !== false) parts.push(`${hrTimeToMilliseconds(span.duration).toFixed(1)}ms`);
  const maxLength = options.maxValueLength ?? 60;
  const keys = options.attributeKeys ?? Object.keys(span.attributes).filter((key) => !UNLISTED_BY_DEFAULT.has(key));
  for (const key of keys) {
    const value = span.attributes[key];
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    parts.push(`${key}=${text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text}`);
  }
  if (span.status.code === SpanStatusCode.ERROR) parts.push(`ERROR${span.status.message ? `: ${span.status.message}` : ''}`);
  return parts.join(' ');
}
