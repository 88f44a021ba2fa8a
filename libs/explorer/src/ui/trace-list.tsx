import { useState } from 'preact/hooks';
import { fetchTraces, type ListFilters } from './api.js';
import { formatDuration, formatTime, serviceColor } from './format.js';
import { useLiveQuery } from './live.js';
import { Link, navigate } from './router.js';

const NO_FILTERS: ListFilters = { service: '', name: '', attr: '', errors: false, q: '' };

export function TraceList() {
  const [filters, setFilters] = useState<ListFilters>(NO_FILTERS);
  const { data: list, error } = useLiveQuery(() => fetchTraces(filters), [filters]);

  const set = (patch: Partial<ListFilters>): void => setFilters({ ...filters, ...patch });
  const openIfId = (value: string): void => {
    if (/^[0-9a-f]{32}$/i.test(value.trim())) navigate(`/trace/${value.trim().toLowerCase()}`);
  };

  return (
    <section class="trace-list">
      <form class="filters" onSubmit={(event) => (event.preventDefault(), openIfId(filters.q))}>
        <input
          type="search"
          placeholder="Trace id"
          aria-label="Search by trace id"
          data-testid="filter-trace-id"
          value={filters.q}
          onInput={(event) => set({ q: event.currentTarget.value })}
        />
        <select
          aria-label="Service"
          data-testid="filter-service"
          value={filters.service}
          onChange={(event) => set({ service: event.currentTarget.value })}
        >
          <option value="">All services</option>
          {list?.services.map((service) => (
            <option value={service}>{service}</option>
          ))}
        </select>
        <select
          aria-label="Span name"
          data-testid="filter-span-name"
          value={filters.name}
          onChange={(event) => set({ name: event.currentTarget.value })}
        >
          <option value="">Any span name</option>
          {list?.spanNames.map((name) => (
            <option value={name}>{name}</option>
          ))}
        </select>
        <input
          type="search"
          placeholder="attribute or attribute=value"
          aria-label="Attribute filter"
          data-testid="filter-attribute"
          value={filters.attr}
          onInput={(event) => set({ attr: event.currentTarget.value })}
        />
        <label class="checkbox">
          <input
            type="checkbox"
            data-testid="filter-errors"
            checked={filters.errors}
            onChange={(event) => set({ errors: event.currentTarget.checked })}
          />{' '}
          Errors only
        </label>
      </form>
      {error && <p class="error-text">{error}</p>}
      {list && (
        <p class="muted" data-testid="trace-count">
          {list.matched} of {list.totalTraces} traces ({list.totalSpans} spans)
          {list.matched > list.traces.length ? `, newest ${list.traces.length} shown` : ''}
        </p>
      )}
      {list && list.totalTraces === 0 && (
        <p class="empty">
          No traces yet. Point an OpenTelemetry SDK at this server: OTEL_EXPORTER_OTLP_ENDPOINT={window.location.origin}
        </p>
      )}
      <table class="traces">
        <thead>
          <tr>
            <th>Started</th>
            <th>Root span</th>
            <th>Services</th>
            <th class="num">Duration</th>
            <th class="num">Spans</th>
            <th>Trace id</th>
          </tr>
        </thead>
        <tbody>
          {list?.traces.map((trace) => (
            <tr
              key={trace.traceId}
              data-testid="trace-row"
              data-trace-id={trace.traceId}
              class={trace.errorCount > 0 ? 'has-error' : ''}
            >
              <td class="mono">{formatTime(trace.startMs)}</td>
              <td>
                {trace.errorCount > 0 && (
                  <span class="error-mark" title={`${trace.errorCount} span(s) with errors`} data-testid="error-mark">
                    !
                  </span>
                )}
                <Link href={`/trace/${trace.traceId}`} testId="trace-link">
                  {trace.rootName}
                </Link>
              </td>
              <td>
                {trace.services.map((service) => (
                  <span class="service-chip" style={{ borderColor: serviceColor(service) }}>
                    {service}
                  </span>
                ))}
              </td>
              <td class="num">{formatDuration(trace.durationMs)}</td>
              <td class="num">{trace.spanCount}</td>
              <td class="mono muted">{trace.traceId}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
