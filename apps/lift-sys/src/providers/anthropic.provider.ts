import Anthropic from '@anthropic-ai/sdk';
import { Traced } from '@lift-sys/observability';
import type { RemoteProviderSettings } from '../config/app-config.js';
import { serverEndpoint, type ServerEndpoint } from '../observability/server-endpoint.js';
import { llmCallOptions, recordFirstChunk, recordLlmRequest } from './llm-span.js';
import type { LlmCompletion, LlmProvider, LlmStream, ResponseDetails, RoutedRequest } from './llm.types.js';
import { pricedCompletion, type PricedModel, type PricingTable } from './pricing.js';

/** Claude through the Messages API. */
export class AnthropicProvider implements LlmProvider {
  readonly name = 'anthropic';
  readonly model: string;
  private readonly client: Anthropic;
  private readonly endpoint: ServerEndpoint | undefined;

  constructor(
    settings: RemoteProviderSettings,
    private readonly pricing: PricingTable,
  ) {
    this.model = settings.model;
    this.client = new Anthropic({ apiKey: settings.apiKey, baseURL: settings.baseUrl, maxRetries: 1 });
    this.endpoint = serverEndpoint(this.client.baseURL);
  }

  @Traced('llm.call', llmCallOptions('anthropic', false))
  async complete(request: RoutedRequest): Promise<LlmCompletion> {
    recordLlmRequest(this.model, this.endpoint);
    const started = performance.now();
    const message = await this.client.messages.create({
      model: this.model,
      max_tokens: request.maxTokens,
      system: request.system,
      messages: [{ role: 'user', content: request.prompt }],
    });
    const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
    return pricedCompletion(this.priced, request, text, message.usage.input_tokens, message.usage.output_tokens, started, {
      responseModel: message.model,
      responseId: message.id,
      finishReasons: message.stop_reason ? [message.stop_reason] : [],
    });
  }

  @Traced('llm.call', llmCallOptions('anthropic', true))
  async *stream(request: RoutedRequest): LlmStream {
    recordLlmRequest(this.model, this.endpoint);
    const started = performance.now();
    const events = await this.client.messages.create({
      model: this.model,
      max_tokens: request.maxTokens,
      system: request.system,
      messages: [{ role: 'user', content: request.prompt }],
      stream: true,
    });
    let text = '';
    let inputTokens = 0;
    let outputTokens = 0;
    const response: ResponseDetails = { finishReasons: [] };
    for await (const event of events) {
      if (event.type === 'message_start') {
        inputTokens = event.message.usage.input_tokens;
        response.responseModel = event.message.model;
        response.responseId = event.message.id;
      }
      if (event.type === 'message_delta') {
        outputTokens = event.usage.output_tokens;
        if (event.delta.stop_reason) response.finishReasons = [event.delta.stop_reason];
      }
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
        if (text === '') recordFirstChunk(started);
        text += event.delta.text;
        yield event.delta.text;
      }
    }
    return pricedCompletion(this.priced, request, text, inputTokens, outputTokens, started, response);
  }

  /** Who answered, for pricing and labelling the completion. */
  private get priced(): PricedModel {
    return { provider: this.name, model: this.model, pricing: this.pricing };
  }
}
