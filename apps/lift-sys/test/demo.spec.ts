import { readTracesDir } from '@lift-sys/honeycomb';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../src/demo/run-demo.js';
import { liftSysDefinitions } from '../src/honeycomb/definitions.js';
import { evaluateDefinitions } from '../src/honeycomb/evaluate-definitions.js';

it('runs the scripted demo offline, prints trees, summary and board panels, and leaves data for every panel', async () => {
  const tracesDir = mkdtempSync(join(tmpdir(), 'demo-traces-'));
  const output: string[] = [];
  const code = await runDemo({
    print: (text) => output.push(text),
    env: { PATH: process.env.PATH, OBSERVABILITY_TRACES_DIR: tracesDir },
  });
  const text = output.join('\n');
  expect(text).not.toContain('FAILED');
  expect(code).toBe(0);
  expect(text).toMatch(
    /== POST \/api\/spec-sessions \(create\)\nPOST \/api\/spec-sessions [\d.]+ms.*\n└─ session\.create .*\n.*[├└]─ ir\.generate/,
  );
  expect(text).toMatch(/code\.validate .*error=true.*ERROR/);
  for (const language of ['typescript', 'rust', 'go', 'java', 'python', 'zig', 'cpp'])
    expect(text).toContain(`== generate ${language}`);
  expect(text).toMatch(/span\s+count\s+p50 ms\s+p95 ms\s+errors/);
  expect(text).toMatch(/language\s+llm cost\n[- ]+\ncpp\s+\$0\.\d+/);
  expect(text).toMatch(/provider\s+llm cost\n[- ]+\nfixture\s+\$\d/);
  expect(text).toMatch(/robustness\.analyze .*robustness\.sensitivity=/);
  expect(text).toMatch(/dspy\.optimize .*dspy\.improvement=/);
  expect(text).toMatch(/POST \/api\/spec-sessions\/:id\/generate .*http\.response\.status_code=500 error=true/);
  expect(text).toContain('== Honeycomb boards, computed locally');

  const events = await readTracesDir(tracesDir);
  const empty = evaluateDefinitions(liftSysDefinitions({}), events, Date.now()).filter((evaluation) => !evaluation.hasData);
  expect(empty).toEqual([]);
  expect(text).not.toContain('EMPTY');
}, 90_000);
