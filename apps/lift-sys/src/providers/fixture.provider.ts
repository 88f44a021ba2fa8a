import { Traced } from '@lift-sys/observability';
import { setTimeout as sleep } from 'node:timers/promises';
import { llmCallOptions, recordFirstChunk, recordLlmRequest } from './llm-span.js';
import type { LlmCompletion, LlmProvider, LlmStream, RoutedRequest } from './llm.types.js';
import { pricedCompletion, type PricingTable } from './pricing.js';

export const FIXTURE_MODEL = 'fixture-deterministic';
/** Appended to code when a fault is requested: an unclosed bracket is a syntax error in every target language. */
export const INJECTED_SYNTAX_ERROR = '\n((( fixture: injected syntax error\n';
const STREAM_CHUNK_CHARACTERS = 24;
/** Longer than the plan's 10 s latency objective, so the slow-request queries have something to find. */
export const SLOW_RESPONSE_MS = 10_500;

/** What an overloaded or failing hosted model answers with; the fixture raises it on request. */
export class ProviderUnavailableError extends Error {
  constructor(provider: string) {
    super(`${provider} is overloaded (HTTP 529), try again later`);
    this.name = 'ProviderUnavailableError';
  }
}

/** Roughly four characters per token, as for English and code with common tokenizers. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/**
 * The offline default: answers with the request's deterministic reference and realistic token
 * counts. For code requests it can inject a syntax error (`fixtureFault`): on the first attempt
 * only (`invalid_once`), or on every attempt (`invalid_always`); fail as an overloaded provider
 * (`provider_error`); or answer slowly (`slow_response`).
 */
export class FixtureProvider implements LlmProvider {
  readonly name = 'fixture';
  readonly model = FIXTURE_MODEL;

  constructor(private readonly pricing: PricingTable) {}

  @Traced('llm.call', llmCallOptions('fixture', false))
  async complete(request: RoutedRequest): Promise<LlmCompletion> {
    recordLlmRequest(this.model);
    const started = performance.now();
    await this.failOrWait(request);
    return this.completion(request, this.answer(request), started);
  }

  @Traced('llm.call', llmCallOptions('fixture', true))
  async *stream(request: RoutedRequest): LlmStream {
    recordLlmRequest(this.model);
    const started = performance.now();
    await this.failOrWait(request);
    const text = this.answer(request);
    for (let offset = 0; offset < text.length; offset += STREAM_CHUNK_CHARACTERS) {
      if (offset === 0) recordFirstChunk(started);
      yield text.slice(offset, offset + STREAM_CHUNK_CHARACTERS);
    }
    return this.completion(request, text, started);
  }

  private async failOrWait(request: RoutedRequest): Promise<void> {
    if (request.purpose !== 'code') return;
    if (request.fixtureFault === 'provider_error') throw new ProviderUnavailableError(this.name);
    if (request.fixtureFault === 'slow_response') await sleep(SLOW_RESPONSE_MS);
  }

  private answer(request: RoutedRequest): string {
    const faulty =
      request.purpose === 'code' &&
      (request.fixtureFault === 'invalid_always' || (request.fixtureFault === 'invalid_once' && request.attempt === 1));
    return faulty ? request.reference + INJECTED_SYNTAX_ERROR : request.reference;
  }

  private completion(request: RoutedRequest, text: string, started: number): LlmCompletion {
    const inputTokens = estimateTokens(request.system) + estimateTokens(request.prompt);
    return pricedCompletion(
      { provider: this.name, model: this.model, pricing: this.pricing },
      request,
      text,
      inputTokens,
      estimateTokens(text),
      started,
      { responseModel: this.model, finishReasons: ['stop'] },
    );
  }
}
