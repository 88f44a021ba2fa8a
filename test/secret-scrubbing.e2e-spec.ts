import { Agent, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStubLlmServer, type StubLlmServer } from '../apps/lift-sys/src/testing/stub-llm-server.js';
import { send, startBuiltApp, type BuiltApp } from './support/built-app.js';

const LLM_KEY = 'sk-ant-api03-e2e-secret-llm-key-0123456789';
const HONEYCOMB_KEY = 'hcaik_e2e_secret_honeycomb_key_abcdefghijklmnop';
const PROMPT = 'Write a function called greet that takes a string name and returns a string greeting for that person.';

/**
 * An OTLP endpoint that refuses every export with 401 and echoes the request's headers (the API key
 * among them) in its error body, as some proxies do. Keeps every body it was sent.
 */
class EchoingOtlpEndpoint {
  readonly bodies: Buffer[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.bodies.push(Buffer.concat(chunks));
        response
          .writeHead(401, { 'content-type': 'application/json' })
          .end(JSON.stringify({ message: 'unknown API key', headers: request.headers }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Creates, finalizes and asks for code: the code request reaches the LLM stub, which answers 401 echoing the key. */
async function generateWithRejectedKey(app: BuiltApp): Promise<number> {
  const agent = new Agent();
  const created = JSON.parse((await send(agent, `${app.url}/api/spec-sessions`, 'POST', { prompt: PROMPT })).body) as {
    session_id: string;
  };
  await send(agent, `${app.url}/api/spec-sessions/${created.session_id}/finalize`, 'POST');
  const generated = await send(agent, `${app.url}/api/spec-sessions/${created.session_id}/generate`, 'POST', {
    target_language: 'python',
  });
  expect(generated.body).not.toContain(LLM_KEY);
  return generated.status;
}

async function stop(app: BuiltApp): Promise<void> {
  app.child.kill('SIGTERM');
  expect(await app.exited).toEqual({ code: 0, signal: null });
}

describe('a secret echoed back by an LLM API or an OTLP endpoint', () => {
  let llm: StubLlmServer;
  const directory = mkdtempSync(join(tmpdir(), 'lift-sys-secrets-'));

  beforeAll(async () => {
    llm = await startStubLlmServer(() => 'unused', { inputTokens: 1, outputTokens: 1 }, { unauthorizedEchoingKey: true });
  });
  afterAll(async () => {
    await llm.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('is in no .traces line, no console tree and no log line, though the failure is recorded', async () => {
    const app = await startBuiltApp({
      ANTHROPIC_API_KEY: LLM_KEY,
      ANTHROPIC_BASE_URL: llm.url,
      OTEL_TRACES_EXPORTER: 'local',
      OBSERVABILITY_TRACES_DIR: directory,
      OBSERVABILITY_CONSOLE: 'true',
    });
    try {
      expect(await generateWithRejectedKey(app)).toBe(500);
      await stop(app);
    } finally {
      app.child.kill('SIGKILL');
    }
    const traces = readdirSync(directory)
      .map((file) => readFileSync(join(directory, file), 'utf8'))
      .join('');
    // The 401 did reach the spans, scrubbed: the key is gone, the rest of the message is there.
    expect(traces).toContain('invalid x-api-key: [REDACTED]');
    expect(traces).toContain('"name":"llm.call"');
    expect(traces).not.toContain(LLM_KEY);
    expect(app.output.stdout).toContain('[REDACTED]');
    expect(app.output.stdout + app.output.stderr).not.toContain(LLM_KEY);
    // The scrubbing logger itself must not fail on the way (Nest logs some errors without a stack).
    expect(app.output.stdout + app.output.stderr).not.toContain('TypeError');
  }, 120_000);

  it('is in no exported span and no diagnostic line when the Honeycomb endpoint echoes the key', async () => {
    const endpoint = new EchoingOtlpEndpoint();
    await endpoint.start();
    const app = await startBuiltApp({
      ANTHROPIC_API_KEY: LLM_KEY,
      ANTHROPIC_BASE_URL: llm.url,
      HONEYCOMB_API_KEY: HONEYCOMB_KEY,
      HONEYCOMB_API_ENDPOINT: endpoint.url,
      OTEL_LOG_LEVEL: 'debug',
    });
    try {
      expect(await generateWithRejectedKey(app)).toBe(500);
      await stop(app);
    } finally {
      app.child.kill('SIGKILL');
      await endpoint.stop();
    }
    expect(endpoint.bodies.length).toBeGreaterThan(0);
    for (const body of endpoint.bodies) {
      expect(body.includes(LLM_KEY)).toBe(false);
      expect(body.includes(HONEYCOMB_KEY)).toBe(false);
    }
    const output = app.output.stdout + app.output.stderr;
    expect(output).toMatch(/\[observability\] Export failed.*Unauthorized/);
    expect(output).not.toContain(LLM_KEY);
    expect(output).not.toContain(HONEYCOMB_KEY);
  }, 120_000);
});
