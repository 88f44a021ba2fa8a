import { Traced } from '@lift-sys/observability';
import { deterministicAnswer, estimateTokens, failOrWait } from './deterministic-answer.js';
import { llmCallOptions, recordFirstChunk, recordLlmRequest } from './llm-span.js';
import type { LlmCompletion, LlmProvider, LlmStream, RoutedRequest } from './llm.types.js';
import { pricedCompletion, type PricingTable } from './pricing.js';

export const FIXTURE_MODEL = 'fixture-deterministic';
const STREAM_CHUNK_CHARACTERS = 24;

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
    await failOrWait(request, this.name);
    return this.completion(request, deterministicAnswer(request), started);
  }

  @Traced('llm.call', llmCallOptions('fixture', true))
  async *stream(request: RoutedRequest): LlmStream {
    recordLlmRequest(this.model);
    const started = performance.now();
    await failOrWait(request, this.name);
    const text = deterministicAnswer(request);
    for (let offset = 0; offset < text.length; offset += STREAM_CHUNK_CHARACTERS) {
      if (offset === 0) recordFirstChunk(started);
      yield text.slice(offset, offset + STREAM_CHUNK_CHARACTERS);
    }
    return this.completion(request, text, started);
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
