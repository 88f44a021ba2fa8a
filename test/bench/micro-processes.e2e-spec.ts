import type { MicroConfig, MicroResult, MicroSettings } from './micro/micro-result.js';
import { mergeMicroResults, runMicroProcesses } from './micro/micro-processes.js';
import { METHOD_KINDS, VARIANTS, type Variant } from './micro/targets/bench-target.js';
import { analyzeMicro, findRow, widestJudgedMicroHalfWidth } from './report/micro-analysis.js';

/**
 * One process's report: every round, `@Traced` costs `bias` times the manual span (1000 ns), with
 * a small alternating spread between rounds; the other variants cost fixed amounts.
 */
function processReport(bias: number, rounds: number): MicroResult {
  const base: Record<Variant, number> = { plain: 10, manual: 1000, traced: 1000 * bias, 'nestjs-otel': 1500 };
  return {
    node: 'v24.0.0',
    tracingEnabled: true,
    rounds,
    roundsPerProcess: rounds,
    processes: 1,
    cases: METHOD_KINDS.flatMap((kind) =>
      VARIANTS.map((variant) => ({
        variant,
        kind,
        nsPerCall: Array.from(
          { length: rounds },
          (_, i) => base[variant] * (variant === 'traced' ? 1 + (i % 2 === 0 ? 0.002 : -0.002) : 1),
        ),
      })),
    ),
    spans: { expected: 100, exported: 100 },
    warnings: [],
  };
}

describe('micro-benchmark rounds spread over processes', () => {
  it("keeps each case's samples process after process and adds up rounds and spans", () => {
    const merged = mergeMicroResults([processReport(1.0, 4), processReport(1.1, 4), processReport(1.2, 4)]);
    expect(merged).toMatchObject({ rounds: 12, roundsPerProcess: 4, processes: 3, spans: { expected: 300, exported: 300 } });
    const traced = merged.cases.find((entry) => entry.variant === 'traced' && entry.kind === 'async');
    expect(traced?.nsPerCall.map(Math.round)).toEqual([1002, 998, 1002, 998, 1102, 1098, 1102, 1098, 1202, 1198, 1202, 1198]);
  });

  it("counts processes, not rounds: each process's own bias widens the interval", () => {
    // Rounds within a process barely differ (±0.2%); the processes' biases (1.0, 1.1, 1.2) do.
    const merged = mergeMicroResults([processReport(1.0, 20), processReport(1.1, 20), processReport(1.2, 20)]);
    const traced = findRow(analyzeMicro(merged), 'traced', 'sync');
    expect(traced?.vsManual.n).toBe(3);
    expect(traced?.vsManual.low).toBeLessThan(1.0);
    expect(traced?.vsManual.high).toBeGreaterThan(1.2);
    expect(widestJudgedMicroHalfWidth(merged)).toBeGreaterThan(0.1);
  });

  const settings: MicroSettings = {
    roundsPerProcess: 4,
    minProcesses: 3,
    maxProcesses: 6,
    maxSeconds: 600,
    warmupMillis: 1,
    caseMillis: 1,
    halfWidth: 0.02,
  };

  it('asks every process for the same number of rounds and stops once the judged intervals are narrow enough', async () => {
    const asked: MicroConfig[] = [];
    const result = await runMicroProcesses(
      settings,
      { tracing: 'enabled', chunk: 256 },
      async (config) => {
        asked.push(config);
        return processReport(1.05, config.rounds);
      },
      () => {},
    );
    expect(asked).toHaveLength(settings.minProcesses);
    expect(asked.every((config) => config.rounds === 4 && config.tracing === 'enabled' && config.chunk === 256)).toBe(true);
    expect(result.processes).toBe(3);
    expect(findRow(analyzeMicro(result), 'traced', 'async')?.vsManual.value).toBeCloseTo(1.05, 3);
  });

  it('adds processes while the processes disagree, up to the limit', async () => {
    const biases = [1.0, 1.2, 1.0, 1.2, 1.0, 1.2, 1.0];
    let calls = 0;
    const result = await runMicroProcesses(
      settings,
      { tracing: 'enabled', chunk: 256 },
      async (config) => processReport(biases[calls++], config.rounds),
      () => {},
    );
    expect(calls).toBe(settings.maxProcesses);
    expect(result.processes).toBe(settings.maxProcesses);
  });
});
