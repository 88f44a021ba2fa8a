import { samplesOf, widestJudgedMicroHalfWidth } from '../report/micro-analysis.js';
import type { MicroConfig, MicroResult, MicroSettings } from './micro-result.js';

/** Runs one micro-benchmark child with `config` and returns what it reports. */
export type MicroChild = (config: MicroConfig) => Promise<MicroResult>;

/**
 * Runs one tracing mode's cases in fresh processes, one after another, each warmed up, calibrated
 * and run for the same number of rounds, and merges what they report. A process's own bias (how
 * V8 compiled each case's loop there) is shared by all its rounds, so the intervals count
 * processes, not rounds; processes are added past `minProcesses` until the judged intervals are
 * within `halfWidth`, or `maxProcesses` or `maxSeconds` is reached.
 */
export async function runMicroProcesses(
  settings: MicroSettings,
  child: Omit<MicroConfig, 'rounds' | 'warmupMillis' | 'caseMillis'>,
  runChild: MicroChild,
  progress: (line: string) => void,
): Promise<MicroResult> {
  const started = performance.now();
  const reports: MicroResult[] = [];
  for (;;) {
    reports.push(
      await runChild({
        ...child,
        rounds: settings.roundsPerProcess,
        warmupMillis: settings.warmupMillis,
        caseMillis: settings.caseMillis,
      }),
    );
    const merged = mergeMicroResults(reports);
    const widest = reports.length >= 2 ? widestJudgedMicroHalfWidth(merged) : Number.POSITIVE_INFINITY;
    progress(`micro process ${reports.length}: widest judged 95% interval ±${(widest * 100).toFixed(1)}%`);
    const elapsed = (performance.now() - started) / 1000;
    if (reports.length < settings.minProcesses) continue;
    if (widest <= settings.halfWidth || reports.length >= settings.maxProcesses || elapsed >= settings.maxSeconds) return merged;
  }
}

/** One result from the reports of processes that ran the same cases for the same number of rounds. */
export function mergeMicroResults(reports: readonly MicroResult[]): MicroResult {
  const [first] = reports;
  return {
    node: first.node,
    tracingEnabled: first.tracingEnabled,
    rounds: reports.reduce((sum, report) => sum + report.rounds, 0),
    roundsPerProcess: first.roundsPerProcess,
    processes: reports.length,
    cases: first.cases.map(({ variant, kind }) => ({
      variant,
      kind,
      nsPerCall: reports.flatMap((report) => samplesOf(report)(variant, kind)),
    })),
    spans: {
      expected: reports.reduce((sum, report) => sum + report.spans.expected, 0),
      exported: reports.reduce((sum, report) => sum + report.spans.exported, 0),
    },
    warnings: reports.flatMap((report) => report.warnings),
  };
}
