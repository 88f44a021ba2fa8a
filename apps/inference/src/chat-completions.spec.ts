import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import OpenAI from 'openai';
import { parseIrJson } from '../../lift-sys/src/ir/ir-schema.js';
import { setupTestObservability, type TestObservability } from '@lift-sys/observability/testing';
import { INFERENCE_OBSERVABILITY, InferenceModule } from './inference.module.js';

/** The service as lift-sys's Modal provider reaches it: through the official OpenAI SDK. */
describe('inference service (OpenAI-compatible chat completions)', () => {
  let app: INestApplication;
  let client: OpenAI;
  let baseURL: string;
  let otel: TestObservability;

  beforeAll(async () => {
    otel = setupTestObservability(INFERENCE_OBSERVABILITY);
    app = await NestFactory.create(InferenceModule.forRoot(), { logger: false });
    await app.listen(0, '127.0.0.1');
    baseURL = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/v1`;
    client = new OpenAI({ apiKey: 'test-key', baseURL, maxRetries: 0 });
  });
  afterAll(async () => {
    await app.close();
    await otel.shutdown();
  });

  const prompt = 'Write a function called add that returns the sum of two integers a and b.';

  it('answers a JSON request with IR that lift-sys accepts, with usage', async () => {
    const completion = await client.chat.completions.create({
      model: 'qwen2.5-coder-32b',
      messages: [
        { role: 'system', content: 'Translate the request into lift-sys IR. Infer parameter types from conventional names.' },
        { role: 'user', content: prompt },
      ],
      response_format: { type: 'json_object' },
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    const ir = parseIrJson(completion.choices[0]!.message.content!);
    expect(ir.signature.name).toBe('add');
    expect(completion.usage!.total_tokens).toBe(completion.usage!.prompt_tokens + completion.usage!.completion_tokens);
    const [generate] = otel.spansNamed('inference.generate');
    expect(generate!.attributes).toMatchObject({
      'gen_ai.request.model': 'qwen2.5-coder-32b',
      'gen_ai.usage.input_tokens': completion.usage!.prompt_tokens,
      'gen_ai.usage.output_tokens': completion.usage!.completion_tokens,
    });
    expect(otel.traceSpans(generate!.spanContext().traceId).map((span) => span.name)).toContain('POST /v1/chat/completions');
  });

  it('streams the same answer in chunks, with usage last', async () => {
    const request = {
      model: 'm',
      messages: [{ role: 'user' as const, content: prompt }],
      response_format: { type: 'json_object' as const },
    };
    const whole = (await client.chat.completions.create(request)).choices[0]!.message.content;
    let text = '';
    let usage: OpenAI.CompletionUsage | undefined | null;
    for await (const chunk of await client.chat.completions.create({
      ...request,
      stream: true,
      stream_options: { include_usage: true },
    })) {
      text += chunk.choices[0]?.delta.content ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe(whole);
    expect(usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('rejects a malformed request with 400 invalid_request_error naming the parameter', async () => {
    const error = await client.chat.completions.create({ model: 'm', messages: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('messages');
    const bad = await fetch(`${baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer k' },
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }], max_tokens: -1 }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: {
        message: '`max_tokens` must be a positive integer.',
        type: 'invalid_request_error',
        param: 'max_tokens',
        code: null,
      },
    });
  });

  it('rejects a request without a bearer token with 401', async () => {
    const response = await fetch(`${baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('authentication_error');
  });
});
