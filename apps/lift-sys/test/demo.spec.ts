import { runDemo } from '../src/demo/run-demo.js';

it('runs the scripted demo offline, printing trace trees and the summary, and exits 0', async () => {
  const output: string[] = [];
  const code = await runDemo({ print: (text) => output.push(text), env: { PATH: process.env.PATH } });
  const text = output.join('\n');
  expect(text).not.toContain('FAILED');
  expect(code).toBe(0);
  expect(text).toMatch(/== POST \/api\/spec-sessions \(create\)\n(.*\n)*?.*POST \/api\/spec-sessions [\d.]+ms\n.*session\.create .*\n.*[├└]─ ir\.generate/);
  expect(text).toMatch(/code\.validate .*error=true.*ERROR/);
  for (const language of ['typescript', 'rust', 'go', 'java', 'python', 'zig', 'cpp']) expect(text).toContain(`== generate ${language}`);
  expect(text).toMatch(/span\s+count\s+p50 ms\s+p95 ms\s+errors/);
  expect(text).toMatch(/language\s+llm cost\n[- ]+\ncpp\s+\$0\.\d+/);
  expect(text).toMatch(/provider\s+llm cost\n[- ]+\nfixture\s+\$\d/);
  expect(text).toMatch(/robustness\.analyze .*robustness\.sensitivity=/);
  expect(text).toMatch(/dspy\.optimize .*dspy\.improvement=/);
}, 60_000);
