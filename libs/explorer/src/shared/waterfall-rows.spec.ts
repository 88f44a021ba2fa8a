import type { SpanView } from './api-types.js';
import { waterfallRows } from './waterfall-rows.js';

const span = (spanId: string, parentSpanId: string | undefined, startMs: number): SpanView => ({
  traceId: 't',
  spanId,
  ...(parentSpanId ? { parentSpanId } : {}),
  name: spanId,
  kind: 'internal',
  service: 's',
  startMs,
  durationMs: 1,
  statusCode: 0,
  attributes: {},
  resource: {},
  events: [],
  links: [],
});

const shape = (spans: SpanView[]) =>
  waterfallRows(spans).map((row) => `${'  '.repeat(row.depth)}${row.span.spanId}${row.orphan ? ' (orphan)' : ''}`);

describe('waterfallRows', () => {
  it('puts each parent before its children and siblings in start order, whatever the arrival order', () => {
    expect(
      shape([span('c2', 'b', 5), span('b', 'a', 2), span('a', undefined, 0), span('c1', 'b', 3), span('d', 'a', 1)]),
    ).toEqual(['a', '  d', '  b', '    c1', '    c2']);
  });

  it('starts a subtree at the top for a span whose parent has not arrived, marked as such', () => {
    expect(shape([span('a', undefined, 0), span('x', 'missing', 1), span('y', 'x', 2)])).toEqual(['a', 'x (orphan)', '  y']);
  });

  it('keeps spans caught in a parent cycle instead of losing them', () => {
    expect(shape([span('p', 'q', 0), span('q', 'p', 1)]).sort()).toEqual(['p (orphan)', 'q (orphan)']);
  });

  it('walks a chain thousands deep without overflowing the stack', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => span(`s${i}`, i === 0 ? undefined : `s${i - 1}`, i));
    const rows = waterfallRows(chain);
    expect(rows[rows.length - 1]).toMatchObject({ depth: 19_999 });
  });
});
