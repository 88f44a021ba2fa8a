import { readChildConfig, sendResult } from '../support/child.js';
import { nodeVersionLabel } from '../support/environment.js';
import { disabledHarness, enabledHarness } from './harness.js';
import { createCases } from './micro-case.js';
import type { MicroConfig, MicroResult } from './micro-result.js';
import { calibrate, runRounds } from './rounds.js';
import { METHOD_KINDS } from './targets/bench-target.js';

/** Child process: every case of one tracing mode, in a fixed number of interleaved shuffled rounds. */
const config = readChildConfig<MicroConfig>();
const harness = config.tracing === 'enabled' ? enabledHarness() : disabledHarness();
const cases = createCases(harness.targets, METHOD_KINDS, config.chunk);
await calibrate(cases, config, harness.flush);
const samples = await runRounds(cases, config, harness.flush);
await harness.flush();
const expected = harness.tracingEnabled
  ? cases.filter((microCase) => microCase.variant !== 'plain').reduce((sum, microCase) => sum + microCase.calls, 0)
  : 0;
sendResult({
  node: nodeVersionLabel(),
  tracingEnabled: harness.tracingEnabled,
  rounds: config.rounds,
  roundsPerProcess: config.rounds,
  processes: 1,
  cases: samples,
  spans: { expected, exported: harness.exportedSpans() },
  warnings: harness.warnings,
} satisfies MicroResult);
