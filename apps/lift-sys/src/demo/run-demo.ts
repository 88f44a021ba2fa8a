import type { AddressInfo } from 'node:net';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { setupTestObservability } from '@lift-sys/observability/testing';
import { createApp } from '../bootstrap.js';
import { LANGUAGES } from '../codegen/languages.js';
import { LIFT_SYS_OBSERVABILITY } from '../observability/observability-options.js';
import { DemoClient } from './demo-client.js';
import { costTables, latencyTable } from './summary.js';

export interface DemoOptions {
  /** Where output goes; console.log by default. */
  print?: (text: string) => void;
  /** The app's environment; process.env by default (no provider keys: fully offline). */
  env?: NodeJS.ProcessEnv;
}

const PROMPT = 'Write a function called compound_interest that takes principal, a float rate and an integer years and returns, then log the result.';
const ANSWERS: Record<string, [string, string]> = {
  principal_type: ['float', 'refine_signature'],
  return_type: ['float', 'refine_signature'],
  input_constraints: ['principal > 0 and rate >= 0 and years >= 1', 'add_constraint'],
  side_effects: ['Writes the computed amount to the audit log', 'specify_effect'],
};
const TREE_KEYS = ['session.id', 'session.holes_count', 'ir.provider_route', 'ir.validation_status', 'code.language', 'code.retries', 'code.validation_skipped', 'llm.provider', 'llm.cost_usd', 'db.table', 'robustness.sensitivity', 'dspy.improvement', 'error'];

/** Drives a scripted lift-sys session over HTTP against the real app and prints its traces. Returns the exit code. */
export async function runDemo(options: DemoOptions = {}): Promise<number> {
  const print = options.print ?? ((text: string) => console.log(text));
  const otel = setupTestObservability(LIFT_SYS_OBSERVABILITY);
  const app = await createApp({ env: options.env ?? process.env });
  const all: ReadableSpan[] = [];
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const client = new DemoClient(`http://127.0.0.1:${port}`, 'demo-user');
    const step = async (title: string, action: () => Promise<unknown>): Promise<void> => {
      otel.reset();
      await action();
      const spans = otel.spans();
      all.push(...spans);
      print(`\n== ${title}\n${otel.tree(spans, { attributeKeys: TREE_KEYS })}`);
    };

    let sessionId = '';
    await step('POST /api/spec-sessions (create)', async () => {
      const session = await client.call<{ session_id: string }>('POST', '/api/spec-sessions', { prompt: PROMPT }, 201);
      sessionId = session.session_id;
    });
    for (const [hole, [text, type]] of Object.entries(ANSWERS)) {
      await step(`resolve ${hole}`, () => client.call('POST', `/api/spec-sessions/${sessionId}/holes/${hole}/resolve`, { resolution_text: text, resolution_type: type }, 200));
    }
    await step('finalize', () => client.call('POST', `/api/spec-sessions/${sessionId}/finalize`, undefined, 200));
    for (const language of LANGUAGES) {
      await step(`generate ${language}`, () => client.call('POST', `/api/spec-sessions/${sessionId}/generate`, { target_language: language }, 200));
    }
    await step('invalid request (missing prompt)', () => client.call('POST', '/api/spec-sessions', { metadata: {} }, 400));
    await step('generation whose first attempt fails validation', async () => {
      const retried = await client.call<{ session_id: string }>('POST', '/api/spec-sessions', { prompt: 'Write a function called greet that takes a string name and returns a string greeting for that person.', metadata: { fixture_fault: 'invalid_once' } }, 201);
      await client.call('POST', `/api/spec-sessions/${retried.session_id}/finalize`, undefined, 200);
      await client.call('POST', `/api/spec-sessions/${retried.session_id}/generate`, { target_language: 'typescript' }, 200);
    });
    await step('robustness analysis', () => client.call('POST', '/api/robustness/analyze', { prompt: PROMPT, variant_count: 5 }, 200));
    await step('optimization run (miprov2)', () => client.call('POST', '/api/optimization/runs', { optimizer: 'miprov2', max_trials: 3 }, 201));

    print(`\n== Summary\n${latencyTable(all)}\n\n${costTables(all)}`);
    for (const failure of client.failures) print(`FAILED: ${failure}`);
    print(client.failures.length === 0 ? '\ndemo finished: all requests answered as expected' : `\ndemo finished with ${client.failures.length} unexpected answers`);
    return client.failures.length === 0 ? 0 : 1;
  } finally {
    await app.close();
    await otel.shutdown();
  }
}
