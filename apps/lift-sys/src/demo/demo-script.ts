import { LANGUAGES } from '../codegen/languages.js';
import type { DemoClient } from './demo-client.js';

export type Step = (title: string, action: () => Promise<unknown>) => Promise<void>;

const PROMPT =
  'Write a function called compound_interest that takes principal, a float rate and an integer years and returns, then log the result.';
const ANSWERS: Record<string, [string, string]> = {
  principal_type: ['float', 'refine_signature'],
  return_type: ['float', 'refine_signature'],
  input_constraints: ['principal > 0 and rate >= 0 and years >= 1', 'add_constraint'],
  side_effects: ['Writes the computed amount to the audit log', 'specify_effect'],
};
const GREETING = 'Write a function called greet that takes a string name and returns a string greeting for that person.';
const FIELDS = Array.from({ length: 70 }, (_, index) => `a string field_${index}`).join(', ');
const WIDE_SPECIFICATION = `Write a function called render_report that takes ${FIELDS} and returns a string report for that customer.`;

/** Code generations whose traces show a retry, a failure, a provider outage, a slow call and a costly one. */
const GENERATIONS_WORTH_SEEING: { title: string; fault?: string; prompt?: string; language: string; status: number }[] = [
  { title: 'generation whose first attempt fails validation', fault: 'invalid_once', language: 'typescript', status: 200 },
  { title: 'generation that keeps failing validation (422)', fault: 'invalid_always', language: 'python', status: 422 },
  { title: 'LLM provider failure (500, traced end to end)', fault: 'provider_error', language: 'go', status: 500 },
  { title: 'slow LLM response (over the 10 s objective)', fault: 'slow_response', language: 'rust', status: 200 },
  { title: 'a wide specification (a costly code generation)', prompt: WIDE_SPECIFICATION, language: 'typescript', status: 200 },
];

/** A finalized session ready for code generation, its fixture provider set up to misbehave as asked. */
async function finalizedSession(client: DemoClient, fault?: string, prompt = GREETING): Promise<string> {
  const metadata = fault === undefined ? undefined : { fixture_fault: fault };
  const session = await client.call<{ session_id: string }>('POST', '/api/spec-sessions', { prompt, metadata }, 201);
  await client.call('POST', `/api/spec-sessions/${session.session_id}/finalize`, undefined, 200);
  return session.session_id;
}

/** The scripted lift-sys session, then the cases worth seeing in a trace. */
export async function runDemoScript(client: DemoClient, step: Step): Promise<void> {
  let sessionId = '';
  await step('POST /api/spec-sessions (create)', async () => {
    sessionId = (await client.call<{ session_id: string }>('POST', '/api/spec-sessions', { prompt: PROMPT }, 201)).session_id;
  });
  for (const [hole, [text, type]] of Object.entries(ANSWERS)) {
    await step(`resolve ${hole}`, () =>
      client.call(
        'POST',
        `/api/spec-sessions/${sessionId}/holes/${hole}/resolve`,
        { resolution_text: text, resolution_type: type },
        200,
      ),
    );
  }
  await step('finalize', () => client.call('POST', `/api/spec-sessions/${sessionId}/finalize`, undefined, 200));
  for (const language of LANGUAGES) {
    await step(`generate ${language}`, () =>
      client.call('POST', `/api/spec-sessions/${sessionId}/generate`, { target_language: language }, 200),
    );
  }
  await step('invalid request (missing prompt)', () => client.call('POST', '/api/spec-sessions', { metadata: {} }, 400));
  for (const generation of GENERATIONS_WORTH_SEEING) {
    await step(generation.title, async () => {
      const id = await finalizedSession(client, generation.fault, generation.prompt);
      await client.call('POST', `/api/spec-sessions/${id}/generate`, { target_language: generation.language }, generation.status);
    });
  }
  await step('robustness analysis', () =>
    client.call('POST', '/api/robustness/analyze', { prompt: PROMPT, variant_count: 5 }, 200),
  );
  await step('optimization run (miprov2)', () =>
    client.call('POST', '/api/optimization/runs', { optimizer: 'miprov2', max_trials: 3 }, 201),
  );
}
