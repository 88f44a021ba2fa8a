import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVER_ADDRESS, ATTR_SERVER_PORT } from '@opentelemetry/semantic-conventions';
import {
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
  ATTR_GEN_AI_SYSTEM,
  ATTR_GEN_AI_USAGE_COMPLETION_TOKENS,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_USAGE_PROMPT_TOKENS,
  GEN_AI_OPERATION_NAME_VALUE_CHAT,
  GEN_AI_PROVIDER_NAME_VALUE_ANTHROPIC,
  GEN_AI_PROVIDER_NAME_VALUE_OPENAI,
} from '@opentelemetry/semantic-conventions/incubating';
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

/** Names the GenAI conventions deprecated, and the plan's names they replaced. */
const REPLACED_NAMES = [
  ATTR_GEN_AI_SYSTEM,
  ATTR_GEN_AI_USAGE_PROMPT_TOKENS,
  ATTR_GEN_AI_USAGE_COMPLETION_TOKENS,
  'llm.provider',
  'llm.model',
  'llm.input_tokens',
  'llm.output_tokens',
  'llm.streaming',
];

function onlyLlmSpan(): ReadableSpan {
  const spans = otel.spansNamed('llm.call');
  expect(spans).toHaveLength(1);
  expect(Object.values(spans[0].attributes)).not.toContain('a prompt that must never appear on a span');
  for (const name of REPLACED_NAMES) expect(spans[0].attributes).not.toHaveProperty([name]);
  return spans[0];
}

/** A remote chat call as the GenAI conventions describe it: a CLIENT span naming the API's server. */
function expectRemoteChat(span: ReadableSpan, provider: string, stream: boolean): void {
  expect(span.kind).toBe(SpanKind.CLIENT);
  expect(span.attributes).toMatchObject({
    [ATTR_GEN_AI_OPERATION_NAME]: GEN_AI_OPERATION_NAME_VALUE_CHAT,
    [ATTR_GEN_AI_PROVIDER_NAME]: provider,
    [ATTR_GEN_AI_REQUEST_STREAM]: stream,
    [ATTR_GEN_AI_REQUEST_MAX_TOKENS]: 256,
    [ATTR_SERVER_ADDRESS]: '127.0.0.1',
    [ATTR_SERVER_PORT]: Number(new URL(stub.url).port),
  });
}

