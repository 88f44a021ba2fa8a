import type OpenAI from 'openai';
import { serverEndpoint, type ServerEndpoint } from '../observability/server-endpoint.js';
import { recordFirstChunk, recordLlmRequest } from './llm-span.js';
import type { LlmCompletion, ProviderName, ResponseDetails, RoutedRequest } from './llm.types.js';
import { pricedCompletion, type PricedModel, type PricingTable } from './pricing.js';

/** The Chat Completions calls OpenAI and Modal's OpenAI-compatible endpoint share. */
export class OpenAiChat {
  private readonly endpoint: ServerEndpoint | undefined;

  constructor(
    private readonly client: OpenAI,
    private readonly provider: ProviderName,
    readonly model: string,
    private readonly pricing: PricingTable,
    private readonly metadata: (request: RoutedRequest) => Record<string, string> | undefined = () => undefined,
  ) {
    this.endpoint = serverEndpoint(client.baseURL);
  }

  async complete(request: RoutedRequest): Promise<LlmCompletion> {
    recordLlmRequest(this.model, this.endpoint);
    const started = performance.now();
    const response = await this.client.chat.completions.create({
      model: this.model,
      max_tokens: request.maxTokens,
      messages: this.messages(request),
      ...this.metadataOf(request),
      ...(request.structuredOutput ? { response_format: { type: 'json_object' as const } } : {}),
    });
    const text = response.choices[0]?.message.content ?? '';
    return pricedCompletion(
      this.priced,
      request,
      text,
      response.usage?.prompt_tokens ?? 0,
      response.usage?.completion_tokens ?? 0,
      started,
      {
        responseModel: response.model,
        responseId: response.id,
        finishReasons: response.choices.map((choice) => choice.finish_reason),
      },
    );
  }

  async *stream(request: RoutedRequest): AsyncGenerator<string, LlmCompletion, undefined> {
    recordLlmRequest(this.model, this.endpoint);
    const started = performance.now();
    const chunks = await this.client.chat.completions.create({
      model: this.model,
      max_tokens: request.maxTokens,
      messages: this.messages(request),
      ...this.metadataOf(request),
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let inputTokens = 0;
    let outputTokens = 0;
    const response: ResponseDetails = { finishReasons: [] };
    for await (const chunk of chunks) {
      response.responseModel = chunk.model;
      response.responseId = chunk.id;
      for (const choice of chunk.choices) if (choice.finish_reason) response.finishReasons?.push(choice.finish_reason);
      const delta = chunk.choices[0]?.delta.content;
      if (delta) {
        if (text === '') recordFirstChunk(started);
        text += delta;
        yield delta;
      }
      if (chunk.usage) {
        inputTokens = chunk.usage.prompt_tokens;
        outputTokens = chunk.usage.completion_tokens;
      }
    }
    return pricedCompletion(this.priced, request, text, inputTokens, outputTokens, started, response);
  }

  /** Chat Completions' `metadata`: up to 16 string pairs, sent only when the provider has some. */
  private metadataOf(request: RoutedRequest): { metadata?: Record<string, string> } {
    const metadata = this.metadata(request);
    return metadata ? { metadata } : {};
  }

  private messages(request: RoutedRequest): OpenAI.Chat.ChatCompletionMessageParam[] {
    return [
      { role: 'system', content: request.system },
      { role: 'user', content: request.prompt },
    ];
  }

  /** Who answered, for pricing and labelling the completion. */
  private get priced(): PricedModel {
    return { provider: this.provider, model: this.model, pricing: this.pricing };
  }
}
