import { readChildConfig, sendResult } from '../support/child.js';
import { nodeVersionLabel } from '../support/environment.js';
import { pairedRatios, ratioEstimate, relativeHalfWidth } from '../support/stats.js';
import { disabledHarness, enabledHarness } from './harness.js';
import { createCases, type CaseSamples } from './micro-case.js';
import type { MicroConfig, MicroResult } from './micro-result.js';
import { calibrate, runRounds } from './rounds.js';
import { METHOD_KINDS } from './targets/bench-target.js';

/** Child process: every case of one tracing mode, in interleaved shuffled rounds. */
const config = readChildConfig<MicroConfig>();
const harness = config.tracing === 'enabled' ? enabledHarness() : disabledHarness();
const cases = createCases(harness.targets, METHOD_KINDS, config.chunk);
await calibrate(cases, config, harness.flush);
const { samples, rounds } = await runRounds(cases, config, harness.flush, (current) =>
  // The targets judge `@Traced` against the hand-written span (or, disabled, against the plain method).
  (['sync', 'async'] as const).every((kind) => {
    const ns = (variant: string): number[] =>
      current.find((entry: CaseSamples) => entry.variant === variant && entry.kind === kind)?.nsPerCall ?? [];
    const reference = harness.tracingEnabled ? 'manual' : 'plain';
    return relativeHalfWidth(ratioEstimate(pairedRatios(ns('traced'), ns(reference)))) <= config.halfWidth;
  }),
);
await harness.flush();
const expected = harness.tracingEnabled
  ? cases.filter((microCase) => microCase.variant !== 'plain').reduce((sum, microCase) => sum + microCase.calls, 0)
  : 0;
sendResult({
  node: nodeVersionLabel(),
  tracingEnabled: harness.tracingEnabled,
  rounds,
  cases: samples,
  spans: { expected, exported: harness.exportedSpans() },
  warnings: harness.warnings,
} satisfies MicroResult);
