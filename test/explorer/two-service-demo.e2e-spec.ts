import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TraceStore } from '../../libs/explorer/src/server/trace-store.js';
import { loadTracesFolder } from '../../libs/explorer/src/server/traces-folder.js';
import { startInferenceService } from '../../apps/lift-sys/src/demo/inference-process.js';
import { runDemo } from '../../apps/lift-sys/src/demo/run-demo.js';

/** The inference service as `npm run demo` starts it: the built one (needs `npm run build`). */
const INFERENCE_MAIN = join(import.meta.dirname, '..', '..', 'dist', 'apps', 'inference', 'src', 'main.js');

it('traces IR translation across the app and the separately started inference service', async () => {
  const tracesDir = mkdtempSync(join(tmpdir(), 'two-service-demo-'));
  try {
    const env = { PATH: process.env.PATH, OBSERVABILITY_TRACES_DIR: tracesDir };
    const inference = await startInferenceService(env, INFERENCE_MAIN);
    const output: string[] = [];
    const code = await runDemo({ env, inference, print: (text) => output.push(text) });
    expect(output.join('\n')).not.toContain('FAILED');
    expect(code).toBe(0);
    expect(output.join('\n')).toMatch(/llm\.call .*gen_ai\.provider\.name=modal/);

    const store = new TraceStore(1_000_000);
    await loadTracesFolder(tracesDir, (request) => store.add(request));
    const crossing = store.list({ service: 'lift-sys-inference', spanName: 'ir.generate' }).traces;
    expect(crossing.length).toBeGreaterThan(0);
    for (const summary of crossing) {
      expect(summary.services.sort()).toEqual(['lift-sys', 'lift-sys-inference']);
      const spans = store.trace(summary.traceId)!;
      const byId = new Map(spans.map((span) => [span.spanId, span]));
      for (const server of spans.filter((span) => span.service === 'lift-sys-inference' && span.kind === 'server')) {
        // W3C trace context: the inference request's server span is the child of the app's HTTP client span.
        const caller = byId.get(server.parentSpanId!)!;
        expect([caller.service, caller.kind]).toEqual(['lift-sys', 'client']);
        expect(byId.get(caller.parentSpanId!)!.name).toBe('llm.call');
        expect(spans.some((span) => span.parentSpanId === server.spanId && span.name === 'inference.generate')).toBe(true);
      }
    }
  } finally {
    rmSync(tracesDir, { recursive: true, force: true });
  }
}, 180_000);
