import type { AddressInfo } from 'node:net';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import {
  ATTR_DB_COLLECTION_NAME,
  ATTR_ERROR_TYPE,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVICE_NAME,
} from '@opentelemetry/semantic-conventions';
import { ATTR_GEN_AI_PROVIDER_NAME } from '@opentelemetry/semantic-conventions/incubating';
import { flattenReadableSpans, readTracesDir, type SpanEvent } from '@lift-sys/honeycomb';
import { setupObservability } from '@lift-sys/observability';
import { buildSpanForest, formatSpanForest } from '@lift-sys/observability/testing';
import { createApp } from '../bootstrap.js';
import { liftSysDefinitions } from '../honeycomb/definitions.js';
import { evaluateDefinitions } from '../honeycomb/evaluate-definitions.js';
import { LIFT_SYS_OBSERVABILITY } from '../observability/observability-options.js';
import { FIXTURE_MODEL } from '../providers/fixture.provider.js';
import { DemoClient } from './demo-client.js';
import { runDemoScript } from './demo-script.js';
import { boardPanels, costTables, latencyTable } from './summary.js';

export interface DemoOptions {
  /** Where output goes; console.log by default. */
  print?: (text: string) => void;
  /** The app's and the SDK's environment; process.env by default (no provider keys: fully offline). */
  env?: NodeJS.ProcessEnv;
  /**
   * A separately started inference service the Modal provider calls (for every LLM call when no
   * Anthropic or OpenAI key is set); stopped (and so flushed) before the boards are read.
   */
  inference?: { url: string; stop: () => Promise<void> };
}

const TREE_KEYS = [
  'session.id',
  'session.holes_count',
  'ir.provider_route',
  'ir.validation_status',
  'code.language',
  'code.retries',
  'code.validation_skipped',
  ATTR_GEN_AI_PROVIDER_NAME,
  'llm.cost_usd',
  ATTR_DB_COLLECTION_NAME,
  'robustness.sensitivity',
  'dspy.improvement',
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  'error',
  ATTR_ERROR_TYPE,
];
/**
 * The plan's Appendix A.2 prices (a premium model), so the offline model's costs look like
 * production's, whether the fixture provider or the inference service (serving the same
 * deterministic model under that name) answers.
 */
const DEMO_PRICING = JSON.stringify({ [FIXTURE_MODEL]: { input: 15, output: 75 } });

/**
 * Drives a scripted lift-sys session over HTTP against the real app, prints each request's trace,
 * a latency and cost summary, and the Honeycomb boards' panels computed locally from the spans the
 * run exported (to `.traces/` by default). Returns the exit code.
 */
export async function runDemo(options: DemoOptions = {}): Promise<number> {
  const print = options.print ?? ((text: string) => console.log(text));
  const env: NodeJS.ProcessEnv = {
    LLM_PRICING_JSON: DEMO_PRICING,
    ...(options.env ?? process.env),
    ...(options.inference ? { MODAL_ENDPOINT_URL: `${options.inference.url}/v1`, MODAL_MODEL: FIXTURE_MODEL } : {}),
  };
  const memory = new InMemorySpanExporter();
  const observability = setupObservability({
    ...LIFT_SYS_OBSERVABILITY,
    env,
    local: { console: false },
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const app = await createApp({ env });
  let appOpen = true;
  const all: ReadableSpan[] = [];
  try {
    await app.listen(0, '127.0.0.1');
    const client = new DemoClient(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`, 'demo-user');
    await runDemoScript(client, async (title, action) => {
      memory.reset();
      await action();
      const spans = memory.getFinishedSpans();
      all.push(...spans);
      print(`\n== ${title}\n${formatSpanForest(buildSpanForest(spans), { attributeKeys: TREE_KEYS })}`);
    });
    print(`\n== Summary\n${latencyTable(all)}\n\n${costTables(all)}`);
    await app.close();
    appOpen = false;
    await observability.forceFlush();
    await options.inference?.stop();
    // Honeycomb keeps each service.name in its own dataset, and the boards query the app's: the
    // inference service's spans, written to the same folder, are not the app's requests.
    const events: SpanEvent[] = (
      observability.exporter === 'local'
        ? await readTracesDir(env.OBSERVABILITY_TRACES_DIR ?? '.traces')
        : flattenReadableSpans(all)
    ).filter((event) => event[ATTR_SERVICE_NAME] === observability.serviceName);
    print(
      `\n== Honeycomb boards, computed locally over ${events.length} span events\n${boardPanels(evaluateDefinitions(liftSysDefinitions(env), events, Date.now() + 1000))}`,
    );
    for (const failure of client.failures) print(`FAILED: ${failure}`);
    print(
      client.failures.length === 0
        ? '\ndemo finished: all requests answered as expected'
        : `\ndemo finished with ${client.failures.length} unexpected answers`,
    );
    return client.failures.length === 0 ? 0 : 1;
  } finally {
    if (appOpen) await app.close();
    await observability.shutdown();
  }
}
