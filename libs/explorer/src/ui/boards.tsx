import { useState } from 'preact/hooks';
import type { PanelView, SloView, TableView } from '../shared/api-types.js';
import { fetchBoards } from './api.js';
import { BurnDownChart, HeatmapChart, TimeSeriesChart } from './charts.js';
import { formatNumber, formatTime } from './format.js';
import { useLiveQuery } from './live.js';

const RANGES: Array<[string, string]> = [
  ['all', 'All loaded spans'],
  ['900', 'Last 15 minutes'],
  ['3600', 'Last hour'],
  ['21600', 'Last 6 hours'],
  ['86400', 'Last 24 hours'],
  ['604800', 'Last 7 days'],
];

export function Boards() {
  const [range, setRange] = useState('all');
  const { data: boards, error } = useLiveQuery(() => fetchBoards(range), [range]);

  return (
    <section class="boards">
      <div class="filters">
        <label>
          Time range{' '}
          <select data-testid="board-range" value={range} onChange={(event) => setRange(event.currentTarget.value)}>
            {RANGES.map(([value, label]) => (
              <option value={value}>{label}</option>
            ))}
          </select>
        </label>
        {boards && (
          <span class="muted">
            {formatTime(boards.window.startMs)} → {formatTime(boards.window.endMs)}
          </span>
        )}
      </div>
      {error && <p class="error-text">{error}</p>}
      {boards && !boards.definitionsLoaded && (
        <p class="empty">No definitions loaded: start the explorer with --definitions &lt;module exporting definitions&gt;.</p>
      )}
      {boards && boards.definitionsLoaded && (
        <>
          <h2>Triggers</h2>
          <table class="traces" data-testid="triggers">
            <thead>
              <tr>
                <th>State</th>
                <th>Trigger</th>
                <th class="num">Value</th>
                <th>Threshold</th>
              </tr>
            </thead>
            <tbody>
              {boards.triggers.map((trigger) => (
                <tr data-testid="trigger-row" class={trigger.fired ? 'has-error' : ''}>
                  <td>{trigger.fired ? <span class="badge firing">FIRING</span> : <span class="badge ok">ok</span>}</td>
                  <td title={trigger.description}>{trigger.name}</td>
                  <td class="num">{formatNumber(trigger.value)}</td>
                  <td>{trigger.threshold}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>SLOs</h2>
          <div class="panels">
            {boards.slos.map((slo) => (
              <SloCard slo={slo} />
            ))}
          </div>
          {boards.boards.map((board) => (
            <section class="board" data-testid="board" data-board-name={board.name}>
              <h2>{board.name}</h2>
              {board.description && <p class="muted">{board.description}</p>}
              <div class="panels">
                {board.panels.map((panel) => (
                  <Panel panel={panel} />
                ))}
              </div>
            </section>
          ))}
        </>
      )}
    </section>
  );
}

function SloCard(props: { slo: SloView }) {
  const { slo } = props;
  return (
    <div class="panel" data-testid="slo" data-slo-name={slo.name}>
      <h3>{slo.name}</h3>
      <p>
        <span class={slo.budgetRemainingPercent < 0 ? 'badge firing' : 'badge ok'}>{formatNumber(slo.compliancePercent)}%</span>{' '}
        of {slo.eligible} eligible events met the SLI (target {slo.targetPercent}% over {slo.periodDays} days); budget left{' '}
        {formatNumber(slo.budgetRemainingPercent)}%
      </p>
      <BurnDownChart times={slo.burnDown.times} budget={slo.burnDown.budgetRemainingPercent} />
    </div>
  );
}

function Panel(props: { panel: PanelView }) {
  const { panel } = props;
  if (panel.kind === 'text')
    return (
      <div class="panel text-panel" data-testid="panel">
        {panel.content}
      </div>
    );
  if (panel.kind === 'slo') {
    return panel.slo ? (
      <SloCard slo={panel.slo} />
    ) : (
      <div class="panel" data-testid="panel">
        <h3>{panel.name}</h3>
        <p class="error-text">{panel.error}</p>
      </div>
    );
  }
  return (
    <div class="panel" data-testid="panel" data-panel-name={panel.name}>
      <h3>{panel.name}</h3>
      {panel.description && <p class="muted">{panel.description}</p>}
      {panel.error && <p class="error-text">{panel.error}</p>}
      {panel.charts.map((chart) => (
        <TimeSeriesChart title={chart.calculation} times={panel.times} lines={chart.lines} />
      ))}
      {panel.heatmaps.map((heatmap) => (
        <HeatmapChart heatmap={heatmap} />
      ))}
      {panel.table && <ResultTable table={panel.table} />}
    </div>
  );
}

function ResultTable(props: { table: TableView }) {
  return (
    <div class="table-scroll">
      <table class="result-table" data-testid="result-table">
        <thead>
          <tr>
            {props.table.columns.map((column) => (
              <th>{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.table.rows.length === 0 && (
            <tr>
              <td colSpan={props.table.columns.length} class="muted">
                no rows in this time range
              </td>
            </tr>
          )}
          {props.table.rows.map((row) => (
            <tr>
              {row.map((cell) => (
                <td class={typeof cell === 'number' ? 'num' : ''}>
                  {typeof cell === 'number' ? formatNumber(cell) : String(cell ?? '(none)')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
