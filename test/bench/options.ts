import { parseArgs } from 'node:util';
import type { HttpSettings } from './http/http-result.js';
import type { MemoryConfig } from './memory/memory-result.js';
import type { MicroSettings } from './micro/micro-result.js';
import type { SliceSettings } from './profile/profiler.js';

/** How long each phase runs: the full run (about 50 minutes on 2 cores) or the quick smoke run. */
export interface BenchSettings {
  quick: boolean;
  micro: MicroSettings;
  memory: MemoryConfig;
  http: HttpSettings;
  /** CPU profiles: alternating slices of the subject and its baseline. */
  profile: { micro: SliceSettings; app: SliceSettings };
}

const FULL: BenchSettings = {
  quick: false,
  // About 25 s a process (calibration, then 60 rounds of about 0.3 s): up to 12 processes in the budget.
  micro: {
    roundsPerProcess: 60,
    minProcesses: 5,
    maxProcesses: 40,
    maxSeconds: 300,
    warmupMillis: 300,
    caseMillis: 20,
    halfWidth: 0.02,
  },
  memory: { calls: 5000, rounds: 7, warmupBatches: 10 },
  http: {
    connections: 4,
    warmupSeconds: 1.5,
    durationSeconds: 2,
    minRounds: 5,
    // The light route, once it runs alone, takes a few seconds a round.
    maxRounds: 1000,
    restartEveryRounds: 3,
    // The sample app's routes reach ±2% in about 25 blocks and stop; the light fixture's ratios,
    // noisier per round and per process (docs/PERFORMANCE.md, section 3), get the rest.
    maxSeconds: 2700,
    halfWidth: 0.02,
  },
  profile: { micro: { slices: 3, sliceSeconds: 0.5 }, app: { slices: 3, sliceSeconds: 1 } },
};

const QUICK: BenchSettings = {
  quick: true,
  // Two processes, so the smoke test covers merging them.
  micro: {
    roundsPerProcess: 3,
    minProcesses: 2,
    maxProcesses: 2,
    maxSeconds: 5,
    warmupMillis: 30,
    caseMillis: 2,
    halfWidth: 0.02,
  },
  memory: { calls: 500, rounds: 2, warmupBatches: 2 },
  http: {
    connections: 4,
    warmupSeconds: 0,
    durationSeconds: 0.3,
    minRounds: 2,
    maxRounds: 2,
    // One restart in a quick run, so the smoke test covers it.
    restartEveryRounds: 1,
    maxSeconds: 60,
    halfWidth: 0.02,
  },
  profile: { micro: { slices: 1, sliceSeconds: 0.3 }, app: { slices: 1, sliceSeconds: 0.5 } },
};

/** The newest LTS line: what the benchmark runs on unless told otherwise. */
export const DEFAULT_NODE_MAJOR = 24;
/** The oldest supported line, which the decorator targets also name. */
export const OLDEST_NODE_MAJOR = 20;

export interface CliOptions {
  settings: BenchSettings;
  /** Report path; `docs/PERFORMANCE.md` for a full run, under `dist/bench` for a quick one. */
  out: string | undefined;
  /** The Node major version to run on; `undefined`: this process's own. */
  node: number | undefined;
}

/** `--quick`, `--out <file>`, `--node <major>|current`; anything else is an error. */
export function parseCli(args: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...args],
    options: { quick: { type: 'boolean', default: false }, out: { type: 'string' }, node: { type: 'string' } },
    strict: true,
  });
  const node = values.node ?? String(DEFAULT_NODE_MAJOR);
  if (node !== 'current' && !/^\d+$/.test(node)) throw new Error(`--node takes a major version or 'current', not '${node}'`);
  return { settings: values.quick ? QUICK : FULL, out: values.out, node: node === 'current' ? undefined : Number(node) };
}
