import { APP_MODE_LABELS as MODE_LABELS, type HttpSettings } from '../http/http-result.js';
import type { HttpAnalysis } from './http-analysis.js';
import { count, fixed, megabytes, ratio, signed, table } from './markdown.js';

/** The library's default `batch.maxQueueSize`, which the app keeps. */
const DEFAULT_QUEUE = 2048;

export function httpOverheadSection(analysis: HttpAnalysis, settings: HttpSettings): string {
  return [
    '### HTTP overhead',
    '',
    table(
      [
        'route',
        'app',
        'req/s',
        'p50 ms',
        'p99 ms',
        'throughput vs disabled',
        'p50 vs disabled',
        'p99 vs disabled',
        'spans/request',
        'failed',
      ],
      analysis.overhead.map((row) => [
        row.route,
        MODE_LABELS[row.mode],
        fixed(row.requestsPerSecond),
        fixed(row.p50Millis, 2),
        fixed(row.p99Millis, 2),
        ratio(row.throughputRatio),
        ratio(row.p50Ratio),
        ratio(row.p99Ratio),
        row.mode === 'healthy' ? fixed(analysis.spansPerRequest[row.route], 2) : '',
        String(row.failures),
      ]),
    ),
    '',
    `${count(settings.rounds, 'round')} of ${settings.durationSeconds} s per route and app, ${settings.connections} connections, ` +
      `after ${settings.warmupSeconds} s of warm-up each.`,
  ].join('\n');
}

/** `bytesPerQueuedSpan`: from the memory section, to size a full export queue. */
export function outageSection(analysis: HttpAnalysis, bytesPerQueuedSpan: number): string {
  return [
    '### Exporter outage: throughput and latency',
    '',
    table(
      ['route', 'app', 'req/s', 'p99 ms', 'throughput vs healthy', 'p99 vs healthy', 'failed'],
      analysis.outage.map((row) => [
        row.route,
        MODE_LABELS[row.mode],
        fixed(row.requestsPerSecond),
        fixed(row.p99Millis, 2),
        ratio(row.throughputRatio),
        ratio(row.p99Ratio),
        String(row.failures),
      ]),
    ),
    '',
    '### Exporter outage: memory',
    '',
    table(
      [
        'app',
        'RSS at start of rounds (MB)',
        'peak RSS in rounds (MB)',
        'growth in rounds (MB)',
        'peak vs healthy (MB)',
        'V8 heap at peak (MB)',
        'external at peak (MB)',
        'settled heap at end (MB)',
        'settled heap vs healthy (MB)',
        'VmHWM (MB)',
        'library warnings',
      ],
      analysis.memory.map(({ mode, stats, peakVsHealthyBytes, settledHeapVsHealthyBytes }) => [
        MODE_LABELS[mode],
        megabytes(stats.baselineRssBytes),
        megabytes(stats.peakRssBytes),
        signed((stats.peakRssBytes - stats.baselineRssBytes) / 2 ** 20),
        signed(peakVsHealthyBytes / 2 ** 20),
        megabytes(stats.peakHeapTotalBytes),
        megabytes(stats.peakExternalBytes),
        megabytes(stats.settledHeapBytes),
        signed(settledHeapVsHealthyBytes / 2 ** 20),
        megabytes(stats.highWaterMarkBytes),
        String(stats.warnings),
      ]),
    ),
    '',
    noiseNote(analysis),
    '',
    `While the endpoint is down the export queue fills to its default bound of ${DEFAULT_QUEUE} spans and newer spans are dropped ` +
      `(the library warnings); at ${fixed(bytesPerQueuedSpan, 0)} bytes per queued span (section 2) a full queue holds about ` +
      `${megabytes(DEFAULT_QUEUE * bytesPerQueuedSpan)} MB.`,
    '',
    ...analysis.memory
      .filter((row) => row.stats.firstWarning !== undefined)
      .map((row) => `- First warning, ${MODE_LABELS[row.mode]}: \`${truncate(row.stats.firstWarning ?? '', 240)}\``),
  ].join('\n');
}

/** The disabled app exports nothing, so its distance from the healthy one shows what process-to-process variation alone does. */
function noiseNote(analysis: HttpAnalysis): string {
  const disabled = analysis.memory.find((row) => row.mode === 'disabled');
  if (disabled === undefined) return '';
  return (
    `For scale: the tracing-disabled app, which exports nothing, peaked ${signed(disabled.peakVsHealthyBytes / 2 ** 20)} MB from the healthy one, ` +
    'so peak differences of that size between separate processes need not come from the exporter; peaks mostly track how much ' +
    'garbage V8 lets accumulate before a major collection. The settled heap is the measure of memory actually retained.'
  );
}

function truncate(text: string, length: number): string {
  const single = text.replace(/\s+/g, ' ').replace(/`/g, "'");
  return single.length > length ? `${single.slice(0, length)}…` : single;
}
