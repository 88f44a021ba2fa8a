import type { SpanView } from './api-types.js';

export interface WaterfallRow {
  span: SpanView;
  depth: number;
  /** The span names a parent that is not (yet) in the trace. */
  orphan: boolean;
}

/**
 * The spans in waterfall order: each parent before its children, siblings by start time. Spans
 * whose parent is missing start their own subtree at the top level.
 */
export function waterfallRows(spans: readonly SpanView[]): WaterfallRow[] {
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  const children = new Map<string, SpanView[]>();
  const roots: SpanView[] = [];
  for (const span of spans) {
    if (span.parentSpanId && byId.has(span.parentSpanId)) {
      const siblings = children.get(span.parentSpanId);
      if (siblings) siblings.push(span);
      else children.set(span.parentSpanId, [span]);
    } else roots.push(span);
  }
  const byStart = (a: SpanView, b: SpanView): number => a.startMs - b.startMs;
  const rows: WaterfallRow[] = [];
  // Iterative depth-first walk: a 2,000-deep chain must not overflow the stack.
  const stack: Array<{ span: SpanView; depth: number }> = roots
    .sort(byStart)
    .reverse()
    .map((span) => ({ span, depth: 0 }));
  const visited = new Set<string>();
  while (stack.length > 0) {
    const { span, depth } = stack.pop()!;
    if (visited.has(span.spanId)) continue;
    visited.add(span.spanId);
    rows.push({ span, depth, orphan: Boolean(span.parentSpanId) && !byId.has(span.parentSpanId!) });
    const kids = (children.get(span.spanId) ?? []).sort(byStart);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ span: kids[i]!, depth: depth + 1 });
  }
  // A parent cycle (malformed input) leaves spans unreached: show them rather than lose them.
  for (const span of spans) if (!visited.has(span.spanId)) rows.push({ span, depth: 0, orphan: true });
  return rows;
}
