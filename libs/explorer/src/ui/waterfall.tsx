import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SpanView } from '../shared/api-types.js';
import { fetchTrace } from './api.js';
import { formatDuration, formatTime, serviceColor } from './format.js';
import { useLiveQuery } from './live.js';
import { SpanDetails } from './span-details.js';
import { waterfallRows } from '../shared/waterfall-rows.js';

const TICKS = [0, 0.25, 0.5, 0.75, 1];
/** Matches `.waterfall-row`'s height in styles.css. */
const ROW_HEIGHT = 22;
/** Rows rendered above and below the viewport, so scrolling shows no blank band. */
const OVERSCAN = 30;

/**
 * The rows of a tall waterfall that are in or near the viewport: a 2,000-span trace renders a
 * screenful of rows instead of 2,000, and scrolling moves the window.
 */
function useVisibleRows(container: RefObject<HTMLDivElement | null>, count: number): [number, number] {
  const [range, setRange] = useState<[number, number]>([0, Math.min(count, 100)]);
  useLayoutEffect(() => {
    const update = (): void => {
      const top = container.current?.getBoundingClientRect().top ?? 0;
      const first = Math.max(0, Math.floor(-top / ROW_HEIGHT) - OVERSCAN);
      const last = Math.min(count, Math.ceil((window.innerHeight - top) / ROW_HEIGHT) + OVERSCAN);
      setRange((previous) => (previous[0] === first && previous[1] === last ? previous : [first, last]));
    };
    update();
    let frame = 0;
    const schedule = (): void => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        update();
      });
    };
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      cancelAnimationFrame(frame);
    };
  }, [container, count]);
  return range;
}

export function TraceView(props: { traceId: string; spanId?: string }) {
  const [selected, setSelected] = useState<string | undefined>(props.spanId);
  const { data: loaded, error } = useLiveQuery(() => fetchTrace(props.traceId), [props.traceId]);
  // A trace loaded for the previous URL is not shown under this one.
  const trace = loaded?.traceId === props.traceId ? loaded : undefined;

  useEffect(() => setSelected(props.spanId), [props.traceId, props.spanId]);

  const rows = useMemo(() => (trace ? waterfallRows(trace.spans) : []), [trace]);
  const rowsRef = useRef<HTMLDivElement>(null);
  const [first, last] = useVisibleRows(rowsRef, rows.length);
  // A span named in the URL (#span-<id>) is scrolled into view once its trace has loaded.
  useEffect(() => {
    const index = rows.findIndex((row) => row.span.spanId === props.spanId);
    const container = rowsRef.current;
    if (index < 0 || !container) return;
    const rowTop = container.getBoundingClientRect().top + window.scrollY + index * ROW_HEIGHT;
    if (rowTop < window.scrollY || rowTop > window.scrollY + window.innerHeight - ROW_HEIGHT)
      window.scrollTo({ top: rowTop - 120 });
  }, [rows, props.spanId]);
  const bounds = useMemo(() => {
    if (!trace || trace.spans.length === 0) return { start: 0, total: 1 };
    let start = Infinity;
    let end = -Infinity;
    for (const span of trace.spans) {
      start = Math.min(start, span.startMs);
      end = Math.max(end, span.startMs + span.durationMs);
    }
    return { start, total: Math.max(end - start, 0.001) };
  }, [trace]);

  if (error)
    return (
      <p class="error-text" data-testid="trace-error">
        {error}
      </p>
    );
  if (!trace) return <p class="muted">Loading trace {props.traceId}…</p>;
  const services = [...new Set(trace.spans.map((span) => span.service))];
  const selectedSpan = trace.spans.find((span) => span.spanId === selected);

  return (
    <section class="trace-view">
      <header class="trace-header">
        <h2>{rows[0]?.span.name ?? props.traceId}</h2>
        <p class="muted">
          <span class="mono">{trace.traceId}</span> · {formatTime(bounds.start)} · {formatDuration(bounds.total)} ·{' '}
          {trace.spans.length} spans
        </p>
        <p class="legend">
          {services.map((service) => (
            <span class="service-chip" style={{ borderColor: serviceColor(service) }}>
              {service}
            </span>
          ))}
        </p>
      </header>
      <div class="trace-body">
        <div class="waterfall" data-testid="waterfall" data-row-count={rows.length}>
          <div class="waterfall-axis">
            <div class="name-col" />
            <div class="bar-col">
              {TICKS.map((tick) => (
                <span class="tick" style={{ left: `${tick * 100}%` }}>
                  {formatDuration(tick * bounds.total)}
                </span>
              ))}
            </div>
          </div>
          <div class="waterfall-rows" ref={rowsRef} style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
            {rows.slice(first, last).map(({ span, depth, orphan }, offset) => (
              <SpanRow
                key={span.spanId}
                top={(first + offset) * ROW_HEIGHT}
                span={span}
                depth={depth}
                orphan={orphan}
                left={(span.startMs - bounds.start) / bounds.total}
                width={span.durationMs / bounds.total}
                selected={span.spanId === selected}
                onSelect={() => {
                  setSelected(span.spanId);
                  history.replaceState(null, '', `#span-${span.spanId}`);
                }}
              />
            ))}
          </div>
        </div>
        {selectedSpan && (
          <SpanDetails span={selectedSpan} traceStartMs={bounds.start} spans={trace.spans} onSelect={setSelected} />
        )}
      </div>
    </section>
  );
}

function SpanRow(props: {
  span: SpanView;
  top: number;
  depth: number;
  orphan: boolean;
  left: number;
  width: number;
  selected: boolean;
  onSelect: () => void;
}) {
  const { span } = props;
  const isError = span.statusCode === 2;
  return (
    <div
      class={`waterfall-row${props.selected ? ' selected' : ''}${isError ? ' is-error' : ''}`}
      data-testid="waterfall-row"
      data-span-id={span.spanId}
      data-span-name={span.name}
      data-depth={props.depth}
      data-service={span.service}
      style={{ top: `${props.top}px` }}
      role="button"
      tabIndex={0}
      onClick={props.onSelect}
      onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && props.onSelect()}
    >
      <div class="name-col" style={{ paddingLeft: `${Math.min(props.depth, 40) * 12 + 4}px` }} title={span.name}>
        {isError && <span class="error-mark">!</span>}
        <span class="span-name">{span.name}</span>
        <span class="muted service-name">{span.service}</span>
        {props.orphan && <span class="muted"> (parent not received)</span>}
      </div>
      <div class="bar-col">
        <div
          class="bar"
          style={{
            left: `${props.left * 100}%`,
            width: `${props.width * 100}%`,
            background: serviceColor(span.service),
          }}
        />
        <span class="bar-label" style={labelPosition(props.left, props.width)}>
          {formatDuration(span.durationMs)}
        </span>
      </div>
    </div>
  );
}

/** The duration label sits after the bar, before it when the bar reaches the right edge, or inside a bar that spans nearly all. */
function labelPosition(left: number, width: number): Record<string, string> {
  if (left + width <= 0.85) return { left: `${(left + width) * 100}%` };
  if (left >= 0.15) return { right: `${(1 - left) * 100}%`, marginRight: '4px' };
  return { left: `${left * 100}%`, color: '#fff' };
}
