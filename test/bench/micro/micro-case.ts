import type { BenchTarget, MethodKind, Variant } from './targets/bench-target.js';
import { compileTimedLoop, type TimedLoop } from './timing-loop.js';

/** One variant and method kind, with its own compiled timing loop. */
export interface MicroCase {
  readonly id: string;
  readonly variant: Variant;
  readonly kind: MethodKind;
  readonly target: BenchTarget;
  readonly loop: TimedLoop;
  /** Calls per measured round, set by calibration. */
  iterations: number;
  /** Every call made so far, warm-up included: each one on a traced variant must yield one span. */
  calls: number;
}

/** What one child process reports: CPU nanoseconds per call for each case, one sample per round. */
export interface CaseSamples {
  variant: Variant;
  kind: MethodKind;
  nsPerCall: number[];
}

export function createCases(
  targets: Partial<Record<Variant, BenchTarget>>,
  kinds: readonly MethodKind[],
  chunk: number,
): MicroCase[] {
  const cases: MicroCase[] = [];
  for (const [variant, target] of Object.entries(targets) as [Variant, BenchTarget][]) {
    for (const kind of kinds) {
      const id = `${variant}-${kind}`;
      cases.push({ id, variant, kind, target, loop: compileTimedLoop(id, kind, chunk), iterations: chunk, calls: 0 });
    }
  }
  return cases;
}

/** Runs a case once for `iterations` calls; returns CPU nanoseconds per call. */
export async function runCase(microCase: MicroCase, iterations: number): Promise<number> {
  const elapsed = await microCase.loop(microCase.target, iterations);
  microCase.calls += iterations;
  return elapsed / iterations;
}
