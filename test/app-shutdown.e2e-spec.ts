import { Agent } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { send, startBuiltApp } from './support/built-app.js';

const PROMPT = 'Write a function called greet that takes a string name and returns a string greeting for that person.';
const IN_FLIGHT = 4;

interface TraceLine {
  resourceSpans: { scopeSpans: { spans: { traceId: string; name: string }[] }[] }[];
}

describe('the built app on SIGTERM', () => {
  const directory = mkdtempSync(join(tmpdir(), 'lift-sys-shutdown-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('answers every request in flight with connection: close, exports their spans, stops accepting, and exits 0', async () => {
    const app = await startBuiltApp({
      OTEL_TRACES_EXPORTER: 'local',
      OBSERVABILITY_TRACES_DIR: directory,
      OBSERVABILITY_CONSOLE: 'false',
    });
    const agent = new Agent({ keepAlive: true });
    try {
      // The fixture provider answers code requests of this session after ~10 s: time to signal.
      const created = JSON.parse(
        (
          await send(agent, `${app.url}/api/spec-sessions`, 'POST', {
            prompt: PROMPT,
            metadata: { fixture_fault: 'slow_response' },
          })
        ).body,
      ) as { session_id: string };
      await send(agent, `${app.url}/api/spec-sessions/${created.session_id}/finalize`, 'POST');
      const inFlight = Array.from({ length: IN_FLIGHT }, () =>
        send(agent, `${app.url}/api/spec-sessions/${created.session_id}/generate`, 'POST', { target_language: 'python' }),
      );
      // Let every request reach its handler before the signal.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      app.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      await expect(send(new Agent(), `${app.url}/api/health`, 'GET')).rejects.toMatchObject({ code: 'ECONNREFUSED' });

      const responses = await Promise.all(inFlight);
      expect(responses.map((response) => [response.status, response.headers.connection])).toEqual(
        Array.from({ length: IN_FLIGHT }, () => [200, 'close']),
      );
      expect(await app.exited).toEqual({ code: 0, signal: null });

      const exported = readFileSync(join(directory, 'spans.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .flatMap((line) => (JSON.parse(line) as TraceLine).resourceSpans)
        .flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans));
      for (const response of responses) {
        const traceId = response.headers['x-trace-id'];
        const names = exported.filter((span) => span.traceId === traceId).map((span) => span.name);
        expect(names).toEqual(expect.arrayContaining(['POST /api/spec-sessions/:id/generate', 'code.generate', 'llm.call']));
      }
      expect(app.output.stdout).toMatch(/SIGTERM received: finishing \d+ request\(s\) in flight/);
    } finally {
      agent.destroy();
      app.child.kill('SIGKILL');
    }
  }, 120_000);
});
