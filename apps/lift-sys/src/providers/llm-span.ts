import type { SpanAttributes, TracedOptions } from '@lift-sys/observability';
import type { LlmCompletion, ProviderName, RoutedRequest } from './llm.types.js';

function completionAttributes(completion: LlmCompletion): SpanAttributes {
  return {
    'llm.model': completion.model,
    'llm.input_tokens': completion.inputTokens,
    'llm.output_tokens': completion.outputTokens,
    'llm.cost_usd': completion.costUsd,
    'llm.latency_ms': completion.latencyMs,
  };
}

/** The `@Traced('llm.call', ...)` options every provider shares; prompts are never recorded. */
export function llmCallOptions(provider: ProviderName, streaming: boolean): TracedOptions {
  return {
    attributes: { 'llm.provider': provider, 'llm.streaming': streaming },
    args: (request: RoutedRequest) => ({ 'llm.provider_route': request.route, 'llm.purpose': request.purpose }),
    result: completionAttributes,
  };
}
