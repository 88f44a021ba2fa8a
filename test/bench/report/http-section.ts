import { APP_MODE_LABELS as MODE_LABELS, type HttpSettings } from '../http/http-result.js';
import type { Estimate } from '../support/stats.js';
import { type Comparison, type HttpAnalysis } from './http-analysis.js';
import { count, fixed, megabytes, ratioWithInterval, signedWithInterval, table } from './markdown.js';

/** The library's default `batch.maxQueueSize`, which the app keeps. */
const DEFAULT_QUEUE = 2048;
const MB = 2 ** 20;

export function httpOverheadSection(analysis: HttpAnalysis, settings: HttpSettings): string {
  return [
    '### CPU per request',
    '',
    table(
      ['route', 'app', 'CPU µs/request', 'req/s', 'p50 ms', 'p99 ms', 'spans/request', 'export encoding', 'failed'],
      analysis.modes.map((row) => [
        row.route,
        MODE_LABELS[row.mode],
        fixed(row.cpuMicrosPerRequest),
        fixed(row.requestsPerSecond),
        fixed(row.p50Millis, 2),
        fixed(row.p99Millis, 2),
        row.spansPerRequest === undefined ? '' : fixed(row.spansPerRequest, 2),
        row.exportEncodings.join(', '),
        String(row.failures),
      ]),
    ),
    '',
    '### HTTP overhead',
    '',
    table(
      [
        'route',
        'app',
        'CPU/request vs disabled',
        'CPU µs added per request',
        'throughput vs disabled',
        'p50 vs disabled',
        'p99 vs disabled',
      ],
      analysis.overhead.map((row) => comparisonCells(row)),
    ),
    '',
    `Light fixture: the library adds ${signedWithInterval(added(analysis, 'light-library'))} µs of CPU per request, the standard OpenTelemetry stack ` +
      `${signedWithInterval(added(analysis, 'light-otel'))} µs; per round, the library's added CPU is ${ratioWithInterval(analysis.addedVsOtel)} of the stack's ` +
      '(mean of per-round ratios, 95% interval).',
    '',
    `Rounds of ${settings.durationSeconds} s per route, ${settings.connections} connections per app, in blocks of up to ${count(settings.restartEveryRounds, 'round')}: ` +
      `each block is served by fresh processes, warmed up for ${settings.warmupSeconds} s per route. ` +
      'Ratios: geometric mean of the per-round ratios with its 95% interval over the blocks of rounds one set of processes served. ' +
      "The judged ratios are CPU per request against tracing disabled, capacity under outage, and the library's added CPU over the standard stack's; " +
      `each route runs until its judged intervals are all within ±${fixed(settings.halfWidth * 100, 0)}% (or a limit is reached), then stops, leaving the time to the routes still running ` +
      `(${count(analysis.rounds, 'round')} in all).`,
    '',
    table(
      ['route', 'rounds', 'blocks', 'widest judged interval', 'stopped because'],
      analysis.routes.map((route) => [
        route.route,
        String(route.rounds),
        String(route.blocks),
        `±${fixed(route.widestHalfWidth * 100, 1)}%`,
        route.stoppedBecause,
      ]),
    ),
  ].join('\n');
}

function added(analysis: HttpAnalysis, mode: 'light-library' | 'light-otel'): Estimate {
  const row = analysis.overhead.find((entry) => entry.mode === mode);
  return row?.addedCpuMicros ?? { value: Number.NaN, low: Number.NaN, high: Number.NaN, n: 0 };
}

function comparisonCells(row: Comparison): string[] {
  return [
    row.route,
    MODE_LABELS[row.mode],
    ratioWithInterval(row.cpu),
    signedWithInterval(row.addedCpuMicros),
    ratioWithInterval(row.throughput),
    ratioWithInterval(row.p50),
    ratioWithInterval(row.p99),
  ];
}

/** `bytesPerQueuedSpan`: from the memory section, to size a full export queue. */
export function outageSection(analysis: HttpAnalysis, bytesPerQueuedSpan: number): string {
  const megabytesEstimate = (estimate: Estimate | undefined): string =>
    estimate === undefined
      ? ''
      : signedWithInterval({ value: estimate.value / MB, low: estimate.low / MB, high: estimate.high / MB, n: estimate.n });
  return [
    '### Exporter outage: throughput and latency',
    '',
    table(
      ['route', 'app', 'req/s', 'p99 ms', 'capacity vs healthy', 'measured throughput vs healthy', 'p99 vs healthy', 'failed'],
      analysis.outage.map((row) => {
        const summary = analysis.modes.find((entry) => entry.route === row.route && entry.mode === row.mode);
        return [
          row.route,
          MODE_LABELS[row.mode],
          fixed(summary?.requestsPerSecond ?? Number.NaN),
          fixed(summary?.p99Millis ?? Number.NaN, 2),
          ratioWithInterval(row.capacity),
          ratioWithInterval(row.throughput),
          ratioWithInterval(row.p99),
          String(summary?.failures ?? 0),
        ];
      }),
    ),
    '',
    "Capacity: the healthy app's CPU per request over the outage app's, per round — the throughput the outage app keeps when CPU is what limits it, as it is here. " +
      'Measured throughput is shown too, but on a shared machine it mostly tracks how much CPU other processes left each run: its intervals are wide and the target is judged on capacity.',
    '',
    '### Exporter outage: memory',
    '',
    table(
      [
        'app',
        'settled heap (MB)',
        'settled heap vs healthy (MB)',
        'peak RSS in a round (MB)',
        'peak RSS vs healthy (MB)',
        'library warnings',
      ],
      analysis.memory.map((row) => [
        MODE_LABELS[row.mode],
        megabytes(row.settledHeapBytes),
        megabytesEstimate(row.settledHeapVsHealthy),
        megabytes(row.peakRssBytes),
        megabytesEstimate(row.peakRssVsHealthy),
        String(row.stats.warnings),
      ]),
    ),
    '',
    'Settled heap: the JS heap after two full collections, read from every app after every round (outside the measured windows); ' +
      'peak RSS: the highest RSS sampled every 50 ms in the round. Medians over rounds; differences from the healthy app are means of ' +
      'per-round differences with their 95% intervals. Peaks track how much garbage V8 lets accumulate before a major collection and ' +
      "PGlite's WebAssembly memory, so the settled heap is the measure of memory the exporter actually retains.",
    '',
    `While the endpoint is down the export queue fills to its default bound of ${DEFAULT_QUEUE} spans and newer spans are dropped ` +
      `(the library warnings); at ${fixed(bytesPerQueuedSpan, 0)} bytes per queued span (section 2) a full queue holds about ` +
      `${megabytes(DEFAULT_QUEUE * bytesPerQueuedSpan)} MB.`,
    '',
    ...analysis.memory
      .filter((row) => row.stats.firstWarning !== undefined)
      .map(
        (row) =>
          `- First warning, ${MODE_LABELS[row.mode]}: \`${truncate(repositoryRelative(row.stats.firstWarning ?? ''), 240)}\``,
      ),
  ].join('\n');
}

function truncate(text: string, length: number): string {
  const single = text.replace(/\s+/g, ' ').replace(/`/g, "'");
  return single.length > length ? `${single.slice(0, length)}…` : single;
}

/** Stack traces name files relative to the repository, so the report reads the same on any machine. */
function repositoryRelative(text: string): string {
  return text.replaceAll(`${process.cwd()}/`, '');
}
