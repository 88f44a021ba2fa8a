import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import type { HeatmapView, SeriesLine } from '../shared/api-types.js';
import { formatNumber } from './format.js';

const LINE_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#59a14f',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#9c755f',
  '#ff9da7',
  '#bab0ac',
];
const HEIGHT = 180;

/** Mounts a uPlot chart sized to its container; rebuilt when its inputs change. */
function useUplot(build: (width: number) => { options: uPlot.Options; data: uPlot.AlignedData }, deps: unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const { options, data } = build(Math.max(container.clientWidth, 240));
    const chart = new uPlot(options, data, container);
    return () => chart.destroy();
  }, deps);
  return ref;
}

const valueAxis: uPlot.Axis = { values: (_u, ticks) => ticks.map((tick) => formatNumber(tick)), size: 60 };

export function TimeSeriesChart(props: { title: string; times: number[]; lines: SeriesLine[] }) {
  const ref = useUplot(
    (width) => ({
      options: {
        width,
        height: HEIGHT,
        ms: 1,
        legend: { show: props.lines.length > 0 },
        series: [
          {},
          ...props.lines.map((line, i) => ({
            label: line.label,
            stroke: LINE_COLORS[i % LINE_COLORS.length],
            width: 1.5,
            spanGaps: false,
          })),
        ],
        axes: [{}, valueAxis],
        scales: { y: { range: (_u, min, max) => [Math.min(0, min ?? 0), max === null || max <= 0 ? 1 : max * 1.1] } },
      },
      data: [props.times, ...props.lines.map((line) => line.values)] as uPlot.AlignedData,
    }),
    [props.times, props.lines],
  );
  return (
    <figure class="chart" data-testid="chart" data-chart-kind="series">
      <figcaption>{props.title}</figcaption>
      <div ref={ref} />
    </figure>
  );
}

/**
 * HEATMAP as Honeycomb shows it: time across, value up, each cell's colour by its count. uPlot
 * draws the axes and scales; the cells are painted in its draw hook on its canvas.
 */
export function HeatmapChart(props: { heatmap: HeatmapView }) {
  const { heatmap } = props;
  const ref = useUplot(
    (width) => {
      const max = Math.max(1, ...heatmap.counts.flat());
      const low = heatmap.bounds[0] ?? 0;
      const high = heatmap.bounds[heatmap.bounds.length - 1] ?? 1;
      const step = heatmap.times.length > 1 ? heatmap.times[1]! - heatmap.times[0]! : 60_000;
      const paintCells = (u: uPlot): void => {
        const { ctx } = u;
        ctx.save();
        heatmap.counts.forEach((row, t) => {
          const x0 = u.valToPos(heatmap.times[t]!, 'x', true);
          const x1 = u.valToPos(heatmap.times[t]! + step, 'x', true);
          row.forEach((count, b) => {
            if (count === 0) return;
            const y0 = u.valToPos(heatmap.bounds[b]!, 'y', true);
            const y1 = u.valToPos(heatmap.bounds[b + 1]!, 'y', true);
            // Square-root scale: a cell of one event stays visible beside a cell of hundreds.
            ctx.fillStyle = `rgba(78, 121, 167, ${0.25 + 0.75 * Math.sqrt(count / max)})`;
            ctx.fillRect(x0, y1, Math.max(1, x1 - x0 - 1), Math.max(1, y0 - y1 - 1));
          });
        });
        ctx.restore();
      };
      return {
        options: {
          width,
          height: HEIGHT,
          ms: 1,
          legend: { show: false },
          series: [{}, { label: heatmap.calculation, stroke: 'transparent', points: { show: false } }],
          axes: [{}, valueAxis],
          scales: {
            x: { time: true, range: () => [heatmap.times[0] ?? 0, (heatmap.times[heatmap.times.length - 1] ?? 0) + step] },
            y: { range: () => [low, high > low ? high : low + 1] },
          },
          hooks: { draw: [paintCells] },
        },
        data: [heatmap.times, heatmap.times.map(() => null)] as uPlot.AlignedData,
      };
    },
    [heatmap],
  );
  return (
    <figure class="chart" data-testid="chart" data-chart-kind="heatmap">
      <figcaption>{heatmap.calculation}</figcaption>
      <div ref={ref} />
    </figure>
  );
}

export function BurnDownChart(props: { times: number[]; budget: number[] }) {
  return (
    <TimeSeriesChart
      title="Error budget remaining (%)"
      times={props.times}
      lines={[{ label: 'budget left %', values: props.budget }]}
    />
  );
}
