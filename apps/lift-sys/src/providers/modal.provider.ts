import OpenAI from 'openai';
import { Traced } from '@lift-sys/observability';
import type { ModalSettings } from '../config/app-config.js';
import { FIXTURE_FAULT_METADATA } from './deterministic-answer.js';
import { llmCallOptions } from './llm-span.js';
import type { LlmCompletion, LlmProvider, LlmStream, RoutedRequest } from './llm.types.js';
import { OpenAiChat } from './openai-chat.js';
import type { PricingTable } from './pricing.js';

/**
 * lift-sys's own model served on Modal (vLLM), reached through its OpenAI-compatible endpoint.
 * A requested fixture fault travels as request metadata, so a deterministic model standing in for
 * the deployment (apps/inference) misbehaves as the in-process fixture provider would.
 */
export class ModalProvider implements LlmProvider {
  readonly name = 'modal';
  readonly model: string;
  private readonly chat: OpenAiChat;

  constructor(settings: ModalSettings, pricing: PricingTable) {
    this.model = settings.model;
    const client = new OpenAI({ apiKey: settings.apiKey, baseURL: settings.endpointUrl, maxRetries: 1 });
    this.chat = new OpenAiChat(client, this.name, settings.model, pricing, (request) =>
      request.fixtureFault ? { [FIXTURE_FAULT_METADATA]: request.fixtureFault } : undefined,
    );
  }

  @Traced('llm.call', llmCallOptions('modal', false))
  complete(request: RoutedRequest): Promise<LlmCompletion> {
    return this.chat.complete(request);
  }

  @Traced('llm.call', llmCallOptions('modal', true))
  stream(request: RoutedRequest): LlmStream {
    return this.chat.stream(request);
  }
}
