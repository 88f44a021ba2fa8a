import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { readTracesDir } from '@lift-sys/honeycomb';
import type { SpanView } from '../../libs/explorer/src/shared/api-types.js';
import { TraceStore } from '../../libs/explorer/src/server/trace-store.js';
import { loadTracesFolder } from '../../libs/explorer/src/server/traces-folder.js';
import { startInferenceService } from '../../apps/lift-sys/src/demo/inference-process.js';
import { runDemo } from '../../apps/lift-sys/src/demo/run-demo.js';
import { liftSysDefinitions } from '../../apps/lift-sys/src/honeycomb/definitions.js';
import { evaluateDefinitions } from '../../apps/lift-sys/src/honeycomb/evaluate-definitions.js';

/** The inference service as `npm run demo` starts it: the built one (needs `npm run build`). */
const INFERENCE_MAIN = join(import.meta.dirname, '..', '..', 'dist', 'apps', 'inference', 'src', 'main.js');
const APP = 'lift-sys';
const INFERENCE = 'lift-sys-inference';
const GENERATE_ROUTE = 'POST /api/spec-sessions/:id/generate';

const tracesDir = mkdtempSync(join(tmpdir(), 'two-service-demo-'));
const store = new TraceStore(1_000_000);
let output = '';
let exitCode: number;

/** Where a span says it came from: its resource's service.name, as the exporting SDK set it. */
const serviceOf = (span: SpanView): unknown => span.resource[ATTR_SERVICE_NAME];

/** Every trace whose root is a code-generation request, with its spans. */
function codeGenerationTraces(): SpanView[][] {
  return store
    .list({ spanName: 'code.generate', limit: 1000 })
    .traces.filter((summary) => summary.rootName.startsWith(GENERATE_ROUTE))
    .map((summary) => store.trace(summary.traceId)!);
}

/**
 * W3C trace context: each inference server span is the child of the app's HTTP client span inside
 * an llm.call, and has the model's inference.generate span below it. Returns, per server span, the
 * names of the app's spans above it.
 */
function inferenceCallers(spans: SpanView[]): string[][] {
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  const servers = spans.filter((span) => serviceOf(span) === INFERENCE && span.kind === 'server');
  return servers.map((server) => {
    const client = byId.get(server.parentSpanId!)!;
    expect([serviceOf(client), client.kind]).toEqual([APP, 'client']);
    expect(byId.get(client.parentSpanId!)!.name).toBe('llm.call');
    expect(spans.some((span) => span.parentSpanId === server.spanId && span.name === 'inference.generate')).toBe(true);
    const ancestors: string[] = [];
    for (let span = byId.get(client.parentSpanId!); span !== undefined; span = byId.get(span.parentSpanId ?? ''))
      ancestors.push(span.name);
    return ancestors;
  });
}

beforeAll(async () => {
  const env = { PATH: process.env.PATH, OBSERVABILITY_TRACES_DIR: tracesDir };
  const inference = await startInferenceService(env, INFERENCE_MAIN);
  const lines: string[] = [];
  exitCode = await runDemo({ env, inference, print: (text) => lines.push(text) });
  output = lines.join('\n');
  await loadTracesFolder(tracesDir, (request) => store.add(request));
}, 180_000);

afterAll(() => rmSync(tracesDir, { recursive: true, force: true }));

it('answers every demo request as expected with the Modal provider calling the inference service', () => {
  expect(output).not.toContain('FAILED');
  expect(exitCode).toBe(0);
  expect(output).toMatch(/llm\.call .*gen_ai\.provider\.name=modal/);
  expect(output).not.toMatch(/gen_ai\.provider\.name=fixture/);
  expect(output).toMatch(/provider\s+llm cost\n[- ]+\nmodal\s+\$\d/);
});

it('traces IR translation across the app and the separately started inference service', () => {
  const crossing = store.list({ service: INFERENCE, spanName: 'ir.generate' }).traces;
  expect(crossing.length).toBeGreaterThan(0);
  for (const summary of crossing) {
    expect(summary.services.sort()).toEqual([APP, INFERENCE]);
    expect(inferenceCallers(store.trace(summary.traceId)!).some((callers) => callers.includes('ir.generate'))).toBe(true);
  }
});

it('traces every code generation across both services, the deliberate faults included', () => {
  const traces = codeGenerationTraces();
  // Seven languages for the scripted session, then the five generations worth seeing.
  expect(traces).toHaveLength(12);
  for (const spans of traces) {
    expect(new Set(spans.map(serviceOf))).toEqual(new Set([APP, INFERENCE]));
    const callers = inferenceCallers(spans);
    expect(callers.length).toBeGreaterThan(0);
    for (const ancestors of callers) expect(ancestors).toContain('code.generate');
  }
  const statusOf = (spans: SpanView[]): unknown =>
    spans.find((span) => span.parentSpanId === undefined)!.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE];
  const inferenceAnswers = (spans: SpanView[]): unknown[] =>
    spans
      .filter((span) => serviceOf(span) === INFERENCE && span.kind === 'server')
      .map((span) => span.attributes[ATTR_HTTP_RESPONSE_STATUS_CODE]);
  // The provider failure is the inference service's 503 (retried once by the OpenAI SDK), answered as the app's 500.
  const failed = traces.filter((spans) => statusOf(spans) === 500);
  expect(failed).toHaveLength(1);
  expect(inferenceAnswers(failed[0]!)).toEqual([503, 503]);
  // A generation that keeps failing validation: the first attempt and every retry reach the inference service.
  const rejected = traces.filter((spans) => statusOf(spans) === 422);
  expect(rejected).toHaveLength(1);
  expect(inferenceAnswers(rejected[0]!).length).toBeGreaterThan(1);
  expect(inferenceAnswers(rejected[0]!).every((status) => status === 200)).toBe(true);
});

it("leaves data in the app's dataset for every board panel, trigger and SLO", async () => {
  // The boards query the app's dataset: Honeycomb keeps each service.name apart.
  const events = (await readTracesDir(tracesDir)).filter((event) => event[ATTR_SERVICE_NAME] === APP);
  const empty = evaluateDefinitions(liftSysDefinitions({}), events, Date.now()).filter((evaluation) => !evaluation.hasData);
  expect(empty).toEqual([]);
  expect(output).not.toContain('EMPTY');
});
