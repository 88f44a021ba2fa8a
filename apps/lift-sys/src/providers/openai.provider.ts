import OpenAI from 'openai';
import { Traced } from '@lift-sys/observability';
import type { RemoteProviderSettings } from '../config/app-config.js';
import { llmCallOptions } from './llm-span.js';
import type { LlmCompletion, LlmProvider, LlmStream, RoutedRequest } from './llm.types.js';
import { OpenAiChat } from './openai-chat.js';
import type { PricingTable } from './pricing.js';

/** GPT models through the Chat Completions API. */
export class OpenAiProvider implements LlmProvider {
  readonly name = 'openai';
  readonly model: string;
  private readonly chat: OpenAiChat;

  constructor(settings: RemoteProviderSettings, pricing: PricingTable) {
    this.model = settings.model;
    const client = new OpenAI({ apiKey: settings.apiKey, baseURL: settings.baseUrl, maxRetries: 1 });
    this.chat = new OpenAiChat(client, this.name, settings.model, pricing);
  }

  @Traced('llm.call', llmCallOptions('openai', false))
  complete(request: RoutedRequest): Promise<LlmCompletion> {
    return this.chat.complete(request);
  }

  @Traced('llm.call', llmCallOptions('openai', true))
  stream(request: RoutedRequest): LlmStream {
    return this.chat.stream(request);
  }
}
