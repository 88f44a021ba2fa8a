import type { HttpSettings } from './http/http-result.js';
import type { MemoryConfig } from './memory/memory-result.js';
import type { RoundSettings } from './micro/rounds.js';
import type { SliceSettings } from './profile/profiler.js';

/** How long each phase runs: the full run (under 5 minutes on 2 cores) or the quick smoke run. */
export interface BenchSettings {
  quick: boolean;
  micro: Omit<RoundSettings, 'chunk'>;
  memory: MemoryConfig;
  http: HttpSettings;
  /** CPU profiles for missed targets: alternating slices of the subject and its baseline. */
  profile: { micro: SliceSettings; app: SliceSettings };
}

const FULL: BenchSettings = {
  quick: false,
  micro: { rounds: 30, warmupMillis: 300, caseMillis: 20 },
  memory: { calls: 5000, rounds: 7, warmupBatches: 10 },
  http: { connections: 10, warmupSeconds: 1.5, durationSeconds: 3, rounds: 4 },
  profile: { micro: { slices: 3, sliceSeconds: 0.5 }, app: { slices: 3, sliceSeconds: 1 } },
};

const QUICK: BenchSettings = {
  quick: true,
  micro: { rounds: 3, warmupMillis: 50, caseMillis: 3 },
  memory: { calls: 1000, rounds: 2, warmupBatches: 2 },
  http: { connections: 10, warmupSeconds: 0, durationSeconds: 0.5, rounds: 1 },
  profile: { micro: { slices: 1, sliceSeconds: 0.3 }, app: { slices: 1, sliceSeconds: 0.5 } },
};

export interface CliOptions {
  settings: BenchSettings;
  /** Report path; `docs/PERFORMANCE.md` for a full run, under `dist/bench` for a quick one. */
  out: string | undefined;
}

/** `--quick` and `--out <file>`; anything else is an error. */
export function parseCli(args: readonly string[]): CliOptions {
  let quick = false;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--quick') quick = true;
    else if (args[i] === '--out' && args[i + 1] !== undefined) out = args[++i];
    else throw new Error(`unknown argument '${args[i]}' (expected --quick and/or --out <file>)`);
  }
  return { settings: quick ? QUICK : FULL, out };
}
