import { ATTR_EXCEPTION_MESSAGE, ATTR_EXCEPTION_STACKTRACE, ATTR_EXCEPTION_TYPE } from '@opentelemetry/semantic-conventions';
import type { Attributes, SpanView } from '../shared/api-types.js';
import { formatDuration } from './format.js';
import { Link } from './router.js';

/** The OpenTelemetry name of the span event that records an exception. */
const EXCEPTION_EVENT = 'exception';

function AttributeTable(props: { attributes: Attributes; testId: string }) {
  const keys = Object.keys(props.attributes).sort();
  if (keys.length === 0) return <p class="muted">none</p>;
  return (
    <table class="attributes" data-testid={props.testId}>
      <tbody>
        {keys.map((key) => (
          <tr>
            <th>{key}</th>
            <td>{String(props.attributes[key])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SpanDetails(props: {
  span: SpanView;
  traceStartMs: number;
  spans: readonly SpanView[];
  onSelect: (spanId: string) => void;
}) {
  const { span } = props;
  const exceptions = span.events.filter((event) => event.name === EXCEPTION_EVENT);
  const inTrace = new Set(props.spans.map((s) => s.spanId));
  return (
    <aside class="span-details" data-testid="span-details">
      <h3>{span.name}</h3>
      <dl>
        <dt>Service</dt>
        <dd>{span.service}</dd>
        <dt>Kind</dt>
        <dd>{span.kind}</dd>
        <dt>Duration</dt>
        <dd>{formatDuration(span.durationMs)}</dd>
        <dt>Starts at</dt>
        <dd>+{formatDuration(span.startMs - props.traceStartMs)}</dd>
        <dt>Status</dt>
        <dd class={span.statusCode === 2 ? 'error-text' : ''} data-testid="span-status">
          {['unset', 'ok', 'error'][span.statusCode] ?? String(span.statusCode)}
          {span.statusMessage ? `: ${span.statusMessage}` : ''}
        </dd>
        <dt>Span id</dt>
        <dd class="mono">{span.spanId}</dd>
        {span.parentSpanId && (
          <>
            <dt>Parent</dt>
            <dd class="mono">{span.parentSpanId}</dd>
          </>
        )}
        {span.scope && (
          <>
            <dt>Scope</dt>
            <dd>{span.scope}</dd>
          </>
        )}
      </dl>
      {exceptions.map((exception) => (
        <div class="exception" data-testid="span-exception">
          <h4>
            {String(exception.attributes[ATTR_EXCEPTION_TYPE] ?? 'Exception')}:{' '}
            {String(exception.attributes[ATTR_EXCEPTION_MESSAGE] ?? '')}
          </h4>
          {exception.attributes[ATTR_EXCEPTION_STACKTRACE] !== undefined && (
            <pre>{String(exception.attributes[ATTR_EXCEPTION_STACKTRACE])}</pre>
          )}
        </div>
      ))}
      <h4>Attributes</h4>
      <AttributeTable attributes={span.attributes} testId="span-attributes" />
      <h4>Events ({span.events.length})</h4>
      {span.events.map((event) => (
        <details class="event">
          <summary>
            +{formatDuration(event.timeMs - props.traceStartMs)} {event.name}
          </summary>
          <AttributeTable attributes={event.attributes} testId="event-attributes" />
        </details>
      ))}
      <h4>Links ({span.links.length})</h4>
      {span.links.map((link) => (
        <div class="link" data-testid="span-link">
          {link.traceId === span.traceId && inTrace.has(link.spanId) ? (
            <a href={`#span-${link.spanId}`} onClick={(event) => (event.preventDefault(), props.onSelect(link.spanId))}>
              span {link.spanId} in this trace
            </a>
          ) : (
            <Link href={`/trace/${link.traceId}#span-${link.spanId}`}>
              trace {link.traceId} · span {link.spanId}
            </Link>
          )}
          <AttributeTable attributes={link.attributes} testId="link-attributes" />
        </div>
      ))}
      <h4>Resource</h4>
      <AttributeTable attributes={span.resource} testId="span-resource" />
    </aside>
  );
}
