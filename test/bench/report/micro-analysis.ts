import type { MemoryResult } from '../memory/memory-result.js';
import type { MicroResult } from '../micro/micro-result.js';
import type { MethodKind, Variant } from '../micro/targets/bench-target.js';
import {
  interquartile,
  meanEstimate,
  median,
  pairedDifferences,
  pairedRatios,
  ratioEstimate,
  relativeHalfWidth,
  type Estimate,
} from '../support/stats.js';

export interface MicroRow {
  kind: MethodKind;
  variant: Variant;
  medianNs: number;
  iqrNs: [number, number];
  /**
   * Geometric mean over rounds of this case's time divided by the other case's time in the same
   * round, with its 95% interval over processes (each the mean of its rounds).
   */
  vsManual: Estimate;
  vsNestjsOtel: Estimate;
  /** Mean over rounds of this case's time minus the other case's in the same round, with its 95% interval over processes. */
  addedNs: Estimate;
  addedVsManualNs: Estimate;
}

export interface MemoryRow {
  kind: MethodKind;
  variant: Variant;
  allocatedPerCall: number;
  /** Allocated per call minus the plain method's, paired by round: the cost of the span. */
  allocatedPerSpan: number;
  retainedPerQueuedSpan: number;
}

/** A result's samples of one case (none when it did not run that case). */
export function samplesOf(result: MicroResult): (variant: Variant, kind: MethodKind) => number[] {
  return (variant, kind) => result.cases.find((entry) => entry.variant === variant && entry.kind === kind)?.nsPerCall ?? [];
}

export function analyzeMicro(result: MicroResult): MicroRow[] {
  const samples = samplesOf(result);
  // The rounds of one process share its bias (how V8 compiled each case there): one observation each.
  const block = result.roundsPerProcess;
  return result.cases.map(({ variant, kind, nsPerCall }) => ({
    kind,
    variant,
    medianNs: median(nsPerCall),
    iqrNs: interquartile(nsPerCall),
    vsManual: ratioEstimate(pairedRatios(nsPerCall, samples('manual', kind)), block),
    vsNestjsOtel: ratioEstimate(pairedRatios(nsPerCall, samples('nestjs-otel', kind)), block),
    addedNs: meanEstimate(pairedDifferences(nsPerCall, samples('plain', kind)), block),
    addedVsManualNs: meanEstimate(pairedDifferences(nsPerCall, samples('manual', kind)), block),
  }));
}

/**
 * The widest relative 95% half-width among the ratios the targets judge: `@Traced` against the
 * hand-written span with tracing enabled, against the plain method with it disabled.
 */
export function widestJudgedMicroHalfWidth(result: MicroResult): number {
  const reference = result.tracingEnabled ? 'manual' : 'plain';
  const samples = samplesOf(result);
  const widths = (['sync', 'async'] as const).map((kind) =>
    relativeHalfWidth(ratioEstimate(pairedRatios(samples('traced', kind), samples(reference, kind)), result.roundsPerProcess)),
  );
  return Math.max(...widths);
}

export function analyzeMemory(result: MemoryResult): MemoryRow[] {
  const plain = (kind: MethodKind) => result.samples.find((entry) => entry.variant === 'plain' && entry.kind === kind);
  return result.samples.map(({ variant, kind, allocatedPerCall, retainedPerCall }) => ({
    kind,
    variant,
    allocatedPerCall: median(allocatedPerCall),
    allocatedPerSpan: median(pairedDifferences(allocatedPerCall, plain(kind)?.allocatedPerCall ?? [])),
    retainedPerQueuedSpan: median(pairedDifferences(retainedPerCall, plain(kind)?.retainedPerCall ?? [])),
  }));
}

export function findRow<R extends { kind: MethodKind; variant: Variant }>(
  rows: R[],
  variant: Variant,
  kind: MethodKind,
): R | undefined {
  return rows.find((row) => row.variant === variant && row.kind === kind);
}
