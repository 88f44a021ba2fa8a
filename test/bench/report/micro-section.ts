import type { MemoryResult } from '../memory/memory-result.js';
import type { MicroResult } from '../micro/micro-result.js';
import { VARIANT_LABELS } from '../micro/targets/bench-target.js';
import { count, fixed, range, ratio, ratioWithInterval, signed, signedWithInterval, table } from './markdown.js';
import type { MemoryRow, MicroRow } from './micro-analysis.js';

export function enabledMicroSection(rows: MicroRow[], result: MicroResult): string {
  const spans = result.spans;
  return [
    `### Decorators, tracing enabled, Node ${result.node}`,
    '',
    table(
      [
        'method',
        'variant',
        'ns/call (median)',
        'middle 50%',
        'vs manual span (95% CI)',
        'ns added vs manual (95% CI)',
        'vs nestjs-otel',
        'ns added vs plain',
      ],
      rows.map((row) => [
        row.kind,
        VARIANT_LABELS[row.variant],
        fixed(row.medianNs),
        range(row.iqrNs),
        row.variant === 'plain' || row.variant === 'manual' ? '' : ratioWithInterval(row.vsManual),
        row.variant === 'plain' || row.variant === 'manual' ? '' : signedWithInterval(row.addedVsManualNs),
        row.variant === 'plain' ? '' : ratio(row.vsNestjsOtel.value),
        row.variant === 'plain' ? '' : signed(row.addedNs.value),
      ]),
    ),
    '',
    `${processRounds(result)}. Spans: ${spans.expected} calls made on tracing variants, ${spans.exported} spans exported — ` +
      (spans.expected === spans.exported ? 'every span arrived.' : '**spans were lost; these numbers are not valid**.') +
      (result.warnings.length > 0 ? ` Library warnings: ${result.warnings.join('; ')}` : ''),
  ].join('\n');
}

export function disabledMicroSection(rows: MicroRow[], result: MicroResult): string {
  return [
    `### Decorators, tracing disabled, Node ${result.node}`,
    '',
    table(
      ['method', 'variant', 'ns/call (median)', 'middle 50%', 'ns added per call vs plain (95% CI)'],
      rows.map((row) => [
        row.kind,
        VARIANT_LABELS[row.variant],
        fixed(row.medianNs),
        range(row.iqrNs),
        row.variant === 'plain' ? '' : signedWithInterval(row.addedNs),
      ]),
    ),
    '',
    `${processRounds(result)}, in processes started with \`HONEYCOMB_ENABLED=false\` where no tracer provider is registered.`,
  ].join('\n');
}

/** `600 rounds in 10 processes of 60 rounds each`. */
function processRounds(result: MicroResult): string {
  const processes = `${result.processes} ${result.processes === 1 ? 'process' : 'processes'}`;
  return `${count(result.rounds, 'round')} in ${processes} of ${result.roundsPerProcess} rounds each`;
}

export function memorySection(rows: MemoryRow[], result: MemoryResult): string {
  const spans = result.spans;
  return [
    '### Memory per span',
    '',
    table(
      [
        'method',
        'variant',
        'bytes allocated per call',
        'bytes allocated per span (minus plain)',
        'bytes retained per queued span',
      ],
      rows.map((row) => [
        row.kind,
        VARIANT_LABELS[row.variant],
        fixed(row.allocatedPerCall, 0),
        row.variant === 'plain' ? '' : fixed(row.allocatedPerSpan, 0),
        row.variant === 'plain' ? '' : fixed(row.retainedPerQueuedSpan, 0),
      ]),
    ),
    '',
    `Batches of ${result.calls} calls, medians of the rounds; ${result.discardedForGc} measurement(s) discarded because a ` +
      `collection ran inside the window. Spans: ${spans.expected} expected, ${spans.exported} exported.`,
  ].join('\n');
}
