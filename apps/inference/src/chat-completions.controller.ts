import { Body, Controller, Headers, HttpCode, Post, Res, UnauthorizedException } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { parseChatCompletionRequest, type ChatCompletionRequest } from './chat-completion.dto.js';
import { DeterministicModel, type Generation } from './deterministic-model.js';

/** OpenAI's Chat Completions endpoint (https://platform.openai.com/docs/api-reference/chat), as vLLM serves it on Modal. */
@Controller('v1')
export class ChatCompletionsController {
  constructor(private readonly model: DeterministicModel) {}

  @Post('chat/completions')
  @HttpCode(200)
  async create(
    @Body() body: unknown,
    @Headers('authorization') authorization: string | undefined,
    @Res() response: ServerResponse,
  ): Promise<void> {
    // vLLM started with --api-key answers 401 to a request without the bearer token.
    if (!/^Bearer \S+/.test(authorization ?? '')) throw new UnauthorizedException('Missing bearer token');
    const request = parseChatCompletionRequest(body);
    const generation = await this.model.generate(request);
    const id = `chatcmpl-${randomUUID()}`;
    const created = Math.floor(Date.now() / 1000);
    if (request.stream) return this.stream(response, request, generation, id, created);
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(
      JSON.stringify({
        id,
        object: 'chat.completion',
        created,
        model: request.model,
        choices: [{ index: 0, message: { role: 'assistant', content: generation.text }, finish_reason: 'stop', logprobs: null }],
        usage: usage(generation),
      }),
    );
  }

  /** Server-sent chunks ending with `data: [DONE]`; usage in a last chunk without choices, as `stream_options.include_usage` asks. */
  private stream(
    response: ServerResponse,
    request: ChatCompletionRequest,
    generation: Generation,
    id: string,
    created: number,
  ): void {
    const chunk = (fields: object): string =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: request.model, ...fields })}\n\n`;
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    for (let offset = 0; offset < generation.text.length; offset += 32) {
      response.write(
        chunk({ choices: [{ index: 0, delta: { content: generation.text.slice(offset, offset + 32) }, finish_reason: null }] }),
      );
    }
    response.write(chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }));
    response.write(chunk({ choices: [], usage: usage(generation) }));
    response.end('data: [DONE]\n\n');
  }
}

const usage = (generation: Generation) => ({
  prompt_tokens: generation.inputTokens,
  completion_tokens: generation.outputTokens,
  total_tokens: generation.inputTokens + generation.outputTokens,
});
