import type { CaseSamples } from './micro-case.js';
import type { RoundSettings } from './rounds.js';

/** What the parent asks a micro-benchmark child to run. */
export interface MicroConfig extends RoundSettings {
  tracing: 'enabled' | 'disabled';
  /** Wanted half-width of the judged ratios' 95% intervals (0.02 = ±2%). */
  halfWidth: number;
}

/** What a micro-benchmark child reports. */
export interface MicroResult {
  /** The Node.js version that ran the cases. */
  node: string;
  tracingEnabled: boolean;
  rounds: number;
  cases: CaseSamples[];
  /** Spans that should exist (one per call of a tracing variant) and spans the exporter received. */
  spans: { expected: number; exported: number };
  warnings: string[];
}