describe('Anthropic through @anthropic-ai/sdk', () => {
  const env = () => ({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: stub.url, OPENAI_API_KEY: 'also-set' });

  it('records tokens, cost and route of a Messages API call', async () => {
    const completion = await routerWith(env()).complete(request(false));
    expect(completion.text).toBe('stubbed answer text');
    expect(stub.requests.at(-1)?.path).toBe('/v1/messages');
    const span = onlyLlmSpan();
    expectRemoteChat(span, GEN_AI_PROVIDER_NAME_VALUE_ANTHROPIC, false);
    expect(span.attributes).toMatchObject({
      'llm.provider_route': 'best_available',
      [ATTR_GEN_AI_REQUEST_MODEL]: 'claude-sonnet-4-6',
      [ATTR_GEN_AI_RESPONSE_MODEL]: 'claude-sonnet-4-6',
      [ATTR_GEN_AI_RESPONSE_ID]: 'msg_stub',
      [ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: ['end_turn'],
      [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: 1200,
      [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: 450,
      'llm.cost_usd': (1200 * 3 + 450 * 15) / 1_000_000,
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
    expectRemoteChat(span, GEN_AI_PROVIDER_NAME_VALUE_ANTHROPIC, true);
    expect(span.attributes).toMatchObject({
      [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: 1200,
      [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: 450,
      [ATTR_GEN_AI_RESPONSE_ID]: 'msg_stub',
      [ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: ['end_turn'],
    });
    expect(span.attributes['llm.time_to_first_token_ms']).toEqual(expect.any(Number));
    expect(span.attributes[ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK]).toEqual(expect.any(Number));
  });
});

describe('OpenAI through the openai SDK', () => {
  const env = () => ({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: `${stub.url}/v1`, OPENAI_MODEL: 'gpt-4o-mini' });

  it('records tokens and cost of a Chat Completions call', async () => {
    await routerWith(env()).complete(request(false));
    expect(stub.requests.at(-1)?.path).toBe('/v1/chat/completions');
    const span = onlyLlmSpan();
    expectRemoteChat(span, GEN_AI_PROVIDER_NAME_VALUE_OPENAI, false);
    expect(span.attributes).toMatchObject({
      'llm.provider_route': 'best_available',
      [ATTR_GEN_AI_REQUEST_MODEL]: 'gpt-4o-mini',
      [ATTR_GEN_AI_RESPONSE_MODEL]: 'gpt-4o-mini',
      [ATTR_GEN_AI_RESPONSE_ID]: 'chatcmpl-stub',
      [ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: ['stop'],
      [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: 1200,
      [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: 450,
      'llm.cost_usd': (1200 * 0.15 + 450 * 0.6) / 1_000_000,
    });
  });

  it('asks for usage in the stream and records it', async () => {
    const completion = await ProviderRouter.collect(routerWith(env()).stream(request(false)));
    expect(completion.text).toBe('stubbed answer text');
    expect(stub.requests.at(-1)?.body.stream_options).toEqual({ include_usage: true });
    const span = onlyLlmSpan();
    expectRemoteChat(span, GEN_AI_PROVIDER_NAME_VALUE_OPENAI, true);
    expect(span.attributes).toMatchObject({
      [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: 1200,
      [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: 450,
      [ATTR_GEN_AI_RESPONSE_ID]: 'chatcmpl-stub',
      [ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: ['stop'],
    });
    expect(span.attributes['llm.time_to_first_token_ms']).toEqual(expect.any(Number));
  });
});

describe('routing (ADR 001)', () => {
  it('sends structured output to Modal when configured, as JSON mode', async () => {
    await routerWith({ MODAL_ENDPOINT_URL: `${stub.url}/v1`, ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: stub.url }).complete(
      request(true),
    );
    expect(stub.requests.at(-1)?.body.response_format).toEqual({ type: 'json_object' });
    const span = onlyLlmSpan();
    expectRemoteChat(span, 'modal', false);
    expect(span.attributes).toMatchObject({
      'llm.provider_route': 'modal_inference',
      [ATTR_GEN_AI_REQUEST_MODEL]: 'qwen2.5-coder-32b',
    });
  });

  it.each([
    [{}, false, 'fixture'],
    [{}, true, 'fixture'],
    [{ OPENAI_API_KEY: 'k' }, false, 'openai'],
    [{ OPENAI_API_KEY: 'k', ANTHROPIC_API_KEY: 'k' }, false, 'anthropic'],
    [{ OPENAI_API_KEY: 'k', ANTHROPIC_API_KEY: 'k' }, true, 'fixture'],
    // With neither Anthropic nor OpenAI, a configured Modal deployment beats the offline fixture.
    [{ MODAL_ENDPOINT_URL: 'http://127.0.0.1:9/v1' }, false, 'modal'],
    [{ MODAL_ENDPOINT_URL: 'http://127.0.0.1:9/v1', OPENAI_API_KEY: 'k' }, false, 'openai'],
    [{ MODAL_ENDPOINT_URL: 'http://127.0.0.1:9/v1', ANTHROPIC_API_KEY: 'k' }, false, 'anthropic'],
    [{ MODAL_ENDPOINT_URL: 'http://127.0.0.1:9/v1', ANTHROPIC_API_KEY: 'k' }, true, 'modal'],
  ])('with %j, structured=%s goes to %s', (env, structured, provider) => {
    const router = routerWith(env);
    expect(router.providerFor(ProviderRouter.routeFor({ structuredOutput: structured })).name).toBe(provider);
  });

  it('streams best_available calls to Modal when it is the only model configured, with the fixture fault as metadata', async () => {
    const completion = await ProviderRouter.collect(
      routerWith({ MODAL_ENDPOINT_URL: `${stub.url}/v1` }).stream({ ...request(false), fixtureFault: 'slow_response' }),
    );
    expect(completion).toMatchObject({ provider: 'modal', route: 'best_available', ...USAGE });
    expect(stub.requests.at(-1)).toMatchObject({
      path: '/v1/chat/completions',
      body: { stream: true, metadata: { fixture_fault: 'slow_response' } },
    });
    expect(stub.requests.at(-1)?.body).not.toHaveProperty('response_format');
    const span = onlyLlmSpan();
    expectRemoteChat(span, 'modal', true);
    expect(span.attributes['llm.provider_route']).toBe('best_available');
  });

  it('sends no metadata to Modal when no fault is asked for', async () => {
    await routerWith({ MODAL_ENDPOINT_URL: `${stub.url}/v1` }).complete(request(false));
    expect(stub.requests.at(-1)?.body).not.toHaveProperty('metadata');
  });

  it('lists Modal on both routes when it is the only model configured', () => {
    expect(routerWith({ MODAL_ENDPOINT_URL: 'http://127.0.0.1:9/v1' }).describe()).toEqual([
      { name: 'anthropic', model: 'not configured', configured: false, routes: [] },
      { name: 'openai', model: 'not configured', configured: false, routes: [] },
      { name: 'modal', model: 'qwen2.5-coder-32b', configured: true, routes: ['best_available', 'modal_inference'] },
      { name: 'fixture', model: 'fixture-deterministic', configured: true, routes: [] },
    ]);
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
