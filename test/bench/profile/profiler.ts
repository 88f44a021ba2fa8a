import { runChild } from '../support/child.js';
import { VARIANT_LABELS, type MethodKind, type Variant } from '../micro/targets/bench-target.js';
import { mergeSummaries, summarizeProfile } from './cpu-profile.js';
import { profileFile } from './cpu-profiler.js';
import type { ProfiledRun } from './profiled-run.js';

/** How long to profile: `slices` windows of `sliceSeconds` for each side, alternating. */
export interface SliceSettings {
  slices: number;
  sliceSeconds: number;
}

export interface MicroProfileConfig extends SliceSettings {
  tracing: 'enabled' | 'disabled';
  kind: MethodKind;
  variants: Variant[];
  warmupSeconds: number;
  /** Profile files are `<filePrefix>-<variant>-<slice>.cpuprofile`. */
  filePrefix: string;
}

export interface MicroProfileResult {
  variant: Variant;
  calls: number;
  files: string[];
}

/**
 * Profiles `@Traced` and a baseline variant, interleaved in one process run by `execPath`;
 * `units` counts the calls made while profiling.
 */
export async function profileMicroPair(
  target: Pick<MicroProfileConfig, 'tracing' | 'kind'> & { node: number },
  baseline: Variant,
  slices: SliceSettings,
  repoRoot: string,
  child: { env: NodeJS.ProcessEnv; execPath: string },
): Promise<{ subject: ProfiledRun; baseline: ProfiledRun }> {
  const filePrefix = profileFile(`micro-node${target.node}-${target.tracing}-${target.kind}-vs-${baseline}`).replace(
    /\.cpuprofile$/,
    '',
  );
  const config: MicroProfileConfig = {
    tracing: target.tracing,
    kind: target.kind,
    ...slices,
    variants: ['traced', baseline],
    warmupSeconds: 2 * slices.sliceSeconds,
    filePrefix,
  };
  const results = await runChild<MicroProfileResult[]>({ entry: 'profile/profile-main.js', config, ...child });
  const [subject, base] = results.map((result): ProfiledRun => ({
    label: VARIANT_LABELS[result.variant],
    summary: mergeSummaries(result.files.map((file) => summarizeProfile(file, repoRoot))),
    units: result.calls,
  }));
  return { subject, baseline: base };
}
