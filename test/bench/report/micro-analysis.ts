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
  type Estimate,
} from '../support/stats.js';

export interface MicroRow {
  kind: MethodKind;
  variant: Variant;
  medianNs: number;
  iqrNs: [number, number];
  /** Geometric mean over rounds of this case's time divided by the other case's time in the same round, with its 95% interval. */
  vsManual: Estimate;
  vsNestjsOtel: Estimate;
  /** Mean over rounds of this case's time minus the other case's in the same round, with its 95% interval. */
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

export function analyzeMicro(result: MicroResult): MicroRow[] {
  const samples = (variant: Variant, kind: MethodKind): number[] =>
    result.cases.find((entry) => entry.variant === variant && entry.kind === kind)?.nsPerCall ?? [];
  return result.cases.map(({ variant, kind, nsPerCall }) => ({
    kind,
    variant,
    medianNs: median(nsPerCall),
    iqrNs: interquartile(nsPerCall),
    vsManual: ratioEstimate(pairedRatios(nsPerCall, samples('manual', kind))),
    vsNestjsOtel: ratioEstimate(pairedRatios(nsPerCall, samples('nestjs-otel', kind))),
    addedNs: meanEstimate(pairedDifferences(nsPerCall, samples('plain', kind))),
    addedVsManualNs: meanEstimate(pairedDifferences(nsPerCall, samples('manual', kind))),
  }));
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
