/**
 * Times the acceptance-test-3 query shapes over 1,000,000 generated span events.
 * Not a test: prints the median of several runs. Run with a TypeScript loader, e.g.
 * `node --import ./test/register-ts.mjs libs/honeycomb/bench/engine.bench.ts`.
 */
import { performance } from 'node:perf_hooks';
import { runQuery } from '../src/engine/run-query.js';
import type { SpanEvent } from '../src/engine/span-event.js';
import { desc, p95 } from '../src/spec/builders.js';
import type { QuerySpec } from '../src/spec/query.js';

const EVENTS = 1_000_000;
const RUNS = 5;
const NOW = 1_700_000_000_000;
const NAMES = ['POST /api/sessions', 'session.create', 'ir.generate', 'code.generate', 'llm.call', 'db.insert', 'db.select', 'code.validate'];

function generate(): SpanEvent[] {
  let seed = 7;
  const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  return Array.from({ length: EVENTS }, (_, i) => ({
    name: NAMES[i % NAMES.length]!,
    timestamp: NOW - Math.floor(random() * 3_600_000),
    duration_ms: random() * 15_000,
    'trace.trace_id': `trace-${Math.floor(i / 5)}`,
    'trace.span_id': `span-${i}`,
    // Five spans per trace and one user per trace, as in real traffic: 200,000 (user, trace) groups.
    'user.id': `user-${Math.floor(i / 5) % 5000}`,
    'service.name': 'lift-sys',
  }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const queries: Record<string, QuerySpec> = {
  'P95(duration_ms) by name': { calculations: [p95('duration_ms')], breakdowns: ['name'], time_range: 7200 },
  'P95(duration_ms) by user.id, trace.trace_id, top 20': {
    calculations: [p95('duration_ms')],
    breakdowns: ['user.id', 'trace.trace_id'],
    orders: [desc(p95('duration_ms'))],
    limit: 20,
    time_range: 7200,
  },
};

const events = generate();
console.log(`${events.length.toLocaleString()} events generated`);
for (const [label, query] of Object.entries(queries)) {
  const times: number[] = [];
  let rows = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    rows = runQuery(query, events, { now: NOW }).rows.length;
    times.push(performance.now() - start);
  }
  console.log(`${label}: median ${median(times).toFixed(0)} ms over ${RUNS} runs (${rows} rows)`);
}
