import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import OpenAI from 'openai';
import { parseIrJson } from '../../lift-sys/src/ir/ir-schema.js';
import { parsePrompt } from '../../lift-sys/src/ir/rule-based-parser.js';
import { LANGUAGES } from '../../lift-sys/src/codegen/languages.js';
import { PythonGenerator } from '../../lift-sys/src/codegen/python.generator.js';
import { INJECTED_SYNTAX_ERROR } from '../../lift-sys/src/providers/deterministic-answer.js';
import { paraphrase } from '../../lift-sys/src/robustness/paraphrases.js';
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

  const ir = parsePrompt(
    'Write a function called greet that takes a string name and returns a string greeting for that person.',
    'python',
    {},
  );
  /** A code request as lift-sys's code generators write it: the IR as JSON, diagnostics appended on a retry. */
  const codeRequest = (language: string, retry = false, fault?: string): OpenAI.ChatCompletionCreateParamsNonStreaming => ({
    model: 'm',
    messages: [
      { role: 'system', content: `You write ${language} code from lift-sys IR. Answer with the code only.` },
      {
        role: 'user',
        content: JSON.stringify(ir) + (retry ? '\n\nThe previous attempt failed to compile:\nline 1: unexpected token' : ''),
      },
    ],
    ...(fault ? { metadata: { fixture_fault: fault } } : {}),
  });
  const answer = async (params: OpenAI.ChatCompletionCreateParamsNonStreaming): Promise<string> =>
    (await client.chat.completions.create(params)).choices[0]!.message.content!;

  it("answers a code request in every language with the app's reference rendering of the IR", async () => {
    const answers = await Promise.all(LANGUAGES.map((language) => answer(codeRequest(language))));
    expect(new Set(answers).size).toBe(LANGUAGES.length);
    expect(answers[LANGUAGES.indexOf('python')]).toBe(PythonGenerator.prototype.render(ir));
    expect(answers[LANGUAGES.indexOf('python')]).toMatch(/^def greet\(name: str\) -> str:/m);
  });

  it('injects a syntax error as the fixture fault in the request metadata asks, on the attempts it names', async () => {
    const clean = await answer(codeRequest('rust'));
    expect(await answer(codeRequest('rust', false, 'invalid_once'))).toBe(clean + INJECTED_SYNTAX_ERROR);
    expect(await answer(codeRequest('rust', true, 'invalid_once'))).toBe(clean);
    expect(await answer(codeRequest('rust', true, 'invalid_always'))).toBe(clean + INJECTED_SYNTAX_ERROR);
  });

  it('fails as an overloaded model with 503 server_error when the provider_error fault is asked for', async () => {
    otel.reset();
    const error = await client.chat.completions.create(codeRequest('go', false, 'provider_error')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect((error as InstanceType<typeof OpenAI.InternalServerError>).status).toBe(503);
    expect((error as InstanceType<typeof OpenAI.InternalServerError>).type).toBe('server_error');
    const [generate] = otel.spansNamed('inference.generate');
    expect(generate!.status.code).toBe(2);
  });

  it('answers a paraphrase request with the JSON array the robustness analyzer reads', async () => {
    const text = await answer({
      model: 'm',
      messages: [
        {
          role: 'system',
          content: 'Rewrite the request 3 different ways without changing its meaning. Answer with a JSON array of strings.',
        },
        { role: 'user', content: prompt },
      ],
    });
    expect(JSON.parse(text)).toEqual(paraphrase(prompt, 3));
  });

  it.each([
    [{ ...codeRequest('cobol') }, 'messages', 'cobol'],
    [
      { ...codeRequest('go'), messages: [codeRequest('go').messages[0]!, { role: 'user' as const, content: 'no IR here' }] },
      'messages',
      'IR',
    ],
    [codeRequest('go', false, 'explode'), 'metadata', 'fixture_fault'],
    [{ ...codeRequest('go'), metadata: { fixture_fault: 3 } as unknown as Record<string, string> }, 'metadata', 'string'],
  ])('rejects a request the model cannot read with 400 naming the parameter (%#)', async (params, param, problem) => {
    const error = await client.chat.completions.create(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe(param);
    expect((error as Error).message).toContain(problem);
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
