import { shuffled } from '../support/stats.js';
import { runCase, type CaseSamples, type MicroCase } from './micro-case.js';

export interface RoundSettings {
  /** Rounds every process runs, whatever the spread: each process is one block of the same size. */
  rounds: number;
  /** Warm-up time per case before calibration, in milliseconds. */
  warmupMillis: number;
  /** Target duration of one case in one round, in milliseconds. */
  caseMillis: number;
  chunk: number;
}

/**
 * Warms every case up (so V8 has optimized it), then sizes each case's round to `caseMillis`.
 * `settle` runs between cases (a flush, so spans queued in warm-up do not weigh on the next case).
 */
export async function calibrate(cases: MicroCase[], settings: RoundSettings, settle: () => Promise<void>): Promise<void> {
  for (const microCase of cases) {
    let iterations = settings.chunk;
    let nsPerCall = 0;
    const deadline = performance.now() + settings.warmupMillis;
    while (performance.now() < deadline) {
      nsPerCall = await runCase(microCase, iterations);
      if (nsPerCall * iterations < 2e6) iterations *= 2;
    }
    const wanted = (settings.caseMillis * 1e6) / nsPerCall;
    microCase.iterations = Math.max(1, Math.round(wanted / settings.chunk)) * settings.chunk;
    await settle();
  }
}

/**
 * `settings.rounds` interleaved rounds: every round runs every case once, in a fresh random
 * order, so drift in machine load hits all cases alike and ratios can be paired within a round.
 */
export async function runRounds(
  cases: MicroCase[],
  settings: RoundSettings,
  betweenRounds: () => Promise<void>,
): Promise<CaseSamples[]> {
  const samples = cases.map((microCase) => ({ variant: microCase.variant, kind: microCase.kind, nsPerCall: [] as number[] }));
  const byCase = new Map(cases.map((microCase, i) => [microCase, samples[i]]));
  for (let round = 0; round < settings.rounds; round++) {
    for (const microCase of shuffled(cases)) {
      byCase.get(microCase)?.nsPerCall.push(await runCase(microCase, microCase.iterations));
    }
    await betweenRounds();
  }
  return samples;
}
