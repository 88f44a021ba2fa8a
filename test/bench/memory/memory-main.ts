import { readChildConfig, sendResult } from '../support/child.js';
import { enabledHarness } from '../micro/harness.js';
import { createCases, runCase } from '../micro/micro-case.js';
import { shuffled } from '../support/stats.js';
import { GcWatch, heapNow, settledHeap } from './heap.js';
import type { MemoryConfig, MemoryResult, MemorySamples } from './memory-result.js';

/**
 * Child process (run with --expose-gc and a new space big enough for a whole measurement).
 * The BatchSpanProcessor never exports on its own here: its batch size exceeds the calls per
 * measurement and its timer is as long as Node allows, so every span of a measurement is still
 * queued when the heap is settled; the queue is flushed afterwards.
 */
const config = readChildConfig<MemoryConfig>();
const queueLimit = config.calls + 1;
const harness = enabledHarness({
  maxQueueSize: queueLimit,
  maxExportBatchSize: queueLimit,
  scheduledDelayMillis: 2_147_483_647,
  exportTimeoutMillis: 30_000,
});
const cases = createCases(harness.targets, ['sync', 'async'], config.calls);
const gcWatch = new GcWatch();

for (const microCase of cases) {
  for (let i = 0; i < config.warmupBatches; i++) await runCase(microCase, config.calls);
  await harness.flush();
}

const samples = new Map<(typeof cases)[number], MemorySamples>(
  cases.map((microCase) => [
    microCase,
    { variant: microCase.variant, kind: microCase.kind, allocatedPerCall: [], retainedPerCall: [] },
  ]),
);
let discardedForGc = 0;
for (let round = 0; round < config.rounds; round++) {
  for (const microCase of shuffled(cases)) {
    const before = settledHeap();
    const from = performance.now();
    await runCase(microCase, config.calls);
    const to = performance.now();
    const allocated = heapNow() - before;
    const retained = settledHeap() - before;
    await harness.flush();
    // A collection inside the window makes the heap delta meaningless: the round keeps a NaN.
    const valid = !(await gcWatch.ranBetween(from, to));
    if (!valid) discardedForGc++;
    samples.get(microCase)?.allocatedPerCall.push(valid ? allocated / config.calls : Number.NaN);
    samples.get(microCase)?.retainedPerCall.push(valid ? retained / config.calls : Number.NaN);
  }
}
gcWatch.stop();

const expected = cases.filter((microCase) => microCase.variant !== 'plain').reduce((sum, microCase) => sum + microCase.calls, 0);
sendResult({
  calls: config.calls,
  samples: [...samples.values()],
  discardedForGc,
  spans: { expected, exported: harness.exportedSpans() },
} satisfies MemoryResult);
