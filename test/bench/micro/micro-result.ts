import type { CaseSamples } from './micro-case.js';
import type { RoundSettings } from './rounds.js';

/** What the parent asks a micro-benchmark child to run. */
export interface MicroConfig extends RoundSettings {
  tracing: 'enabled' | 'disabled';
}

/** How the parent spreads one tracing mode's rounds over fresh processes. */
export interface MicroSettings extends Omit<RoundSettings, 'chunk' | 'rounds'> {
  roundsPerProcess: number;
  /** Processes run whatever the spread; then processes are added until the judged intervals are precise enough or a limit is hit. */
  minProcesses: number;
  maxProcesses: number;
  /** Time budget per tracing mode and Node version, in seconds. */
  maxSeconds: number;
  /** Wanted half-width of the judged ratios' 95% intervals (0.02 = ±2%). */
  halfWidth: number;
}

/**
 * What a micro-benchmark child reports, or (merged) what the processes of one tracing mode and
 * Node version reported together: each case's samples process after process.
 */
export interface MicroResult {
  /** The Node.js version that ran the cases. */
  node: string;
  tracingEnabled: boolean;
  rounds: number;
  /** Every process ran this many rounds: consecutive blocks of this size come from one process. */
  roundsPerProcess: number;
  processes: number;
  cases: CaseSamples[];
  /** Spans that should exist (one per call of a tracing variant) and spans the exporter received. */
  spans: { expected: number; exported: number };
  warnings: string[];
}
