import { setupTestObservability, type TestObservability } from '@lift-sys/observability/testing';
import { LIFT_SYS_OBSERVABILITY } from '../observability/observability-options.js';
import { AppConfig } from '../config/app-config.js';
import { startStubLlmServer, type StubLlmServer } from '../testing/stub-llm-server.js';
import type { LlmRequest } from './llm.types.js';
import { ProviderRouter } from './provider-router.js';

const USAGE = { inputTokens: 1200, outputTokens: 450 };
const request = (structuredOutput: boolean): LlmRequest => ({
  purpose: structuredOutput ? 'ir' : 'code',
  structuredOutput,
  system: 'system text',
  prompt: 'a prompt that must never appear on a span',
  maxTokens: 256,
  reference: 'unused by remote providers',
  attempt: 1,
});

let otel: TestObservability;
let stub: StubLlmServer;
beforeAll(async () => {
  otel = setupTestObservability(LIFT_SYS_OBSERVABILITY);
  stub = await startStubLlmServer(() => 'stubbed answer text', USAGE);
});
afterEach(() => otel.reset());
afterAll(async () => {
  await stub.close();
  await otel.shutdown();
});

function routerWith(env: NodeJS.ProcessEnv): ProviderRouter {
  return new ProviderRouter(AppConfig.fromEnv({ PATH: '', ...env }));
}

function onlyLlmSpan() {
  const spans = otel.spansNamed('llm.call');
  expect(spans).toHaveLength(1);
  expect(Object.values(spans[0].attributes)).not.toContain('a prompt that must never appear on a span');
  return spans[0];
}

describe('Anthropic through @anthropic-ai/sdk', () => {
  const env = () => ({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: stub.url, OPENAI_API_KEY: 'also-set' });

  it('records tokens, cost and route of a Messages API call', async () => {
    const completion = await routerWith(env()).complete(request(false));
    expect(completion.text).toBe('stubbed answer text');
    expect(stub.requests.at(-1)?.path).toBe('/v1/messages');
    expect(onlyLlmSpan().attributes).toMatchObject({
      'llm.provider': 'anthropic',
      'llm.provider_route': 'best_available',
      'llm.model': 'claude-sonnet-4-6',
      'llm.input_tokens': 1200,
      'llm.output_tokens': 450,
      'llm.cost_usd': (1200 * 3 + 450 * 15) / 1_000_000,
      'llm.streaming': false,
    });
  });

  it('traces a streamed call until the stream ends, with time to first token', async () => {
    const stream = routerWith(env()).stream(request(false));
    let text = '';
    for (let step = await stream.next(); step.done !== true; step = await stream.next()) {
      expect(otel.spansNamed('llm.call')).toHaveLength(0);
      text += step.value;
    }
    expect(text).toBe('stubbed answer text');
    expect(stub.requests.at(-1)?.body.stream).toBe(true);
    const span = onlyLlmSpan();
    expect(span.attributes).toMatchObject({
      'llm.streaming': true,
      'llm.input_tokens': 1200,
      'llm.output_tokens': 450,
      'llm.provider': 'anthropic',
    });
    expect(span.attributes['llm.time_to_first_token_ms']).toEqual(expect.any(Number));
  });
});

describe('OpenAI through the openai SDK', () => {
  const env = () => ({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: `${stub.url}/v1`, OPENAI_MODEL: 'gpt-4o-mini' });

  it('records tokens and cost of a Chat Completions call', async () => {
    await routerWith(env()).complete(request(false));
    expect(stub.requests.at(-1)?.path).toBe('/v1/chat/completions');
    expect(onlyLlmSpan().attributes).toMatchObject({
      'llm.provider': 'openai',
      'llm.provider_route': 'best_available',
      'llm.model': 'gpt-4o-mini',
      'llm.input_tokens': 1200,
      'llm.output_tokens': 450,
      'llm.cost_usd': (1200 * 0.15 + 450 * 0.6) / 1_000_000,
    });
  });

  it('asks for usage in the stream and records it', async () => {
    const completion = await ProviderRouter.collect(routerWith(env()).stream(request(false)));
    expect(completion.text).toBe('stubbed answer text');
    expect(stub.requests.at(-1)?.body.stream_options).toEqual({ include_usage: true });
    const span = onlyLlmSpan();
    expect(span.attributes).toMatchObject({ 'llm.streaming': true, 'llm.input_tokens': 1200, 'llm.output_tokens': 450 });
    expect(span.attributes['llm.time_to_first_token_ms']).toEqual(expect.any(Number));
  });
});

describe('routing (ADR 001)', () => {
  it('sends structured output to Modal when configured, as JSON mode', async () => {
    await routerWith({ MODAL_ENDPOINT_URL: `${stub.url}/v1`, ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: stub.url }).complete(
      request(true),
    );
    expect(stub.requests.at(-1)?.body.response_format).toEqual({ type: 'json_object' });
    expect(onlyLlmSpan().attributes).toMatchObject({
      'llm.provider': 'modal',
      'llm.provider_route': 'modal_inference',
      'llm.model': 'qwen2.5-coder-32b',
    });
  });

  it.each([
    [{}, false, 'fixture'],
    [{}, true, 'fixture'],
    [{ OPENAI_API_KEY: 'k' }, false, 'openai'],
    [{ OPENAI_API_KEY: 'k', ANTHROPIC_API_KEY: 'k' }, false, 'anthropic'],
    [{ OPENAI_API_KEY: 'k', ANTHROPIC_API_KEY: 'k' }, true, 'fixture'],
    [{ MODAL_ENDPOINT_URL: 'http://127.0.0.1:9/v1' }, false, 'fixture'],
  ])('with %j, structured=%s goes to %s', (env, structured, provider) => {
    const router = routerWith(env);
    expect(router.providerFor(ProviderRouter.routeFor({ structuredOutput: structured })).name).toBe(provider);
  });

  it('lists every provider with its routes', () => {
    const providers = routerWith({ OPENAI_API_KEY: 'k' }).describe();
    expect(providers).toEqual([
      { name: 'anthropic', model: 'not configured', configured: false, routes: [] },
      { name: 'openai', model: 'gpt-4o', configured: true, routes: ['best_available'] },
      { name: 'modal', model: 'not configured', configured: false, routes: [] },
      { name: 'fixture', model: 'fixture-deterministic', configured: true, routes: ['modal_inference'] },
    ]);
  });
});
