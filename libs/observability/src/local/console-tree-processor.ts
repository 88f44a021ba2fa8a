import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { buildSpanForest, formatSpanForest } from '../tree/span-tree.js';

const MAX_TRACES = 1000;
const MAX_SPANS_PER_TRACE = 500;

/**
 * Prints each trace as a tree when its local root span ends. Spans are held per trace only
 * until then; the number of traces and spans held is bounded, the oldest trace dropped first.
 */
export class ConsoleTreeProcessor implements SpanProcessor {
  private readonly pending = new Map<string, ReadableSpan[]>();

  constructor(private readonly print: (text: string) => void) {}

  onStart(_span: Span, _parentContext: Context): void {}

  onEnd(span: ReadableSpan): void {
    const traceId = span.spanContext().traceId;
    let spans = this.pending.get(traceId);
    if (spans === undefined) {
      if (this.pending.size >= MAX_TRACES) this.pending.delete(this.pending.keys().next().value as string);
      spans = [];
      this.pending.set(traceId, spans);
    }
    if (spans.length < MAX_SPANS_PER_TRACE) spans.push(span);
    const isLocalRoot = span.parentSpanContext === undefined || span.parentSpanContext.isRemote === true;
    if (!isLocalRoot) return;
    this.pending.delete(traceId);
    this.print(`trace ${traceId}\n${formatSpanForest(buildSpanForest(spans))}\n`);
  }

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {
    this.pending.clear();
  }
}
