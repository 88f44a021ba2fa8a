import { compileExpression, type EventClock, type Reader } from '../expression/compile.js';
import type { DerivedColumn } from '../spec/derived-column.js';
import type { SpanEvent } from './span-event.js';

export type ColumnResolver = (name: string) => Reader<SpanEvent>;

const seconds = (ms: unknown): number | null => (typeof ms === 'number' ? ms / 1000 : null);

/**
 * EVENT_TIMESTAMP() is the event's `timestamp` in seconds. Honeycomb stamps INGEST_TIMESTAMP() when an
 * event arrives; a span is exported when it ends, so the local engine takes the span's end.
 */
export const SPAN_CLOCK: EventClock<SpanEvent> = {
  eventTimestamp: (event) => seconds(event['timestamp']),
  ingestTimestamp: (event) => seconds(Number(event['timestamp']) + Number(event['duration_ms'] ?? 0)),
};

/** Reads plain columns from the event and computes derived columns from their expressions. */
export function createColumnResolver(derivedColumns: readonly DerivedColumn[] = []): ColumnResolver {
  const definitions = new Map(derivedColumns.map((d) => [d.alias, d]));
  const compiled = new Map<string, Reader<SpanEvent>>();
  const compiling = new Set<string>();

  const resolve: ColumnResolver = (name) => {
    const definition = definitions.get(name);
    if (!definition) return (event) => event[name] ?? null;
    const cached = compiled.get(name);
    if (cached) return cached;
    if (compiling.has(name)) throw new Error(`derived column ${name} refers to itself`);
    compiling.add(name);
    const reader = compileExpression(definition.expression, resolve, SPAN_CLOCK);
    compiling.delete(name);
    compiled.set(name, reader);
    return reader;
  };
  return resolve;
}
