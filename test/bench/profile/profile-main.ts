import { readChildConfig, sendResult } from '../support/child.js';
import { disabledHarness, enabledHarness } from '../micro/harness.js';
import { createCases, runCase, type MicroCase } from '../micro/micro-case.js';
import { CpuProfiler } from './cpu-profiler.js';
import type { MicroProfileConfig, MicroProfileResult } from './profiler.js';

/**
 * Child process: two micro-benchmark cases (`@Traced` and its baseline) warmed up, then profiled
 * in alternating slices, so drift in machine load falls on both alike.
 */
const config = readChildConfig<MicroProfileConfig>();
const harness = config.tracing === 'enabled' ? enabledHarness() : disabledHarness();
const chunk = 256;
const cases = createCases(
  Object.fromEntries(config.variants.map((variant) => [variant, harness.targets[variant]])),
  [config.kind],
  chunk,
);
const runFor = async (microCase: MicroCase, seconds: number): Promise<void> => {
  const deadline = performance.now() + seconds * 1000;
  while (performance.now() < deadline) {
    await runCase(microCase, chunk * 16);
    await harness.flush();
  }
};
for (const microCase of cases) await runFor(microCase, config.warmupSeconds);

const profiler = new CpuProfiler();
const results: MicroProfileResult[] = cases.map((microCase) => ({ variant: microCase.variant, calls: 0, files: [] }));
for (let slice = 0; slice < config.slices; slice++) {
  for (const [i, microCase] of cases.entries()) {
    const file = `${config.filePrefix}-${microCase.variant}-${slice + 1}.cpuprofile`;
    const callsBefore = microCase.calls;
    await profiler.start(100);
    await runFor(microCase, config.sliceSeconds);
    await profiler.stop(file);
    results[i].calls += microCase.calls - callsBefore;
    results[i].files.push(file);
  }
}
sendResult(results);
