import type { MethodKind, Variant } from '../micro/targets/bench-target.js';

export interface MemoryConfig {
  /** Calls per measurement (spans queued at once). */
  calls: number;
  rounds: number;
  /** Unmeasured batches per case first, so JIT compilation has settled. */
  warmupBatches: number;
}

/**
 * Per round: heap bytes allocated per call, and bytes still held per call after GC while spans sit
 * in the queue; NaN for a round discarded because the collector ran.
 */
export interface MemorySamples {
  variant: Variant;
  kind: MethodKind;
  allocatedPerCall: number[];
  retainedPerCall: number[];
}

export interface MemoryResult {
  calls: number;
  samples: MemorySamples[];
  /** Measurements thrown away because a collection ran inside the window. */
  discardedForGc: number;
  spans: { expected: number; exported: number };
}
